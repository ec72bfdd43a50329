/**
 * A closed day re-books its applicants (issue 21): each registration holding a place on the day waits
 * for the applicant's choice (PERLU_JADWAL_ULANG, holding no place), is offered the nearest open days,
 * and moves to the one chosen without using up the applicant's own reschedule chance.
 */
import { formatDayDate, isoDate, isRealDate, type IsoDate } from './calendar';
import type { OfficeProfile } from './office';
import { zoneLabelOf } from './offices';
import type { OfficerOutcome } from './officer-actions';
import type { Registration } from './registration';
import type { Reply } from './replies';
import { earliestBookableDate, type DayState } from './schedule';
import { REBOOKING_RECORDS, rebookingTexts, shortDayDate } from './texts/rebooking';

/** Up to this many dates are offered. */
export const REBOOKING_DATES_OFFERED = 3;
const PREFIX = 'jadwal-ulang:';
const OTHER = 'lain';
const CHOICES = 'pilih';

/** Holds a place on its day (a requested move keeps the old date until the officer sets the new one). */
export function holdsPlaceOn(registration: Registration, date: IsoDate): boolean {
  return (registration.status === 'DIKONFIRMASI' || registration.status === 'PERUBAHAN_DIMINTA') && registration.appointmentDate === date;
}

/** The day closed: the registration waits for the applicant's choice and its place is given back. */
export function dayClosedOutcome(registration: Registration, date: IsoDate, reason: string, now: Date): OfficerOutcome {
  const { requestedDate: _requested, ...rest } = registration;
  return {
    registration: { ...rest, status: 'PERLU_JADWAL_ULANG', attendance: null, rebooking: { from: date, reason, askedAt: now.toISOString() } },
    audit: { action: 'day-closed', detail: REBOOKING_RECORDS.dayClosed(formatDayDate(date), reason) },
    releaseDay: date,
    releaseNik: false,
  };
}

/** The applicant chose `day`: confirmed on it at the same time, the reschedule chance untouched. */
export function rebookedOutcome(registration: Registration, day: DayState, now: Date, office: Pick<OfficeProfile, 'timezone'>): OfficerOutcome | undefined {
  if (registration.status !== 'PERLU_JADWAL_ULANG' || !bookable(day, now, office)) return undefined;
  return {
    registration: { ...registration, status: 'DIKONFIRMASI', appointmentDate: day.date, attendance: null },
    audit: { action: 'rebooked', detail: REBOOKING_RECORDS.rebooked(formatDayDate(registration.rebooking?.from ?? ''), formatDayDate(day.date)) },
    bookDay: day.date,
    notify: 'rescheduled',
    releaseNik: false,
  };
}

/** Open, with a free place, and from the office's own tomorrow. */
export function bookable(day: DayState, now: Date, office: Pick<OfficeProfile, 'timezone'>): boolean {
  return !day.closed && day.booked < day.capacity && day.date >= earliestBookableDate(now, office);
}

export function rebookingPayload(queueNumber: string, date: IsoDate | typeof OTHER): string {
  return `${PREFIX}${queueNumber}:${date}`;
}

/** `jadwal-ulang:KRC-002:2026-12-14` → the date chosen; `…:lain` → another date to be typed. */
export function parseRebookingPayload(payload: string): { queueNumber: string; date: IsoDate | 'other' } | undefined {
  const match = /^jadwal-ulang:(.+):(\d{4}-\d{2}-\d{2}|lain)$/.exec(payload);
  if (!match?.[1] || !match[2]) return undefined;
  return { queueNumber: match[1], date: match[2] === OTHER ? 'other' : match[2] };
}

/** *Pilih tanggal* on the closed-day template: `jadwal-ulang:<queue>:pilih`, answered with the dates open now. */
export function rebookingChoicesPayload(queueNumber: string): string {
  return `${PREFIX}${queueNumber}:${CHOICES}`;
}

export function parseRebookingChoicesPayload(payload: string): { queueNumber: string } | undefined {
  if (!payload.startsWith(PREFIX) || !payload.endsWith(`:${CHOICES}`)) return undefined;
  const queueNumber = payload.slice(PREFIX.length, -CHOICES.length - 1);
  return queueNumber ? { queueNumber } : undefined;
}

/** `15-01-2027` (also with dots or slashes) → `2027-01-15`; anything else → undefined. */
export function parseTypedDate(text: string): IsoDate | undefined {
  const match = /^\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, day) ? isoDate(year, month, day) : undefined;
}

/**
 * The offer: the reason and the nearest open dates with "Pilih tanggal lain"; reply buttons while all fit
 * in three, a list otherwise. `unavailable`: the date chosen before was taken or closed meanwhile.
 */
export function rebookingOffer(registration: Registration, dates: readonly IsoDate[], office: Pick<OfficeProfile, 'timezone'>, unavailable?: IsoDate): Reply {
  const offered = dates.slice(0, REBOOKING_DATES_OFFERED);
  const body = [
    ...(unavailable ? [rebookingTexts.unavailable(unavailable), ''] : []),
    rebookingTexts.offer({
      queueNumber: registration.queueNumber,
      name: registration.name,
      date: registration.rebooking?.from ?? registration.appointmentDate ?? '',
      time: registration.appointmentTime ?? '',
      zone: zoneLabelOf(office),
      reason: registration.rebooking?.reason ?? '',
      hasDates: offered.length > 0,
    }),
  ].join('\n');
  const choices = [
    ...offered.map((date) => ({ id: rebookingPayload(registration.queueNumber, date), title: shortDayDate(date) })),
    { id: rebookingPayload(registration.queueNumber, OTHER), title: rebookingTexts.otherDate },
  ];
  if (choices.length <= 3) return { type: 'buttons', body, buttons: choices };
  return { type: 'list', body, button: rebookingTexts.listButton, sections: [{ title: rebookingTexts.listSection, rows: choices }] };
}
