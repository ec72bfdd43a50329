/**
 * A closed day's applicant chose a date (issue 21): the registration moves there only while the day has
 * a free place (the same conditional day count as an officer's booking), without using up the
 * applicant's own reschedule chance, and the stage 7 text with a new PDF follows the applicant's tap in
 * the same outbox. The `rescheduled` notice is kept in the table with the move and cleared once the
 * answer is saved: after a crash in between, the next flush tells it instead. A date taken or closed
 * meanwhile is answered with the offer again.
 */
import { applyNotice, type Conversation, type Effect } from '../domain/conversation';
import { rebookedOutcome, rebookingOffer, REBOOKING_DATES_OFFERED } from '../domain/rebooking';
import type { Reply } from '../domain/replies';
import type { NotifyEvent } from '../queue-events';
import type { EventHandlingDeps } from './event-handling';
import { dayOf } from './inbound-effects';
import { nearestOpenDates } from './open-days';

export interface RebookingAnswer {
  readonly replies: readonly Reply[];
  /** Once the replies are saved: the notice kept with the move is no longer needed. */
  readonly settle: () => Promise<void>;
}

const NOTHING: RebookingAnswer = { replies: [], settle: async () => undefined };

export async function rebookingReplies(effects: readonly Effect[], conversation: Conversation, deps: EventHandlingDeps, now: Date): Promise<RebookingAnswer> {
  const choices = effects.find((candidate): candidate is Extract<Effect, { type: 'rebooking-choices' }> => candidate.type === 'rebooking-choices');
  if (choices) return choicesNow(choices.queueNumber, deps, now);
  const effect = effects.find((candidate): candidate is Extract<Effect, { type: 'rebook' }> => candidate.type === 'rebook');
  if (!effect) return NOTHING;
  const [current, day] = await Promise.all([deps.registrations.getVersioned(effect.queueNumber), dayOf(effect.date, deps)]);
  if (!current || current.registration.status !== 'PERLU_JADWAL_ULANG') return NOTHING;
  const outcome = rebookedOutcome(current.registration, day, now, deps.office);
  const version = current.version + 1;
  const previousDate = current.registration.rebooking?.from ?? current.registration.appointmentDate;
  const notification: NotifyEvent | undefined = outcome && {
    type: 'notify',
    eventId: `notify:${effect.queueNumber}:${version}`,
    applicant: { key: current.registration.ownerKey, ...(current.registration.ownerWaId ? { waId: current.registration.ownerWaId } : {}) },
    queueNumber: effect.queueNumber,
    kind: 'rescheduled',
    version,
    ...(previousDate ? { previousDate } : {}),
  };
  const result =
    outcome && notification
      ? await deps.registrations.applyOutcome({ outcome, version: current.version, actor: 'pemohon', now, dayCapacity: () => day.capacity, notification })
      : 'day-full';
  if (result === 'day-full' || !outcome || !notification) {
    const dates = await nearestOpenDates(deps, now, REBOOKING_DATES_OFFERED);
    return { replies: [rebookingOffer(current.registration, dates, deps.office, effect.date)], settle: NOTHING.settle };
  }
  if (result !== 'applied') return NOTHING;
  const proof = await deps.proofs(outcome.registration, version, previousDate);
  const links = await deps.uploadLinks();
  const told = applyNotice(
    conversation,
    { kind: 'rescheduled', registration: outcome.registration, proofLink: proof.link, ...(previousDate ? { previousDate } : {}) },
    { now, office: deps.office, newDraftId: deps.ids.newId(), uploadLink: links.link, lastInboundAt: now.toISOString() },
  );
  return { replies: told.replies, settle: () => deps.registrations.clearPendingNotification(notification.eventId) };
}

/** The closed-day message's dates as they are now (asked for from the template outside the window). */
async function choicesNow(queueNumber: string, deps: EventHandlingDeps, now: Date): Promise<RebookingAnswer> {
  const current = await deps.registrations.getVersioned(queueNumber);
  if (!current || current.registration.status !== 'PERLU_JADWAL_ULANG') return NOTHING;
  const dates = await nearestOpenDates(deps, now, REBOOKING_DATES_OFFERED);
  return { replies: [rebookingOffer(current.registration, dates, deps.office)], settle: NOTHING.settle };
}
