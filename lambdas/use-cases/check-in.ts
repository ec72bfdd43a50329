/**
 * HADIR with today's code, carried out before the decision is saved: each registration still confirmed for
 * today and not yet checked in gets `checkedInAt` (with its history line). Idempotent: a retry finds it
 * checked in and changes nothing; an officer's change meanwhile is read again.
 */
import { addDays } from '../domain/calendar';
import { officeToday } from '../domain/offices';
import type { CheckInFacts } from '../domain/check-in';
import type { Effect } from '../domain/conversation';
import { dayCodeFor } from '../domain/day-code';
import { RECORD_TEXTS } from '../domain/texts/records';
import { ConcurrentUpdateError } from '../errors';
import type { EventHandlingDeps } from './event-handling';

export async function checkInFacts(now: Date, deps: Pick<EventHandlingDeps, 'registrations' | 'dayCodeKey' | 'office'>): Promise<CheckInFacts> {
  const date = officeToday(now, deps.office);
  const [key, today] = await Promise.all([deps.dayCodeKey(), deps.registrations.listByDay(date)]);
  return { date, todayCode: dayCodeFor(key, date), yesterdayCode: dayCodeFor(key, addDays(date, -1)), today };
}

export async function checkIn(effect: Extract<Effect, { type: 'check-in' }>, deps: EventHandlingDeps): Promise<void> {
  const at = new Date(effect.at);
  for (const queueNumber of effect.queueNumbers) {
    for (let attempt = 0; ; attempt += 1) {
      const current = await deps.registrations.getVersioned(queueNumber);
      const registration = current?.registration;
      if (
        !current ||
        !registration ||
        registration.status !== 'DIKONFIRMASI' ||
        registration.checkedInAt ||
        registration.appointmentDate !== officeToday(at, deps.office)
      )
        break;
      const result = await deps.registrations.applyOutcome({
        outcome: {
          registration: { ...registration, checkedInAt: effect.at },
          audit: { action: 'checked-in', detail: RECORD_TEXTS.checkedIn },
          releaseNik: false,
        },
        version: current.version,
        actor: 'pemohon',
        now: at,
        dayCapacity: () => deps.office.dayCapacity,
      });
      if (result === 'applied') break;
      if (attempt >= 2) throw new ConcurrentUpdateError(queueNumber);
    }
  }
}
