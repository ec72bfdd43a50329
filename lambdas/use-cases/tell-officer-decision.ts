/** An officer's decision told to the applicant (with the PDF proof when confirmed or moved). */
import { applyNotice } from '../domain/conversation';
import { declaredNotice } from '../domain/officer-action-declarations';
import type { ApplicantSession } from '../ports';
import type { NotifyEvent } from '../queue-events';
import type { EventHandlingDeps } from './event-handling';
import { saveAndSend, sessionFor, settledSession } from './outbox';
import { tellDayClosed } from './tell-day-closed';
import { tellWaitlistOffer } from './tell-waitlist-offer';

/** `overtaken`: a later change has its own notice; `duplicate`: this event was handled already. */
export type NoticeResult = 'told' | 'overtaken' | 'duplicate';

/**
 * An officer's decision, told to the applicant through their own ordered stream, so that it never
 * overtakes or interleaves with their messages. Only the registration's current state is told: a
 * notification overtaken by a later change is dropped (the later one has its own).
 */
export async function tellOfficerDecision(event: NotifyEvent, deps: EventHandlingDeps): Promise<NoticeResult> {
  if (event.kind === 'day-closed') return tellDayClosed(event, deps);
  if (event.kind === 'waitlist-offer') return tellWaitlistOffer(event, deps);
  const current = await deps.registrations.getVersioned(event.queueNumber);
  if (!current || current.version !== event.version) {
    deps.log.info('notification overtaken by a later change', { eventId: event.eventId, queueNumber: event.queueNumber });
    return 'overtaken';
  }
  const stored = await settledSession(event.applicant.key, deps);
  if (stored?.recentEventIds.includes(event.eventId)) return 'duplicate';
  const session: ApplicantSession = stored ?? sessionFor(event.applicant);
  const now = deps.clock.now();
  const proof = declaredNotice(event.kind).proof ? await deps.proofs(current.registration, current.version, event.previousDate) : undefined;
  const links = await deps.uploadLinks();
  const decision = applyNotice(
    session.conversation,
    {
      kind: event.kind,
      registration: current.registration,
      ...(proof ? { proofLink: proof.link } : {}),
      ...(event.previousDate ? { previousDate: event.previousDate } : {}),
    },
    {
      now,
      office: deps.office,
      newDraftId: deps.ids.newId(),
      uploadLink: links.link,
      ...(session.lastInboundAt ? { lastInboundAt: session.lastInboundAt } : {}),
    },
  );
  await links.persist();
  const saved = await saveAndSend(session, event.eventId, decision.conversation, decision.replies, now, {}, deps, {
    queueNumber: event.queueNumber,
    kind: event.kind,
  });
  return saved ? 'told' : 'duplicate';
}
