/**
 * The end of the day (at the office's closing time): every registration still confirmed for that day that
 * never checked in becomes `TIDAK_HADIR`, its NIK free again as when an officer completes it, and its
 * applicant gets one message saying so and how to register again. Those an officer completed or called
 * are left alone. Each change and its notification are saved in one transaction (the notification waits
 * in the table if queueing fails), so a rerun, at once or on a retry, marks nobody twice.
 */
import type { IsoDate } from '../domain/calendar';
import type { Registration } from '../domain/registration';
import { RECORD_TEXTS } from '../domain/texts/records';
import type { EventQueue, OfficeRegistrationStore } from '../ports';
import { ownerRef, type NotifyEvent } from '../notice-events';

export interface CloseDayDeps {
  readonly registrations: Pick<OfficeRegistrationStore, 'listByDay' | 'getVersioned' | 'applyOutcome' | 'clearPendingNotification'>;
  readonly queue: EventQueue;
  readonly clock: { now(): Date };
  readonly log: { info(message: string, fields: Record<string, unknown>): void; warn(message: string, fields: Record<string, unknown>): void };
}

export interface CloseDayRun {
  readonly date: IsoDate;
  /** The registrations marked `TIDAK_HADIR` by this run. */
  readonly marked: readonly string[];
}

/** Expected on `date` and never arrived: confirmed, not checked in, not called. */
export function neverArrived(registration: Registration, date: IsoDate): boolean {
  return registration.appointmentDate === date && registration.status === 'DIKONFIRMASI' && !registration.checkedInAt && !registration.calledAt;
}

export async function closeDay(date: IsoDate, deps: CloseDayDeps): Promise<CloseDayRun> {
  const candidates = (await deps.registrations.listByDay(date)).filter((registration) => neverArrived(registration, date));
  const marked: string[] = [];
  const notifications: NotifyEvent[] = [];
  for (const candidate of candidates) {
    const notification = await markNoShow(candidate.queueNumber, date, deps);
    if (!notification) continue;
    marked.push(candidate.queueNumber);
    notifications.push(notification);
  }
  if (notifications.length > 0) {
    try {
      await deps.queue.enqueue(notifications);
      for (const notification of notifications) await deps.registrations.clearPendingNotification(notification.eventId);
    } catch (error) {
      // The marks hold; their notices wait in the table and go out with the next flush.
      deps.log.warn('no-show notices not queued yet', { date, count: notifications.length, error: (error as Error).message });
    }
  }
  deps.log.info('day closed', { date, noShows: marked.length });
  return { date, marked };
}

/** One registration, read again as it is now (an officer may act at the same moment); its notice if it was marked. */
async function markNoShow(queueNumber: string, date: IsoDate, deps: CloseDayDeps): Promise<NotifyEvent | undefined> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const current = await deps.registrations.getVersioned(queueNumber);
    if (!current || !neverArrived(current.registration, date)) return undefined;
    const registration = current.registration;
    const version = current.version + 1;
    const notification: NotifyEvent = {
      type: 'notify',
      eventId: `notify:${queueNumber}:${version}`,
      applicant: ownerRef(registration),
      queueNumber,
      kind: 'no-show',
      version,
    };
    const result = await deps.registrations.applyOutcome({
      outcome: {
        registration: { ...registration, status: 'TIDAK_HADIR' },
        audit: { action: 'closed-no-show', detail: RECORD_TEXTS.closedNoShow },
        notify: 'no-show',
        releaseNik: true,
      },
      version: current.version,
      actor: 'sistem',
      now: deps.clock.now(),
      dayCapacity: () => 0,
      notification,
    });
    if (result === 'applied') return notification;
  }
  throw new Error(`close day: ${queueNumber} kept changing`);
}
