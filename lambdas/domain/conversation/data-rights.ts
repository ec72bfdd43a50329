/** DATA SAYA and HAPUS DATA (UU 27/2022): access and erasure. */
import { officeToday, zoneLabelOf } from '../offices';
import { formatDayDate, formatTime } from '../calendar';
import { requirementName } from '../documents';
import { messages } from '../texts';
import { ERASE_CHOICE, erasurePlan } from '../personal-data';
import { findService } from '../services';
import { ownRegistrations, text } from './helpers';
import { describe } from './self-service';
import { type Conversation, type Decision, type DecisionContext } from './types';

/** DATA SAYA: everything held about this WhatsApp account, the NIK by its last four digits only. */
export function showHeldData(conversation: Conversation, context: DecisionContext): Decision {
  const registrations = [...ownRegistrations(context)].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const documents = context.facts?.documentsByDraft ?? {};
  const on = (draftId: string) => (documents[draftId] ?? []).map(requirementName);
  const drafts = Object.entries(conversation.open ?? {}).flatMap(([serviceId, application]) => {
    const held = application ? on(application.draftId) : [];
    const service = findService(context.office.services, Number(serviceId))?.name ?? '';
    return held.length > 0 ? [messages.personalData.heldDraft(serviceId, service, held)] : [];
  });
  const applicant = context.applicant;
  const lines = [
    ...(applicant?.waId ? [messages.personalData.heldWhatsapp(`+${applicant.waId}`), ''] : []),
    ...registrations.map((registration) =>
      messages.personalData.heldRegistration({
        queueNumber: registration.queueNumber,
        service: findService(context.office.services, registration.serviceId)?.name ?? '',
        status: messages.selfService.statusMeaning[registration.status].meaning,
        createdAt: formatDayDate(officeToday(new Date(registration.createdAt), context.office)),
        name: registration.name,
        birth: `${registration.placeOfBirth}, ${formatDayDate(registration.dateOfBirth)}`,
        nikLastFour: registration.nik.slice(-4),
        phone: registration.phone,
        ...(registration.appointmentDate && registration.appointmentTime
          ? { appointment: `${formatDayDate(registration.appointmentDate)}, ${formatTime(registration.appointmentTime, zoneLabelOf(context.office))}` }
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
export function askErase(conversation: Conversation, context: DecisionContext): Decision {
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
export function erase(conversation: Conversation, context: DecisionContext): Decision {
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
