/**
 * The conversation worker: SQS FIFO records in order, one applicant's records strictly one after the
 * other. At the first failure the rest of that batch is reported failed too, so order survives retries.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { queueEventSchema } from '../queue-events';
import { handleQueueEvent, type EventHandlingDeps } from '../use-cases/handle-queue-event';

export type ConversationHandler = (event: SQSEvent) => Promise<SQSBatchResponse>;

export function createConversationHandler(deps: EventHandlingDeps): ConversationHandler {
  return async (event) => {
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      if (failures.length > 0) {
        failures.push({ itemIdentifier: record.messageId });
        continue;
      }
      const parsed = queueEventSchema.safeParse(safeJson(record.body));
      if (!parsed.success) {
        // A body that can never parse would block its group forever: drop it loudly instead.
        deps.log.warn('unreadable queue event dropped', { messageId: record.messageId });
        continue;
      }
      try {
        await handleQueueEvent(parsed.data, deps);
      } catch (error) {
        deps.log.warn('event failed, will retry', {
          messageId: record.messageId,
          eventId: parsed.data.eventId,
          error: (error as Error).name,
          detail: (error as Error).message,
        });
        failures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures: failures };
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
