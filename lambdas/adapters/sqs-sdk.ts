import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SqsBatchSender } from './sqs-event-queue';

/** `SendMessageBatch` through the SDK's client (the admin and reminder Lambdas). */
export function sdkSqs(client: SQSClient): SqsBatchSender {
  return { sendMessageBatch: (input) => client.send(new SendMessageBatchCommand(input)) };
}
