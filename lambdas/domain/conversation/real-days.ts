/**
 * The office's real days in the chat: the answers to the day-before reminder (its buttons inside the
 * window, the template's quick replies outside it, or the same words typed).
 */
import { holdsAnAppointment } from '../attendance';
import { officeToday } from '../offices';
import { type InboundContent } from '../inbound';
import { messages, RESCHEDULE_MENU_NUMBER } from '../texts';
import { realDaysTexts } from '../texts/real-days';
import { parseReminderPayload } from '../templates';
import { ownRegistrations, reply } from './helpers';
import { chooseService } from './menu';
import { askCancel } from './self-service';
import { type Conversation, type Decision, type DecisionContext } from './types';
import { normaliseKeyword } from './words';

export type ReminderAnswer = NonNullable<ReturnType<typeof parseReminderPayload>> | { readonly action: 'datang'; readonly queueNumber?: undefined };

/** The typed word for the *Datang* button. */
export const COMING_WORD = 'DATANG';

/** A reminder's button or its typed word *Datang*: which registration it answers, when it is one. */
export function reminderAnswerOf(input: InboundContent, answeringQuestions: boolean): ReminderAnswer | undefined {
  if (input.kind === 'choice') return parseReminderPayload(input.id);
  // While the registration asks one value at a time, a typed word is that value.
  if (input.kind === 'text' && !answeringQuestions && normaliseKeyword(input.text) === COMING_WORD) return { action: 'datang' };
  return undefined;
}

/** Datang records the answer for officers; Ubah jadwal starts stage 6; Batal asks once before cancelling. */
export function answerReminder(answer: ReminderAnswer, conversation: Conversation, context: DecisionContext): Decision {
  if (answer.action === 'ubah') return chooseService(RESCHEDULE_MENU_NUMBER, context, conversation);
  if (answer.action === 'batal') return askCancel(answer.queueNumber, context);
  const today = officeToday(context.now, context.office);
  const coming = ownRegistrations(context)
    .filter((registration) => holdsAnAppointment(registration) && (registration.appointmentDate ?? '') >= today)
    .filter((registration) => answer.queueNumber === undefined || registration.queueNumber === answer.queueNumber)
    .sort((a, b) => (a.appointmentDate ?? '').localeCompare(b.appointmentDate ?? ''))[0];
  if (!coming) return reply({ step: { name: 'idle' } }, realDaysTexts.nothingToAttend);
  return {
    conversation: { step: { name: 'idle' } },
    replies: [{ type: 'text', body: messages.selfService.comingThanks(coming.queueNumber) }],
    effects: [{ type: 'record-attendance', queueNumber: coming.queueNumber }],
  };
}
