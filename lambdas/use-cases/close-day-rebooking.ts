/**
 * A day closed with applicants on it (issue 21): each registration holding a place there waits for its
 * applicant's choice (PERLU_JADWAL_ULANG) and its place is given back, in one transaction with the
 * `day-closed` notice kept in the table; the notices are then queued on each applicant's own stream (a
 * notice not queued goes out with the next flush, like an officer's). Closing again moves only those
 * still on the day; re-opening moves nobody back.
 */
import type { IsoDate } from '../domain/calendar';
import { dayClosedOutcome, holdsPlaceOn } from '../domain/rebooking';
import type { Clock, EventQueue, OfficeRegistrationStore } from '../ports';
import { ownerRef, type NotifyEvent } from '../notice-events';

export interface CloseDayDeps {
  readonly store: Pick<OfficeRegistrationStore, 'listByDay' | 'getVersioned' | 'applyOutcome' | 'recordRebooked' | 'clearPendingNotification'>;
  readonly queue: EventQueue;
  readonly clock: Clock;
  readonly dayCapacity: (date: string) => number;
  readonly log: { error(message: string, fields: Record<string, unknown>): void };
}

const ATTEMPTS = 3;

export async function closeDayRebooking(date: IsoDate, reason: string, deps: CloseDayDeps): Promise<string[]> {
  const moved: string[] = [];
  for (const listed of await deps.store.listByDay(date)) {
    if (!holdsPlaceOn(listed, date)) continue;
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const current = await deps.store.getVersioned(listed.queueNumber);
      if (!current || !holdsPlaceOn(current.registration, date)) break;
      const now = deps.clock.now();
      const outcome = dayClosedOutcome(current.registration, date, reason, now);
      const notification = dayClosedNotice(outcome.registration, current.version + 1);
      const result = await deps.store.applyOutcome({ outcome, version: current.version, actor: 'sistem', now, dayCapacity: deps.dayCapacity, notification });
      if (result !== 'applied') continue;
      await deps.store.recordRebooked(date, [listed.queueNumber]);
      moved.push(listed.queueNumber);
      try {
        await deps.queue.enqueue([notification]);
        await deps.store.clearPendingNotification(notification.eventId);
      } catch (error) {
        deps.log.error('day-closed notice not queued yet', { eventId: notification.eventId, error: (error as Error).message });
      }
      break;
    }
  }
  return moved;
}

function dayClosedNotice(registration: { queueNumber: string; ownerKey: string; ownerWaId?: string; ownerUserId?: string }, version: number): NotifyEvent {
  return {
    type: 'notify',
    eventId: `notify:${registration.queueNumber}:${version}`,
    applicant: ownerRef(registration),
    queueNumber: registration.queueNumber,
    kind: 'day-closed',
    version,
  };
}
