/**
 * The applicant's own requests about their registrations: a new date (stage 6: one chance, within one
 * calendar month after the confirmed date, a working day from tomorrow) and cancelling (BATAL).
 */
import { addOneMonth, formatDayDate, isoDate, isRealDate, type IsoDate } from './calendar';
import type { OfficeProfile } from './office';
import type { OfficerOutcome } from './officer-actions';
import type { Registration } from './registration';
import { RECORD_TEXTS } from './texts/records';
import { earliestBookableDate, type DayState } from './schedule';

export interface RescheduleLine {
  readonly name: string;
  readonly date: IsoDate;
}

const PREFIX = /^\s*ubah\s*jadwal\s*[:;]?\s*/i;

/**
 * `Ubah jadwal: nama/DD-MM-YYYY` (prefix optional when `prefixOptional`, any case, spaces tolerated).
 * `undefined` when the text is not such a line at all; `'format'` when it is meant as one but malformed.
 */
export function parseRescheduleLine(text: string, prefixOptional: boolean): RescheduleLine | 'format' | undefined {
  const hasPrefix = PREFIX.test(text);
  if (!hasPrefix && !prefixOptional) return undefined;
  const rest = text.replace(PREFIX, '').trim();
  const parts = rest.split('/').map((part) => part.trim());
  if (parts.length !== 2) return hasPrefix || rest.includes('/') ? 'format' : undefined;
  const [rawName, rawDate] = parts as [string, string];
  const match = /^(\d{1,2})\s*[-.]\s*(\d{1,2})\s*[-.]\s*(\d{4})$/.exec(rawDate);
  const name = rawName.replace(/\s+/g, ' ');
  if (!match || name.length < 2) return 'format';
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isRealDate(year, month, day)) return 'format';
  return { name, date: isoDate(year, month, day) };
}

export function sameName(a: string, b: string): boolean {
  const normal = (value: string) => value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return normal(a) === normal(b);
}

export type RescheduleRefusal =
  | { readonly reason: 'already-used' }
  | { readonly reason: 'already-requested'; readonly requestedDate: IsoDate }
  | { readonly reason: 'not-after'; readonly confirmed: IsoDate; readonly latest: IsoDate }
  | { readonly reason: 'too-late'; readonly confirmed: IsoDate; readonly latest: IsoDate }
  | { readonly reason: 'too-soon'; readonly earliest: IsoDate; readonly latest: IsoDate }
  | { readonly reason: 'closed'; readonly closedReason: string; readonly earliest: IsoDate; readonly latest: IsoDate };

/** The window of dates the applicant may ask for: after the confirmed date, at most a calendar month later. */
export function rescheduleWindow(confirmed: IsoDate, now: Date, office: Pick<OfficeProfile, 'timezone'>): { earliest: IsoDate; latest: IsoDate } {
  const tomorrow = earliestBookableDate(now, office);
  const dayAfter = addDaysSafe(confirmed, 1);
  return { earliest: dayAfter > tomorrow ? dayAfter : tomorrow, latest: addOneMonth(confirmed) };
}

/** `office`: whose today the window counts from. */
export function checkRescheduleRequest(
  registration: Registration,
  requested: DayState,
  now: Date,
  office: Pick<OfficeProfile, 'timezone'>,
): RescheduleRefusal | undefined {
  if (registration.rescheduled) return { reason: 'already-used' };
  if (registration.requestedDate) return { reason: 'already-requested', requestedDate: registration.requestedDate };
  const confirmed = registration.appointmentDate;
  if (!confirmed) return { reason: 'already-used' };
  const { earliest, latest } = rescheduleWindow(confirmed, now, office);
  if (requested.date <= confirmed) return { reason: 'not-after', confirmed, latest };
  if (requested.date > latest) return { reason: 'too-late', confirmed, latest };
  if (requested.date < earliest) return { reason: 'too-soon', earliest, latest };
  if (requested.closed) return { reason: 'closed', closedReason: requested.closedReason ?? '', earliest, latest };
  return undefined;
}

/** Stage 6 accepted: the original date stays valid (and reminded) until the officer sets the new one. */
export function rescheduleRequested(registration: Registration, date: IsoDate): OfficerOutcome {
  return {
    registration: { ...registration, status: 'PERUBAHAN_DIMINTA', requestedDate: date },
    audit: { action: 'reschedule-requested', detail: RECORD_TEXTS.rescheduleRequested(formatDayDate(date)) },
    releaseNik: false,
  };
}

/** BATAL, confirmed by the applicant: the day's place and the NIK are freed. */
export function cancelledByApplicant(registration: Registration): OfficerOutcome {
  const holdsADay = registration.status === 'DIKONFIRMASI' || registration.status === 'PERUBAHAN_DIMINTA';
  return {
    registration: { ...registration, status: 'DIBATALKAN', note: RECORD_TEXTS.cancelledByApplicantNote },
    audit: { action: 'cancelled-by-applicant', detail: RECORD_TEXTS.cancelledByApplicantAudit },
    ...(holdsADay && registration.appointmentDate ? { releaseDay: registration.appointmentDate } : {}),
    releaseNik: true,
  };
}

function addDaysSafe(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + days)).toISOString().slice(0, 10);
}
