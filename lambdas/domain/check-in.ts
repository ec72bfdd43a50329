/**
 * `HADIR <code>` on the day of the interview: the applicant's confirmed registrations of today (a family
 * registered from one account together) are checked in, and the answer names each one's place in today's
 * queue. Pure: the caller fetches today's and yesterday's codes and today's appointments (`CheckInFacts`).
 */
import { formatDayDate, formatTime, type IsoDate } from './calendar';
import type { OfficeProfile } from './office';
import { officeTime, officeToday, zoneLabelOf } from './offices';
import { normaliseDayCode } from './day-code';
import type { Registration } from './registration';
import { DAY_OF_TEXTS, type QueuePlace } from './texts/day-of';

export interface CheckInFacts {
  readonly date: IsoDate;
  readonly todayCode: string;
  readonly yesterdayCode: string;
  /** Every registration with an appointment today (the queue is made of them). */
  readonly today: readonly Registration[];
}

export type CheckInOutcome = { readonly reply: string; readonly checkIn?: { readonly queueNumbers: readonly string[]; readonly at: string } };

const CHECK_IN = /^HADIR\b[\s:.,-]*(.*)$/is;

/** `HADIR K7M3P` (any case, a colon or dash after the word allowed) → the code typed; not a check-in → undefined. */
export function parseCheckIn(text: string): { readonly code: string } | undefined {
  const match = CHECK_IN.exec(text.normalize('NFKC').trim());
  return match ? { code: normaliseDayCode(match[1] ?? '') } : undefined;
}

/** Waiting in today's queue: checked in and not called yet, by appointment time, then arrival. */
export function todaysQueue(registrations: readonly Registration[], date: IsoDate): Registration[] {
  return registrations
    .filter((registration) => registration.appointmentDate === date && registration.status === 'DIKONFIRMASI' && registration.checkedInAt)
    .sort((a, b) => queueOrder(a).localeCompare(queueOrder(b)));
}

function queueOrder(registration: Registration): string {
  return `${registration.appointmentTime ?? ''}#${registration.checkedInAt ?? ''}#${registration.queueNumber}`;
}

/** `office`: whose today it is and whose clock the arrival time is read on (WIB, WITA or WIT). */
export function decideCheckIn(
  code: string,
  own: readonly Registration[],
  facts: CheckInFacts,
  now: Date,
  office: Pick<OfficeProfile, 'timezone'>,
): CheckInOutcome {
  const today = officeToday(now, office);
  const zone = zoneLabelOf(office);
  if (!code) return { reply: DAY_OF_TEXTS.codeMissing };
  if (code !== facts.todayCode || facts.date !== today) return { reply: code === facts.yesterdayCode ? DAY_OF_TEXTS.codeStale : DAY_OF_TEXTS.codeWrong };
  const confirmedToday = own.filter((registration) => registration.appointmentDate === today && registration.status === 'DIKONFIRMASI');
  if (confirmedToday.length === 0) {
    const called = own.find((registration) => registration.appointmentDate === today && registration.calledAt);
    if (called) return { reply: DAY_OF_TEXTS.alreadyCalled(called.queueNumber, called.name) };
    const otherDays = own.filter((registration) => registration.status === 'DIKONFIRMASI' && registration.appointmentDate);
    if (otherDays.length > 0) {
      return {
        reply: DAY_OF_TEXTS.notToday(
          otherDays.map((registration) =>
            DAY_OF_TEXTS.appointmentLine(
              registration.queueNumber,
              registration.name,
              appointmentOf(registration.appointmentDate!, registration.appointmentTime, zone),
            ),
          ),
        ),
      };
    }
    return { reply: DAY_OF_TEXTS.noConfirmedToday };
  }
  const at = now.toISOString();
  const arriving = confirmedToday.filter((registration) => !registration.checkedInAt);
  const checkedIn = new Map(confirmedToday.map((registration) => [registration.queueNumber, { ...registration, checkedInAt: registration.checkedInAt ?? at }]));
  // Today's appointments as they are once this message is counted: the family's own in their new state.
  const queue = todaysQueue([...facts.today.filter((registration) => !checkedIn.has(registration.queueNumber)), ...checkedIn.values()], today);
  const places: QueuePlace[] = [...checkedIn.values()]
    .map((registration) => {
      const index = queue.findIndex((waiting) => waiting.queueNumber === registration.queueNumber);
      return {
        queueNumber: registration.queueNumber,
        name: registration.name,
        appointment: registration.appointmentTime ? formatTime(registration.appointmentTime, zone) : '-',
        arrivedAt: formatTime(officeTime(new Date(registration.checkedInAt), office), zone),
        position: index + 1,
        before: index,
      };
    })
    .sort((a, b) => a.position - b.position);
  return {
    reply: DAY_OF_TEXTS.checkedIn(places),
    ...(arriving.length > 0 ? { checkIn: { queueNumbers: arriving.map((registration) => registration.queueNumber), at } } : {}),
  };
}

function appointmentOf(date: IsoDate, time: string | undefined, zone: string): string {
  return time ? `${formatDayDate(date)}, ${formatTime(time, zone)}` : formatDayDate(date);
}
