/** FIFO message groups (SQS in AWS, the journalled queue locally); apart from queue-events.ts so the webhook loads no schema for it. */
import type { QueueEvent } from './queue-events';

/**
 * The message group of an event: the applicant's own stream, except statuses other than `failed`. Those
 * only record what Meta did, and a retry that waits on an unsettled send looks for them: queued behind
 * that retry in the applicant's group they would be held until it gave up. A `failed` status may send
 * the template instead, so it keeps the applicant's order.
 */
export function messageGroupOf(event: QueueEvent): string {
  return event.type === 'status' && event.status !== 'failed' ? `statuses:${event.applicant.key}` : event.applicant.key;
}
