/** The waitlist's offer told to its applicant, once, in their own stream (nothing once it changed since). */
import { windowedChoice } from '../domain/conversation';
import { earlierPlaceTemplate } from '../domain/real-days-templates';
import { offerReply } from '../domain/waitlist';
import type { NotifyEvent } from '../queue-events';
import type { EventHandlingDeps } from './event-handling';
import { saveAndSend, sessionFor, settledSession } from './outbox';

export async function tellWaitlistOffer(event: NotifyEvent, deps: EventHandlingDeps): Promise<'told' | 'overtaken' | 'duplicate'> {
  const current = await deps.registrations.getVersioned(event.queueNumber);
  if (!current || current.version !== event.version || !current.registration.offer) return 'overtaken';
  const stored = await settledSession(event.applicant.key, deps);
  if (stored?.recentEventIds.includes(event.eventId)) return 'duplicate';
  const session = stored ?? sessionFor(event.applicant);
  const now = deps.clock.now();
  const offer = windowedChoice(
    offerReply(current.registration, deps.office),
    earlierPlaceTemplate(current.registration, deps.office),
    session.lastInboundAt,
    now,
  );
  const saved = await saveAndSend(session, event.eventId, session.conversation, [offer], now, {}, deps, {
    queueNumber: event.queueNumber,
    kind: event.kind,
  });
  return saved ? 'told' : 'duplicate';
}
