/**
 * The reminder job for many offices: the schedule may fire every hour, and each office whose local hour
 * it is (its `reminderHour` in its own zone) gets its run for its own "today". An office in WITA is
 * reminded an hour before one in WIB at the same configured hour.
 */
import { localDate, localHour, type IsoDate } from '../domain/calendar';
import { closingTime } from '../domain/closing-time';
import type { OfficeProfile } from '../domain/office';
import { offsetMsOf, type OfficeTimezone } from '../domain/offices';
import type { ReminderRun } from '../ports';

export interface OfficeReminderTarget {
  readonly id: string;
  readonly timezone?: OfficeTimezone;
  readonly reminderHour: number;
  readonly disabled?: boolean;
}

export interface OfficeReminderRun extends ReminderRun {
  readonly office: string;
}

/** Runs the reminders of every office whose reminder hour it is at `at`, one office after the other. */
export async function runOfficeReminders(
  at: Date,
  offices: readonly OfficeReminderTarget[],
  runFor: (office: OfficeReminderTarget, today: string) => Promise<ReminderRun>,
): Promise<OfficeReminderRun[]> {
  const runs: OfficeReminderRun[] = [];
  for (const office of offices) {
    const offset = offsetMsOf(office);
    if (office.disabled || localHour(at, offset) !== office.reminderHour) continue;
    runs.push({ office: office.id, ...(await runFor(office, localDate(at, offset))) });
  }
  return runs;
}

export interface OfficeClosingTarget extends OfficeReminderTarget {
  readonly arrivalHours: OfficeProfile['arrivalHours'];
}

/**
 * The offices whose closing time (in their own zone) fell within the hour before `at`, each with its local
 * date: the hourly run closes each office's day once, at the first run at or after its closing time.
 */
export function officesClosingAt<Office extends OfficeClosingTarget>(at: Date, offices: readonly Office[]): { office: Office; date: IsoDate }[] {
  return offices.flatMap((office) => {
    const offset = offsetMsOf(office);
    const closing = closingTime(office);
    const sinceClosing = localHour(at, offset) * 60 + new Date(at.getTime() + offset).getUTCMinutes() - (closing.hour * 60 + closing.minute);
    return !office.disabled && sinceClosing >= 0 && sinceClosing < 60 ? [{ office, date: localDate(at, offset) }] : [];
  });
}
