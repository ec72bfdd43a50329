/** An event that failed on its last attempt, listed for officers before the dead-letter queue takes it. */
import { GraphApiError, SendOutcomeUnknownError } from '../errors';
import type { QueueEvent } from '../queue-events';
import type { EventHandlingDeps } from './event-handling';
import { recordFailure } from './outbox';

/**
 * The event failed on its last attempt and goes to the dead-letter queue: what the applicant was owed
 * is listed for officers (a status event owes nothing). A replay from the dead-letter queue may still
 * deliver it; the list says when it was given up.
 */
export async function recordGivingUp(
  event: QueueEvent,
  failure: unknown,
  attempts: number,
  deps: EventHandlingDeps,
  reason: 'gave-up' | 'held-back' = 'gave-up',
): Promise<void> {
  if (event.type === 'status') return;
  const error = failure instanceof SendOutcomeUnknownError ? failure.cause : failure;
  const detail = error instanceof GraphApiError ? error.title : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  await recordFailure(
    {
      applicantKey: event.applicant.key,
      ...(event.applicant.waId ? { waId: event.applicant.waId } : {}),
      outboxId: event.eventId,
      reason,
      code: error instanceof GraphApiError ? error.code : 0,
      title: `${attempts}×: ${detail}`.slice(0, 300),
      at: deps.clock.now().toISOString(),
      ...(event.type === 'notify' ? { queueNumber: event.queueNumber, kind: event.kind } : {}),
      ...(event.type === 'reminder' ? { queueNumber: event.queueNumber, kind: 'reminder' } : {}),
      ...(event.type === 'inbound' ? { kind: 'reply' } : {}),
      ...(event.type === 'daily-summary' ? { kind: 'daily-summary' } : {}),
    },
    deps,
  );
}
