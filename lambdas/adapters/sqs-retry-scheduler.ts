import { ChangeMessageVisibilityCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { RetryScheduler } from '../ports';

/** A failed record returns after its delay: its visibility timeout is set to it (SQS allows up to 12 h). */
export function sqsRetryScheduler(client: SQSClient, queueUrl: string): RetryScheduler {
  return {
    async retryAfter(record, delaySeconds) {
      await client.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: record.receiptHandle, VisibilityTimeout: delaySeconds }));
    },
  };
}
