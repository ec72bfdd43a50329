/**
 * A place freed on a day (an officer's cancel or move, a capacity raised): offered to the first applicant
 * on the waitlist whose date is later (issue 21). The offer is written with its notice in one transaction
 * and queued on that applicant's stream; the place itself is taken only by *Ambil*, conditionally.
 */
import type { IsoDate } from '../domain/calendar';
import { earliestBookableDate } from '../domain/schedule';
import { expiredOffers, nextInLine, offered, passedOn } from '../domain/waitlist';
import type { Clock, EventQueue, OfficeRegistrationStore } from '../ports';
import type { NotifyEvent } from '../queue-events';

export interface OfferDeps {
  readonly store: Pick<OfficeRegistrationStore, 'listByStatus' | 'getVersioned' | 'applyOutcome' | 'clearPendingNotification'>;
  /** Without one (the worker may not send to the queue) the offer waits in the table for the next flush (the dashboard). */
  readonly queue?: EventQueue;
  readonly clock: Clock;
  readonly log: { error(message: string, fields: Record<string, unknown>): void };
}

export const WAITLIST_OFFER_NOTICE = 'waitlist-offer';

/** Each free place on `date` (up to `places`) offered to the next one in line. */
export async function offerFreedPlaces(date: IsoDate, places: number, deps: OfferDeps): Promise<string[]> {
  const offeredTo: string[] = [];
  for (let place = 0; place < places; place += 1) {
    const queueNumber = await offerFreedPlace(date, deps);
    if (!queueNumber) break;
    offeredTo.push(queueNumber);
  }
  return offeredTo;
}

export async function offerFreedPlace(date: IsoDate, deps: OfferDeps): Promise<string | undefined> {
  try {
    const now = deps.clock.now();
    if (date < earliestBookableDate(now)) return undefined;
    const next = nextInLine(await deps.store.listByStatus('DIKONFIRMASI'), date, now);
    const current = next && (await deps.store.getVersioned(next.queueNumber));
    if (!current) return undefined;
    const outcome = offered(current.registration, date, now);
    const version = current.version + 1;
    const notification: NotifyEvent = {
      type: 'notify',
      eventId: `notify:${current.registration.queueNumber}:${version}`,
      applicant: { key: current.registration.ownerKey, ...(current.registration.ownerWaId ? { waId: current.registration.ownerWaId } : {}) },
      queueNumber: current.registration.queueNumber,
      kind: WAITLIST_OFFER_NOTICE,
      version,
    };
    const result = await deps.store.applyOutcome({ outcome, version: current.version, actor: 'sistem', now, dayCapacity: () => 0, notification });
    if (result !== 'applied') return undefined;
    if (deps.queue) {
      await deps.queue.enqueue([notification]);
      await deps.store.clearPendingNotification(notification.eventId);
    }
    return current.registration.queueNumber;
  } catch (error) {
    // The place stays free for officers; a later freed place offers again.
    deps.log.error('waitlist offer not made', { date, error: (error as Error).message });
    return undefined;
  }
}

/**
 * Offers past their two hours pass to the next one waiting while their day still has a free place: run
 * with each flush of waiting notices (the officers' dashboard), as no timer runs between.
 */
export async function passExpiredOffers(deps: OfferDeps & { readonly freePlaces: (date: IsoDate) => Promise<number> }): Promise<string[]> {
  const passedTo: string[] = [];
  try {
    const now = deps.clock.now();
    for (const expired of expiredOffers(await deps.store.listByStatus('DIKONFIRMASI'), now)) {
      const current = await deps.store.getVersioned(expired.queueNumber);
      const outcome = current && passedOn(current.registration);
      if (!current || !outcome || !expired.offer) continue;
      const result = await deps.store.applyOutcome({ outcome, version: current.version, actor: 'sistem', now, dayCapacity: () => 0 });
      if (result !== 'applied' || (await deps.freePlaces(expired.offer.date)) <= 0) continue;
      const next = await offerFreedPlace(expired.offer.date, deps);
      if (next) passedTo.push(next);
    }
  } catch (error) {
    deps.log.error('expired waitlist offers not passed on', { error: (error as Error).message });
  }
  return passedTo;
}
