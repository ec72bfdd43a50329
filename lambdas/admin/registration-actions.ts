/**
 * An officer's action on a registration (declared in domain/officer-action-declarations.ts): the body
 * checked against the declaration, the rule decided (pure), the change and its notification saved in one
 * transaction (retried when another officer changed it meanwhile), then the notification queued.
 */
import { addDays, formatDayDate, localDate, localHour } from '../domain/calendar';
import { offsetMsOf } from '../domain/offices';
import { officerAnswerTexts } from '../domain/texts/officer-answers';
import { decideOfficerAction, type OfficerRefusal } from '../domain/officer-actions';
import { OFFICER_ACTIONS, type OfficerActionInput, type OfficerActionName } from '../domain/officer-action-declarations';
import type { Registration } from '../domain/registration';
import { earliestBookableDate } from '../domain/schedule';
import { ownerRef, reminderEvent, type NotifyEvent } from '../notice-events';
import { bookableDays, dayOf } from './days-api';
import type { Officer, RegistrationsApiDeps } from './officer-api';
import { offerFreedPlace } from '../use-cases/offer-freed-place';
import { registrationView } from './registration-view';
import { malformed, notFound, ok, problem } from './results';

export function createRegistrationActions(deps: RegistrationsApiDeps) {
  const now = () => deps.clock.now();
  const view = (registration: Registration) => registrationView(registration, now(), deps.office.services, deps.officeRef);
  const day = (date: string) => dayOf(deps, date);

  async function act(queueNumber: string, action: OfficerActionName, body: unknown, officer: Officer) {
    const parsed = OFFICER_ACTIONS[action].body.safeParse(body);
    if (!parsed.success) return malformed(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
    const input = { action, ...(parsed.data as object) } as OfficerActionInput;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      // The registration and the day asked for are independent reads: one round trip instead of two.
      const [current, targetDay] = await Promise.all([deps.store.getVersioned(queueNumber), 'date' in input ? day(input.date) : undefined]);
      if (!current) return notFound(queueNumber);
      const decision = decideOfficerAction(current.registration, input, { now: now(), office: deps.office, ...(targetDay ? { targetDay } : {}) });
      if (!decision.ok) return refusalOf(decision.refusal);
      const { outcome } = decision;
      const version = current.version + 1;
      const notification: NotifyEvent | undefined = outcome.notify
        ? {
            type: 'notify',
            eventId: `notify:${queueNumber}:${version}`,
            ...(outcome.registration.office ? { office: outcome.registration.office.id } : {}),
            applicant: ownerRef(outcome.registration),
            queueNumber,
            kind: outcome.notify,
            version,
            ...(outcome.notify === 'rescheduled' && current.registration.appointmentDate ? { previousDate: current.registration.appointmentDate } : {}),
          }
        : undefined;
      if (outcome.redo && outcome.redo.length > 0) {
        // The documents to redo leave the draft, so that the upload page asks for them again.
        for (const requirement of outcome.redo) await deps.drafts.removeRequirement(current.registration.draftId, requirement);
      }
      const result = await deps.store.applyOutcome({
        outcome,
        version: current.version,
        actor: officer.username,
        now: now(),
        dayCapacity: (date) => (targetDay && targetDay.date === date ? targetDay.capacity : deps.office.dayCapacity),
        ...(notification ? { notification } : {}),
      });
      if (result === 'changed-meanwhile') continue;
      if (result === 'day-full') {
        const full = targetDay ?? (await day(String((input as { date?: string }).date)));
        return problem('refused', 'day-full', officerAnswerTexts.officer.dayFull(formatDayDate(full.date), full.capacity));
      }
      // The day buttons as they are after this decision: the next review screen shows them without asking
      // again. Read before the notification is queued: locally the worker shares this process, and its PDF
      // would otherwise be drawn while the officer waits for this answer.
      const days = await bookableDays(deps, earliestBookableDate(now(), deps.office));
      if (notification) await queueNotification(notification);
      if (outcome.releaseDay) await offerFreedPlace(outcome.releaseDay, deps);
      await remindAtOnceIfTodaysRunIsOver(outcome.registration);
      return ok({ ...view(outcome.registration), days });
    }
    return problem('conflict', 'conflict', officerAnswerTexts.officer.changedMeanwhile);
  }

  /** A confirmation for tomorrow made after today's reminder run would otherwise never be reminded. */
  async function remindAtOnceIfTodaysRunIsOver(registration: Registration): Promise<void> {
    const at = now();
    // In the office's own zone (Jakarta's for the default office).
    const tomorrow = addDays(localDate(at, offsetMsOf(deps.office)), 1);
    const hourInJakarta = localHour(at, offsetMsOf(deps.office));
    if (registration.status !== 'DIKONFIRMASI' || registration.appointmentDate !== tomorrow || hourInJakarta < deps.office.reminderHour) return;
    try {
      await deps.queue.enqueue([reminderEvent(registration, tomorrow)]);
    } catch (error) {
      deps.log.error('late reminder not queued', { queueNumber: registration.queueNumber, error: (error as Error).message });
    }
  }

  async function queueNotification(notification: NotifyEvent): Promise<void> {
    try {
      await deps.queue.enqueue([notification]);
      await deps.store.clearPendingNotification(notification.eventId);
    } catch (error) {
      // The decision holds; the notification waits in the table and goes out with the next flush.
      deps.log.error('notification not queued yet', { eventId: notification.eventId, error: (error as Error).message });
    }
  }

  return { act };
}

/** The domain's refusal as an API problem: the status does not allow it (a conflict), or a rule refuses it. */
function refusalOf(refusal: OfficerRefusal) {
  return problem(refusal.kind === 'conflict' ? 'conflict' : 'refused', refusal.error, refusal.message);
}
