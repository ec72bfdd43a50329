/**
 * One event from an applicant's ordered stream: skip it if already handled, decide (pure), save the
 * decision with its replies (outbox), send them, mark them sent. Each send is marked in flight first and
 * carries its outbox id to Meta (`biz_opaque_callback_data`); a retry that finds an entry in flight
 * settles it from Meta's status webhook when one came, and sends it again only when none did.
 */
import { printableText } from '../domain/text-hygiene';
import { createHash } from 'node:crypto';
import { maskNik } from '../domain/personal-data';
import {
  applyNotice,
  decide,
  reminderReply,
  lookupsFor,
  NEW_CONVERSATION,
  type Conversation,
  type DecisionContext,
  type Effect,
  type Facts,
  type MediaFailure,
} from '../domain/conversation';
import { MAX_DOCUMENT_BYTES, sniffDocumentType } from '../domain/documents';
import type { InboundContent } from '../domain/inbound';
import type { Reply } from '../domain/replies';
import type { OfficeProfile } from '../domain/office';
import { isOpen, type Registration } from '../domain/registration';
import { cancelledByApplicant, checkRescheduleRequest, rescheduleRequested } from '../domain/reschedule';
import { dayState, type DayState, type HolidayCalendar } from '../domain/schedule';
import type { RequirementId, ServiceId } from '../domain/services';
import { ConcurrentUpdateError, DuplicateEventError, GraphApiError, MediaRejectedError, SendOutcomeUnknownError } from '../errors';
import type {
  ApplicantSession,
  BlobStore,
  Clock,
  DeliveryStore,
  DocumentChange,
  DraftStore,
  FailedSend,
  IdSource,
  MediaSource,
  Messenger,
  Metrics,
  OutboxEntry,
  Recipient,
  OfficeRegistrationStore,
  SessionStore,
} from '../ports';
import type { InboundEvent, NotifyEvent, QueueEvent, ReminderEvent, StatusEvent } from '../queue-events';
import { METRICS } from '../metric-names';
import { remindable } from './run-reminders';

export interface EventHandlingDeps {
  readonly sessions: SessionStore;
  readonly deliveries: DeliveryStore;
  readonly drafts: DraftStore;
  readonly blobs: BlobStore;
  readonly registrations: OfficeRegistrationStore;
  readonly media: MediaSource;
  readonly messenger: Messenger;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly office: OfficeProfile;
  readonly holidays: HolidayCalendar;
  /** Resolves to an issuer of applicants' upload links (its key may have to be fetched first). */
  readonly uploadLinks: () => Promise<UploadLinkIssuer>;
  /** Renders, stores and links a registration's PDF proof. */
  readonly proofs: (registration: Registration, version: number, previousDate: string | undefined) => Promise<{ link: string }>;
  readonly log: EventLog;
  readonly metrics: Metrics;
  /** The secret that keys applicants' correlation ids in logs (`applicantTag`). */
  readonly logHashSecret: () => Promise<string>;
}

/** Makes applicants' upload links; `persist` stores what the links made so far need before they are sent. */
export interface UploadLinkIssuer {
  readonly link: (serviceId: ServiceId, draftId: string, only?: readonly RequirementId[], expiresAt?: number, note?: string) => string;
  readonly persist: () => Promise<void>;
}

export interface EventLog {
  info(message: string, fields: Record<string, unknown>): void;
  warn(message: string, fields: Record<string, unknown>): void;
}

const RECENT_EVENTS_KEPT = 20;
/** Meta's "Re-engagement message": free-form outside the 24-hour window. */
const WINDOW_CLOSED = 131047;

export async function handleQueueEvent(event: QueueEvent, deps: EventHandlingDeps): Promise<void> {
  switch (event.type) {
    case 'inbound':
      return handleInbound(event, deps);
    case 'status':
      return handleStatus(event, deps);
    case 'notify':
      return handleNotify(event, deps);
    case 'reminder':
      return handleReminder(event, deps);
  }
}

/** Stage 8, once per appointment date; nothing for a registration moved or closed since the job ran. */
async function handleReminder(event: ReminderEvent, deps: EventHandlingDeps): Promise<void> {
  const registration = await deps.registrations.get(event.queueNumber);
  if (!registration || !remindable(registration, event.date) || !registration.appointmentTime) {
    deps.log.info('reminder no longer due', { eventId: event.eventId });
    return;
  }
  const loaded = await deps.sessions.load(event.applicant.key);
  if (loaded) await sendOutbox(loaded, deps);
  if (loaded?.recentEventIds.includes(event.eventId)) return;
  const session = loaded ? { ...loaded, outbox: [] } : sessionFor(event.applicant);
  const now = deps.clock.now();
  const reminder = reminderReply(
    { queueNumber: registration.queueNumber, name: registration.name, nik: registration.nik, date: event.date, time: registration.appointmentTime },
    deps.office,
    session.lastInboundAt,
    now,
  );
  await saveAndSend(session, event.eventId, session.conversation, [reminder], now, {}, deps, {
    queueNumber: event.queueNumber,
    kind: 'reminder',
    ...(event.countedAgainstLimit ? { countedAgainstLimit: true } : {}),
  });
}

function sessionFor(applicant: NotifyEvent['applicant']): ApplicantSession {
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

/**
 * An officer's decision, told to the applicant through their own ordered stream, so that it never
 * overtakes or interleaves with their messages. Only the registration's current state is told: a
 * notification overtaken by a later change is dropped (the later one has its own).
 */
async function handleNotify(event: NotifyEvent, deps: EventHandlingDeps): Promise<void> {
  const current = await deps.registrations.getVersioned(event.queueNumber);
  if (!current || current.version !== event.version) {
    deps.log.info('notification overtaken by a later change', { eventId: event.eventId, queueNumber: event.queueNumber });
    return;
  }
  const loaded = await deps.sessions.load(event.applicant.key);
  if (loaded) await sendOutbox(loaded, deps);
  if (loaded?.recentEventIds.includes(event.eventId)) return;
  const session: ApplicantSession = loaded ? { ...loaded, outbox: [] } : sessionFor(event.applicant);
  const now = deps.clock.now();
  const proof =
    event.kind === 'confirmed' || event.kind === 'rescheduled'
      ? await deps.proofs(current.registration, current.version, event.previousDate)
      : undefined;
  const links = await deps.uploadLinks();
  const decision = applyNotice(
    session.conversation,
    {
      kind: event.kind,
      registration: current.registration,
      ...(proof ? { proofLink: proof.link } : {}),
      ...(event.previousDate ? { previousDate: event.previousDate } : {}),
    },
    {
      now,
      office: deps.office,
      newDraftId: deps.ids.newId(),
      uploadLink: links.link,
      ...(session.lastInboundAt ? { lastInboundAt: session.lastInboundAt } : {}),
    },
  );
  await links.persist();
  await saveAndSend(session, event.eventId, decision.conversation, decision.replies, now, {}, deps, {
    queueNumber: event.queueNumber,
    kind: event.kind,
  });
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
  const identity = { ...session, ...identityUpdate(session, event) };
  const content = event.content as InboundContent;
  const links = await deps.uploadLinks();
  const context: DecisionContext = {
    now,
    office: deps.office,
    applicant: {
      key: session.key,
      ...(identity.waId ? { waId: identity.waId } : {}),
      ...(identity.userId ? { userId: identity.userId } : {}),
      ...(identity.profileName ? { profileName: identity.profileName } : {}),
    },
    newDraftId: deps.ids.newId(),
    uploadLink: links.link,
    facts: await factsFor(session.conversation, content, now, session.key, deps),
  };
  let decision = decide(session.conversation, content, context);
  const failure = await carryOutBeforeSaving(decision.effects, deps, now);
  if (failure) decision = decide(session.conversation, failure, context);
  // A short link must resolve before the message carrying it can be sent.
  await links.persist();

  const registration = decision.effects.find((effect) => effect.type === 'create-registration')?.registration;
  const fixedNumber = decision.effects.find((effect) => effect.type === 'documents-fixed')?.queueNumber;
  // An officer may have cancelled meanwhile: then there is nothing to move back to PENDING.
  const fixed = fixedNumber && (await deps.registrations.get(fixedNumber))?.status === 'PERLU_PERBAIKAN' ? fixedNumber : undefined;
  const saved = await saveAndSend(
    { ...identity, lastInboundAt: later(session.lastInboundAt, event.sentAt) },
    event.eventId,
    decision.conversation,
    decision.replies,
    now,
    { ...(registration ? { registration } : {}), ...(fixed ? { fixedRegistration: fixed } : {}) },
    deps,
  );
  if (!saved) return;
  if (registration) {
    deps.metrics.count(METRICS.registrationsCreated);
    deps.log.info('registration created', { queueNumber: registration.queueNumber, nik: maskNik(registration.nik) });
  }
  if (decision.replies.length > 0) await markRead(event.eventId, deps);
}

/** Saves the decision with its replies (the outbox) and the event's record in one go, then sends. */
async function saveAndSend(
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

/** Fetches what `decide` will need for this input (domain's `lookupsFor` says what). */
async function factsFor(conversation: Conversation, content: InboundContent, now: Date, applicantKey: string, deps: EventHandlingDeps): Promise<Facts> {
  const lookups = lookupsFor(conversation, content, { now, office: deps.office });
  const [documents, nikHolder, own, day] = await Promise.all([
    lookups.draftId ? deps.drafts.listDocuments(lookups.draftId) : undefined,
    lookups.nik ? deps.registrations.findOpenByNik(lookups.nik) : undefined,
    lookups.ownRegistrations ? deps.registrations.listByOwner(applicantKey) : undefined,
    lookups.day ? dayOf(lookups.day, deps) : undefined,
  ]);
  return {
    ...(own ? { ownRegistrations: own } : {}),
    ...(day ? { requestedDay: day } : {}),
    ...(documents ? { draftRequirements: [...new Set(documents.map((document) => document.requirement))] } : {}),
    ...(lookups.nik ? { nikHolder: nikHolder ?? null } : {}),
    ...(lookups.nik && !nikHolder ? { queueNumber: await deps.registrations.nextQueueNumber(deps.office.queuePrefix) } : {}),
  };
}

/**
 * Media and page removals happen before the decision is saved, idempotently (the object key comes from
 * Meta's media id), so a retry repeats them harmlessly. Media that can never be stored comes back as a
 * failure for the conversation to explain.
 */
async function carryOutBeforeSaving(effects: readonly Effect[], deps: EventHandlingDeps, now: Date): Promise<MediaFailure | undefined> {
  for (const effect of effects) {
    if (effect.type === 'applicant-cancel' || effect.type === 'applicant-reschedule') {
      await changeRegistration(effect, deps, now);
    } else if (effect.type === 'clear-requirement') {
      const change = await documentChangeOf(effect.draftId, deps);
      await deps.drafts.removeRequirement(effect.draftId, effect.requirement, change ? { ...change, at: now } : undefined);
    } else if (effect.type === 'store-media') {
      try {
        await storeMedia(effect, deps, now);
      } catch (error) {
        if (error instanceof MediaRejectedError) {
          return { kind: 'media-failed', reason: error.reason, ...(error.size !== undefined ? { size: error.size } : {}) };
        }
        throw error;
      }
    }
  }
  return undefined;
}

/**
 * BATAL and Ubah jadwal, applied to the registration as it is now (an officer may have acted since the
 * applicant's list was read); already applied on a retry, or no longer possible, it changes nothing.
 */
async function changeRegistration(
  effect: Extract<Effect, { type: 'applicant-cancel' | 'applicant-reschedule' }>,
  deps: EventHandlingDeps,
  now: Date,
): Promise<void> {
  const current = await deps.registrations.getVersioned(effect.queueNumber);
  if (!current) return;
  const registration = current.registration;
  let change;
  if (effect.type === 'applicant-cancel') {
    if (!isOpen(registration.status)) return;
    change = cancelledByApplicant(registration);
  } else {
    if (registration.status !== 'DIKONFIRMASI') return;
    if (checkRescheduleRequest(registration, await dayOf(effect.date, deps), now)) return;
    change = rescheduleRequested(registration, effect.date);
  }
  const result = await deps.registrations.applyOutcome({
    outcome: change,
    version: current.version,
    actor: 'pemohon',
    now,
    dayCapacity: () => deps.office.dayCapacity,
  });
  if (result !== 'applied') throw new ConcurrentUpdateError(effect.queueNumber);
}

async function dayOf(date: string, deps: EventHandlingDeps): Promise<DayState> {
  const stored = await deps.registrations.getDay(date);
  return dayState(date, stored.booked, stored.override, deps.office, deps.holidays);
}

async function storeMedia(effect: Extract<Effect, { type: 'store-media' }>, deps: EventHandlingDeps, now: Date): Promise<void> {
  const media = await deps.media.fetchMedia(effect.mediaId, MAX_DOCUMENT_BYTES);
  if (media.bytes.length > MAX_DOCUMENT_BYTES) throw new MediaRejectedError('too-large', media.bytes.length);
  if (effect.sha256 && !matchesSha256(media.bytes, effect.sha256)) throw new MediaRejectedError('unavailable');
  const actualType = sniffDocumentType(media.bytes);
  if (!actualType) throw new MediaRejectedError('wrong-type');
  await deps.blobs.put(effect.key, media.bytes, actualType);
  await deps.drafts.addDocument(
    effect.draftId,
    {
      requirement: effect.requirement,
      key: effect.key,
      filename: effect.filename,
      contentType: actualType,
      size: media.bytes.length,
      uploadedAt: now.toISOString(),
    },
    now,
    await documentChangeOf(effect.draftId, deps),
  );
}

/** A draft already handed in with a registration: a change of its documents goes into the audit trail. */
async function documentChangeOf(draftId: string, deps: EventHandlingDeps): Promise<DocumentChange | undefined> {
  const submission = await deps.drafts.submission(draftId);
  return submission ? { queueNumber: submission.queueNumber, actor: 'pemohon' } : undefined;
}

/** Meta gives the SHA-256 of the file, base64 in current payloads, hex in older ones. */
function matchesSha256(bytes: Uint8Array, expected: string): boolean {
  const digest = createHash('sha256').update(bytes).digest();
  return expected === digest.toString('base64') || expected.toLowerCase() === digest.toString('hex');
}

/**
 * Sends what the outbox holds, in order. An entry found in flight was being sent by an earlier attempt
 * that did not settle it: the retry waited (SEND_OUTCOME_WAIT_SECONDS), so if Meta took it, its status
 * webhook has been recorded by now and the entry is settled without a second send.
 */
async function sendOutbox(session: ApplicantSession, deps: EventHandlingDeps): Promise<void> {
  const recipient = { ...(session.waId ? { waId: session.waId } : {}), ...(session.userId ? { userId: session.userId } : {}) };
  for (const entry of session.outbox) {
    if (entry.inFlight) {
      const outcome = await deps.deliveries.sendOutcome(entry.id);
      if (outcome) {
        await settleSent(session, entry, { messageId: outcome.messageId, template: entry.inFlight.template }, deps);
        deps.log.info('reply had reached Meta: settled from its status, not sent again', { outboxId: entry.id, messageId: outcome.messageId, status: outcome.status });
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
async function settleSent(session: ApplicantSession, entry: OutboxEntry, sent: { messageId: string; template: boolean }, deps: EventHandlingDeps): Promise<void> {
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

async function markRead(messageId: string, deps: EventHandlingDeps): Promise<void> {
  try {
    await deps.messenger.markRead(messageId);
  } catch (error) {
    // A missing read receipt costs the applicant nothing; it must not make the event retry.
    deps.log.warn('mark as read failed', { messageId, error: (error as Error).message });
  }
}

async function handleStatus(event: StatusEvent, deps: EventHandlingDeps): Promise<void> {
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
  if (!changed) return;
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
}

/** Every message that did not reach its applicant is listed for officers and counted for the alarm. */
async function recordFailure(failure: FailedSend, deps: EventHandlingDeps): Promise<void> {
  await deps.deliveries.recordFailedSend(failure);
  deps.metrics.count(METRICS.failedSends, 1, { ErrorCode: String(failure.code) });
}

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
    },
    deps,
  );
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
  const loaded = await deps.sessions.load(event.applicant.key);
  if (loaded) await sendOutbox(loaded, deps);
  if (!loaded?.recentEventIds.includes(event.eventId)) {
    const session: ApplicantSession = loaded ? { ...loaded, outbox: [] } : sessionFor(event.applicant);
    await saveAndSend(session, event.eventId, session.conversation, [claimed.fallback], deps.clock.now(), {}, deps, {
      queueNumber: claimed.queueNumber,
      kind: claimed.kind,
    });
  }
  await deps.deliveries.markFallbackSent(event.messageId);
  deps.log.info('window closed after sending: template sent instead', { messageId: event.messageId, queueNumber: claimed.queueNumber });
  return true;
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
  const { waId, userId } = event.applicant;
  const profileName = printableText(event.applicant.profileName ?? '');
  return {
    ...(event.newWaId ? { waId: event.newWaId } : waId ? { waId } : {}),
    ...(userId ? { userId } : {}),
    ...(profileName ? { profileName } : session.profileName ? { profileName: session.profileName } : {}),
  };
}

function later(a: string | undefined, b: string): string {
  return a && a > b ? a : b;
}
