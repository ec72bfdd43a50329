/**
 * One event from an applicant's ordered stream, handed to its use case: an applicant's message, Meta's
 * status of a message, an officer's decision to tell, a day-before reminder.
 */
import type { QueueEvent } from '../queue-events';
import type { EventHandlingDeps } from './event-handling';
import { handleInboundMessage } from './handle-inbound-message';
import { recordDeliveryStatus } from './record-delivery-status';
import { sendDailySummary } from './send-daily-summary';
import { sendReminder } from './send-reminder';
import { tellOfficerDecision } from './tell-officer-decision';

export type { EventHandlingDeps, EventLog } from './event-handling';
export { recordGivingUp } from './record-giving-up';

export async function handleQueueEvent(event: QueueEvent, deps: EventHandlingDeps): Promise<void> {
  switch (event.type) {
    case 'inbound':
      await handleInboundMessage(event, deps);
      return;
    case 'status':
      await recordDeliveryStatus(event, deps);
      return;
    case 'notify':
      await tellOfficerDecision(event, deps);
      return;
    case 'reminder':
      await sendReminder(event, deps);
      return;
    case 'daily-summary':
      await sendDailySummary(event, deps);
      return;
  }
}
