/** A closed day in the chat: the applicant taps one of the dates offered, or asks for another and types it. */
import { type IsoDate } from '../calendar';
import { type InboundContent } from '../inbound';
import { parseRebookingChoicesPayload, parseRebookingPayload, parseTypedDate } from '../rebooking';
import { rebookingTexts } from '../texts/rebooking';
import { ownRegistrations, reply } from './helpers';
import { type Decision, type DecisionContext, type Step } from './types';
import { normaliseKeyword } from './words';

export interface RebookingAnswer {
  readonly queueNumber?: string;
  /** `choices`: the closed-day template's *Pilih tanggal*, answered with the dates open now. */
  readonly date: IsoDate | 'other' | 'unreadable' | 'choices';
}

export function rebookingAnswerOf(input: InboundContent, step: Step): RebookingAnswer | undefined {
  if (input.kind === 'choice') {
    const choices = parseRebookingChoicesPayload(input.id);
    return choices ? { queueNumber: choices.queueNumber, date: 'choices' } : parseRebookingPayload(input.id);
  }
  if (input.kind !== 'text') return step.name === 'rebook-date' ? { queueNumber: step.queueNumber, date: 'unreadable' } : undefined;
  if (normaliseKeyword(input.text) === rebookingTexts.otherDateWord) return { date: 'other' };
  if (step.name !== 'rebook-date') return undefined;
  return { queueNumber: step.queueNumber, date: parseTypedDate(input.text) ?? 'unreadable' };
}

export function decideRebooking(answer: RebookingAnswer, context: DecisionContext): Decision {
  const own = ownRegistrations(context);
  const waiting = own.find(
    (registration) => registration.status === 'PERLU_JADWAL_ULANG' && (answer.queueNumber === undefined || registration.queueNumber === answer.queueNumber),
  );
  if (!waiting) {
    const moved = own.find((registration) => registration.queueNumber === answer.queueNumber && registration.appointmentDate);
    if (moved?.appointmentDate) return reply({ step: { name: 'idle' } }, rebookingTexts.alreadyChosen(moved.queueNumber, moved.appointmentDate));
    return reply({ step: { name: 'idle' } }, rebookingTexts.nothingToRebook);
  }
  const asking = { step: { name: 'rebook-date', queueNumber: waiting.queueNumber } } as const;
  if (answer.date === 'other') return reply(asking, rebookingTexts.askDate);
  // The dates are read from the days' counts (use-cases/rebook-registration.ts), as the first message's were.
  if (answer.date === 'choices')
    return { conversation: { step: { name: 'idle' } }, replies: [], effects: [{ type: 'rebooking-choices', queueNumber: waiting.queueNumber }] };
  if (answer.date === 'unreadable') return reply(asking, rebookingTexts.badDate);
  // The move, the stage 7 text and the new PDF are carried out with the day's count (use-cases/rebook-registration.ts).
  return { conversation: { step: { name: 'idle' } }, replies: [], effects: [{ type: 'rebook', queueNumber: waiting.queueNumber, date: answer.date }] };
}
