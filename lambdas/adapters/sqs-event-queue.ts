import { createHash } from 'node:crypto';
import type { SendMessageBatchRequest, SendMessageBatchResult } from '@aws-sdk/client-sqs';
import type { EventQueue } from '../ports';
import { messageGroupOf } from '../message-groups';
import type { QueueEvent } from '../queue-events';

const SQS_BATCH_LIMIT = 10;
/** Batches in flight at once: a reminder run queues thousands of events. */
const PARALLEL_BATCHES = 8;

/**
 * SQS's `SendMessageBatch`: the SDK's client (`sdkSqs`, sqs-sdk.ts) or, in the webhook, one signed request
 * (`signedSqs`, aws-json-api.ts), so that this file loads no SDK.
 */
export interface SqsBatchSender {
  sendMessageBatch(input: SendMessageBatchRequest): Promise<Pick<SendMessageBatchResult, 'Failed'>>;
}

/** SQS FIFO: one message group per applicant keeps their events in order (`messageGroupOf`); the event id deduplicates. */
export class SqsEventQueue implements EventQueue {
  constructor(
    private readonly sqs: SqsBatchSender,
    private readonly queueUrl: string,
  ) {}

  async enqueue(events: readonly QueueEvent[]): Promise<void> {
    const batches: QueueEvent[][] = [];
    for (let start = 0; start < events.length; start += SQS_BATCH_LIMIT) batches.push(events.slice(start, start + SQS_BATCH_LIMIT));
    // One applicant's events must keep their order: only batches of different applicants run side by side.
    const sameApplicantTwice = new Set(events.map((event) => event.applicant.key)).size < events.length;
    const parallel = sameApplicantTwice ? 1 : PARALLEL_BATCHES;
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        if (batch) await this.sendBatch(batch);
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, batches.length) }, worker));
  }

  private async sendBatch(batch: readonly QueueEvent[]): Promise<void> {
    const result = await this.sqs.sendMessageBatch({
      QueueUrl: this.queueUrl,
      Entries: batch.map((event, index) => ({
        Id: String(index),
        MessageBody: JSON.stringify(event),
        MessageGroupId: messageGroupOf(event),
        MessageDeduplicationId: deduplicationId(event.eventId),
      })),
    });
    if (result.Failed && result.Failed.length > 0) {
      throw new Error(`SQS refused ${result.Failed.length} of ${batch.length} events: ${result.Failed[0]?.Code}`);
    }
  }
}

/** SQS allows 128 characters of `[A-Za-z0-9!-/:-@[-`{-~]`; Meta's ids fit, anything else is hashed. */
export function deduplicationId(eventId: string): string {
  if (/^[\x21-\x7e]{1,128}$/.test(eventId)) return eventId;
  return createHash('sha256').update(eventId).digest('hex');
}
