/** The waitlist in the chat: MAJUKAN, MAJUKAN BATAL (typed, or the confirmation's button) and *Ambil*. */
import { officeToday } from '../offices';
import { type InboundContent } from '../inbound';
import { type Registration } from '../registration';
import { canWait, parseTakePayload } from '../waitlist';
import { waitlistTexts } from '../texts/waitlist';
import { ownRegistrations, reply } from './helpers';
import { type Decision, type DecisionContext } from './types';
import { normaliseKeyword } from './words';

export type WaitlistAnswer =
  { readonly kind: 'join' } | { readonly kind: 'leave' } | { readonly kind: 'take'; readonly queueNumber: string; readonly date: string };

export function waitlistAnswerOf(input: InboundContent): WaitlistAnswer | undefined {
  if (input.kind === 'choice') {
    const take = parseTakePayload(input.id);
    if (take) return { kind: 'take', ...take };
    return input.id === waitlistTexts.joinWord ? { kind: 'join' } : undefined;
  }
  if (input.kind !== 'text') return undefined;
  const keyword = normaliseKeyword(input.text);
  if (keyword === waitlistTexts.joinWord) return { kind: 'join' };
  if (keyword === waitlistTexts.leaveWord) return { kind: 'leave' };
  return undefined;
}

/**
 * Whether MAJUKAN would put this registration on the waitlist now: confirmed for a later day than the
 * office's today and not waiting already. Only then does the confirmation carry the button.
 */
export function canAdvance(registration: Registration, context: Pick<DecisionContext, 'now' | 'office'>): boolean {
  return canWait(registration) && !registration.waitlisted && (registration.appointmentDate ?? '') > officeToday(context.now, context.office);
}

/** The confirmation's one reply button: its id is the typed word, so one answer path serves both. */
export const ADVANCE_BUTTON = { id: waitlistTexts.joinWord, title: waitlistTexts.joinButton } as const;

export function decideWaitlist(answer: WaitlistAnswer, context: DecisionContext): Decision {
  const idle = { step: { name: 'idle' } } as const;
  const own = ownRegistrations(context);
  if (answer.kind === 'take') {
    const registration = own.find((candidate) => candidate.queueNumber === answer.queueNumber && canWait(candidate));
    if (!registration) return reply(idle, waitlistTexts.gone(answer.date));
    // The move, the stage 7 text and the new PDF, or "already taken", come from use-cases/waitlist-replies.ts.
    return { conversation: idle, replies: [], effects: [{ type: 'take-offer', queueNumber: answer.queueNumber, date: answer.date }] };
  }
  if (answer.kind === 'leave') {
    const waiting = own.find((registration) => registration.waitlisted);
    if (!waiting) return reply(idle, waitlistTexts.notWaiting);
    return {
      conversation: idle,
      replies: [{ type: 'text', body: waitlistTexts.left(waiting.queueNumber) }],
      effects: [{ type: 'waitlist', queueNumber: waiting.queueNumber, join: false }],
    };
  }
  const today = officeToday(context.now, context.office);
  const confirmed = own
    .filter((registration) => canWait(registration) && (registration.appointmentDate ?? '') > today)
    .sort((a, b) => (a.appointmentDate ?? '').localeCompare(b.appointmentDate ?? ''))[0];
  if (!confirmed?.appointmentDate) return reply(idle, waitlistTexts.nothingToAdvance);
  if (confirmed.waitlisted) return reply(idle, waitlistTexts.alreadyJoined(confirmed.queueNumber));
  return {
    conversation: idle,
    replies: [{ type: 'text', body: waitlistTexts.joined(confirmed.queueNumber, confirmed.appointmentDate) }],
    effects: [{ type: 'waitlist', queueNumber: confirmed.queueNumber, join: true }],
  };
}
