/** Stage 3: documents, by link (web), form, or one file at a time in the chat. */
import { officeToday } from '../offices';
import { printableText } from '../text-hygiene';
import { extensionOf, isAcceptedDocumentType, MAX_DOCUMENT_BYTES, requirementName, requirementNamedBy } from '../documents';
import { type InboundContent } from '../inbound';
import { messages } from '../texts';
import { looksLikeRegistration } from '../registration-form';
import { type RequirementId, type Service, type ServiceCatalogue } from '../services';
import { firstRequirement, reply, serviceOf, text } from './helpers';
import { chooseService, currentLink } from './menu';
import { askForRegistration, register, registerForm } from './registration';
import { type Conversation, type Decision, type DecisionContext, type DocumentsStep, type MediaFailure, type PageCounts, type Step } from './types';
import { cannotRead, menuChoiceOf, readable } from './words';

export function inDocuments(before: Conversation, step: DocumentsStep, input: InboundContent, keyword: string | undefined, context: DecisionContext): Decision {
  const conversation: Conversation = { ...before, step };
  const service = serviceOf(step, context.office.services);
  const mode = context.office.uploadMode;
  const choice = menuChoiceOf(input, context.office.services);
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
        messages.documents.incomplete(missing.map(requirementName), {
          mode,
          uploadUrl: link.url,
          validUntil: officeToday(new Date(link.expiresAt), context.office),
        }),
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
    const hint = { mode, uploadUrl: link.url, validUntil: officeToday(new Date(link.expiresAt), context.office) } as const;
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

export function receiveMedia(step: DocumentsStep, service: Service, input: Extract<InboundContent, { kind: 'media' }>): Decision {
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

export function mediaFailed(conversation: Conversation, failure: MediaFailure, services: ServiceCatalogue): Decision {
  const step = conversation.step;
  const service = step.name === 'documents' ? serviceOf(step, services) : undefined;
  const name = requirementName(step.name === 'documents' ? (step.appendTo ?? step.asking ?? step.last ?? firstRequirement(service!)) : 'ktp');
  const body =
    failure.reason === 'too-large'
      ? messages.documents.tooLarge(name, ((failure.size ?? MAX_DOCUMENT_BYTES) / (1024 * 1024)).toFixed(1))
      : failure.reason === 'wrong-type'
        ? messages.documents.wrongType(name)
        : messages.documents.unavailable(name);
  return reply(conversation, body);
}

export function neededRequirements(step: DocumentsStep, service: Service): readonly RequirementId[] {
  return step.fixFor?.requirements ?? service.requirements;
}

export function missingRequirements(step: DocumentsStep, service: Service, context: DecisionContext): RequirementId[] {
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
