/**
 * The waitlist carried out for the applicant's message (issue 21): joining or leaving it, and *Ambil*:
 * the move to the offered day in one transaction with the day's conditional count (a place is never given
 * twice; the second taker is told it is gone), the stage 7 text and a new PDF following in the same
 * outbox, the `rescheduled` notice kept in the table until they are saved (like a closed day's choice).
 */
import { applyNotice, type Conversation, type Effect } from '../domain/conversation';
import type { Reply } from '../domain/replies';
import { waitlistTexts } from '../domain/texts/waitlist';
import { joinedWaitlist, leftWaitlist, taken } from '../domain/waitlist';
import { ConcurrentUpdateError } from '../errors';
import type { NotifyEvent } from '../queue-events';
import type { EventHandlingDeps } from './event-handling';
import { dayOf } from './inbound-effects';
import { offerFreedPlace } from './offer-freed-place';
import type { RebookingAnswer } from './rebook-registration';

export async function changeWaitlist(effect: Extract<Effect, { type: 'waitlist' }>, deps: EventHandlingDeps, now: Date): Promise<void> {
  const current = await deps.registrations.getVersioned(effect.queueNumber);
  const outcome = current && (effect.join ? joinedWaitlist(current.registration, now) : leftWaitlist(current.registration));
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

export async function takeOfferReplies(effects: readonly Effect[], conversation: Conversation, deps: EventHandlingDeps, now: Date): Promise<RebookingAnswer> {
  const effect = effects.find((candidate): candidate is Extract<Effect, { type: 'take-offer' }> => candidate.type === 'take-offer');
  if (!effect) return { replies: [], settle: async () => undefined };
  const gone: RebookingAnswer = { replies: [{ type: 'text', body: waitlistTexts.gone(effect.date) }], settle: async () => undefined };
  const [current, day] = await Promise.all([deps.registrations.getVersioned(effect.queueNumber), dayOf(effect.date, deps)]);
  const outcome = current && taken(current.registration, day, now, deps.office);
  if (!current || !outcome) return gone;
  const version = current.version + 1;
  const previousDate = current.registration.appointmentDate;
  const notification: NotifyEvent = {
    type: 'notify',
    eventId: `notify:${effect.queueNumber}:${version}`,
    applicant: { key: current.registration.ownerKey, ...(current.registration.ownerWaId ? { waId: current.registration.ownerWaId } : {}) },
    queueNumber: effect.queueNumber,
    kind: 'rescheduled',
    version,
    ...(previousDate ? { previousDate } : {}),
  };
  const result = await deps.registrations.applyOutcome({
    outcome,
    version: current.version,
    actor: 'pemohon',
    now,
    dayCapacity: () => day.capacity,
    notification,
  });
  if (result !== 'applied') return gone;
  if (outcome.releaseDay)
    await offerFreedPlace(outcome.releaseDay, {
      store: deps.registrations,
      clock: deps.clock,
      log: { error: (message, fields) => deps.log.warn(message, fields) },
    });
  const proof = await deps.proofs(outcome.registration, version, previousDate);
  const links = await deps.uploadLinks();
  const told = applyNotice(
    conversation,
    { kind: 'rescheduled', registration: outcome.registration, proofLink: proof.link, ...(previousDate ? { previousDate } : {}) },
    { now, office: deps.office, newDraftId: deps.ids.newId(), uploadLink: links.link, lastInboundAt: now.toISOString() },
  );
  const replies: readonly Reply[] = told.replies;
  return { replies, settle: () => deps.registrations.clearPendingNotification(notification.eventId) };
}
