/**
 * The reminder function's events: EventBridge Scheduler's payload (nothing, or `{ "date": "YYYY-MM-DD" }`
 * to run as if today were that date: the default office's daily reminders; `{ "job": "hourly" }`: the
 * registry offices' reminders at their own hour and the hourly housekeeping; `{ "job": "close-day" }`), one run, and what operators watch of it: `RemindersQueued` and the
 * `ReminderRunCompleted` heartbeat, counted only once the run finished.
 */
import * as z from 'zod/mini';
import { jakartaDate } from '../domain/calendar';
import { METRICS, officeMetrics } from '../metric-names';
import type { Clock, Metrics } from '../ports';
import type { CloseDayRun } from '../use-cases/close-day';
import type { HousekeepingRun } from '../use-cases/hourly-housekeeping';
import type { PurgeRun } from '../use-cases/purge-closed-registrations';
import type { ReminderRun } from '../use-cases/run-reminders';

export interface ReminderHandlerDeps {
  /** One run of the job for `today` (the entry wires `runReminders` with its stores). */
  readonly run: (today: string) => Promise<ReminderRun>;
  /** The daily retention sweep, after the reminders (whose heartbeat must not wait for it). */
  readonly purge?: () => Promise<PurgeRun>;
  /** The end-of-day job (payload `{ "job": "close-day" }`, the office's closing-time schedule). */
  readonly closeDay?: (date: string) => Promise<CloseDayRun>;
  /** The registry's offices (not the default) whose reminder hour it is now, each for its own tomorrow (the hourly job). */
  readonly runOtherOffices?: (at: Date) => Promise<readonly (ReminderRun & { readonly office: string })[]>;
  /** The hourly job's other half: waitlist offers past their time passed on, waiting notices queued. */
  readonly housekeeping?: () => Promise<HousekeepingRun>;
  /** The registry offices (not the default) whose closing time fell in the last hour: their end of the day. */
  readonly closeOtherOffices?: (at: Date) => Promise<readonly CloseDayRun[]>;
  /** The office `run` reminds (its counts name it); absent: the counts name no office. */
  readonly defaultOfficeId?: string;
  readonly clock: Clock;
  readonly metrics: Metrics;
  readonly log: { info(message: string, fields: Record<string, unknown>): void };
}

const payloadSchema = z.optional(
  z.object({ date: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))), job: z.optional(z.enum(['reminders', 'close-day', 'hourly'])) }),
);

export function createReminderHandler(deps: ReminderHandlerDeps) {
  return async (payload: unknown): Promise<{ queued: number; appointmentDate: string } | { date: string; noShows: number }> => {
    const parsed = payloadSchema.safeParse(payload ?? undefined);
    const today = (parsed.success && parsed.data?.date) || jakartaDate(deps.clock.now());
    if (parsed.success && parsed.data?.job === 'close-day') {
      if (!deps.closeDay) throw new Error('the close-day job is not wired');
      const closed = await deps.closeDay(today);
      return { date: closed.date, noShows: closed.marked.length };
    }
    if (parsed.success && parsed.data?.job === 'hourly') {
      // Every hour: each registry office's reminders at its own hour (WIB, WITA or WIT), then the housekeeping.
      const others = (await deps.runOtherOffices?.(deps.clock.now())) ?? [];
      const queued = others.reduce((sum, other) => sum + other.queued, 0);
      for (const other of others) if (other.queued > 0) officeMetrics(deps.metrics, other.office).count(METRICS.remindersQueued, other.queued);
      const closed = (await deps.closeOtherOffices?.(deps.clock.now())) ?? [];
      const kept = await deps.housekeeping?.();
      deps.log.info('hourly jobs done', {
        offices: others.length,
        queued,
        closedDays: closed.length,
        noShows: closed.reduce((sum, run) => sum + run.marked.length, 0),
        passedOn: kept?.passedOn ?? 0,
        noticesQueued: kept?.queued ?? 0,
      });
      return { queued, appointmentDate: others[0]?.appointmentDate ?? '' };
    }
    const run = await deps.run(today);
    officeMetrics(deps.metrics, deps.defaultOfficeId).count(METRICS.remindersQueued, run.queued);
    deps.metrics.count(METRICS.reminderRunCompleted);
    deps.log.info('reminders queued', { today: run.today, appointmentDate: run.appointmentDate, queued: run.queued, heldBack: run.heldBack });
    if (deps.purge) {
      const purged = await deps.purge();
      deps.log.info('retention sweep done', { cutoff: purged.cutoff, registrations: purged.registrations, files: purged.files });
    }
    return { queued: run.queued, appointmentDate: run.appointmentDate };
  };
}
