/**
 * The day's summary to the head of office, sent by the worker through the head's own stream and outbox like
 * any reply: saved with the event's id first, so a retry never sends it twice, and a refusal by Meta lands
 * in the failed sends like any other message.
 */
import { dailySummaryTemplate } from '../domain/daily-summary';
import type { DailySummaryEvent } from '../queue-events';
import type { EventHandlingDeps } from './event-handling';
import { saveAndSend, sessionFor, settledSession } from './outbox';

export async function sendDailySummary(event: DailySummaryEvent, deps: EventHandlingDeps): Promise<'sent' | 'duplicate'> {
  const stored = await settledSession(event.applicant.key, deps);
  if (stored?.recentEventIds.includes(event.eventId)) return 'duplicate';
  const session = stored ?? sessionFor(event.applicant);
  const summary = { type: 'template', template: dailySummaryTemplate(deps.office.officeName, event.report) } as const;
  const saved = await saveAndSend(session, event.eventId, session.conversation, [summary], deps.clock.now(), {}, deps);
  return saved ? 'sent' : 'duplicate';
}
