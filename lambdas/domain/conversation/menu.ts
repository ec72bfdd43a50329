/** Stage 1 and 2: the menu, choosing a service (or continuing its application) and its upload link. */
import { officeToday } from '../offices';
import { LINK_REUSE_MIN_REMAINING_MS, UPLOAD_LINK_LIFETIME_MS, requirementName } from '../documents';
import { messages, RESCHEDULE_MENU_NUMBER, type DocumentsHint } from '../texts';
import { type Reply } from '../replies';
import { findService, type RequirementId, type ServiceCatalogue, type ServiceId } from '../services';
import { askConsent, hasCurrentConsent } from '../consent';
import { text } from './helpers';
import { showRescheduleRules } from './self-service';
import {
  type Conversation,
  type Decision,
  type DecisionContext,
  type IssuedLink,
  MENU_CHOICE_PREFIX,
  type MenuChoice,
  type OpenApplication,
  type PageCounts,
  type Step,
} from './types';

export function showMenu(context: DecisionContext): Decision {
  const replies: Reply[] = [text(messages.welcome(context.office))];
  if (context.office.menuAsList) replies.push(menuList(context.office.services));
  return { conversation: { step: { name: 'menu' } }, replies, effects: [] };
}

export function chooseService(choice: MenuChoice, context: DecisionContext, conversation: Conversation): Decision {
  if (choice === RESCHEDULE_MENU_NUMBER) return showRescheduleRules(conversation, context);
  const service = findService(context.office.services, choice);
  if (!service) return showMenu(context);
  if (!hasCurrentConsent(conversation)) return askConsent(conversation, service.id, context.office);
  const existing = conversation.open?.[service.id] ?? gatheringFor(conversation.step, service.id);
  const draftId = existing?.draftId ?? context.newDraftId;
  const mode = context.office.uploadMode;
  const link = mode === 'web' ? currentLink(existing?.link, service.id, draftId, undefined, context) : undefined;
  const hint: DocumentsHint =
    mode === 'web' && link
      ? { mode, uploadUrl: link.url, validUntil: officeToday(new Date(link.expiresAt), context.office) }
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
export function gatheringFor(step: Step, serviceId: ServiceId): OpenApplication | undefined {
  if (step.name !== 'documents' || step.serviceId !== serviceId || step.fixFor) return undefined;
  return { draftId: step.draftId, ...(step.link ? { link: step.link } : {}) };
}

/** The link the applicant already has while it has a day left, else a new one for the same documents. */
export function currentLink(
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

export function menuList(services: ServiceCatalogue): Reply {
  return {
    type: 'list',
    body: messages.menuList.body,
    button: messages.menuList.button,
    sections: [
      {
        title: messages.menuList.sectionTitle,
        rows: [
          ...[
            ...services.map((service) => ({ number: service.id, title: service.listTitle, description: service.menuName })),
            { number: RESCHEDULE_MENU_NUMBER, title: messages.menuList.rescheduleTitle, description: messages.menuList.rescheduleDescription },
          ]
            .sort((a, b) => a.number - b.number)
            .map(({ number, title, description }) => ({ id: `${MENU_CHOICE_PREFIX}${number}`, title, description })),
          { id: `${MENU_CHOICE_PREFIX}status`, title: messages.menuList.statusTitle, description: messages.menuList.statusDescription },
          { id: `${MENU_CHOICE_PREFIX}batal`, title: messages.menuList.cancelTitle, description: messages.menuList.cancelDescription },
          { id: `${MENU_CHOICE_PREFIX}data saya`, title: messages.menuList.dataTitle, description: messages.menuList.dataDescription },
        ],
      },
    ],
  };
}
