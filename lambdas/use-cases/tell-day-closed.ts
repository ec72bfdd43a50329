/** A closed day told to each of its applicants (issue 21): the reason and the dates to choose from. */
import { windowedChoice } from '../domain/conversation';
import { dayClosedTemplate } from '../domain/real-days-templates';
import { rebookingOffer, REBOOKING_DATES_OFFERED } from '../domain/rebooking';
import type { NotifyEvent } from '../queue-events';
import type { EventHandlingDeps } from './event-handling';
import { nearestOpenDates } from './open-days';
import { saveAndSend, sessionFor, settledSession } from './outbox';

export const DAY_CLOSED_NOTICE = 'day-closed';

/** Told once per event, in the applicant's own stream; nothing once the applicant (or an officer) has moved it. */
export async function tellDayClosed(event: NotifyEvent, deps: EventHandlingDeps): Promise<'told' | 'overtaken' | 'duplicate'> {
  const current = await deps.registrations.getVersioned(event.queueNumber);
  if (!current || current.version !== event.version || current.registration.status !== 'PERLU_JADWAL_ULANG') return 'overtaken';
  const stored = await settledSession(event.applicant.key, deps);
  if (stored?.recentEventIds.includes(event.eventId)) return 'duplicate';
  const session = stored ?? sessionFor(event.applicant);
  const now = deps.clock.now();
  const dates = await nearestOpenDates(deps, now, REBOOKING_DATES_OFFERED);
  const offer = windowedChoice(
    rebookingOffer(current.registration, dates, deps.office, event.unavailableDate),
    dayClosedTemplate(current.registration, deps.office),
    session.lastInboundAt,
    now,
  );
  const saved = await saveAndSend(session, event.eventId, session.conversation, [offer], now, {}, deps, {
    queueNumber: event.queueNumber,
    kind: DAY_CLOSED_NOTICE,
  });
  return saved ? 'told' : 'duplicate';
}
