/** Which stored facts a decision needs, asked before deciding so that deciding stays pure. */
import { officeToday } from '../offices';
import { type IsoDate } from '../calendar';
import { RESCHEDULE_MENU_NUMBER } from '../texts';
import { type InboundContent } from '../inbound';
import { parseRescheduleLine } from '../reschedule';
import { consentAnswerOf } from '../consent';
import { correctionLookups } from '../corrections';
import { checkRegistrationFields, looksLikeRegistration, parseRegistration } from '../registration-form';
import { parseReminderPayload } from '../templates';
import { answerSatisfaction } from '../satisfaction';
import { checkInCodeOf } from './day-of';
import { gatheringFor } from './menu';
import { reminderAnswerOf } from './real-days';
import { rebookingAnswerOf } from './rebooking';
import { waitlistAnswerOf } from './waitlist';
import { answeringQuestions, answerOutcome } from './registration';
import { type Conversation, type DecisionContext, MENU_CHOICE_PREFIX } from './types';
import { commandOf, menuChoiceOf, normaliseKeyword } from './words';

/** Which facts `decide` will need for this input, so the caller can fetch them first. */
export function lookupsFor(
  conversation: Conversation,
  input: InboundContent,
  context: Pick<DecisionContext, 'now' | 'office'>,
): {
  draftId?: string;
  nik?: string;
  ownRegistrations?: true;
  /** With `ownRegistrations`: the documents on file of each, and of the open applications (`documentsByDraft`). */
  ownDocuments?: true;
  day?: IsoDate;
  /** HADIR: today's and yesterday's day codes and today's appointments. */
  checkIn?: true;
} {
  const step = conversation.step;
  const exact = answeringQuestions(step);
  if (checkInCodeOf(input, step) !== undefined) return { ownRegistrations: true, checkIn: true };
  // The satisfaction step reads anything but its answers as the idle step does.
  if (step.name === 'satisfaction' && answerSatisfaction(step, input, input.kind === 'text' ? normaliseKeyword(input.text) : undefined).kind === 'other')
    return lookupsFor({ ...conversation, step: { name: 'idle' } }, input, context);
  const correction = correctionLookups(input, context.now);
  if (correction) return correction;
  if (reminderAnswerOf(input, exact) || rebookingAnswerOf(input, step) || waitlistAnswerOf(input)) return { ownRegistrations: true };
  if (step.name === 'consent' && consentAnswerOf(input) === 'agree')
    return conversation.open?.[step.serviceId] ? { draftId: conversation.open[step.serviceId]!.draftId } : {};
  if (input.kind === 'choice' && parseReminderPayload(input.id)?.action === 'batal') return { ownRegistrations: true };
  if (input.kind === 'choice' && commandOf(input, exact) === 'DATA SAYA') return { ownRegistrations: true, ownDocuments: true };
  if (input.kind === 'choice' && (commandOf(input, exact) || step.name === 'erase-confirm')) return { ownRegistrations: true };
  if (input.kind === 'choice' && parseReminderPayload(input.id)?.action === 'ubah') return { ownRegistrations: true };
  if (input.kind === 'text' && normaliseKeyword(input.text) === String(RESCHEDULE_MENU_NUMBER)) return { ownRegistrations: true };
  if (input.kind === 'choice' && input.id === `${MENU_CHOICE_PREFIX}${RESCHEDULE_MENU_NUMBER}`) return { ownRegistrations: true };
  if (input.kind === 'choice') {
    const tapped =
      step.name === 'menu' || step.name === 'idle' || step.name === 'documents' || step.name === 'registration'
        ? menuChoiceOf(input, context.office.services)
        : undefined;
    const open = tapped !== undefined && tapped !== RESCHEDULE_MENU_NUMBER ? (conversation.open?.[tapped] ?? gatheringFor(step, tapped)) : undefined;
    return open ? { draftId: open.draftId } : {};
  }
  if (input.kind === 'form') {
    if (step.name !== 'documents' && step.name !== 'registration') return {};
    const checked = checkRegistrationFields(input.fields, officeToday(context.now, context.office), false);
    const needsDraft = step.name === 'documents' && context.office.uploadMode === 'web';
    return { ...(needsDraft ? { draftId: step.draftId } : {}), ...(checked.ok ? { nik: checked.form.nik } : {}) };
  }
  if (input.kind !== 'text') return {};
  const keyword = normaliseKeyword(input.text);
  const command = commandOf(input, exact);
  if (command === 'DATA SAYA') return { ownRegistrations: true, ownDocuments: true };
  if (
    command === 'STATUS' ||
    command === 'BATAL' ||
    command === 'HAPUS DATA' ||
    keyword === 'YA HAPUS' ||
    step.name === 'cancel-choose' ||
    step.name === 'cancel-confirm' ||
    step.name === 'erase-confirm'
  ) {
    return { ownRegistrations: true };
  }
  const rescheduleLine = parseRescheduleLine(input.text, step.name === 'reschedule');
  if (rescheduleLine !== undefined) {
    return { ownRegistrations: true, ...(rescheduleLine !== 'format' ? { day: rescheduleLine.date } : {}) };
  }
  const chosen =
    step.name === 'menu' || step.name === 'idle'
      ? menuChoiceOf(input, context.office.services, true)
      : step.name === 'documents' || step.name === 'registration'
        ? menuChoiceOf(input, context.office.services)
        : undefined;
  if (chosen === RESCHEDULE_MENU_NUMBER) return { ownRegistrations: true };
  if (chosen !== undefined) {
    // Choosing a service again continues its application: the reply names the documents already in.
    const open = conversation.open?.[chosen] ?? gatheringFor(step, chosen);
    return open ? { draftId: open.draftId } : {};
  }
  if (step.name !== 'documents' && step.name !== 'registration') return {};
  const isRegistrationLine = looksLikeRegistration(input.text);
  if (step.name === 'registration' && step.questions && !isRegistrationLine) {
    const outcome = answerOutcome(step.questions, input.text, officeToday(context.now, context.office));
    return outcome.kind === 'complete' ? { nik: outcome.form.nik } : {};
  }
  const needsDraft = step.name === 'documents' && context.office.uploadMode === 'web' && (keyword === 'SELESAI' || isRegistrationLine);
  const parsed = isRegistrationLine ? parseRegistration(input.text, officeToday(context.now, context.office)) : undefined;
  return {
    ...(needsDraft ? { draftId: step.draftId } : {}),
    ...(parsed?.ok ? { nik: parsed.form.nik } : {}),
  };
}
