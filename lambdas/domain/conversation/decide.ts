/** The entry of the state machine: commands that work at every step, then the current step. */
import { type InboundContent } from '../inbound';
import { messages, RESCHEDULE_MENU_NUMBER } from '../texts';
import { isOpen } from '../registration';
import { parseRescheduleLine } from '../reschedule';
import { looksLikeRegistration } from '../registration-form';
import { ERASE_CHOICE } from '../personal-data';
import { answerConsent, withConsentKept } from '../consent';
import { decideCorrection, looksLikeCorrection } from '../corrections';
import { askErase, erase, showHeldData } from './data-rights';
import { answerCheckIn, checkInCodeOf, inSatisfaction } from './day-of';
import { inDocuments, mediaFailed } from './documents';
import { reply, text, unchanged } from './helpers';
import { chooseService, showMenu } from './menu';
import { answeringQuestions, answerQuestion, LINES_BEFORE_QUESTIONS, register, registerForm, startQuestions } from './registration';
import { answerReminder, reminderAnswerOf } from './real-days';
import { decideRebooking, rebookingAnswerOf } from './rebooking';
import { decideWaitlist, waitlistAnswerOf } from './waitlist';
import { askCancel, requestReschedule, showStatus, startCancel } from './self-service';
import { type Conversation, type Decision, type DecisionContext, type MediaFailure, MENU_CHOICE_PREFIX } from './types';
import { cannotRead, commandOf, menuChoiceOf, normaliseKeyword, readable } from './words';

export function decide(conversation: Conversation, input: InboundContent | MediaFailure, context: DecisionContext): Decision {
  return withConsentKept(conversation, withOpenApplications(conversation, decideStep(conversation, input, context)));
}

/**
 * Open applications outlive every step: a decision keeps them unless it set them itself, and the one
 * whose documents just became a registration is closed (the next choice of that service starts afresh).
 */
export function withOpenApplications(before: Conversation, decision: Decision): Decision {
  const open = decision.conversation.open ?? before.open;
  const registered = new Set(decision.effects.flatMap((effect) => (effect.type === 'create-registration' ? [effect.registration.draftId] : [])));
  if (!open) return decision;
  const kept = Object.fromEntries(Object.entries(open).filter(([, application]) => application && !registered.has(application.draftId)));
  return { ...decision, conversation: { ...decision.conversation, open: kept } };
}

export function decideStep(conversation: Conversation, input: InboundContent | MediaFailure, context: DecisionContext): Decision {
  if (input.kind === 'silent') return unchanged(conversation);
  if (input.kind === 'media-failed') return mediaFailed(conversation, input, context.office.services);

  const keyword = input.kind === 'text' ? normaliseKeyword(input.text) : undefined;
  const checkInCode = checkInCodeOf(input, conversation.step);
  if (checkInCode !== undefined) return answerCheckIn(conversation, checkInCode, context);
  const waitlist = waitlistAnswerOf(input);
  if (waitlist && !answeringQuestions(conversation.step)) return decideWaitlist(waitlist, context);
  const command = commandOf(input, answeringQuestions(conversation.step));
  if (command === 'MENU') return showMenu(context);
  if (command === 'STATUS') return showStatus(conversation, context);
  if (command === 'BATAL') return startCancel(context);
  if (command === 'BANTUAN') return reply(conversation, messages.help(context.office));
  if (command === 'DATA SAYA') return showHeldData(conversation, context);
  if (command === 'HAPUS DATA') return askErase(conversation, context);
  if (input.kind === 'text' && looksLikeCorrection(input.text)) return decideCorrection(conversation, input.text, context);
  // YA HAPUS without the question before it: ask the question (nothing is erased unasked).
  if (keyword === 'YA HAPUS' && conversation.step.name !== 'erase-confirm') return askErase(conversation, context);
  if (keyword === 'UBAH JADWAL' || keyword === 'UBAH JADWAL:') return chooseService(RESCHEDULE_MENU_NUMBER, context, conversation);
  if (input.kind === 'text') {
    const line = parseRescheduleLine(input.text, conversation.step.name === 'reschedule');
    if (line !== undefined) return requestReschedule(line, context);
  }
  if (keyword === String(RESCHEDULE_MENU_NUMBER) || (input.kind === 'choice' && input.id === `${MENU_CHOICE_PREFIX}${RESCHEDULE_MENU_NUMBER}`))
    return chooseService(RESCHEDULE_MENU_NUMBER, context, conversation);
  // The reminder's answers (its buttons, the template's quick replies, or Datang typed).
  const answer = reminderAnswerOf(input, answeringQuestions(conversation.step));
  if (answer) return answerReminder(answer, conversation, context);
  const rebooking = rebookingAnswerOf(input, conversation.step);
  if (rebooking) return decideRebooking(rebooking, context);

  if (conversation.step.name === 'satisfaction')
    return inSatisfaction(conversation, conversation.step, input, keyword, () => decideStep({ ...conversation, step: { name: 'idle' } }, input, context));
  const step = conversation.step;
  switch (step.name) {
    case 'idle': {
      const choice = menuChoiceOf(input, context.office.services, true);
      if (choice !== undefined) return chooseService(choice, context, conversation);
      if ((input.kind === 'text' && looksLikeRegistration(input.text)) || input.kind === 'form') {
        const menu = showMenu(context);
        return { ...menu, replies: [text(messages.registration.eachPersonOwnRegistration(context.office.services)), ...menu.replies] };
      }
      return showMenu(context);
    }
    case 'reschedule':
      if (!readable(input)) return reply(conversation, cannotRead(input, messages.prompts.nowReschedule));
      return showMenu(context);
    case 'cancel-choose': {
      if (!readable(input)) return reply(conversation, cannotRead(input, messages.prompts.nowCancelChoose));
      const chosen = keyword ? step.candidates.find((queueNumber) => queueNumber === keyword) : undefined;
      if (!chosen) return startCancel(context);
      return askCancel(chosen, context);
    }
    case 'consent': {
      const choice = menuChoiceOf(input, context.office.services);
      if (choice !== undefined) return chooseService(choice, context, conversation);
      return answerConsent(conversation, step, input, context, (agreed) => chooseService(step.serviceId, context, agreed));
    }
    case 'erase-confirm': {
      if (keyword === 'YA HAPUS' || (input.kind === 'choice' && input.id === ERASE_CHOICE.confirm)) return erase(conversation, context);
      if (keyword === 'TIDAK' || (input.kind === 'choice' && input.id === ERASE_CHOICE.keep)) {
        return reply({ ...conversation, step: { name: 'idle' } }, messages.personalData.eraseKept);
      }
      return reply(conversation, messages.personalData.eraseStillWaiting);
    }
    case 'cancel-confirm': {
      const registration = context.facts?.ownRegistrations?.find((candidate) => candidate.queueNumber === step.queueNumber);
      if (keyword === 'YA' && registration && isOpen(registration.status)) {
        return {
          conversation: { step: { name: 'idle' } },
          replies: [text(messages.selfService.cancelled(registration.queueNumber, registration.name))],
          effects: [{ type: 'applicant-cancel', queueNumber: registration.queueNumber }],
        };
      }
      if (keyword === 'TIDAK' || keyword === 'YA') {
        return reply({ step: { name: 'idle' } }, messages.selfService.cancelKept(step.queueNumber));
      }
      if (!readable(input)) return reply(conversation, cannotRead(input, messages.prompts.nowCancelConfirm(step.queueNumber)));
      return askCancel(step.queueNumber, context);
    }
    case 'menu': {
      const choice = menuChoiceOf(input, context.office.services, true);
      if (choice !== undefined) return chooseService(choice, context, conversation);
      if ((input.kind === 'text' && looksLikeRegistration(input.text)) || input.kind === 'form') {
        return reply(conversation, messages.registration.eachPersonOwnRegistration(context.office.services));
      }
      return reply(conversation, readable(input) ? messages.prompts.chooseFromMenu : cannotRead(input, messages.prompts.nowMenu));
    }
    case 'rebook-date':
      return decideRebooking({ queueNumber: step.queueNumber, date: 'unreadable' }, context);
    case 'documents':
      return inDocuments(conversation, step, input, keyword, context);
    case 'registration': {
      const choice = menuChoiceOf(input, context.office.services);
      if (choice !== undefined) return chooseService(choice, context, conversation);
      if (input.kind === 'text' && looksLikeRegistration(input.text)) return register(step, input.text, context);
      if (input.kind === 'form') return registerForm(step, input.fields, context);
      if (step.questions) return answerQuestion(step, step.questions, input, context);
      if (!readable(input)) return reply(conversation, cannotRead(input, messages.prompts.nowRegistration));
      const refused = (step.refused ?? 0) + 1;
      if (refused >= LINES_BEFORE_QUESTIONS) return startQuestions(step, messages.questions.switched);
      return {
        conversation: { step: { ...step, refused } },
        replies: [text(messages.registration.notALine), text(messages.registrationTemplate)],
        effects: [],
      };
    }
  }
}
