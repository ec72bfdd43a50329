/**
 * The waitlist for an earlier date (issue 21): a confirmed applicant asks (MAJUKAN); a place freed on an
 * earlier working day is offered to the first one waiting whose date is later, for two hours; taking it
 * is the same conditional day booking as every other, so a place is never given twice.
 */
import { formatDayDate, formatTime, type IsoDate } from './calendar';
import type { OfficeProfile } from './office';
import { officeTime, officeToday, zoneLabelOf } from './offices';
import type { OfficerOutcome } from './officer-actions';
import { bookable } from './rebooking';
import type { Registration } from './registration';
import type { Reply } from './replies';
import type { DayState } from './schedule';
import { WAITLIST_RECORDS, waitlistTexts } from './texts/waitlist';

export const OFFER_HOLD_MS = 2 * 60 * 60 * 1000;
const PREFIX = 'ambil:';

export function canWait(registration: Registration): boolean {
  return registration.status === 'DIKONFIRMASI' && registration.appointmentDate !== undefined;
}

export function joinedWaitlist(registration: Registration, now: Date): OfficerOutcome | undefined {
  if (!canWait(registration) || registration.waitlisted) return undefined;
  return {
    registration: { ...registration, waitlisted: true, waitlistedAt: now.toISOString() },
    audit: { action: 'waitlist-joined', detail: WAITLIST_RECORDS.joined },
    releaseNik: false,
  };
}

export function leftWaitlist(registration: Registration): OfficerOutcome | undefined {
  if (!registration.waitlisted) return undefined;
  const { waitlistedAt: _at, offer: _offer, ...rest } = registration;
  return { registration: { ...rest, waitlisted: false }, audit: { action: 'waitlist-left', detail: WAITLIST_RECORDS.left }, releaseNik: false };
}

/** The first one waiting (earliest to join) whose date is later than the freed day, and holding no offer. */
export function nextInLine(candidates: readonly Registration[], freed: IsoDate, now: Date): Registration | undefined {
  return (
    candidates
      .filter((registration) => canWait(registration) && registration.waitlisted && (registration.appointmentDate ?? '') > freed)
      // One offered this day before (its two hours passed) is not offered it again.
      .filter((registration) => !holdsOffer(registration, now) && registration.offer?.date !== freed)
      .sort((a, b) => (a.waitlistedAt ?? '').localeCompare(b.waitlistedAt ?? '') || a.queueNumber.localeCompare(b.queueNumber))[0]
  );
}

export function holdsOffer(registration: Registration, now: Date): boolean {
  return registration.offer !== undefined && Date.parse(registration.offer.until) > now.getTime();
}

export function offered(registration: Registration, date: IsoDate, now: Date): OfficerOutcome {
  return {
    registration: { ...registration, offer: { date, until: new Date(now.getTime() + OFFER_HOLD_MS).toISOString() } },
    audit: { action: 'waitlist-offered', detail: WAITLIST_RECORDS.offered(formatDayDate(date)) },
    releaseNik: false,
  };
}

/** Offers whose two hours passed and that were not passed on yet. */
export function expiredOffers(candidates: readonly Registration[], now: Date): Registration[] {
  return candidates.filter((registration) => registration.offer && !registration.offer.passedOn && !holdsOffer(registration, now));
}

export function passedOn(registration: Registration): OfficerOutcome | undefined {
  if (!registration.offer) return undefined;
  return {
    registration: { ...registration, offer: { ...registration.offer, passedOn: true } },
    audit: { action: 'waitlist-passed-on', detail: WAITLIST_RECORDS.passedOn(formatDayDate(registration.offer.date)) },
    releaseNik: false,
  };
}

/** *Ambil*: moved to the offered day while the offer stands and the day has a place; the old place is given back. */
export function taken(registration: Registration, day: DayState, now: Date, office: Pick<OfficeProfile, 'timezone'>): OfficerOutcome | undefined {
  if (!canWait(registration) || registration.offer?.date !== day.date || !holdsOffer(registration, now) || !bookable(day, now, office)) return undefined;
  const { waitlistedAt: _at, offer: _offer, ...rest } = registration;
  return {
    registration: { ...rest, waitlisted: false, appointmentDate: day.date, attendance: null },
    audit: { action: 'waitlist-taken', detail: WAITLIST_RECORDS.taken(formatDayDate(registration.appointmentDate ?? ''), formatDayDate(day.date)) },
    bookDay: day.date,
    ...(registration.appointmentDate ? { releaseDay: registration.appointmentDate } : {}),
    notify: 'rescheduled',
    releaseNik: false,
  };
}

export function takePayload(queueNumber: string, date: IsoDate): string {
  return `${PREFIX}${queueNumber}:${date}`;
}

export function parseTakePayload(payload: string): { queueNumber: string; date: IsoDate } | undefined {
  const match = /^ambil:(.+):(\d{4}-\d{2}-\d{2})$/.exec(payload);
  return match?.[1] && match[2] ? { queueNumber: match[1], date: match[2] } : undefined;
}

/** `office`: whose clock the offer's last moment is told on. */
export function offerReply(registration: Registration, office: Pick<OfficeProfile, 'timezone'>): Reply {
  const offer = registration.offer;
  const until = new Date(offer?.until ?? 0);
  const body = waitlistTexts.offer({
    queueNumber: registration.queueNumber,
    name: registration.name,
    date: offer?.date ?? '',
    time: registration.appointmentTime ?? '',
    zone: zoneLabelOf(office),
    current: registration.appointmentDate ?? '',
    until: `${formatDayDate(officeToday(until, office))}, ${formatTime(officeTime(until, office), zoneLabelOf(office))}`,
  });
  return { type: 'buttons', body, buttons: [{ id: takePayload(registration.queueNumber, offer?.date ?? ''), title: waitlistTexts.takeButton }] };
}
