/**
 * The day's figures for the head of office, counted from the registrations themselves: who was booked,
 * who checked in, who was served, who never came, how long the wait from check-in to the call was, how
 * satisfied the applicants said they were. Pure: the caller reads the day and the backlog.
 */
import { DAY_MS, type IsoDate } from './calendar';
import type { Registration } from './registration';

/** `12.5` → `12,5`: a report's figure with the decimal comma Indonesian readers expect. */
export function decimalComma(value: number): string {
  return String(value).replace('.', ',');
}

export interface DailyReport {
  readonly date: IsoDate;
  /** Appointments on the day that were not cancelled. */
  readonly booked: number;
  readonly checkedIn: number;
  /** Ended SELESAI. */
  readonly served: number;
  /** Ended TIDAK_HADIR (by an officer or at closing time). */
  readonly noShows: number;
  /** From check-in to the call, over those with both; `null` when nobody has both. */
  readonly averageWaitMinutes: number | null;
  /** The mean of the day's satisfaction answers (1–5), `null` when there is none. */
  readonly satisfaction: number | null;
  /** PENDING registrations created more than 24 hours before the report was made. */
  readonly pendingOver24h: number;
  /** Messages that did not reach their applicant on the day (Jakarta). */
  readonly failedSends: number;
}

export function dailyReport(input: {
  readonly date: IsoDate;
  readonly day: readonly Registration[];
  readonly pending: readonly Registration[];
  readonly failedSendDates: readonly IsoDate[];
  readonly now: Date;
}): DailyReport {
  const booked = input.day.filter((registration) => registration.appointmentDate === input.date && registration.status !== 'DIBATALKAN');
  const waits = booked.flatMap((registration) =>
    registration.checkedInAt && registration.calledAt ? [(Date.parse(registration.calledAt) - Date.parse(registration.checkedInAt)) / 60_000] : [],
  );
  const answers = booked.flatMap((registration) => (registration.satisfaction !== undefined ? [registration.satisfaction] : []));
  const cutoff = input.now.getTime() - DAY_MS;
  return {
    date: input.date,
    booked: booked.length,
    checkedIn: booked.filter((registration) => registration.checkedInAt).length,
    served: booked.filter((registration) => registration.status === 'SELESAI').length,
    noShows: booked.filter((registration) => registration.status === 'TIDAK_HADIR').length,
    averageWaitMinutes: mean(
      waits.map((wait) => Math.max(0, wait)),
      1,
    ),
    satisfaction: mean(answers, 2),
    pendingOver24h: input.pending.filter((registration) => registration.status === 'PENDING' && Date.parse(registration.createdAt) < cutoff).length,
    failedSends: input.failedSendDates.filter((date) => date === input.date).length,
  };
}

function mean(values: readonly number[], decimals: number): number | null {
  if (values.length === 0) return null;
  const factor = 10 ** decimals;
  return Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * factor) / factor;
}
