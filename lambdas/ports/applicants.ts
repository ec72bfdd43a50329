/** An applicant's conversation state: the session, its outbox and the send in flight. */
import type { Conversation } from '../domain/conversation';
import type { Registration } from '../domain/registration';
import type { Reply } from '../domain/replies';

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
