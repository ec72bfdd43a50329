/**
 * One event from an applicant's ordered stream: skip it if already handled, decide (pure), save the
 * decision with its replies (outbox), send them, mark them sent. A retry resends only what is unsent.
 */
import { decide, NEW_CONVERSATION } from '../domain/conversation';
import type { InboundContent } from '../domain/inbound';
import type { OfficeProfile } from '../domain/office';
import type { ServiceId } from '../domain/services';
import { DuplicateEventError, GraphApiError } from '../errors';
import type { ApplicantSession, BlobStore, Clock, DeliveryStore, DraftStore, IdSource, Messenger, SessionStore } from '../ports';
import type { InboundEvent, QueueEvent, StatusEvent } from '../queue-events';

export interface EventHandlingDeps {
  readonly sessions: SessionStore;
  readonly deliveries: DeliveryStore;
  readonly drafts: DraftStore;
  readonly blobs: BlobStore;
  readonly messenger: Messenger;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly office: OfficeProfile;
  /** Resolves to a signer of applicants' upload links (its key may have to be fetched first). */
  readonly uploadLinks: () => Promise<(serviceId: ServiceId, draftId: string) => string>;
  readonly log: EventLog;
}

export interface EventLog {
  info(message: string, fields: Record<string, unknown>): void;
  warn(message: string, fields: Record<string, unknown>): void;
}

const RECENT_EVENTS_KEPT = 20;

export async function handleQueueEvent(event: QueueEvent, deps: EventHandlingDeps): Promise<void> {
  switch (event.type) {
    case 'inbound':
      return handleInbound(event, deps);
    case 'status':
      return handleStatus(event, deps);
  }
}

async function handleInbound(event: InboundEvent, deps: EventHandlingDeps): Promise<void> {
  const loaded = await deps.sessions.load(event.applicant.key);
  if (loaded) await sendOutbox(loaded, deps);
  // What sendOutbox settled is gone from the outbox; anything left would have thrown.
  const stored = loaded && { ...loaded, outbox: [] };
  if (stored?.recentEventIds.includes(event.eventId)) {
    deps.log.info('duplicate event skipped', { eventId: event.eventId });
    return;
  }

  const session = stored ?? newSession(event);
  const now = deps.clock.now();
  const uploadLink = await deps.uploadLinks();
  const decision = decide(session.conversation, event.content as InboundContent, {
    now,
    office: deps.office,
    newDraftId: deps.ids.newId(),
    uploadLink,
  });
  const nextSeq = Math.max(0, ...session.outbox.map((entry) => entry.seq)) + 1;
  const decided: ApplicantSession = {
    ...session,
    ...identityUpdate(session, event),
    conversation: decision.conversation,
    lastInboundAt: later(session.lastInboundAt, event.sentAt),
    recentEventIds: [...session.recentEventIds, event.eventId].slice(-RECENT_EVENTS_KEPT),
    outbox: [
      ...decision.replies.map((reply, index) => ({ id: `${event.eventId}#${index}`, seq: nextSeq + index, reply })),
    ],
  };
  try {
    await deps.sessions.saveDecision(decided, event.eventId, now);
  } catch (error) {
    if (error instanceof DuplicateEventError) {
      deps.log.info('duplicate event skipped', { eventId: event.eventId });
      return;
    }
    throw error;
  }
  await sendOutbox({ ...decided, version: decided.version + 1 }, deps);
  if (decision.replies.length > 0) await markRead(event.eventId, deps);
}

async function sendOutbox(session: ApplicantSession, deps: EventHandlingDeps): Promise<void> {
  const recipient = { ...(session.waId ? { waId: session.waId } : {}), ...(session.userId ? { userId: session.userId } : {}) };
  for (const entry of session.outbox) {
    try {
      const { messageId } = await deps.messenger.send(recipient, entry.reply);
      await deps.sessions.markSent(session.key, entry.id);
      deps.log.info('reply sent', { outboxId: entry.id, messageId });
    } catch (error) {
      if (error instanceof GraphApiError && !error.retryable) {
        await deps.deliveries.recordFailedSend({
          applicantKey: session.key,
          outboxId: entry.id,
          code: error.code,
          title: error.title,
          at: deps.clock.now().toISOString(),
        });
        await deps.sessions.markSent(session.key, entry.id);
        deps.log.warn('reply refused by Meta', { outboxId: entry.id, code: error.code, fbtraceId: error.fbtraceId });
        continue;
      }
      throw error;
    }
  }
}

async function markRead(messageId: string, deps: EventHandlingDeps): Promise<void> {
  try {
    await deps.messenger.markRead(messageId);
  } catch (error) {
    // A missing read receipt costs the applicant nothing; it must not make the event retry.
    deps.log.warn('mark as read failed', { messageId, error: (error as Error).message });
  }
}

async function handleStatus(event: StatusEvent, deps: EventHandlingDeps): Promise<void> {
  await deps.deliveries.recordStatus({
    messageId: event.messageId,
    status: event.status,
    at: event.at,
    recipientKey: event.applicant.key,
    ...(event.errorCode !== undefined ? { errorCode: event.errorCode } : {}),
    ...(event.errorTitle ? { errorTitle: event.errorTitle } : {}),
  });
}

function newSession(event: InboundEvent): ApplicantSession {
  return {
    key: event.applicant.key,
    conversation: NEW_CONVERSATION,
    recentEventIds: [],
    outbox: [],
    version: 0,
  };
}

function identityUpdate(session: ApplicantSession, event: InboundEvent): Partial<ApplicantSession> {
  const { waId, userId, profileName } = event.applicant;
  return {
    ...(event.newWaId ? { waId: event.newWaId } : waId ? { waId } : {}),
    ...(userId ? { userId } : {}),
    ...(profileName ? { profileName } : session.profileName ? { profileName: session.profileName } : {}),
  };
}

function later(a: string | undefined, b: string): string {
  return a && a > b ? a : b;
}
