/**
 * The SDK's SQS client loaded on first use: the admin app enqueues only on an officer's decision, the
 * worker only when it delays a retry, the reminder job only when tomorrow has appointments. In the bundle
 * the imports are chunks of their own (code splitting); the request shapes stay those of sqs-sdk.ts and
 * sqs-retry-scheduler.ts.
 */
import type { RetryScheduler } from '../ports';
import { onFirstUse } from './on-first-use';
import type { SqsBatchSender } from './sqs-event-queue';

/** `SendMessageBatch` through the SDK's client, loaded when the first batch is sent. */
export function lazySdkSqs(): SqsBatchSender {
  const sender = onFirstUse(async () => {
    const [{ SQSClient }, { sdkSqs }] = await Promise.all([import('@aws-sdk/client-sqs'), import('./sqs-sdk')]);
    return sdkSqs(new SQSClient({}));
  });
  return { sendMessageBatch: async (input) => (await sender()).sendMessageBatch(input) };
}

/** The worker's retry delays (a record's visibility timeout), the client loaded on the first retry. */
export function lazySqsRetryScheduler(queueUrl: string): RetryScheduler {
  const scheduler = onFirstUse(async () => {
    const [{ SQSClient }, { sqsRetryScheduler }] = await Promise.all([import('@aws-sdk/client-sqs'), import('./sqs-retry-scheduler')]);
    return sqsRetryScheduler(new SQSClient({}), queueUrl);
  });
  return { retryAfter: async (record, delaySeconds) => (await scheduler()).retryAfter(record, delaySeconds) };
}
