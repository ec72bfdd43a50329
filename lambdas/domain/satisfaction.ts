/**
 * After SELESAI the applicant is asked once how satisfied they are (a list of five, or 1–5 typed), then
 * for an optional comment; the answers are kept on the registration (the office's public-service
 * satisfaction figure, per day in the daily report). Any other message leaves the question unanswered.
 */
import type { InboundContent } from './inbound';
import type { Registration } from './registration';
import type { Reply } from './replies';
import { SATISFACTION_TEXTS as WORDS } from './texts/day-of';

export const SATISFACTION_CHOICE_PREFIX = 'puas:';
export const MAX_COMMENT_LENGTH = 1000;

export type SatisfactionStep = { readonly name: 'satisfaction'; readonly queueNumber: string; readonly asking: 'rating' | 'comment' };

export function satisfactionQuestion(registration: Registration): Reply {
  return {
    type: 'list',
    body: WORDS.question(registration.queueNumber),
    button: WORDS.button,
    sections: [
      {
        title: WORDS.section,
        rows: WORDS.options.map((title, index) => ({ id: `${SATISFACTION_CHOICE_PREFIX}${index + 1}`, title: `${index + 1}. ${title}` })),
      },
    ],
  };
}

/** A tapped option or a digit 1–5 typed alone. */
export function ratingOf(input: InboundContent): number | undefined {
  const raw =
    input.kind === 'choice' && input.id.startsWith(SATISFACTION_CHOICE_PREFIX)
      ? input.id.slice(SATISFACTION_CHOICE_PREFIX.length)
      : input.kind === 'text'
        ? input.text.trim().replace(/[.)]$/, '')
        : undefined;
  return raw && /^[1-5]$/.test(raw) ? Number(raw) : undefined;
}

export type SatisfactionAnswer =
  | { readonly kind: 'rating'; readonly rating: number; readonly reply: string }
  | { readonly kind: 'comment'; readonly comment: string; readonly reply: string }
  | { readonly kind: 'skipped'; readonly reply: string }
  | { readonly kind: 'other' };

export function answerSatisfaction(step: SatisfactionStep, input: InboundContent, keyword: string | undefined): SatisfactionAnswer {
  if (step.asking === 'rating') {
    const rating = ratingOf(input);
    return rating === undefined ? { kind: 'other' } : { kind: 'rating', rating, reply: WORDS.askComment };
  }
  if (keyword === 'LEWATI' || keyword === 'TIDAK' || keyword === 'TIDAK ADA') return { kind: 'skipped', reply: WORDS.skipped };
  if (input.kind !== 'text') return { kind: 'other' };
  return { kind: 'comment', comment: input.text.trim().slice(0, MAX_COMMENT_LENGTH), reply: WORDS.thanks };
}
