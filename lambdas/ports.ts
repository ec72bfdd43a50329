/** The interfaces the core needs; adapters implement them, the wiring (lambdas/wiring/) connects them. */
import type { MetricName } from './metric-names';
import type { Conversation } from './domain/conversation';
import type { OfficerOutcome } from './domain/officer-actions';
import type { DataRequest } from './domain/personal-data';
import type { Registration, RegistrationStatus } from './domain/registration';
import type { DayOverride } from './domain/schedule';
import type { Reply } from './domain/replies';
import type { RequirementId } from './domain/services';
import type { NotifyEvent, QueueEvent } from './queue-events';
import type { SQSRecord } from 'aws-lambda';
import type { IsoDate } from './domain/calendar';

export interface Recipient {
  readonly waId?: string;
  readonly userId?: string;
}

export interface OutboxEntry {
  readonly id: string;
  readonly seq: number;
  readonly reply: Reply;
  /** The registration this message is about, for the delivery states officers see. */
  readonly about?: { readonly queueNumber: string; readonly kind: string; readonly countedAgainstLimit?: boolean };
  /**
   * Set just before each call to the Graph API: a send may have reached Meta while the entry is still
   * here. A retry that finds it looks for the status webhook carrying this entry's id before sending again.
   */
  readonly inFlight?: InFlightSend;
}

export interface InFlightSend {
  /** When the latest attempt started (ISO). */
  readonly since: string;
  /** The attempt was the template (Meta's 131047 fallback, or a template reply): it counts against the messaging limit. */
  readonly template: boolean;
}

export interface ApplicantSession {
  readonly key: string;
  readonly waId?: string;
  readonly userId?: string;
  readonly profileName?: string;
  readonly conversation: Conversation;
  /** Start of the 24-hour customer service window (ISO). */
  readonly lastInboundAt?: string;
  /** Ids of the latest events handled, to skip a redelivery without a read of the idempotency record. */
  readonly recentEventIds: readonly string[];
  readonly outbox: readonly OutboxEntry[];
  /** Optimistic lock: 0 for a session not yet stored. */
  readonly version: number;
}

export interface SessionStore {
  load(key: string): Promise<ApplicantSession | undefined>;
  /**
   * Saves the session if nobody else saved it since `session.version` was read, and records the event
   * as processed. Throws `DuplicateEventError` when the event was already processed,
   * `ConcurrentUpdateError` when the session moved on.
   */
  saveDecision(session: ApplicantSession, eventId: string, now: Date, created?: { registration?: Registration; fixedRegistration?: string }): Promise<void>;
  /** When each applicant last wrote, by applicant key; missing keys never wrote (or were forgotten). */
  lastInboundTimes(applicantKeys: readonly string[]): Promise<Map<string, string>>;
  /** Deletes the session once nothing is left to send (after HAPUS DATA); `false` when something still is. */
  forgetIfSettled(key: string): Promise<boolean>;
  /** Removes a settled entry (sent, or refused for good and recorded) from the outbox. */
  markSent(key: string, outboxId: string): Promise<void>;
  /** Records that a send of this entry is about to start; `false` when the entry is no longer in the outbox. */
  markInFlight(key: string, outboxId: string, send: InFlightSend): Promise<boolean>;
}

/**
 * Why a message did not reach its applicant: Meta refused it for good, accepted it and reported it
 * `failed` later, every retry failed (the event went to the dead-letter queue), or the reminder run
 * stopped at Meta's messaging limit.
 */
export type FailureReason = 'refused' | 'failed-after-sending' | 'gave-up' | 'held-back' | 'messaging-limit';

export interface FailedSend {
  readonly applicantKey: string;
  /** The applicant's WhatsApp number, when known: officers follow up by phone. */
  readonly waId?: string;
  readonly outboxId: string;
  readonly reason: FailureReason;
  /** Meta's error code; 0 when the failure was not Meta's answer (a timeout, the table away, the limit). */
  readonly code: number;
  readonly title: string;
  readonly at: string;
  /** Set when the message was about a registration (a decision, a reminder). */
  readonly queueNumber?: string;
  readonly kind?: string;
}

/** A message about a registration that Meta accepted. */
export interface SentMessage {
  readonly messageId: string;
  readonly queueNumber: string;
  /** `confirmed`, `rescheduled`, `fix-requested`, `cancelled`, `reminder`. */
  readonly kind: string;
  readonly at: string;
  /** The template to send instead if Meta reports later that the window had closed (a `failed` 131047). */
  readonly fallback?: Reply;
}

/** What officers see of a message sent about a registration. */
export interface Delivery {
  readonly at: string;
  readonly kind: string;
  /** The highest state reached: accepted, sent, delivered, read, or failed. */
  readonly status: string;
  readonly statusAt: string;
  readonly errorCode?: number;
  readonly errorTitle?: string;
}

/** What Meta's status webhooks said about one outbox entry (its id travels as `biz_opaque_callback_data`). */
export interface SendOutcome {
  readonly outboxId: string;
  readonly messageId: string;
  readonly status: string;
  readonly at: string;
}

export interface DeliveryStore {
  /**
   * Keeps a message's delivery state without lowering what a status webhook already recorded (statuses
   * are handled apart from the sends, and may come first).
   */
  recordSent(message: SentMessage): Promise<void>;
  /** A status webhook named this outbox entry: Meta has the message. Kept whether or not the entry is still unsettled. */
  recordSendOutcome(outcome: SendOutcome): Promise<void>;
  /** The first status recorded for this outbox entry, if any came. */
  sendOutcome(outboxId: string): Promise<SendOutcome | undefined>;
  /** A sent message's fallback template while it has not been sent: `undefined` when it has none or it went. */
  pendingFallback(messageId: string): Promise<{ fallback: Reply; queueNumber: string; kind: string } | undefined>;
  /** The fallback went: a repeated `failed` status must not send it again. */
  markFallbackSent(messageId: string): Promise<void>;
  listForRegistration(queueNumber: string): Promise<Delivery[]>;
  /**
   * Records a status of a sent message, keeping the highest state reached. Resolves to what the message
   * was about when the status changed its state, `undefined` when it changed nothing (a repeat, or lower).
   */
  recordStatus(status: {
    messageId: string;
    status: string;
    at: string;
    recipientKey: string;
    errorCode?: number;
    errorTitle?: string;
  }): Promise<{ queueNumber?: string; kind?: string } | undefined>;
  /** A message that did not reach its applicant: kept for officers to follow up by phone. */
  recordFailedSend(failure: FailedSend): Promise<void>;
  /** Newest first. */
  listFailedSends(limit: number): Promise<FailedSend[]>;
  /** A template went out: one person messaged outside their window, counted against Meta's messaging limit. */
  recordTemplateSend(at: Date): Promise<void>;
  /**
   * Template sends in the 24 hours before `now`, counted per hour: up to an hour more than the rolling
   * window, and a person messaged twice counts twice. Both err on the side of the limit.
   */
  templateSendsInLast24Hours(now: Date): Promise<number>;
  /** Queue numbers given a messaging-limit slot for their reminder of this appointment date. */
  reminderSlots(appointmentDate: string): Promise<Set<string>>;
  /** Gives these reminders a slot: remembered for the date and counted as template sends now. */
  reserveReminderSlots(appointmentDate: string, queueNumbers: readonly string[], at: Date): Promise<void>;
}

export interface Messenger {
  send(recipient: Recipient, reply: Reply, options?: { callbackData?: string }): Promise<{ messageId: string }>;
  markRead(messageId: string): Promise<void>;
}

export interface EventQueue {
  /** Resolves once every event is durably queued. */
  enqueue(events: readonly QueueEvent[]): Promise<void>;
}

export interface IdSource {
  newId(): string;
}

export interface Clock {
  now(): Date;
}

/** A file an applicant gave for one requirement (one page of it). */
export interface StoredDocument {
  readonly requirement: RequirementId;
  /** Object key in the private bucket. */
  readonly key: string;
  readonly filename: string;
  readonly contentType: string;
  readonly size: number;
  readonly uploadedAt: string;
}

/**
 * A draft whose documents belong to a registration: from then on they change only through a request for
 * fixes (`fix`, while one is open), and every change is in the registration's audit trail.
 */
export interface DraftSubmission {
  readonly queueNumber: string;
  readonly submittedAt: string;
  /** The officer's open request for fixes: only these requirements, only with a link issued since. */
  readonly fix?: { readonly requirements: readonly RequirementId[]; readonly requestedAt: string };
}

/** Who changed a submitted draft's documents, for the registration's audit trail. */
export interface DocumentChange {
  readonly queueNumber: string;
  readonly actor: string;
}

/** Short upload links (`/u/<code>`): the code stands for a signed token, kept a while after the token expires. */
export interface ShortLinkStore {
  save(code: string, token: string, expiresAt: number): Promise<void>;
  find(code: string): Promise<string | undefined>;
}

/** The documents of an application (a draft), before and after it becomes a registration. */
export interface DraftStore {
  /** With `change`, the draft belongs to a registration: the change is also written to its audit trail. */
  addDocument(draftId: string, document: StoredDocument, now: Date, change?: DocumentChange): Promise<void>;
  listDocuments(draftId: string): Promise<StoredDocument[]>;
  /** Deletes the draft's records (its documents' objects are the blob store's). */
  forget(draftId: string): Promise<void>;
  removeRequirement(draftId: string, requirement: RequirementId, change?: DocumentChange & { readonly at: Date }): Promise<void>;
  /** The registration the draft's documents belong to, if any. */
  submission(draftId: string): Promise<DraftSubmission | undefined>;
  /** Counts one more upload link for a requirement; false (nothing counted) once `cap` were handed out. */
  countUploadLink(draftId: string, requirement: RequirementId, cap: number): Promise<boolean>;
  /** Takes one of a requirement's `maxPages` places in one conditional write; false when all are taken. */
  takePage(draftId: string, requirement: RequirementId, maxPages: number): Promise<boolean>;
  /** Gives a place back (a file refused after it had taken one). */
  releasePage(draftId: string, requirement: RequirementId): Promise<void>;
}

/** The private bucket. */
export interface BlobStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  head(key: string): Promise<{ size: number; contentType?: string } | undefined>;
  /** The first `length` bytes, to check what a file really is. */
  readStart(key: string, length: number): Promise<Uint8Array>;
  get(key: string): Promise<Uint8Array>;
  delete(key: string): Promise<void>;
  /** Moves an object to another key (copy, then delete the original). */
  move(from: string, to: string): Promise<void>;
  /** A short-lived GET link answered with `contentType` and, unless it is a photo or PDF, as a download. */
  presignedGetUrl(key: string, expiresInSeconds: number, filename?: string, contentType?: string): Promise<string>;
  /** A PUT link for exactly `contentLength` bytes of `contentType` (S3 refuses any other length). */
  presignedPutUrl(key: string, contentType: string, contentLength: number, expiresInSeconds: number): Promise<string>;
  /** Deletes every object whose key starts with `prefix`; resolves to how many there were. */
  deletePrefix(prefix: string): Promise<number>;
}

export interface RegistrationStore {
  /** The open registration holding this NIK, if any. */
  findOpenByNik(nik: string): Promise<{ queueNumber: string; ownerKey: string } | undefined>;
  /** The next number from an atomic counter that never hands out the same number twice. */
  nextQueueNumber(prefix: string): Promise<string>;
  get(queueNumber: string): Promise<Registration | undefined>;
  listByOwner(ownerKey: string): Promise<Registration[]>;
}

/** An applicant's photo or PDF, fetched from WhatsApp. */
export interface MediaSource {
  fetchMedia(mediaId: string, maxBytes: number): Promise<{ bytes: Uint8Array; mimeType: string; sha256?: string }>;
}

export interface AuditEntry {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly detail: string;
}

export interface StoredDay {
  readonly booked: number;
  readonly override?: DayOverride;
}

/** What the officers' side needs beyond the applicant's side. */
export interface OfficeRegistrationStore extends RegistrationStore {
  getVersioned(queueNumber: string): Promise<{ registration: Registration; version: number } | undefined>;
  listByStatus(status: RegistrationStatus): Promise<Registration[]>;
  listByDay(date: string): Promise<Registration[]>;
  history(queueNumber: string): Promise<AuditEntry[]>;
  addAudit(queueNumber: string, entry: AuditEntry): Promise<void>;
  getDay(date: string): Promise<StoredDay>;
  /** Several days in one read (the review screen's date buttons); a date never written is `{booked: 0}`. */
  getDays(dates: readonly string[]): Promise<ReadonlyMap<string, StoredDay>>;
  /** Saves an admin's setting for a day; refuses a capacity below what is already booked. */
  putDayOverride(date: string, override: DayOverride): Promise<'saved' | 'below-booked'>;
  /**
   * Carries out an officer's decision in one transaction: the registration (if still at `version`),
   * the days' counts (a place only while one is free), the NIK guard, the audit entry, and the
   * notification waiting to be queued. Returns what stopped it when something did.
   */
  applyOutcome(change: {
    readonly outcome: OfficerOutcome;
    readonly version: number;
    readonly actor: string;
    readonly now: Date;
    readonly dayCapacity: (date: string) => number;
    readonly notification?: NotifyEvent;
  }): Promise<'applied' | 'changed-meanwhile' | 'day-full'>;
  pendingNotifications(): Promise<NotifyEvent[]>;
  /** Closed registrations (SELESAI, TIDAK_HADIR, DIBATALKAN) whose close was at or before `cutoff` (ISO). */
  listClosedBefore(cutoff: string): Promise<Registration[]>;
  /** Deletes a registration's items (the registration, its audit trail, its delivery states) and its draft's. */
  purge(registration: Registration): Promise<void>;
  /** Purges a closed registration on its applicant's request and leaves a tombstone without personal data. */
  erase(registration: Registration, at: Date): Promise<void>;
  /**
   * UBAH DATA: the applicant's corrected values in one transaction, if the registration is still at
   * `version` and not yet confirmed (PENDING, PERLU_PERBAIKAN), with its audit entry; a new NIK moves the
   * NIK guard, refused while that NIK is open elsewhere.
   */
  correct(change: {
    readonly registration: Registration;
    readonly previousNik: string;
    readonly version: number;
    readonly audit: Omit<AuditEntry, 'at'>;
    readonly now: Date;
  }): Promise<'applied' | 'changed-meanwhile' | 'nik-taken'>;
  /** Idempotent by the request's id. */
  recordDataRequest(request: DataRequest): Promise<void>;
  listDataRequests(): Promise<DataRequest[]>;
  clearPendingNotification(eventId: string): Promise<void>;
}

/** Paces calls to a ceiling (Meta's messages per second for one phone number). */
export interface RateLimiter {
  /** Resolves when the caller may go ahead. */
  acquire(): Promise<void>;
}

/**
 * Business and health figures the alarms and the dashboard watch (CloudWatch EMF in AWS, nothing or a
 * counter locally). Names are the `METRICS` constants of `metric-names.ts`.
 */
export interface Metrics {
  count(name: MetricName, value?: number, dimensions?: Readonly<Record<string, string>>): void;
}

/** The officers' backlog as the hourly check sees it. */
export interface PendingBacklog {
  /** How many registrations are `PENDING` and were created before `cutoff` (ISO time). */
  countPendingCreatedBefore(cutoff: string): Promise<number>;
}

// ---- The conversation worker ----

/** Sets when a failed record is received again (SQS ChangeMessageVisibility in AWS). */
export interface RetryScheduler {
  retryAfter(record: SQSRecord, delaySeconds: number): Promise<void>;
}

// ---- The daily reminder job ----

export interface ReminderRun {
  readonly today: IsoDate;
  readonly appointmentDate: IsoDate;
  readonly queued: number;
  /** Not queued because Meta's messaging limit would be passed: listed for officers instead. */
  readonly heldBack: number;
  readonly finishedAt: string;
}

// ---- Officers (the admin app) ----

export type OfficerRole = 'petugas' | 'admin';

export interface OfficerRecord {
  readonly username: string;
  readonly role: OfficerRole;
  readonly passwordHash: string;
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly createdBy?: string;
  readonly lastLoginAt?: string;
  readonly disabledAt?: string;
  readonly disabledBy?: string;
}

export interface SessionRecord {
  readonly id: string;
  readonly username: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** Officer accounts and sessions (DynamoDB in AWS and locally: adapters/dynamodb-officer-store.ts). */
export interface OfficerStore {
  get(username: string): Promise<OfficerRecord | undefined>;
  list(): Promise<OfficerRecord[]>;
  anyExists(): Promise<boolean>;
  /** Conditional put: false when the username is taken. */
  create(officer: OfficerRecord): Promise<boolean>;
  /** False when there is no such officer. */
  disable(username: string, by: string, at: Date): Promise<boolean>;
  /**
   * One conditional write: reserves the next login attempt of (username, source) until `holdUntil`
   * when no attempt is in flight and its delay has passed. Resolves to the pair's failures so far, or
   * to when the next attempt may start.
   */
  reserveLoginAttempt(
    username: string,
    source: string,
    now: Date,
    holdUntil: Date,
  ): Promise<{ reserved: true; failures: number } | { reserved: false; notBefore: number }>;
  /** The reserved attempt failed: the pair has `failures` and waits until `notBefore`. */
  recordLoginFailure(username: string, source: string, failures: number, notBefore: Date): Promise<void>;
  /** Counts a failure against the account for its hour; resolves to that hour's failures and distinct sources. */
  countAccountFailure(username: string, source: string, now: Date): Promise<{ failures: number; sources: number }>;
  /** Failures and distinct sources per account over the current and the previous hour. */
  accountFailures(usernames: readonly string[], now: Date): Promise<Map<string, { failures: number; sources: number }>>;
  /** The pair's attempt succeeded: its failures are forgotten. */
  clearLoginFailures(username: string, source: string): Promise<void>;
  /** A successful login. */
  recordLogin(username: string, at: Date): Promise<void>;
  putSession(session: SessionRecord): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /** The officer and the session, read together. */
  getSession(username: string, sessionId: string): Promise<{ officer?: OfficerRecord; session?: SessionRecord }>;
}
