/** What was sent to applicants and what became of it: delivery states, failed sends, the messenger. */
import type { Reply } from '../domain/replies';
import type { Recipient } from './applicants';

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

export interface DeliveryStore extends MessagingBudget {
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
}

export interface Messenger {
  send(recipient: Recipient, reply: Reply, options?: { callbackData?: string }): Promise<{ messageId: string }>;
  markRead(messageId: string): Promise<void>;
}

/** Meta's messaging limit: template sends counted per hour, and the reminders given a slot under it. */
export interface MessagingBudget {
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
