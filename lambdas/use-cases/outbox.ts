/**
 * The applicant's outbox: a decision is saved with its replies and the event's record in one write, then
 * the replies are sent in order. Each send is marked in flight first and carries its outbox id to Meta
 * (`biz_opaque_callback_data`); a retry that finds an entry in flight settles it from Meta's status
 * webhook when one came, and sends it again only when none did.
 */
import { NEW_CONVERSATION, type Conversation } from '../domain/conversation';
import type { Reply } from '../domain/replies';
import { DuplicateEventError, GraphApiError, SendOutcomeUnknownError } from '../errors';
import { METRICS } from '../metric-names';
import type { ApplicantSession, FailedSend, OutboxEntry, Recipient, SessionStore } from '../ports';
import type { NotifyEvent } from '../queue-events';
import type { EventHandlingDeps } from './event-handling';

const RECENT_EVENTS_KEPT = 20;
/** Meta's "Re-engagement message": free-form outside the 24-hour window. */
export const WINDOW_CLOSED = 131047;

/**
 * The applicant's stored session with what an earlier attempt left in its outbox sent first (anything
 * it could not send would have thrown), or `undefined` for a new applicant.
 */
export async function settledSession(applicantKey: string, deps: EventHandlingDeps): Promise<ApplicantSession | undefined> {
  const loaded = await deps.sessions.load(applicantKey);
  if (loaded) await sendOutbox(loaded, deps);
  return loaded && { ...loaded, outbox: [] };
}

/** Saves the decision with its replies (the outbox) and the event's record in one go, then sends. */
export async function saveAndSend(
  session: ApplicantSession,
  eventId: string,
  conversation: Conversation,
  replies: readonly Reply[],
  now: Date,
  created: Parameters<SessionStore['saveDecision']>[3],
  deps: EventHandlingDeps,
  about?: OutboxEntry['about'],
): Promise<boolean> {
  const nextSeq = Math.max(0, ...session.outbox.map((entry) => entry.seq)) + 1;
  const decided: ApplicantSession = {
    ...session,
    conversation,
    recentEventIds: [...session.recentEventIds, eventId].slice(-RECENT_EVENTS_KEPT),
    outbox: replies.map((reply, index) => ({ id: `${eventId}#${index}`, seq: nextSeq + index, reply, ...(about ? { about } : {}) })),
  };
  try {
    await deps.sessions.saveDecision(decided, eventId, now, created);
  } catch (error) {
    if (error instanceof DuplicateEventError) {
      // Either another attempt saved this event, or ours did and its answer was lost (the SDK then
      // retried the transaction and met its own write). Either way its replies are in the outbox now.
      const stored = await deps.sessions.load(session.key);
      if (stored?.recentEventIds.includes(eventId)) await sendOutbox(stored, deps);
      deps.log.info('duplicate event skipped', { eventId });
      return false;
    }
    throw error;
  }
  await sendOutbox({ ...decided, version: decided.version + 1 }, deps);
  return true;
}

/**
 * Sends what the outbox holds, in order. An entry found in flight was being sent by an earlier attempt
 * that did not settle it: the retry waited (SEND_OUTCOME_WAIT_SECONDS), so if Meta took it, its status
 * webhook has been recorded by now and the entry is settled without a second send.
 */
export async function sendOutbox(session: ApplicantSession, deps: EventHandlingDeps): Promise<void> {
  const recipient = { ...(session.waId ? { waId: session.waId } : {}), ...(session.userId ? { userId: session.userId } : {}) };
  for (const entry of session.outbox) {
    if (entry.inFlight) {
      const outcome = await deps.deliveries.sendOutcome(entry.id);
      if (outcome) {
        await settleSent(session, entry, { messageId: outcome.messageId, template: entry.inFlight.template }, deps);
        deps.log.info('reply had reached Meta: settled from its status, not sent again', {
          outboxId: entry.id,
          messageId: outcome.messageId,
          status: outcome.status,
        });
        continue;
      }
      deps.log.warn('no status came for a send in flight: sending it again', { outboxId: entry.id, since: entry.inFlight.since });
    }
    let sent: { messageId: string; template: boolean } | undefined;
    try {
      sent = await sendWithinWindow(session.key, recipient, entry, deps);
    } catch (error) {
      if (error instanceof GraphApiError && !error.retryable) {
        await recordFailure(
          {
            applicantKey: session.key,
            ...(session.waId ? { waId: session.waId } : {}),
            outboxId: entry.id,
            reason: 'refused',
            code: error.code,
            title: error.title,
            at: deps.clock.now().toISOString(),
            ...(entry.about ? { queueNumber: entry.about.queueNumber, kind: entry.about.kind } : {}),
          },
          deps,
        );
        await deps.sessions.markSent(session.key, entry.id);
        deps.log.warn('reply refused by Meta', { outboxId: entry.id, code: error.code, fbtraceId: error.fbtraceId });
        continue;
      }
      throw error;
    }
    if (!sent) continue;
    try {
      await settleSent(session, entry, sent, deps);
    } catch (error) {
      // Meta has it and we could not write that down: the retry must find its status, not send again.
      throw new SendOutcomeUnknownError(entry.id, error);
    }
  }
}

/** What follows a send Meta took: the delivery state officers see, the counts, and the entry gone from the outbox. */
async function settleSent(
  session: ApplicantSession,
  entry: OutboxEntry,
  sent: { messageId: string; template: boolean },
  deps: EventHandlingDeps,
): Promise<void> {
  const { messageId, template } = sent;
  if (template && !entry.about?.countedAgainstLimit) await deps.deliveries.recordTemplateSend(deps.clock.now());
  if (entry.about) {
    // The template to send instead if Meta later reports the free-form message failed (131047).
    const fallback = !template && 'outsideWindow' in entry.reply ? entry.reply.outsideWindow : undefined;
    await deps.deliveries.recordSent({ messageId, ...entry.about, at: deps.clock.now().toISOString(), ...(fallback ? { fallback } : {}) });
    if (entry.about.kind === 'reminder') deps.metrics.count(METRICS.remindersSent);
    else deps.metrics.count(METRICS.notificationsSent, 1, { Kind: entry.about.kind });
  }
  await deps.sessions.markSent(session.key, entry.id);
  deps.log.info('reply sent', { outboxId: entry.id, messageId });
}

/**
 * Free-form first where the decision expected the window open; Meta's 131047 (window closed after all)
 * sends the matching template instead, once. Every call is marked in flight first and names the entry.
 * Resolves to `undefined` when the entry left the outbox meanwhile.
 */
async function sendWithinWindow(
  sessionKey: string,
  recipient: Recipient,
  entry: OutboxEntry,
  deps: EventHandlingDeps,
): Promise<{ messageId: string; template: boolean } | undefined> {
  const inFlight = (template: boolean) => deps.sessions.markInFlight(sessionKey, entry.id, { since: deps.clock.now().toISOString(), template });
  if (!(await inFlight(entry.reply.type === 'template'))) return undefined;
  try {
    const { messageId } = await sendOnce(recipient, entry.reply, entry.id, deps);
    return { messageId, template: entry.reply.type === 'template' };
  } catch (error) {
    const fallback = 'outsideWindow' in entry.reply ? entry.reply.outsideWindow : undefined;
    if (error instanceof GraphApiError && error.code === WINDOW_CLOSED && fallback) {
      deps.log.info('window closed: sending the template', { outboxId: entry.id });
      if (!(await inFlight(true))) return undefined;
      const { messageId } = await sendOnce(recipient, fallback, entry.id, deps);
      return { messageId, template: true };
    }
    throw error;
  }
}

/** One Graph API call. Without Meta's answer (a timeout, a cut connection, a gateway's 5xx) it may have been sent. */
async function sendOnce(recipient: Recipient, reply: Reply, outboxId: string, deps: EventHandlingDeps): Promise<{ messageId: string }> {
  try {
    return await deps.messenger.send(recipient, reply, { callbackData: outboxId });
  } catch (error) {
    const answeredByMeta = error instanceof GraphApiError && (error.code !== 0 || !error.retryable);
    if (answeredByMeta) throw error;
    throw new SendOutcomeUnknownError(outboxId, error);
  }
}

export async function markRead(messageId: string, deps: EventHandlingDeps): Promise<void> {
  try {
    await deps.messenger.markRead(messageId);
  } catch (error) {
    // A missing read receipt costs the applicant nothing; it must not make the event retry.
    deps.log.warn('mark as read failed', { messageId, error: (error as Error).message });
  }
}

/** Every message that did not reach its applicant is listed for officers and counted for the alarm. */
export async function recordFailure(failure: FailedSend, deps: EventHandlingDeps): Promise<void> {
  await deps.deliveries.recordFailedSend(failure);
  deps.metrics.count(METRICS.failedSends, 1, { ErrorCode: String(failure.code) });
}

export function sessionFor(applicant: NotifyEvent['applicant']): ApplicantSession {
  return {
    key: applicant.key,
    ...(applicant.waId ? { waId: applicant.waId } : {}),
    ...(applicant.userId ? { userId: applicant.userId } : {}),
    conversation: NEW_CONVERSATION,
    recentEventIds: [],
    outbox: [],
    version: 0,
  };
}
