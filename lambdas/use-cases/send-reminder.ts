/** The day-before reminder (stage 8), queued by the daily job and sent through the applicant's own stream. */
import { zoneLabelOf } from '../domain/offices';
import { reminderReply } from '../domain/conversation';
import type { ReminderEvent } from '../queue-events';
import type { EventHandlingDeps } from './event-handling';
import { saveAndSend, sessionFor, settledSession } from './outbox';
import { remindable } from './run-reminders';

/** `not-due`: the registration moved or closed since the job ran; `duplicate`: this event was handled already. */
export type ReminderResult = 'sent' | 'not-due' | 'duplicate';

/** Stage 8, once per appointment date; nothing for a registration moved or closed since the job ran. */
export async function sendReminder(event: ReminderEvent, deps: EventHandlingDeps): Promise<ReminderResult> {
  const registration = await deps.registrations.get(event.queueNumber);
  if (!registration || !remindable(registration, event.date) || !registration.appointmentTime) {
    deps.log.info('reminder no longer due', { eventId: event.eventId });
    return 'not-due';
  }
  const stored = await settledSession(event.applicant.key, deps);
  if (stored?.recentEventIds.includes(event.eventId)) return 'duplicate';
  const session = stored ?? sessionFor(event.applicant);
  const now = deps.clock.now();
  const reminder = reminderReply(
    {
      queueNumber: registration.queueNumber,
      name: registration.name,
      nik: registration.nik,
      date: event.date,
      time: registration.appointmentTime,
      zone: zoneLabelOf(deps.office),
    },
    deps.office,
    session.lastInboundAt,
    now,
  );
  const saved = await saveAndSend(session, event.eventId, session.conversation, [reminder], now, {}, deps, {
    queueNumber: event.queueNumber,
    kind: 'reminder',
    ...(event.countedAgainstLimit ? { countedAgainstLimit: true } : {}),
  });
  return saved ? 'sent' : 'duplicate';
}
