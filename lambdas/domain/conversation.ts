/**
 * The applicant's conversation as a pure state machine: (conversation, input, context) → (conversation,
 * replies, effects). No I/O, no clock, no configuration lookups: everything arrives as arguments, and
 * whatever needs the outside world is returned as an effect for the caller to carry out.
 */
import { printableText } from './text-hygiene';
import { addDays, dayOfWeek, formatDayDate, formatTime, jakartaDate, type IsoDate } from './calendar';
import {
  extensionOf,
  isAcceptedDocumentType,
  LINK_REUSE_MIN_REMAINING_MS,
  MAX_DOCUMENT_BYTES,
  UPLOAD_LINK_LIFETIME_MS,
  requirementName,
  requirementNamedBy,
} from './documents';
import type { InboundContent } from './inbound';
import { messages, type AppointmentFacts, type DocumentsHint } from './messages';
import type { OfficeProfile } from './office';
import { FLAG_NIK_DATE_MISMATCH, isOpen, type Registration } from './registration';
import { checkRescheduleRequest, parseRescheduleLine, rescheduleWindow, sameName, type RescheduleLine } from './reschedule';
import type { DayState } from './schedule';
import {
  checkRegistrationField,
  checkRegistrationFields,
  FORM_FIELDS,
  looksLikeRegistration,
  parseRegistration,
  type FormField,
  type RawRegistrationFields,
  type RegistrationFieldError,
  type RegistrationForm,
} from './registration-form';
import { REGISTRATION_FLOW_NAME, REGISTRATION_FLOW_SCREEN } from './registration-flow';
import { ERASE_CHOICE, erasurePlan, type ConsentRecord, type DataRequestKind, type DataRequestOutcome } from './personal-data';
import { answerConsent, askConsent, consentAnswerOf, hasCurrentConsent, withConsentKept } from './consent';
import { correctionLookups, decideCorrection, looksLikeCorrection } from './corrections';
import type { Reply, TemplateParameters } from './replies';
import { cancelledTemplate, changedTemplate, confirmedTemplate, fixTemplate, parseReminderPayload, reminderTemplate } from './templates';
import { findService, SERVICES, type RequirementId, type Service, type ServiceId } from './services';

export type PageCounts = Readonly<Partial<Record<RequirementId, number>>>;

export type Step =
  | { readonly name: 'idle' }
  | { readonly name: 'menu' }
  | {
      readonly name: 'documents';
      readonly serviceId: ServiceId;
      readonly draftId: string;
      /** Chat mode: pages received per requirement, the one asked for, the last one filled. */
      readonly pages?: PageCounts;
      readonly asking?: RequirementId;
      readonly last?: RequirementId;
      /** Chat mode, after TAMBAH: the next file is another page of this requirement. */
      readonly appendTo?: RequirementId;
      /** Redoing documents an officer asked to fix, for this registration. */
      readonly fixFor?: { readonly queueNumber: string; readonly requirements: readonly RequirementId[] };
      /** Web mode: the upload link this step's replies repeat. */
      readonly link?: IssuedLink;
    }
  | {
      readonly name: 'registration';
      readonly serviceId: ServiceId;
      readonly draftId: string;
      /** Lines (or Flow forms) refused at this step; the second switches to one question at a time. */
      readonly refused?: number;
      /** One question at a time: the answers so far and the question waiting. */
      readonly questions?: Questions;
    }
  /** After `6`: waiting for `nama/DD-MM-YYYY` (the `Ubah jadwal:` prefix optional here). */
  | { readonly name: 'reschedule' }
  /** After BATAL with several open registrations: which one. */
  | { readonly name: 'cancel-choose'; readonly candidates: readonly string[] }
  /** The one confirmation question before cancelling. */
  | { readonly name: 'cancel-confirm'; readonly queueNumber: string }
  /** After HAPUS DATA: waiting for YA HAPUS. */
  | { readonly name: 'erase-confirm' }
  /** The privacy notice asked before the chosen service's first personal data (domain/consent.ts). */
  | { readonly name: 'consent'; readonly serviceId: ServiceId };

/** The registration asked one value at a time: answers are kept as typed (each already checked) until the last. */
export interface Questions {
  readonly answers: Readonly<Partial<Record<FormField, string>>>;
  /** A field's question, or `confirm`: YA/TIDAK to a NIK whose date differs from the birth date. */
  readonly asking: FormField | 'confirm';
}

/** An upload link as the applicant received it, with the moment it stops working. */
export interface IssuedLink {
  readonly url: string;
  readonly expiresAt: string;
}

/** Documents gathered for a service and not yet part of a registration: choosing the service again continues them. */
export interface OpenApplication {
  readonly draftId: string;
  readonly link?: IssuedLink;
}

export interface Conversation {
  readonly step: Step;
  /** One open application per service; kept across every step until its registration is created. */
  readonly open?: Readonly<Partial<Record<ServiceId, OpenApplication>>>;
  /** The privacy notice agreed to (domain/consent.ts); kept across every step until an erasure. */
  readonly consent?: ConsentRecord;
}

export const NEW_CONVERSATION: Conversation = { step: { name: 'idle' } };

export interface ApplicantIdentity {
  readonly key: string;
  readonly waId?: string;
  readonly userId?: string;
  readonly profileName?: string;
}

/** Facts from storage that some inputs need; `lookupsFor` says which, the caller fetches them. */
export interface Facts {
  /** Requirements of the current draft that have at least one document (web mode). */
  readonly draftRequirements?: readonly RequirementId[];
  /** The open registration holding the NIK of a valid registration line, or `null` when it is free. */
  readonly nikHolder?: { readonly queueNumber: string; readonly ownerKey: string } | null;
  /** A queue number reserved for a valid registration line whose NIK is free. */
  readonly queueNumber?: string;
  /** The registrations this WhatsApp account owns (STATUS, BATAL, Ubah jadwal). */
  readonly ownRegistrations?: readonly Registration[];
  /** The day an applicant asks to move to. */
  readonly requestedDay?: DayState;
  /** DATA SAYA: the requirements with documents on file, by draft id (the own registrations' and the open applications'). */
  readonly documentsByDraft?: Readonly<Record<string, readonly RequirementId[]>>;
}

export interface DecisionContext {
  readonly now: Date;
  readonly office: OfficeProfile;
  readonly applicant?: ApplicantIdentity;
  /** A fresh id for the documents of a new application, made by the caller so this stays pure. */
  readonly newDraftId: string;
  /** The applicant's own signed upload link for a draft (web mode), for some requirements only if given, working until `expiresAt` (ms). */
  readonly uploadLink: (serviceId: ServiceId, draftId: string, only?: readonly RequirementId[], expiresAt?: number, note?: string) => string;
  readonly facts?: Facts;
}

/** What the caller must carry out for a decision to hold; all of it idempotent. */
export type Effect =
  | {
      readonly type: 'store-media';
      readonly draftId: string;
      readonly requirement: RequirementId;
      readonly mediaId: string;
      readonly mimeType: string;
      readonly sha256?: string;
      readonly filename: string;
      readonly key: string;
    }
  | { readonly type: 'clear-requirement'; readonly draftId: string; readonly requirement: RequirementId }
  | { readonly type: 'create-registration'; readonly registration: Registration }
  /** The documents an officer asked for are in: the registration goes back to PENDING. */
  | { readonly type: 'documents-fixed'; readonly queueNumber: string }
  /** The applicant's own changes, carried out (on the registration as it is then) before the decision is saved. */
  | { readonly type: 'applicant-cancel'; readonly queueNumber: string }
  | { readonly type: 'applicant-reschedule'; readonly queueNumber: string; readonly date: IsoDate }
  /**
   * HAPUS DATA confirmed: the closed registrations (documents, proofs, data, history; a tombstone stays)
   * and the documents of applications never registered. The conversation itself is reset by the decision.
   */
  | { readonly type: 'erase-applicant'; readonly queueNumbers: readonly string[]; readonly draftIds: readonly string[] }
  /** An access or erasure request, kept so the office can show when and how it was answered. */
  | { readonly type: 'record-data-request'; readonly kind: DataRequestKind; readonly queueNumbers: readonly string[]; readonly outcome: DataRequestOutcome }
  /** DATA SAYA's PDF copy of `text` (the message itself), sent after it as a document behind a short-lived link. */
  | { readonly type: 'held-data-copy'; readonly text: string }
  /** UBAH DATA: the applicant's own correction before confirmation (domain/corrections.ts), NIK guard swapped with it. */
  | { readonly type: 'correct-registration'; readonly queueNumber: string; readonly form: RegistrationForm };

export interface Decision {
  readonly conversation: Conversation;
  readonly replies: readonly Reply[];
  readonly effects: readonly Effect[];
}

/** A media effect that could not be carried out, fed back in so the applicant hears why. */
export type MediaFailure = { readonly kind: 'media-failed'; readonly reason: 'too-large' | 'wrong-type' | 'unavailable'; readonly size?: number };

export const MENU_CHOICE_PREFIX = 'menu:';

type MenuChoice = ServiceId | 6;
type DocumentsStep = Extract<Step, { name: 'documents' }>;

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
} {
  const step = conversation.step;
  const exact = answeringQuestions(step);
  const correction = correctionLookups(input, context.now);
  if (correction) return correction;
  if (step.name === 'consent' && consentAnswerOf(input) === 'agree')
    return conversation.open?.[step.serviceId] ? { draftId: conversation.open[step.serviceId]!.draftId } : {};
  if (input.kind === 'choice' && parseReminderPayload(input.id)?.action === 'batal') return { ownRegistrations: true };
  if (input.kind === 'choice' && commandOf(input, exact) === 'DATA SAYA') return { ownRegistrations: true, ownDocuments: true };
  if (input.kind === 'choice' && (commandOf(input, exact) || step.name === 'erase-confirm')) return { ownRegistrations: true };
  if (input.kind === 'choice' && parseReminderPayload(input.id)?.action === 'ubah') return { ownRegistrations: true };
  if (input.kind === 'text' && normaliseKeyword(input.text) === '6') return { ownRegistrations: true };
  if (input.kind === 'choice' && input.id === `${MENU_CHOICE_PREFIX}6`) return { ownRegistrations: true };
  if (input.kind === 'choice') {
    const tapped = step.name === 'menu' || step.name === 'idle' || step.name === 'documents' || step.name === 'registration' ? menuChoiceOf(input) : undefined;
    const open = tapped !== undefined && tapped !== 6 ? (conversation.open?.[tapped] ?? gatheringFor(step, tapped)) : undefined;
    return open ? { draftId: open.draftId } : {};
  }
  if (input.kind === 'form') {
    if (step.name !== 'documents' && step.name !== 'registration') return {};
    const checked = checkRegistrationFields(input.fields, jakartaDate(context.now), false);
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
      ? menuChoiceOf(input, true)
      : step.name === 'documents' || step.name === 'registration'
        ? menuChoiceOf(input)
        : undefined;
  if (chosen === 6) return { ownRegistrations: true };
  if (chosen !== undefined) {
    // Choosing a service again continues its application: the reply names the documents already in.
    const open = conversation.open?.[chosen] ?? gatheringFor(step, chosen);
    return open ? { draftId: open.draftId } : {};
  }
  if (step.name !== 'documents' && step.name !== 'registration') return {};
  const isRegistrationLine = looksLikeRegistration(input.text);
  if (step.name === 'registration' && step.questions && !isRegistrationLine) {
    const outcome = answerOutcome(step.questions, input.text, jakartaDate(context.now));
    return outcome.kind === 'complete' ? { nik: outcome.form.nik } : {};
  }
  const needsDraft = step.name === 'documents' && context.office.uploadMode === 'web' && (keyword === 'SELESAI' || isRegistrationLine);
  const parsed = isRegistrationLine ? parseRegistration(input.text, jakartaDate(context.now)) : undefined;
  return {
    ...(needsDraft ? { draftId: step.draftId } : {}),
    ...(parsed?.ok ? { nik: parsed.form.nik } : {}),
  };
}

export function decide(conversation: Conversation, input: InboundContent | MediaFailure, context: DecisionContext): Decision {
  return withConsentKept(conversation, withOpenApplications(conversation, decideStep(conversation, input, context)));
}

/**
 * Open applications outlive every step: a decision keeps them unless it set them itself, and the one
 * whose documents just became a registration is closed (the next choice of that service starts afresh).
 */
function withOpenApplications(before: Conversation, decision: Decision): Decision {
  const open = decision.conversation.open ?? before.open;
  const registered = new Set(decision.effects.flatMap((effect) => (effect.type === 'create-registration' ? [effect.registration.draftId] : [])));
  if (!open) return decision;
  const kept = Object.fromEntries(Object.entries(open).filter(([, application]) => application && !registered.has(application.draftId)));
  return { ...decision, conversation: { ...decision.conversation, open: kept } };
}

function decideStep(conversation: Conversation, input: InboundContent | MediaFailure, context: DecisionContext): Decision {
  if (input.kind === 'silent') return unchanged(conversation);
  if (input.kind === 'media-failed') return mediaFailed(conversation, input);

  const keyword = input.kind === 'text' ? normaliseKeyword(input.text) : undefined;
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
  if (keyword === 'UBAH JADWAL' || keyword === 'UBAH JADWAL:') return chooseService(6, context, conversation);
  if (input.kind === 'text') {
    const line = parseRescheduleLine(input.text, conversation.step.name === 'reschedule');
    if (line !== undefined) return requestReschedule(line, context);
  }
  if (keyword === '6' || (input.kind === 'choice' && input.id === `${MENU_CHOICE_PREFIX}6`)) return chooseService(6, context, conversation);
  const tapped = input.kind === 'choice' ? parseReminderPayload(input.id) : undefined;
  if (tapped) {
    // The reminder template's quick replies: Datang, Ubah jadwal, Batal.
    if (tapped.action === 'datang') return reply({ step: { name: 'idle' } }, messages.selfService.comingThanks(tapped.queueNumber));
    if (tapped.action === 'ubah') return chooseService(6, context, conversation);
    return askCancel(tapped.queueNumber, context);
  }

  const step = conversation.step;
  switch (step.name) {
    case 'idle': {
      const choice = menuChoiceOf(input, true);
      if (choice !== undefined) return chooseService(choice, context, conversation);
      if ((input.kind === 'text' && looksLikeRegistration(input.text)) || input.kind === 'form') {
        const menu = showMenu(context);
        return { ...menu, replies: [text(messages.registration.eachPersonOwnRegistration), ...menu.replies] };
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
      const choice = menuChoiceOf(input);
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
      const choice = menuChoiceOf(input, true);
      if (choice !== undefined) return chooseService(choice, context, conversation);
      if ((input.kind === 'text' && looksLikeRegistration(input.text)) || input.kind === 'form') {
        return reply(conversation, messages.registration.eachPersonOwnRegistration);
      }
      return reply(conversation, readable(input) ? messages.prompts.chooseFromMenu : cannotRead(input, messages.prompts.nowMenu));
    }
    case 'documents':
      return inDocuments(conversation, step, input, keyword, context);
    case 'registration': {
      const choice = menuChoiceOf(input);
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

function inDocuments(before: Conversation, step: DocumentsStep, input: InboundContent, keyword: string | undefined, context: DecisionContext): Decision {
  const conversation: Conversation = { ...before, step };
  const service = serviceOf(step);
  const mode = context.office.uploadMode;
  const choice = menuChoiceOf(input);
  if (choice !== undefined) return chooseService(choice, context, conversation);

  const isRegistrationLine = ((input.kind === 'text' && looksLikeRegistration(input.text)) || input.kind === 'form') && !step.fixFor;
  if (keyword === 'SELESAI' || isRegistrationLine) {
    const missing = missingRequirements(step, service, context);
    if (missing.length > 0 && mode === 'web') {
      // The link is repeated with the missing names, so the applicant never has to scroll back for it.
      const link = currentLink(step.link, step.serviceId, step.draftId, step.fixFor?.requirements, context);
      const open = step.fixFor ? before.open : { ...before.open, [step.serviceId]: { draftId: step.draftId, link } };
      return reply(
        { step: { ...step, link }, ...(open ? { open } : {}) },
        messages.documents.incomplete(missing.map(requirementName), { mode, uploadUrl: link.url, validUntil: jakartaDate(new Date(link.expiresAt)) }),
      );
    }
    if (missing.length > 0 && mode === 'chat') {
      return reply(conversation, messages.documents.incomplete(missing.map(requirementName), { mode }));
    }
    if (step.fixFor) {
      return {
        conversation: { step: { name: 'idle' } },
        replies: [text(messages.notifications.fixReceived(step.fixFor.queueNumber))],
        effects: [{ type: 'documents-fixed', queueNumber: step.fixFor.queueNumber }],
      };
    }
    const registrationStep: Step = { name: 'registration', serviceId: step.serviceId, draftId: step.draftId };
    if (isRegistrationLine && input.kind === 'text') return register(registrationStep, input.text, context);
    if (isRegistrationLine && input.kind === 'form') return registerForm(registrationStep, input.fields, context);
    return askForRegistration(registrationStep, context);
  }

  if (mode === 'web') {
    const link = currentLink(step.link, step.serviceId, step.draftId, step.fixFor?.requirements, context);
    const open = step.fixFor ? before.open : { ...before.open, [step.serviceId]: { draftId: step.draftId, link } };
    const hint = { mode, uploadUrl: link.url, validUntil: jakartaDate(new Date(link.expiresAt)) } as const;
    const body =
      input.kind === 'media' && (input.mediaKind === 'image' || input.mediaKind === 'document')
        ? messages.prompts.filesThroughLink(hint)
        : readable(input)
          ? messages.prompts.documentsWeb(hint)
          : cannotRead(input, messages.prompts.documentsWeb(hint));
    return reply({ step: { ...step, link }, ...(open ? { open } : {}) }, body);
  }
  if (mode === 'form') {
    return reply(conversation, readable(input) ? messages.prompts.documentsForm : cannotRead(input, messages.prompts.documentsForm));
  }
  if (input.kind === 'media') return receiveMedia(step, service, input);
  if (input.kind === 'other') {
    return reply(conversation, cannotRead(input, messages.documents.ask(requirementName(step.asking ?? firstRequirement(service)))));
  }
  if (keyword === 'TAMBAH' || keyword === 'ULANG') {
    const last = step.last;
    if (!last) return reply(conversation, messages.documents.nothingYet(requirementName(step.asking ?? firstRequirement(service))));
    if (keyword === 'TAMBAH') return reply({ step: { ...step, appendTo: last } }, messages.documents.addPage(requirementName(last)));
    const pages = { ...step.pages, [last]: 0 };
    return {
      conversation: { step: { ...step, pages, asking: last, appendTo: undefined } },
      replies: [text(messages.documents.redo(requirementName(last)))],
      effects: [{ type: 'clear-requirement', draftId: step.draftId, requirement: last }],
    };
  }
  return reply(conversation, messages.documents.ask(requirementName(step.asking ?? firstRequirement(service))));
}

function receiveMedia(step: DocumentsStep, service: Service, input: Extract<InboundContent, { kind: 'media' }>): Decision {
  const conversation: Conversation = { step };
  const requirement = requirementNamedBy(input.caption, service) ?? step.appendTo ?? step.asking ?? firstRequirement(service);
  if (!isAcceptedDocumentType(input.mimeType) || (input.mediaKind !== 'image' && input.mediaKind !== 'document')) {
    return reply(conversation, messages.documents.wrongType(requirementName(requirement)));
  }
  const page = (step.pages?.[requirement] ?? 0) + 1;
  const pages: PageCounts = { ...step.pages, [requirement]: page };
  const next = neededRequirements(step, service).find((candidate) => !(pages[candidate] ?? 0));
  // One message, not two: Meta's pair rate limit counts every message to the same applicant.
  const body = [
    messages.documents.received(requirementName(requirement), page),
    next ? messages.documents.ask(requirementName(next)) : messages.documents.allReceived,
  ].join('\n');
  return {
    conversation: { step: { ...step, pages, last: requirement, asking: next, appendTo: undefined } },
    replies: [text(body)],
    effects: [
      {
        type: 'store-media',
        draftId: step.draftId,
        requirement,
        mediaId: input.mediaId,
        mimeType: input.mimeType,
        ...(input.sha256 ? { sha256: input.sha256 } : {}),
        filename: printableText(input.filename ?? '') || `${requirement}-${page}.${extensionOf(input.mimeType)}`,
        key: `documents/${step.draftId}/${requirement}/${input.mediaId.replace(/[^\w.-]/g, '_')}.${extensionOf(input.mimeType)}`,
      },
    ],
  };
}

function mediaFailed(conversation: Conversation, failure: MediaFailure): Decision {
  const step = conversation.step;
  const service = step.name === 'documents' ? serviceOf(step) : undefined;
  const name = requirementName(step.name === 'documents' ? (step.appendTo ?? step.asking ?? step.last ?? firstRequirement(service!)) : 'ktp');
  const body =
    failure.reason === 'too-large'
      ? messages.documents.tooLarge(name, ((failure.size ?? MAX_DOCUMENT_BYTES) / (1024 * 1024)).toFixed(1))
      : failure.reason === 'wrong-type'
        ? messages.documents.wrongType(name)
        : messages.documents.unavailable(name);
  return reply(conversation, body);
}

type RegistrationStep = Extract<Step, { name: 'registration' }>;

/** Refused lines (or forms) before the bot stops asking for the format and asks one value at a time. */
const LINES_BEFORE_QUESTIONS = 2;

/** Stage 4 begins: what the office chose to offer first (`REGISTRATION_FORM`); a typed line works in every mode. */
function askForRegistration(step: RegistrationStep, context: DecisionContext): Decision {
  switch (context.office.registrationForm) {
    case 'line':
      return reply({ step }, messages.registrationInstruction());
    case 'questions':
      return startQuestions(step, messages.questions.intro);
    case 'flow':
      return { conversation: { step }, replies: [registrationFlow(step)], effects: [] };
  }
}

function registrationFlow(step: RegistrationStep): Reply {
  return {
    type: 'flow',
    body: messages.registrationFlow.body,
    cta: messages.registrationFlow.cta,
    flowName: REGISTRATION_FLOW_NAME,
    screen: REGISTRATION_FLOW_SCREEN,
    flowToken: `daftar:${step.draftId}`,
  };
}

function startQuestions(step: RegistrationStep, opening: string): Decision {
  const questions: Questions = { answers: {}, asking: FORM_FIELDS[0] };
  return {
    conversation: { step: { name: 'registration', serviceId: step.serviceId, draftId: step.draftId, questions } },
    replies: [text(opening), text(messages.questions.ask[questions.asking as FormField])],
    effects: [],
  };
}

function register(step: RegistrationStep, line: string, context: DecisionContext): Decision {
  const parsed = parseRegistration(line, jakartaDate(context.now));
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
function registerForm(step: RegistrationStep, fields: RawRegistrationFields, context: DecisionContext): Decision {
  const checked = checkRegistrationFields(fields, jakartaDate(context.now), false);
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

type AnswerOutcome =
  | { readonly kind: 'wrong'; readonly error: RegistrationFieldError }
  | { readonly kind: 'ask'; readonly questions: Questions }
  | { readonly kind: 'mismatch'; readonly error: RegistrationFieldError; readonly questions: Questions }
  | { readonly kind: 'confirm-again' }
  | { readonly kind: 'complete'; readonly form: RegistrationForm; readonly questions: Questions };

/** What one answer does: the same checks as the line's, field by field, then the whole as the line would be. */
function answerOutcome(questions: Questions, answer: string, today: IsoDate): AnswerOutcome {
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

function completed(answers: Questions['answers'], today: IsoDate, confirmed: boolean): AnswerOutcome {
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

function questionText(questions: Questions): string {
  return questions.asking === 'confirm' ? messages.questions.confirmMismatch : messages.questions.ask[questions.asking];
}

function answerQuestion(step: RegistrationStep, questions: Questions, input: InboundContent, context: DecisionContext): Decision {
  const stay: Conversation = { step };
  if (input.kind !== 'text') {
    return reply(stay, readable(input) ? questionText(questions) : cannotRead(input, messages.questions.now(questionText(questions))));
  }
  const outcome = answerOutcome(questions, input.text, jakartaDate(context.now));
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
function answeringQuestions(step: Step): boolean {
  return step.name === 'registration' && step.questions !== undefined;
}

/** Valid data: the open-NIK rule, then the registration with the queue number reserved for it. */
function registered(step: RegistrationStep, form: RegistrationForm, context: DecisionContext): Decision {
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

function newRegistration(
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
  };
}

function neededRequirements(step: DocumentsStep, service: Service): readonly RequirementId[] {
  return step.fixFor?.requirements ?? service.requirements;
}

function missingRequirements(step: DocumentsStep, service: Service, context: DecisionContext): RequirementId[] {
  const needed = neededRequirements(step, service);
  switch (context.office.uploadMode) {
    case 'form':
      return [];
    case 'chat':
      return needed.filter((id) => !(step.pages?.[id] ?? 0));
    case 'web': {
      const present = context.facts?.draftRequirements;
      if (!present) throw new Error("SELESAI in web mode needs the draft's requirements (lookupsFor)");
      return needed.filter((id) => !present.includes(id));
    }
  }
}

/** An officer's decision, as the applicant hears it; a request for fixes also changes the conversation. */
export interface Notice {
  readonly kind: 'confirmed' | 'fix-requested' | 'rescheduled' | 'cancelled';
  readonly registration: Registration;
  /** The PDF proof (confirmed, rescheduled): a link Meta can fetch. */
  readonly proofLink?: string;
  readonly previousDate?: IsoDate;
}

/** Meta allows free-form messages for 24 hours after the applicant's last message; keep a margin. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000 - 10 * 60 * 1000;

export function windowOpen(lastInboundAt: string | undefined, now: Date): boolean {
  return lastInboundAt !== undefined && now.getTime() - Date.parse(lastInboundAt) < SERVICE_WINDOW_MS;
}

/**
 * The free-form message inside the 24-hour window (with its template kept for a 131047 answer), the
 * approved template outside it.
 */
function windowed(freeForm: Extract<Reply, { type: 'text' | 'document' }>, template: TemplateParameters, open: boolean): Reply {
  return open ? { ...freeForm, outsideWindow: { type: 'template', template } } : { type: 'template', template };
}

export function applyNotice(conversation: Conversation, notice: Notice, context: DecisionContext & { readonly lastInboundAt?: string }): Decision {
  const registration = notice.registration;
  const open = windowOpen(context.lastInboundAt, context.now);
  const facts = {
    queueNumber: registration.queueNumber,
    name: registration.name,
    nik: registration.nik,
    date: registration.appointmentDate ?? '',
    time: registration.appointmentTime ?? '',
    ...(registration.note ? { note: registration.note } : {}),
  };
  const proofFile = { link: notice.proofLink ?? '', filename: `bukti-antrian-${registration.queueNumber}.pdf` };
  const proof = (caption: string): Extract<Reply, { type: 'document' }> => ({ type: 'document', ...proofFile, caption });
  switch (notice.kind) {
    case 'confirmed':
      return { conversation, replies: [windowed(proof(messages.scheduleConfirmed(facts)), confirmedTemplate(facts, proofFile), open)], effects: [] };
    case 'rescheduled': {
      const changed = { ...facts, oldDate: notice.previousDate ?? facts.date };
      return {
        conversation,
        replies: [windowed(proof(messages.scheduleChanged(changed, context.office)), changedTemplate(changed, proofFile), open)],
        effects: [],
      };
    }
    case 'cancelled': {
      const reason = registration.note ?? '';
      return {
        conversation,
        replies: [
          windowed(
            text(messages.notifications.cancelled(registration.queueNumber, registration.name, reason)) as Extract<Reply, { type: 'text' }>,
            cancelledTemplate(registration.queueNumber, registration.name, reason),
            open,
          ),
        ],
        effects: [],
      };
    }
    case 'fix-requested': {
      const service = serviceOf(registration);
      const requirements = service.requirements.filter((id) => registration.fixRequirements?.includes(id) ?? true);
      const mode = context.office.uploadMode;
      // The fix page repeats the officer's note: the applicant sees what to redo where they redo it.
      const link = mode === 'web' ? currentLink(undefined, service.id, registration.draftId, requirements, context, registration.note) : undefined;
      const hint: DocumentsHint = link
        ? { mode: 'web', uploadUrl: link.url, validUntil: jakartaDate(new Date(link.expiresAt)) }
        : mode === 'form'
          ? { mode, formUrl: context.office.formUrl ?? '' }
          : { mode: 'chat' };
      const names = requirements.map(requirementName);
      const note = registration.note ?? '';
      return {
        conversation: {
          step: {
            name: 'documents',
            serviceId: service.id,
            draftId: registration.draftId,
            fixFor: { queueNumber: registration.queueNumber, requirements },
            ...(mode === 'chat' ? { pages: {}, asking: requirements[0] } : {}),
            ...(link ? { link } : {}),
          },
          ...(conversation.open ? { open: conversation.open } : {}),
        },
        replies: [
          windowed(
            text(messages.notifications.fixRequested(registration.queueNumber, registration.name, note, names, hint)) as Extract<Reply, { type: 'text' }>,
            fixTemplate(registration.queueNumber, registration.name, note, names, hint),
            open,
          ),
        ],
        effects: [],
      };
    }
  }
}

/** Stage 8: the free-form text inside the window, the template with its quick replies outside. */
export function reminderReply(facts: AppointmentFacts, office: OfficeProfile, lastInboundAt: string | undefined, now: Date): Reply {
  return windowed({ type: 'text', body: messages.reminder(facts, office) }, reminderTemplate(facts, office), windowOpen(lastInboundAt, now));
}

function showMenu(context: DecisionContext): Decision {
  const replies: Reply[] = [text(messages.welcome(context.office))];
  if (context.office.menuAsList) replies.push(menuList());
  return { conversation: { step: { name: 'menu' } }, replies, effects: [] };
}

function chooseService(choice: MenuChoice, context: DecisionContext, conversation: Conversation): Decision {
  if (choice === 6) return showRescheduleRules(conversation, context);
  const service = findService(choice);
  if (!service) return showMenu(context);
  if (!hasCurrentConsent(conversation)) return askConsent(conversation, service.id, context.office);
  const existing = conversation.open?.[service.id] ?? gatheringFor(conversation.step, service.id);
  const draftId = existing?.draftId ?? context.newDraftId;
  const mode = context.office.uploadMode;
  const link = mode === 'web' ? currentLink(existing?.link, service.id, draftId, undefined, context) : undefined;
  const hint: DocumentsHint =
    mode === 'web' && link
      ? { mode, uploadUrl: link.url, validUntil: jakartaDate(new Date(link.expiresAt)) }
      : mode === 'form'
        ? { mode, formUrl: context.office.formUrl ?? '' }
        : { mode: 'chat' };
  const present = existing ? (context.facts?.draftRequirements ?? []) : [];
  const pages: PageCounts = Object.fromEntries(present.map((id) => [id, 1]));
  const asking = service.requirements.find((id) => !present.includes(id));
  const replies = [text(messages.requirements(service, hint))];
  if (existing && mode !== 'form') {
    replies.push(text(messages.documents.continued(service.requirements.filter((id) => present.includes(id)).map(requirementName), mode)));
  }
  if (mode === 'chat') replies.push(text(asking ? messages.documents.ask(requirementName(asking)) : messages.documents.allReceived));
  return {
    conversation: {
      step: {
        name: 'documents',
        serviceId: service.id,
        draftId,
        ...(mode === 'chat' ? { pages, ...(asking ? { asking } : {}) } : {}),
        ...(link ? { link } : {}),
      },
      open: { ...conversation.open, [service.id]: { draftId, ...(link ? { link } : {}) } },
    },
    replies,
    effects: [],
  };
}

/** A documents step of this service from before open applications were kept (sessions stored earlier). */
function gatheringFor(step: Step, serviceId: ServiceId): OpenApplication | undefined {
  if (step.name !== 'documents' || step.serviceId !== serviceId || step.fixFor) return undefined;
  return { draftId: step.draftId, ...(step.link ? { link: step.link } : {}) };
}

/** The link the applicant already has while it has a day left, else a new one for the same documents. */
function currentLink(
  stored: IssuedLink | undefined,
  serviceId: ServiceId,
  draftId: string,
  only: readonly RequirementId[] | undefined,
  context: DecisionContext,
  note?: string,
): IssuedLink {
  if (stored && Date.parse(stored.expiresAt) - context.now.getTime() >= LINK_REUSE_MIN_REMAINING_MS) return stored;
  const expiresAt = context.now.getTime() + UPLOAD_LINK_LIFETIME_MS;
  return { url: context.uploadLink(serviceId, draftId, only, expiresAt, note), expiresAt: new Date(expiresAt).toISOString() };
}

function menuList(): Reply {
  return {
    type: 'list',
    body: messages.menuList.body,
    button: messages.menuList.button,
    sections: [
      {
        title: messages.menuList.sectionTitle,
        rows: [
          ...SERVICES.map((service) => ({
            id: `${MENU_CHOICE_PREFIX}${service.id}`,
            title: service.listTitle,
            description: service.menuName,
          })),
          {
            id: `${MENU_CHOICE_PREFIX}6`,
            title: messages.menuList.rescheduleTitle,
            description: messages.menuList.rescheduleDescription,
          },
          { id: `${MENU_CHOICE_PREFIX}status`, title: messages.menuList.statusTitle, description: messages.menuList.statusDescription },
          { id: `${MENU_CHOICE_PREFIX}batal`, title: messages.menuList.cancelTitle, description: messages.menuList.cancelDescription },
          { id: `${MENU_CHOICE_PREFIX}data saya`, title: messages.menuList.dataTitle, description: messages.menuList.dataDescription },
        ],
      },
    ],
  };
}

/** A digit 1–6 typed or tapped; with `words`, also what the applicant wrote in plain words ("paspor saya hilang"). */
function menuChoiceOf(input: InboundContent, words = false): MenuChoice | undefined {
  const raw =
    input.kind === 'text'
      ? input.text
      : input.kind === 'choice' && input.id.startsWith(MENU_CHOICE_PREFIX)
        ? input.id.slice(MENU_CHOICE_PREFIX.length)
        : undefined;
  const match = raw?.trim().match(/^([1-6])[.)]?$/);
  if (match) return Number(match[1]) as MenuChoice;
  return words && input.kind === 'text' ? plainWordsChoice(input.text) : undefined;
}

/**
 * The menu in the applicant's own words: hilang → 1, rusak → 2, (ubah) data → 3, both → 4 or 5, jadwal → 6.
 * Words of five letters or more may carry one typo; both "hilang" and "rusak" is a question, not a choice.
 */
export function plainWordsChoice(value: string): MenuChoice | undefined {
  const words = value
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  const has = (...targets: string[]) => words.some((word) => targets.some((target) => sameWord(word, target)));
  const lost = has('hilang', 'ilang', 'kehilangan');
  const damaged = has('rusak', 'robek', 'sobek', 'basah');
  const data = has('data');
  if (lost && damaged) return undefined;
  if (lost) return data ? 4 : 1;
  if (damaged) return data ? 5 : 2;
  if (data) return 3;
  if (has('jadwal', 'reschedule')) return 6;
  return undefined;
}

/** Equal, or (for words of five letters or more) one letter added, dropped, changed or two swapped. */
function sameWord(word: string, target: string): boolean {
  if (word === target) return true;
  if (target.length < 5 || Math.abs(word.length - target.length) > 1) return false;
  return editDistance(word, target) <= 1;
}

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring). */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** Text and taps are read; a voice note, sticker, location, contact or video is not (media in chat mode's documents aside). */
function readable(input: InboundContent): boolean {
  return input.kind === 'text' || input.kind === 'choice';
}

/** The short fixed answer to a message the bot cannot read: what it was, what the bot reads, what to do now. */
function cannotRead(input: InboundContent, now: string): string {
  const what = input.kind === 'media' ? input.mediaKind : input.kind === 'other' ? (input.type.split(':')[0] ?? input.type) : 'other';
  return messages.prompts.cannotRead(what, now);
}

function serviceOf(step: { readonly serviceId: ServiceId }): Service {
  const service = findService(step.serviceId);
  if (!service) throw new Error(`unknown service ${step.serviceId}`);
  return service;
}

function firstRequirement(service: Service): RequirementId {
  const first = service.requirements[0];
  if (!first) throw new Error(`service ${service.id} has no requirements`);
  return first;
}

function ownRegistrations(context: DecisionContext): readonly Registration[] {
  const registrations = context.facts?.ownRegistrations;
  if (!registrations) throw new Error("this input needs the applicant's registrations (lookupsFor)");
  return registrations;
}

function describe(registration: Registration): string {
  return `${registration.queueNumber} ${registration.name} (${registration.status}${
    registration.appointmentDate ? `, ${formatDayDate(registration.appointmentDate)}` : ''
  })`;
}

function showStatus(conversation: Conversation, context: DecisionContext): Decision {
  const registrations = [...ownRegistrations(context)].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 10);
  if (registrations.length === 0) return reply(conversation, messages.selfService.noRegistrations);
  const blocks = registrations.map((registration) =>
    [
      `📄 ${registration.queueNumber} — ${registration.name}`,
      `Layanan: ${findService(registration.serviceId)?.name ?? ''}`,
      `Status: ${messages.selfService.statusMeaning[registration.status].meaning}`,
      ...(registration.appointmentDate && registration.appointmentTime && isOpen(registration.status)
        ? [`Jadwal: ${formatDayDate(registration.appointmentDate)}, ${formatTime(registration.appointmentTime)}`]
        : []),
      ...(registration.requestedDate ? [`Permintaan jadwal baru: ${formatDayDate(registration.requestedDate)}`] : []),
      // The officer's note matters where it asks something of the applicant or explains an end.
      ...(registration.note && (registration.status === 'PERLU_PERBAIKAN' || registration.status === 'DIBATALKAN')
        ? [messages.selfService.statusNote(registration.note)]
        : []),
      messages.selfService.statusNext(messages.selfService.statusMeaning[registration.status].next),
      '',
    ].join('\n'),
  );
  return reply(conversation, messages.selfService.status(blocks).trimEnd());
}

/** DATA SAYA: everything held about this WhatsApp account, the NIK by its last four digits only. */
function showHeldData(conversation: Conversation, context: DecisionContext): Decision {
  const registrations = [...ownRegistrations(context)].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const documents = context.facts?.documentsByDraft ?? {};
  const on = (draftId: string) => (documents[draftId] ?? []).map(requirementName);
  const drafts = Object.entries(conversation.open ?? {}).flatMap(([serviceId, application]) => {
    const held = application ? on(application.draftId) : [];
    return held.length > 0 ? [`Layanan ${serviceId} ${findService(Number(serviceId) as ServiceId)?.name ?? ''}: ${held.join(', ')}`] : [];
  });
  const applicant = context.applicant;
  const lines = [
    ...(applicant?.waId ? [messages.personalData.heldWhatsapp(`+${applicant.waId}`), ''] : []),
    ...registrations.map((registration) =>
      messages.personalData.heldRegistration({
        queueNumber: registration.queueNumber,
        service: findService(registration.serviceId)?.name ?? '',
        status: messages.selfService.statusMeaning[registration.status].meaning,
        createdAt: formatDayDate(jakartaDate(new Date(registration.createdAt))),
        name: registration.name,
        birth: `${registration.placeOfBirth}, ${formatDayDate(registration.dateOfBirth)}`,
        nikLastFour: registration.nik.slice(-4),
        phone: registration.phone,
        ...(registration.appointmentDate && registration.appointmentTime
          ? { appointment: `${formatDayDate(registration.appointmentDate)}, ${formatTime(registration.appointmentTime)}` }
          : {}),
        documents: on(registration.draftId),
      }),
    ),
    ...(drafts.length > 0 ? [messages.personalData.heldDrafts(drafts)] : []),
    ...(registrations.length === 0 && drafts.length === 0 ? [messages.personalData.heldNothing, ''] : []),
    messages.personalData.heldFooter(context.office),
  ];
  const held = messages.personalData.held(lines);
  return {
    conversation,
    replies: [text(held)],
    effects: [
      { type: 'record-data-request', kind: 'access', queueNumbers: registrations.map((registration) => registration.queueNumber), outcome: 'answered' },
      { type: 'held-data-copy', text: held },
    ],
  };
}

/** HAPUS DATA: open registrations first need BATAL; otherwise one confirmation question. */
function askErase(conversation: Conversation, context: DecisionContext): Decision {
  const plan = erasurePlan(ownRegistrations(context));
  if (plan.blocking.length > 0) {
    return {
      conversation: { ...conversation, step: { name: 'idle' } },
      replies: [text(messages.personalData.eraseBlocked(plan.blocking.map(describe)))],
      effects: [
        {
          type: 'record-data-request',
          kind: 'erasure',
          queueNumbers: plan.blocking.map((registration) => registration.queueNumber),
          outcome: 'refused-open-registration',
        },
      ],
    };
  }
  return {
    conversation: { ...conversation, step: { name: 'erase-confirm' } },
    replies: [
      {
        type: 'buttons',
        body: messages.personalData.eraseAsk(plan.closed.length),
        buttons: [
          { id: ERASE_CHOICE.confirm, title: messages.personalData.eraseConfirmTitle },
          { id: ERASE_CHOICE.keep, title: messages.personalData.eraseKeepTitle },
        ],
      },
    ],
    effects: [],
  };
}

/** YA HAPUS: checked again against the registrations as they are now (one may have been opened since). */
function erase(conversation: Conversation, context: DecisionContext): Decision {
  const plan = erasurePlan(ownRegistrations(context));
  if (plan.blocking.length > 0) return askErase(conversation, context);
  const queueNumbers = plan.closed.map((registration) => registration.queueNumber);
  const draftIds = Object.values(conversation.open ?? {}).flatMap((application) => (application ? [application.draftId] : []));
  return {
    // Nothing of the conversation is kept, not even the open applications.
    conversation: { step: { name: 'idle' }, open: {} },
    replies: [text(messages.personalData.erased(queueNumbers))],
    effects: [
      { type: 'erase-applicant', queueNumbers, draftIds },
      { type: 'record-data-request', kind: 'erasure', queueNumbers, outcome: 'erased' },
    ],
  };
}

function startCancel(context: DecisionContext): Decision {
  const open = ownRegistrations(context).filter((registration) => isOpen(registration.status));
  if (open.length === 0) return reply({ step: { name: 'idle' } }, messages.selfService.noOpenRegistration);
  if (open.length === 1) return askCancel(open[0]!.queueNumber, context);
  return reply(
    { step: { name: 'cancel-choose', candidates: open.map((registration) => registration.queueNumber) } },
    messages.selfService.chooseToCancel(open.map(describe)),
  );
}

function askCancel(queueNumber: string, context: DecisionContext): Decision {
  const registration = ownRegistrations(context).find((candidate) => candidate.queueNumber === queueNumber);
  if (!registration || !isOpen(registration.status)) return startCancel(context);
  return reply({ step: { name: 'cancel-confirm', queueNumber } }, messages.selfService.confirmCancel(queueNumber, registration.name));
}

/** `6`: the rules with the applicant's own appointments and their windows, or why there is nothing to move. */
function showRescheduleRules(conversation: Conversation, context: DecisionContext): Decision {
  const own = ownRegistrations(context);
  const movable = own.filter((registration) => registration.status === 'DIKONFIRMASI' && !registration.rescheduled && registration.appointmentDate);
  if (movable.length === 0) {
    const requested = own.find((registration) => registration.status === 'PERUBAHAN_DIMINTA' && registration.requestedDate);
    if (requested?.requestedDate) {
      return reply(conversation, messages.selfService.rescheduleAlreadyRequested(requested.queueNumber, formatDayDate(requested.requestedDate)));
    }
    const used = own.find((registration) => registration.status === 'DIKONFIRMASI' && registration.rescheduled);
    if (used) return reply(conversation, messages.selfService.rescheduleAlreadyUsed(used.queueNumber));
    return reply(conversation, messages.selfService.noConfirmedAppointment);
  }
  const options = movable.map((registration) => {
    const date = registration.appointmentDate ?? '';
    const { earliest, latest } = rescheduleWindow(date, context.now);
    return { queueNumber: registration.queueNumber, name: registration.name, date, time: registration.appointmentTime ?? '', earliest, latest };
  });
  const first = options[0]!;
  return reply({ step: { name: 'reschedule' } }, messages.rescheduleRules(options, { name: first.name.toUpperCase(), date: firstWeekday(first.earliest) }));
}

/** The first Monday–Friday on or after `date` (holidays are for the request's own check). */
function firstWeekday(date: IsoDate): IsoDate {
  let day = date;
  while (dayOfWeek(day) === 0 || dayOfWeek(day) === 6) day = addDays(day, 1);
  return day;
}

function requestReschedule(line: RescheduleLine | 'format', context: DecisionContext): Decision {
  const stay: Conversation = { step: { name: 'reschedule' } };
  if (line === 'format') return reply(stay, messages.selfService.rescheduleFormat);
  const confirmed = ownRegistrations(context).filter((registration) => registration.status === 'DIKONFIRMASI' || registration.status === 'PERUBAHAN_DIMINTA');
  const registration = confirmed.find((candidate) => sameName(candidate.name, line.name));
  if (!registration) return reply(stay, messages.selfService.rescheduleNoMatch(line.name, confirmed.map(describe)));
  const day = context.facts?.requestedDay;
  if (!day || day.date !== line.date) throw new Error('a reschedule request needs the requested day (lookupsFor)');
  const refusal = checkRescheduleRequest(registration, day, context.now);
  if (!refusal) {
    return {
      conversation: { step: { name: 'idle' } },
      replies: [text(messages.rescheduleRequested(line.date))],
      effects: [{ type: 'applicant-reschedule', queueNumber: registration.queueNumber, date: line.date }],
    };
  }
  const show = formatDayDate;
  switch (refusal.reason) {
    case 'already-used':
      return reply({ step: { name: 'idle' } }, messages.selfService.rescheduleAlreadyUsed(registration.queueNumber));
    case 'already-requested':
      return reply({ step: { name: 'idle' } }, messages.selfService.rescheduleAlreadyRequested(registration.queueNumber, show(refusal.requestedDate)));
    case 'not-after':
    case 'too-late':
      return reply(stay, messages.selfService.rescheduleOutside(show(refusal.confirmed), show(refusal.latest)));
    case 'too-soon':
      return reply(stay, messages.selfService.rescheduleTooSoon(show(refusal.earliest), show(refusal.latest)));
    case 'closed':
      return reply(stay, messages.selfService.rescheduleClosed(show(line.date), refusal.closedReason, show(refusal.earliest), show(refusal.latest)));
  }
}

type Command = 'MENU' | 'STATUS' | 'BATAL' | 'BANTUAN' | 'DATA SAYA' | 'HAPUS DATA';
const COMMANDS: readonly Command[] = ['MENU', 'STATUS', 'BATAL', 'BANTUAN', 'DATA SAYA', 'HAPUS DATA'];
const COMMAND_WORDS: Readonly<Record<string, Command>> = { BANTU: 'BANTUAN', TOLONG: 'BANTUAN', HELP: 'BANTUAN', 'CEK STATUS': 'STATUS' };

/** A word that works at every step, typed or tapped in the menu list. */
function commandOf(input: InboundContent | MediaFailure, exact = false): Command | undefined {
  if (input.kind === 'choice' && input.id.startsWith(MENU_CHOICE_PREFIX)) {
    const id = input.id.slice(MENU_CHOICE_PREFIX.length).toUpperCase();
    return COMMANDS.find((command) => command === id);
  }
  if (input.kind !== 'text') return undefined;
  const keyword = normaliseKeyword(input.text);
  const exactCommand = COMMANDS.find((command) => command === keyword) ?? COMMAND_WORDS[keyword];
  if (exactCommand) return exactCommand;
  // One word with one typo ("STATSU", "BTAL", "MNEU"): never a name or a date, so it cannot be meant otherwise.
  if (exact || !/^[A-Z]{4,8}$/.test(keyword)) return undefined;
  return COMMANDS.filter((command) => !command.includes(' ')).find(
    (command) => Math.abs(command.length - keyword.length) <= 1 && editDistance(keyword, command) <= 1,
  );
}

/** Upper case, single spaces, no surrounding punctuation: "  menu. " → "MENU". */
export function normaliseKeyword(value: string): string {
  return value
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^[\s.!,*_~]+|[\s.!,*_~]+$/g, '')
    .toUpperCase();
}

function unchanged(conversation: Conversation): Decision {
  return { conversation, replies: [], effects: [] };
}

function reply(conversation: Conversation, body: string): Decision {
  return { conversation, replies: [text(body)], effects: [] };
}

function text(body: string): Reply {
  return { type: 'text', body };
}
