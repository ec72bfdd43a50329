/** *Datang* to the reminder, kept on the registration as it is now (a retry or a second tap changes nothing). */
import type { Effect } from '../domain/conversation';
import { attendanceDeclared } from '../domain/attendance';
import { ConcurrentUpdateError } from '../errors';
import type { EventHandlingDeps } from './event-handling';

export async function recordAttendance(effect: Extract<Effect, { type: 'record-attendance' }>, deps: EventHandlingDeps, now: Date): Promise<void> {
  const current = await deps.registrations.getVersioned(effect.queueNumber);
  const outcome = current ? attendanceDeclared(current.registration) : undefined;
  if (!current || !outcome) return;
  const result = await deps.registrations.applyOutcome({
    outcome,
    version: current.version,
    actor: 'pemohon',
    now,
    dayCapacity: () => deps.office.dayCapacity,
  });
  if (result !== 'applied') throw new ConcurrentUpdateError(effect.queueNumber);
}
