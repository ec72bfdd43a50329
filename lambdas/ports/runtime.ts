/** The queue, ids, the clock, pacing, metrics, retries and the reminder run. */
import type { IsoDate } from '../domain/calendar';
import type { MetricName } from '../metric-names';
import type { QueueEvent } from '../queue-events';
import type { SQSRecord } from 'aws-lambda';

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
