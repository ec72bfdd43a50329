/**
 * The daily reminder job (stage 8): every registration with an appointment tomorrow (Jakarta) gets a
 * reminder event on its owner's stream. Found through the by-day index, never a scan. Running it twice,
 * at once or on a retry, queues the same event ids: the queue and the worker's idempotency records make
 * each reminder go out once per appointment date.
 */
import { addDays, type IsoDate } from '../domain/calendar';
import type { Registration } from '../domain/registration';
import type { EventQueue, OfficeRegistrationStore } from '../ports';
import { reminderEvent } from '../queue-events';

export interface ReminderRun {
  readonly today: IsoDate;
  readonly appointmentDate: IsoDate;
  readonly queued: number;
  readonly finishedAt: string;
}

export interface ReminderDeps {
  readonly registrations: Pick<OfficeRegistrationStore, 'listByDay'>;
  readonly queue: EventQueue;
  readonly heartbeat: (run: ReminderRun) => Promise<void>;
  readonly clock: { now(): Date };
}

/** Registrations that still expect the applicant on their date (a requested move keeps the old date valid). */
export function remindable(registration: Registration, date: IsoDate): boolean {
  return (registration.status === 'DIKONFIRMASI' || registration.status === 'PERUBAHAN_DIMINTA') && registration.appointmentDate === date;
}

export async function runReminders(today: IsoDate, deps: ReminderDeps): Promise<ReminderRun> {
  const appointmentDate = addDays(today, 1);
  const due = (await deps.registrations.listByDay(appointmentDate)).filter((registration) => remindable(registration, appointmentDate));
  const events = due.map((registration) => reminderEvent(registration, appointmentDate));
  await deps.queue.enqueue(events);
  const run = { today, appointmentDate, queued: events.length, finishedAt: deps.clock.now().toISOString() };
  await deps.heartbeat(run);
  return run;
}
