/** Stage 4: the registration line, the Flow form, or one question at a time, then the registration. */
import { officeToday } from '../offices';
import { type IsoDate } from '../calendar';
import { type InboundContent } from '../inbound';
import { messages } from '../texts';
import { FLAG_NIK_DATE_MISMATCH, type Registration } from '../registration';
import {
  checkRegistrationField,
  checkRegistrationFields,
  FORM_FIELDS,
  parseRegistration,
  type FormField,
  type RawRegistrationFields,
  type RegistrationFieldError,
  type RegistrationForm,
} from '../registration-form';
import { REGISTRATION_FLOW_NAME, REGISTRATION_FLOW_SCREEN } from '../registration-flow';
import { type Reply } from '../replies';
import { reply, text } from './helpers';
import { type ApplicantIdentity, type Conversation, type Decision, type DecisionContext, type Questions, type RegistrationStep, type Step } from './types';
import { cannotRead, normaliseKeyword, readable } from './words';

/** Refused lines (or forms) before the bot stops asking for the format and asks one value at a time. */
export const LINES_BEFORE_QUESTIONS = 2;

/** Stage 4 begins: what the office chose to offer first (`REGISTRATION_FORM`); a typed line works in every mode. */
export function askForRegistration(step: RegistrationStep, context: DecisionContext): Decision {
  switch (context.office.registrationForm) {
    case 'line':
      return reply({ step }, messages.registrationInstruction());
    case 'questions':
      return startQuestions(step, messages.questions.intro);
    case 'flow':
      return { conversation: { step }, replies: [registrationFlow(step)], effects: [] };
  }
}

export function registrationFlow(step: RegistrationStep): Reply {
  return {
    type: 'flow',
    body: messages.registrationFlow.body,
    cta: messages.registrationFlow.cta,
    flowName: REGISTRATION_FLOW_NAME,
    screen: REGISTRATION_FLOW_SCREEN,
    flowToken: `daftar:${step.draftId}`,
  };
}

export function startQuestions(step: RegistrationStep, opening: string): Decision {
  const questions: Questions = { answers: {}, asking: FORM_FIELDS[0] };
  return {
    conversation: { step: { name: 'registration', serviceId: step.serviceId, draftId: step.draftId, questions } },
    replies: [text(opening), text(messages.questions.ask[questions.asking as FormField])],
    effects: [],
  };
}

export function register(step: RegistrationStep, line: string, context: DecisionContext): Decision {
  const parsed = parseRegistration(line, officeToday(context.now, context.office));
  if (!parsed.ok) {
    // A NIK/date mismatch is no failure to write the line: the same line with /YA settles it.
    if (parsed.error.field === 'nikDate') return reply({ step }, messages.registrationError(parsed.error));
    const refused = (step.refused ?? 0) + 1;
    if (refused >= LINES_BEFORE_QUESTIONS) return startQuestions(step, messages.registrationError(parsed.error, messages.questions.switched));
    // The blank form as its own message, to copy whole.
    return {
      conversation: { step: { ...step, refused } },
      replies: [text(messages.registrationError(parsed.error)), text(messages.registrationTemplate)],
      effects: [],
    };
  }
  return registered(step, parsed.form, context);
}

/** The registration Flow's reply: exactly a DAFTAR line's five values, refused with the same field-precise words. */
export function registerForm(step: RegistrationStep, fields: RawRegistrationFields, context: DecisionContext): Decision {
  const checked = checkRegistrationFields(fields, officeToday(context.now, context.office), false);
  if (checked.ok) return registered(step, checked.form, context);
  if (checked.error.field === 'nikDate') {
    // A form has no /YA: the same question the one-at-a-time way asks, with the form's values kept.
    const answers = Object.fromEntries(FORM_FIELDS.map((field) => [field, fields[field]]));
    return reply(
      { step: { name: 'registration', serviceId: step.serviceId, draftId: step.draftId, questions: { answers, asking: 'confirm' } } },
      messages.registrationError(checked.error, messages.questions.confirmMismatch),
    );
  }
  const refused = (step.refused ?? 0) + 1;
  if (refused >= LINES_BEFORE_QUESTIONS) return startQuestions(step, messages.registrationError(checked.error, messages.questions.switched));
  return {
    conversation: { step: { ...step, refused, questions: undefined } },
    replies: [text(messages.registrationError(checked.error, messages.registrationFlow.again)), registrationFlow(step)],
    effects: [],
  };
}

export type AnswerOutcome =
  | { readonly kind: 'wrong'; readonly error: RegistrationFieldError }
  | { readonly kind: 'ask'; readonly questions: Questions }
  | { readonly kind: 'mismatch'; readonly error: RegistrationFieldError; readonly questions: Questions }
  | { readonly kind: 'confirm-again' }
  | { readonly kind: 'complete'; readonly form: RegistrationForm; readonly questions: Questions };

/** What one answer does: the same checks as the line's, field by field, then the whole as the line would be. */
export function answerOutcome(questions: Questions, answer: string, today: IsoDate): AnswerOutcome {
  if (questions.asking === 'confirm') {
    const word = normaliseKeyword(answer);
    if (word === 'TIDAK') {
      const { dateOfBirth: _date, nik: _nik, ...kept } = questions.answers;
      return { kind: 'ask', questions: { answers: kept, asking: 'dateOfBirth' } };
    }
    if (word !== 'YA') return { kind: 'confirm-again' };
    return completed(questions.answers, today, true);
  }
  const error = checkRegistrationField(questions.asking, answer, today);
  if (error) return { kind: 'wrong', error };
  return completed({ ...questions.answers, [questions.asking]: answer.trim() }, today, false);
}

export function completed(answers: Questions['answers'], today: IsoDate, confirmed: boolean): AnswerOutcome {
  const next = FORM_FIELDS.find((field) => answers[field] === undefined);
  if (next) return { kind: 'ask', questions: { answers, asking: next } };
  const fields = Object.fromEntries(FORM_FIELDS.map((field) => [field, answers[field] ?? ''])) as Record<FormField, string>;
  const checked = checkRegistrationFields(fields, today, confirmed);
  // `questions` keeps every answer: a NIK held elsewhere is then asked again without losing the others.
  if (checked.ok) return { kind: 'complete', form: checked.form, questions: { answers, asking: 'nik' } };
  if (checked.error.field === 'nikDate') return { kind: 'mismatch', error: checked.error, questions: { answers, asking: 'confirm' } };
  // Each answer passed on its own; should the whole still fail, the failing field is asked again.
  const field = FORM_FIELDS.find((candidate) => candidate === checked.error.field) ?? FORM_FIELDS[0];
  const { [field]: _dropped, ...kept } = answers;
  return { kind: 'ask', questions: { answers: kept, asking: field } };
}

export function questionText(questions: Questions): string {
  return questions.asking === 'confirm' ? messages.questions.confirmMismatch : messages.questions.ask[questions.asking];
}

export function answerQuestion(step: RegistrationStep, questions: Questions, input: InboundContent, context: DecisionContext): Decision {
  const stay: Conversation = { step };
  if (input.kind !== 'text') {
    return reply(stay, readable(input) ? questionText(questions) : cannotRead(input, messages.questions.now(questionText(questions))));
  }
  const outcome = answerOutcome(questions, input.text, officeToday(context.now, context.office));
  switch (outcome.kind) {
    case 'wrong':
      return reply(stay, messages.registrationError(outcome.error, questionText(questions)));
    case 'confirm-again':
      return reply(stay, questionText(questions));
    case 'ask':
      return reply({ step: { ...step, questions: outcome.questions } }, questionText(outcome.questions));
    case 'mismatch':
      return reply({ step: { ...step, questions: outcome.questions } }, messages.registrationError(outcome.error, messages.questions.confirmMismatch));
    case 'complete':
      return registered({ ...step, questions: outcome.questions }, outcome.form, context);
  }
}

/** Answering a question, commands count only when typed exactly: "Batam" is a birthplace, not BATAL with a typo. */
export function answeringQuestions(step: Step): boolean {
  return step.name === 'registration' && step.questions !== undefined;
}

/** Valid data: the open-NIK rule, then the registration with the queue number reserved for it. */
export function registered(step: RegistrationStep, form: RegistrationForm, context: DecisionContext): Decision {
  const holder = context.facts?.nikHolder;
  if (holder) {
    const refusal =
      holder.ownerKey === context.applicant?.key
        ? messages.registration.nikHasOpenRegistration(holder.queueNumber)
        : messages.registration.nikHeldElsewhere(context.office);
    if (!step.questions) return reply({ step }, refusal);
    // One at a time, the NIK is asked again: the other answers stay.
    const { nik: _nik, ...kept } = step.questions.answers;
    return reply({ step: { ...step, questions: { answers: kept, asking: 'nik' } } }, `${refusal}\n\n${messages.questions.ask.nik}`);
  }
  const queueNumber = context.facts?.queueNumber;
  const applicant = context.applicant;
  if (holder === undefined || !queueNumber || !applicant) {
    throw new Error('register needs the facts lookupsFor asked for: nikHolder, queueNumber and the applicant');
  }
  return {
    conversation: { step: { name: 'idle' } },
    replies: [text(messages.registrationSucceeded(queueNumber, form.name))],
    effects: [{ type: 'create-registration', registration: newRegistration(form, queueNumber, step, applicant, context) }],
  };
}

export function newRegistration(
  form: RegistrationForm,
  queueNumber: string,
  step: RegistrationStep,
  applicant: ApplicantIdentity,
  context: DecisionContext,
): Registration {
  return {
    queueNumber,
    name: form.name,
    placeOfBirth: form.placeOfBirth,
    dateOfBirth: form.dateOfBirth,
    nik: form.nik,
    phone: form.phone,
    serviceId: step.serviceId,
    status: 'PENDING',
    createdAt: context.now.toISOString(),
    ownerKey: applicant.key,
    ...(applicant.waId ? { ownerWaId: applicant.waId } : {}),
    ...(applicant.userId ? { ownerUserId: applicant.userId } : {}),
    ...(applicant.profileName ? { profileName: applicant.profileName } : {}),
    draftId: step.draftId,
    documentsMode: context.office.uploadMode,
    flags: form.nikDateMismatch ? [FLAG_NIK_DATE_MISMATCH] : [],
    rescheduled: false,
    ...(context.office.registryRef ? { office: context.office.registryRef } : {}),
  };
}
