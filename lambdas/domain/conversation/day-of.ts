/** `HADIR <code>` in the conversation: which facts it needs, and the decision (domain/check-in.ts). */
import { decideCheckIn, parseCheckIn } from '../check-in';
import { formatDayDate } from '../calendar';
import type { InboundContent } from '../inbound';
import { answerSatisfaction, satisfactionQuestion, type SatisfactionStep } from '../satisfaction';
import { cancelledTemplate } from '../templates';
import type { Registration } from '../registration';
import { DAY_OF_TEXTS } from '../texts/day-of';
import { ownRegistrations, text } from './helpers';
import { answeringQuestions } from './registration';
import { windowed } from './notices';
import type { Conversation, Decision, DecisionContext, Step } from './types';

/** The code typed after HADIR, or undefined when the input is no check-in (a name being answered is never one). */
export function checkInCodeOf(input: InboundContent, step: Step): string | undefined {
  if (input.kind !== 'text' || answeringQuestions(step)) return undefined;
  return parseCheckIn(input.text)?.code;
}

export function answerCheckIn(conversation: Conversation, code: string, context: DecisionContext): Decision {
  const facts = context.facts?.checkIn;
  if (!facts) throw new Error('the check-in needs its facts (lookupsFor)');
  const outcome = decideCheckIn(code, ownRegistrations(context), facts, context.now, context.office);
  return {
    conversation,
    replies: [text(outcome.reply)],
    effects: outcome.checkIn ? [{ type: 'check-in', queueNumbers: outcome.checkIn.queueNumbers, at: outcome.checkIn.at }] : [],
  };
}

/**
 * *Panggil*: "Giliran Anda" with the counter. Plain text: the applicant checked in by WhatsApp minutes ago,
 * so the 24-hour window is open (a call outside it fails and shows in the failed-sends list).
 */
export function calledNotice(conversation: Conversation, registration: Registration): Decision {
  return { conversation, replies: [text(DAY_OF_TEXTS.called(registration.queueNumber, registration.name, registration.counter))], effects: [] };
}

/**
 * The end of the day for one who never checked in: the chat text inside the 24-hour window; outside it
 * the approved cancellation template (a closed registration and why), as no template of its own exists.
 */
export function noShowNotice(conversation: Conversation, registration: Registration, windowIsOpen: boolean): Decision {
  const date = registration.appointmentDate ? formatDayDate(registration.appointmentDate) : '';
  const body = DAY_OF_TEXTS.noShow(registration.queueNumber, registration.name, date);
  return {
    conversation,
    replies: [windowed({ type: 'text', body }, cancelledTemplate(registration.queueNumber, registration.name, DAY_OF_TEXTS.noShowReason(date)), windowIsOpen)],
    effects: [],
  };
}

/** SELESAI: the satisfaction question, inside the 24-hour window only (there is no template for it). */
export function finishedNotice(conversation: Conversation, registration: Registration, windowIsOpen: boolean): Decision {
  if (!windowIsOpen) return { conversation, replies: [], effects: [] };
  return {
    conversation: { ...conversation, step: { name: 'satisfaction', queueNumber: registration.queueNumber, asking: 'rating' } },
    replies: [satisfactionQuestion(registration)],
    effects: [],
  };
}

/** The satisfaction step: a rating, then a comment or LEWATI; anything else is read as at the idle step (`otherwise`). */
export function inSatisfaction(
  conversation: Conversation,
  step: SatisfactionStep,
  input: InboundContent,
  keyword: string | undefined,
  otherwise: () => Decision,
): Decision {
  const answer = answerSatisfaction(step, input, keyword);
  const idle: Conversation = { ...conversation, step: { name: 'idle' } };
  switch (answer.kind) {
    case 'other':
      return otherwise();
    case 'rating':
      return {
        conversation: { ...conversation, step: { ...step, asking: 'comment' } },
        replies: [text(answer.reply)],
        effects: [{ type: 'record-satisfaction', queueNumber: step.queueNumber, rating: answer.rating }],
      };
    case 'comment':
      return {
        conversation: idle,
        replies: [text(answer.reply)],
        effects: [{ type: 'record-satisfaction', queueNumber: step.queueNumber, comment: answer.comment }],
      };
    case 'skipped':
      return { conversation: idle, replies: [text(answer.reply)], effects: [] };
  }
}
