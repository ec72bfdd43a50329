/**
 * Each hour, what no request would otherwise start: a waitlist offer past its two hours passes to the next
 * one waiting (every office), and a notice still waiting in the table (its queueing failed, or the worker,
 * which may not queue, wrote it: a place an applicant freed is offered this way) is queued.
 */
import { dayState, type HolidayCalendar } from '../domain/schedule';
import type { OfficeProfile } from '../domain/office';
import type { Clock, EventQueue, OfficeRegistrationStore } from '../ports';
import { passExpiredOffers } from './offer-freed-place';

export interface HousekeepingOffice {
  readonly store: OfficeRegistrationStore;
  readonly office: OfficeProfile;
  readonly holidays: HolidayCalendar;
}

export interface HousekeepingRun {
  readonly passedOn: number;
  readonly queued: number;
}

export async function hourlyHousekeeping(deps: {
  readonly offices: readonly HousekeepingOffice[];
  /** Where the waiting notices of every office are kept (one list in the table). */
  readonly pending: Pick<OfficeRegistrationStore, 'pendingNotifications' | 'clearPendingNotification'>;
  readonly queue: EventQueue;
  readonly clock: Clock;
  readonly log: { error(message: string, fields: Record<string, unknown>): void };
}): Promise<HousekeepingRun> {
  let passedOn = 0;
  for (const { store, office, holidays } of deps.offices) {
    const passed = await passExpiredOffers({
      store,
      clock: deps.clock,
      log: deps.log,
      // Without a queue here the new offers wait in the table, and go out just below with the rest.
      freePlaces: async (date) => {
        const day = await store.getDay(date);
        const state = dayState(date, day.booked, day.override, office, holidays);
        return state.closed ? 0 : state.capacity - state.booked;
      },
    });
    passedOn += passed.length;
  }
  let queued = 0;
  for (const event of await deps.pending.pendingNotifications()) {
    await deps.queue.enqueue([event]);
    await deps.pending.clearPendingNotification(event.eventId);
    queued += 1;
  }
  return { passedOn, queued };
}
