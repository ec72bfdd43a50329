/**
 * Scheduling rules, in calendar dates (the office's zone for "tomorrow", Asia/Jakarta by default): working days, holidays (with per-day overrides
 * by an admin officer), arrival times, capacity, and the earliest bookable day.
 */
import { addDays, dayOfWeek, jakartaDate, type IsoDate } from './calendar';
import type { OfficeProfile } from './office';
import { officeToday } from './offices';
import { RECORD_TEXTS } from './texts/records';

/** Holidays by date (`YYYY-MM-DD` → name), from configuration. */
export type HolidayCalendar = ReadonlyMap<IsoDate, string>;

/** What an admin officer set for one date: a capacity, or the day closed or opened, with a reason. */
export interface DayOverride {
  readonly capacity?: number;
  readonly closed?: boolean;
  readonly reason?: string;
}

export interface DayState {
  readonly date: IsoDate;
  readonly capacity: number;
  readonly booked: number;
  readonly closed: boolean;
  /** Why it is closed: the holiday, the weekend, or the admin's reason. */
  readonly closedReason?: string;
  readonly holiday?: string;
}

export function dayState(date: IsoDate, booked: number, override: DayOverride | undefined, office: OfficeProfile, holidays: HolidayCalendar): DayState {
  const weekday = dayOfWeek(date);
  // An office with its own opening hours is closed on the weekdays it does not open (a Saturday service, say).
  const weekend = office.openingHours
    ? office.openingHours[String(weekday) as keyof NonNullable<OfficeProfile['openingHours']>] === undefined
    : weekday === 0 || weekday === 6;
  const holiday = holidays.get(date);
  const closedByDefault = weekend || holiday !== undefined;
  const closed = override?.closed ?? closedByDefault;
  const closedReason = !closed
    ? undefined
    : override?.closed
      ? (override.reason ?? RECORD_TEXTS.closedByAdmin)
      : holiday
        ? holiday
        : office.openingHours
          ? RECORD_TEXTS.notOpening
          : RECORD_TEXTS.weekend;
  return {
    date,
    capacity: override?.capacity ?? office.dayCapacity,
    booked,
    closed,
    ...(closedReason ? { closedReason } : {}),
    ...(holiday ? { holiday } : {}),
  };
}

/** Tomorrow in the office's zone (Jakarta without one): appointments are never for today or earlier. */
export function earliestBookableDate(now: Date, office?: Pick<OfficeProfile, 'timezone'>): IsoDate {
  return addDays(office ? officeToday(now, office) : jakartaDate(now), 1);
}

/**
 * `08:00`, `08:15`, … `16:00` for the default hours. With `date`, an office with its own opening hours
 * offers that weekday's hours only, none inside its breaks (Friday prayers, lunch).
 */
export function arrivalTimes(office: OfficeProfile, date?: IsoDate): string[] {
  const toMinutes = (time: string) => {
    const [hours, minutes] = time.split(':').map(Number);
    return (hours ?? 0) * 60 + (minutes ?? 0);
  };
  const day = date && office.openingHours ? office.openingHours[String(dayOfWeek(date)) as keyof NonNullable<OfficeProfile['openingHours']>] : undefined;
  const from = toMinutes(day ? maxTime(day.from, office.arrivalHours.from) : office.arrivalHours.from);
  const to = toMinutes(day ? minTime(day.to, office.arrivalHours.to) : office.arrivalHours.to);
  const inBreak = (minute: number) => (day?.breaks ?? []).some((pause) => minute >= toMinutes(pause.from) && minute < toMinutes(pause.to));
  const times: string[] = [];
  for (let minute = toMinutes(office.arrivalHours.from); minute <= to; minute += office.arrivalHours.stepMinutes) {
    if (minute < from || inBreak(minute)) continue;
    times.push(`${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`);
  }
  return times;
}

const maxTime = (a: string, b: string) => (a > b ? a : b);
const minTime = (a: string, b: string) => (a < b ? a : b);

export type DateProblem =
  | { readonly error: 'date-past'; readonly earliest: IsoDate }
  | { readonly error: 'date-closed'; readonly reason: string }
  | { readonly error: 'day-full'; readonly capacity: number };

/** Why an appointment cannot be on this day, or nothing when it can. */
export function dateProblem(day: DayState, now: Date, office?: Pick<OfficeProfile, 'timezone'>): DateProblem | undefined {
  const earliest = earliestBookableDate(now, office);
  if (day.date < earliest) return { error: 'date-past', earliest };
  if (day.closed) return { error: 'date-closed', reason: day.closedReason ?? '' };
  if (day.booked >= day.capacity) return { error: 'day-full', capacity: day.capacity };
  return undefined;
}
