/**
 * The daily reminder job (stage 8): every registration with an appointment tomorrow (Jakarta) gets a
 * reminder event on its owner's stream. Found through the by-day index, never a scan. Running it twice,
 * at once or on a retry, queues the same event ids: the queue and the worker's idempotency records make
 * each reminder go out once per appointment date.
 *
 * Meta caps how many people a business may message outside their 24-hour window per rolling 24 hours
 * (the account's messaging-limit tier). Applicants whose window is open cost nothing; the others are
 * given a slot, earliest appointment first, while the tier allows, and whoever is left is listed for
 * officers to call, counted for the alarm, and not queued (Meta would refuse them). Slots are reserved
 * when given (the worker does not count those reminders again) and remembered per appointment date, so
 * a rerun neither gives them twice nor takes them back.
 */
import { addDays, type IsoDate } from '../domain/calendar';
import { windowOpen } from '../domain/conversation';
import { officerAnswerTexts } from '../domain/texts/officer-answers';
import type { Registration } from '../domain/registration';
import { METRICS } from '../metric-names';
import type { DeliveryStore, EventQueue, Metrics, OfficeRegistrationStore, ReminderRun, SessionStore } from '../ports';
import { reminderEvent } from '../notice-events';

export type { ReminderRun };

export interface ReminderDeps {
  readonly registrations: Pick<OfficeRegistrationStore, 'listByDay'>;
  readonly queue: EventQueue;
  readonly heartbeat: (run: ReminderRun) => Promise<void>;
  readonly clock: { now(): Date };
  /** People Meta lets the account message outside their window per 24 hours; `undefined`: no limit. */
  readonly messagingLimit: number | undefined;
  readonly sessions: Pick<SessionStore, 'lastInboundTimes'>;
  readonly deliveries: Pick<DeliveryStore, 'templateSendsInLast24Hours' | 'recordFailedSend' | 'reminderSlots' | 'reserveReminderSlots'>;
  readonly metrics: Metrics;
  readonly log: { warn(message: string, fields: Record<string, unknown>): void };
}

/** Registrations that still expect the applicant on their date (a requested move keeps the old date valid). */
export function remindable(registration: Registration, date: IsoDate): boolean {
  return (registration.status === 'DIKONFIRMASI' || registration.status === 'PERUBAHAN_DIMINTA') && registration.appointmentDate === date;
}

export async function runReminders(today: IsoDate, deps: ReminderDeps): Promise<ReminderRun> {
  const appointmentDate = addDays(today, 1);
  const due = (await deps.registrations.listByDay(appointmentDate))
    .filter((registration) => remindable(registration, appointmentDate))
    .sort((a, b) => (a.appointmentTime ?? '').localeCompare(b.appointmentTime ?? '') || a.queueNumber.localeCompare(b.queueNumber));
  const { heldBack, slotted } = await applyMessagingLimit(due, appointmentDate, deps);
  const events = due
    .filter((registration) => !heldBack.includes(registration))
    .map((registration) => ({
      ...reminderEvent(registration, appointmentDate),
      ...(slotted.has(registration.queueNumber) ? { countedAgainstLimit: true } : {}),
    }));
  await deps.queue.enqueue(events);

  const now = deps.clock.now();
  for (const registration of heldBack) {
    await deps.deliveries.recordFailedSend({
      applicantKey: registration.ownerKey,
      ...(registration.ownerWaId ? { waId: registration.ownerWaId } : {}),
      outboxId: reminderEvent(registration, appointmentDate).eventId,
      reason: 'messaging-limit',
      code: 0,
      title: officerAnswerTexts.officer.messagingLimitReached(deps.messagingLimit ?? 0),
      at: now.toISOString(),
      queueNumber: registration.queueNumber,
      kind: 'reminder',
    });
  }
  if (heldBack.length > 0) {
    deps.metrics.count(METRICS.messagingLimitReached, heldBack.length);
    deps.log.warn("Meta's messaging limit reached: reminders held back", { appointmentDate, heldBack: heldBack.length, limit: deps.messagingLimit });
  }
  const run = { today, appointmentDate, queued: events.length, heldBack: heldBack.length, finishedAt: now.toISOString() };
  await deps.heartbeat(run);
  return run;
}

/**
 * Which due registrations outside their window get a slot under the tier (those given one before keep
 * it), and which the tier leaves no room for: the latest appointments.
 */
async function applyMessagingLimit(
  due: readonly Registration[],
  appointmentDate: IsoDate,
  deps: ReminderDeps,
): Promise<{ heldBack: Registration[]; slotted: ReadonlySet<string> }> {
  if (deps.messagingLimit === undefined || due.length === 0) return { heldBack: [], slotted: new Set() };
  const now = deps.clock.now();
  const [lastInbound, alreadySent, slots] = await Promise.all([
    deps.sessions.lastInboundTimes(due.map((registration) => registration.ownerKey)),
    deps.deliveries.templateSendsInLast24Hours(now),
    deps.deliveries.reminderSlots(appointmentDate),
  ]);
  const fresh = due.filter((registration) => !windowOpen(lastInbound.get(registration.ownerKey), now) && !slots.has(registration.queueNumber));
  const room = Math.max(0, deps.messagingLimit - alreadySent);
  const given = fresh.slice(0, room).map((registration) => registration.queueNumber);
  if (given.length > 0) await deps.deliveries.reserveReminderSlots(appointmentDate, given, now);
  return { heldBack: fresh.slice(room), slotted: new Set([...slots, ...given]) };
}
