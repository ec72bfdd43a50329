/**
 * The catalogue of words: every sentence the applicant reads (chat, templates, the PDF proof, the upload
 * page), one module per stage or surface, built from the office's own flow
 * (`test/fixtures/office-flow/si-bapao-flow.txt`) with only the deliberate changes listed in
 * docs/behaviour.md "Message texts". Each shared block is defined once (notices.ts); the menu number of
 * each self-service command too (menu-numbers.ts).
 */
import { documentTexts } from './documents';
import { menuTexts } from './menu';
import { notificationTexts } from './notifications';
import { officerAnswerTexts } from './officer-answers';
import { personalDataTexts } from './personal-data';
import { registrationErrorTexts } from './registration-errors';
import { registrationTexts } from './registration';
import { scheduleTexts } from './schedule';
import { selfServiceTexts } from './self-service';

export type { AppointmentFacts, DocumentsHint, RescheduleOption } from './facts';
export { RESCHEDULE_MENU_NUMBER } from './menu-numbers';
export { PENTING_CONFIRMED, PENTING_RESCHEDULED, PROOF_NOTICE } from './notices';

/** The applicant's chat texts, as the conversation and the notices use them. */
export const messages = {
  ...menuTexts,
  ...documentTexts,
  ...registrationTexts,
  ...registrationErrorTexts,
  ...scheduleTexts,
  ...notificationTexts,
  ...selfServiceTexts,
  ...officerAnswerTexts,
  ...personalDataTexts,
} as const;
