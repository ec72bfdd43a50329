/**
 * Meta's status webhook for a message: the delivery state officers see, the outcome a waiting retry looks
 * for, and a failed one listed for officers, or replaced by its template when the window had closed.
 */
import type { ApplicantSession } from '../ports';
import type { StatusEvent } from '../queue-events';
import { METRICS } from '../metric-names';
import type { EventHandlingDeps } from './event-handling';
import { recordFailure, saveAndSend, sessionFor, settledSession, WINDOW_CLOSED } from './outbox';

/** `changed`: the status moved the message's state on (a repeated or older status does not). */
export interface StatusResult {
  readonly changed: boolean;
  readonly replacedByTemplate: boolean;
}

export async function recordDeliveryStatus(event: StatusEvent, deps: EventHandlingDeps): Promise<StatusResult> {
  // Kept whatever the outbox entry's state: a retry waiting on that entry looks here before resending.
  if (event.callbackData) {
    await deps.deliveries.recordSendOutcome({ outboxId: event.callbackData, messageId: event.messageId, status: event.status, at: event.at });
  }
  const replaced = event.status === 'failed' && event.errorCode === WINDOW_CLOSED && (await resendAsTemplate(event, deps));
  const changed = await deps.deliveries.recordStatus({
    messageId: event.messageId,
    status: event.status,
    at: event.at,
    recipientKey: event.applicant.key,
    ...(event.errorCode !== undefined ? { errorCode: event.errorCode } : {}),
    ...(event.errorTitle ? { errorTitle: event.errorTitle } : {}),
  });
  if (!changed) return { changed: false, replacedByTemplate: replaced };
  deps.metrics.count(METRICS.messageStatuses, 1, { Status: event.status });
  if (event.status === 'failed' && !replaced) {
    await recordFailure(
      {
        applicantKey: event.applicant.key,
        ...(event.applicant.waId ? { waId: event.applicant.waId } : {}),
        outboxId: event.messageId,
        reason: 'failed-after-sending',
        code: event.errorCode ?? 0,
        title: event.errorTitle ?? '',
        at: event.at,
        ...changed,
      },
      deps,
    );
  }
  return { changed: true, replacedByTemplate: replaced };
}

/**
 * Meta accepted a free-form message, then reported it `failed` with 131047: the window had closed. The
 * message's template goes instead, through the applicant's outbox like any reply (in flight, settled from
 * its status), once however often the status is delivered: the status event's own record deduplicates it.
 * `failed` statuses are on the applicant's own stream (`messageGroupOf`), so this keeps their order.
 */
async function resendAsTemplate(event: StatusEvent, deps: EventHandlingDeps): Promise<boolean> {
  const claimed = await deps.deliveries.pendingFallback(event.messageId);
  if (!claimed) return false;
  const stored = await settledSession(event.applicant.key, deps);
  if (!stored?.recentEventIds.includes(event.eventId)) {
    const session: ApplicantSession = stored ?? sessionFor(event.applicant);
    await saveAndSend(session, event.eventId, session.conversation, [claimed.fallback], deps.clock.now(), {}, deps, {
      queueNumber: claimed.queueNumber,
      kind: claimed.kind,
    });
  }
  await deps.deliveries.markFallbackSent(event.messageId);
  deps.log.info('window closed after sending: template sent instead', { messageId: event.messageId, queueNumber: claimed.queueNumber });
  return true;
}
