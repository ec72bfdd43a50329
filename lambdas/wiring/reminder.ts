/**
 * The daily jobs' wiring (reminders, then the retention sweep). Not through the worker's wiring, which
 * would bundle pdf-lib here. The local server's `/_local/jobs/…` routes run the same jobs.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../adapters/dynamodb-client';
import { DynamoDbDeliveryStore } from '../adapters/dynamodb-delivery-store';
import { DynamoDbHeartbeat } from '../adapters/dynamodb-heartbeat';
import { DynamoDbRegistrationStore } from '../adapters/dynamodb-registration-store';
import { DynamoDbSessionStore } from '../adapters/dynamodb-session-store';
import { logger } from '../adapters/logger';
import { emfMetrics } from '../adapters/metrics';
import { lazyS3BlobStore } from '../adapters/lazy-s3-blob-store';
import { SqsEventQueue } from '../adapters/sqs-event-queue';
import { lazySdkSqs } from '../adapters/lazy-sqs';
import { processEnvironment, reminderConfig } from '../config';
import { createReminderHandler } from '../handlers/reminder-handler';
import { NO_METRICS, officeMetrics } from '../metric-names';
import type { BlobStore, EventQueue, Metrics } from '../ports';
import { closeDay, type CloseDayRun } from '../use-cases/close-day';
import { queueDailySummary, type DailySummaryOutcome, type SummaryOffice } from '../use-cases/daily-summary';
import { DynamoDbDailySummaryMarks } from '../adapters/dynamodb-daily-summary-marks';
import { hourlyHousekeeping, type HousekeepingRun } from '../use-cases/hourly-housekeeping';
import { holidaysOf, registryProfile } from '../domain/offices';
import { purgeClosedRegistrations, type PurgeRun } from '../use-cases/purge-closed-registrations';
import { runReminders, type ReminderRun } from '../use-cases/run-reminders';
import { officesClosingAt, runOfficeReminders, type OfficeReminderRun } from '../use-cases/run-office-reminders';
import { loadHolidays, officeDirectory, seedOffice, type OfficeDirectory } from '../config';
import { DynamoDbOfficeStore } from '../adapters/dynamodb-office-store';
import { lambdaEntry } from './lambda-entry';

export interface DailyJobParts {
  readonly dynamo: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly blobs: BlobStore;
  readonly queue: EventQueue;
  /** People messaged outside their window per 24 hours; `undefined`: unlimited. */
  readonly messagingLimit: number | undefined;
  readonly retentionDays: number;
  readonly metrics?: Metrics;
  /** The offices whose reminders `officeReminders` runs; by default the seed alone. */
  readonly offices?: OfficeDirectory;
}

export interface DailyJobs {
  reminders(today: string): Promise<ReminderRun>;
  /** `now`: sweep as if it were then (the local job route tries the retention period without waiting). */
  purge(now?: () => Date): Promise<PurgeRun>;
  /** Every office whose reminder hour it is at `at` (in its own zone), each for its own tomorrow. */
  officeReminders(at: Date, options?: { readonly skipDefault?: boolean }): Promise<OfficeReminderRun[]>;
  /** When the reminder job last finished (what `npm run doctor` asks). */
  lastReminderRun(): Promise<string | undefined>;
  /** The end of `date`: those who never checked in are marked no-show (use-cases/close-day.ts), then the head of office's summary. */
  closeDay(date: string): Promise<ClosedDay>;
  /** Waitlist offers past their two hours passed on in every office; waiting notices queued. */
  housekeeping(): Promise<HousekeepingRun>;
  /** The end of the day of every registry office whose closing time fell in the hour before `at` (the default office has its own schedule). */
  officeCloseDays(at: Date): Promise<(ClosedDay & { readonly office: string })[]>;
}

/** A day closed, and what became of the head of office's summary (use-cases/daily-summary.ts). */
export type ClosedDay = CloseDayRun & { readonly summary: DailySummaryOutcome['sent'] };

export function dailyJobs(parts: DailyJobParts): DailyJobs {
  const registrations = new DynamoDbRegistrationStore(parts.dynamo, parts.tableName);
  const heartbeat = new DynamoDbHeartbeat(parts.dynamo, parts.tableName);
  const sessions = new DynamoDbSessionStore(parts.dynamo, parts.tableName);
  const deliveries = new DynamoDbDeliveryStore(parts.dynamo, parts.tableName);
  const clock = { now: () => new Date() };
  const summaryMarks = new DynamoDbDailySummaryMarks(parts.dynamo, parts.tableName);
  /** The day's no-shows marked first, so the summary counts them. */
  const closeOfficeDay = async (date: string, office: SummaryOffice | undefined, store: DynamoDbRegistrationStore): Promise<ClosedDay> => {
    const run = await closeDay(date, { registrations: store, queue: parts.queue, clock, log: logger });
    if (!office) return { ...run, summary: 'no-head' };
    const summary = await queueDailySummary(office, date, { store, deliveries, office, marks: summaryMarks, queue: parts.queue, clock, log: logger });
    return { ...run, summary: summary.sent };
  };
  const remindersOf = (today: string, officeRegistrations: DynamoDbRegistrationStore, officeId: string | undefined) =>
    runReminders(today, {
      registrations: officeRegistrations,
      queue: parts.queue,
      heartbeat: (run) => heartbeat.record(run),
      clock,
      messagingLimit: parts.messagingLimit,
      sessions,
      deliveries,
      metrics: officeMetrics(parts.metrics ?? NO_METRICS, officeId),
      log: logger,
    });
  return {
    officeReminders: async (at, options = {}) => {
      const defaultId = parts.offices?.defaultOffice.id;
      const offices = (parts.offices ? await parts.offices.all() : []).filter((office) => !options.skipDefault || office.id !== defaultId);
      return runOfficeReminders(at, offices, (office, today) =>
        remindersOf(today, office.id === defaultId ? registrations : new DynamoDbRegistrationStore(parts.dynamo, parts.tableName, office.id), office.id),
      );
    },
    reminders: (today) => remindersOf(today, registrations, parts.offices?.defaultOffice.id),
    purge: (now = clock.now) =>
      purgeClosedRegistrations({ registrations, blobs: parts.blobs, retentionDays: parts.retentionDays, clock: { now }, log: logger }),
    lastReminderRun: async () => (await heartbeat.last())?.finishedAt,
    closeDay: (date) => closeOfficeDay(date, parts.offices && { ...parts.offices.defaultOffice, registry: false }, registrations),
    officeCloseDays: async (at) => {
      const defaultId = parts.offices?.defaultOffice.id;
      const offices = (parts.offices ? await parts.offices.all() : []).filter((office) => office.id !== defaultId);
      const runs: (ClosedDay & { office: string })[] = [];
      for (const { office, date } of officesClosingAt(at, offices)) {
        const store = new DynamoDbRegistrationStore(parts.dynamo, parts.tableName, office.id);
        runs.push({ office: office.id, ...(await closeOfficeDay(date, { ...office, registry: true }, store)) });
      }
      return runs;
    },
    housekeeping: async () => {
      const national = loadHolidays();
      const defaultId = parts.offices?.defaultOffice.id;
      const offices = parts.offices ? await parts.offices.all() : [];
      return hourlyHousekeeping({
        offices: offices.map((office) => ({
          store: office.id === defaultId ? registrations : new DynamoDbRegistrationStore(parts.dynamo, parts.tableName, office.id),
          office: office.id === defaultId ? office : registryProfile(office),
          holidays: holidaysOf(national, office),
        })),
        pending: registrations,
        queue: parts.queue,
        clock,
        log: logger,
      });
    },
  };
}

export function awsReminder(env = processEnvironment()) {
  const config = reminderConfig(env);
  const metrics = emfMetrics(config.serviceName);
  // One client, one connection pool: the office registry's reads share it.
  const dynamo = documentClient();
  const offices = officeDirectory({ seed: seedOffice(env, config.office), registry: new DynamoDbOfficeStore(dynamo, config.tableName) });
  const jobs = dailyJobs({
    dynamo,
    tableName: config.tableName,
    // The S3 client (retention sweep) and the SQS client (reminders to queue) load when a run first needs them.
    blobs: lazyS3BlobStore(config.bucketName),
    queue: new SqsEventQueue(lazySdkSqs(), config.queueUrl),
    messagingLimit: config.messagingLimit,
    retentionDays: config.retentionDays,
    metrics,
    offices,
  });
  return lambdaEntry(
    metrics,
    createReminderHandler({
      run: jobs.reminders,
      // The daily schedule runs the default office; the hourly one each registry office at its own hour.
      runOtherOffices: (at) => jobs.officeReminders(at, { skipDefault: true }),
      housekeeping: () => jobs.housekeeping(),
      closeOtherOffices: (at) => jobs.officeCloseDays(at),
      purge: () => jobs.purge(),
      closeDay: jobs.closeDay,
      defaultOfficeId: offices.defaultOffice.id,
      clock: { now: () => new Date() },
      metrics,
      log: logger,
    }),
  );
}
