import { createHash } from 'node:crypto';
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { EventQueue } from '../ports';
import type { QueueEvent } from '../queue-events';

const SQS_BATCH_LIMIT = 10;

/** SQS FIFO: one message group per applicant keeps their events in order; the event id deduplicates. */
export class SqsEventQueue implements EventQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async enqueue(events: readonly QueueEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += SQS_BATCH_LIMIT) {
      const batch = events.slice(start, start + SQS_BATCH_LIMIT);
      const result = await this.client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: batch.map((event, index) => ({
            Id: String(index),
            MessageBody: JSON.stringify(event),
            MessageGroupId: event.applicant.key,
            MessageDeduplicationId: deduplicationId(event.eventId),
          })),
        }),
      );
      if (result.Failed && result.Failed.length > 0) {
        throw new Error(`SQS refused ${result.Failed.length} of ${batch.length} events: ${result.Failed[0]?.Code}`);
      }
    }
  }
}

/** SQS allows 128 characters of `[A-Za-z0-9!-/:-@[-`{-~]`; Meta's ids fit, anything else is hashed. */
export function deduplicationId(eventId: string): string {
  if (/^[\x21-\x7e]{1,128}$/.test(eventId)) return eventId;
  return createHash('sha256').update(eventId).digest('hex');
}
