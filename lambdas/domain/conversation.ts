/**
 * The applicant's conversation as a pure state machine: (conversation, input, context) → (conversation,
 * replies). No I/O, no clock, no configuration lookups: everything arrives as arguments.
 */
import type { InboundContent } from './inbound';
import { messages, type DocumentsHint } from './messages';
import type { OfficeProfile } from './office';
import type { Reply } from './replies';
import { findService, SERVICES, type ServiceId } from './services';

export type Step =
  | { readonly name: 'idle' }
  | { readonly name: 'menu' }
  | { readonly name: 'documents'; readonly serviceId: ServiceId; readonly draftId: string };

export interface Conversation {
  readonly step: Step;
}

export const NEW_CONVERSATION: Conversation = { step: { name: 'idle' } };

export interface DecisionContext {
  readonly now: Date;
  readonly office: OfficeProfile;
  /** A fresh id for the documents of a new application, made by the caller so this stays pure. */
  readonly newDraftId: string;
  /** The applicant's own signed upload link for a draft (web mode). */
  readonly uploadLink: (serviceId: ServiceId, draftId: string) => string;
}

export interface Decision {
  readonly conversation: Conversation;
  readonly replies: readonly Reply[];
}

export const MENU_CHOICE_PREFIX = 'menu:';

type MenuChoice = ServiceId | 6;

export function decide(conversation: Conversation, input: InboundContent, context: DecisionContext): Decision {
  if (input.kind === 'silent') return { conversation, replies: [] };

  const keyword = input.kind === 'text' ? normaliseKeyword(input.text) : undefined;
  if (keyword === 'MENU') return showMenu(context);

  const step = conversation.step;
  switch (step.name) {
    case 'idle':
      return showMenu(context);
    case 'menu': {
      const choice = menuChoiceOf(input);
      if (choice === undefined) {
        const prompt = input.kind === 'text' || input.kind === 'choice'
          ? messages.prompts.chooseFromMenu
          : messages.prompts.unsupportedAtMenu;
        return { conversation, replies: [text(prompt)] };
      }
      return chooseService(choice, context);
    }
    case 'documents': {
      const choice = menuChoiceOf(input);
      if (choice !== undefined) return chooseService(choice, context);
      return { conversation, replies: [text(documentsPrompt(context.office))] };
    }
  }
}

function showMenu(context: DecisionContext): Decision {
  const replies: Reply[] = [text(messages.welcome(context.office))];
  if (context.office.menuAsList) replies.push(menuList());
  return { conversation: { step: { name: 'menu' } }, replies };
}

function chooseService(choice: MenuChoice, context: DecisionContext): Decision {
  if (choice === 6) {
    return { conversation: { step: { name: 'menu' } }, replies: [text(messages.rescheduleRules())] };
  }
  const service = findService(choice);
  if (!service) return showMenu(context);
  const draftId = context.newDraftId;
  return {
    conversation: { step: { name: 'documents', serviceId: service.id, draftId } },
    replies: [text(messages.requirements(service, documentsHint(context, service.id, draftId)))],
  };
}

function documentsHint(context: DecisionContext, serviceId: ServiceId, draftId: string): DocumentsHint {
  switch (context.office.uploadMode) {
    case 'web':
      return { mode: 'web', uploadUrl: context.uploadLink(serviceId, draftId) };
    case 'form':
      return { mode: 'form', formUrl: context.office.formUrl ?? '' };
    case 'chat':
      return { mode: 'chat' };
  }
}

function documentsPrompt(office: OfficeProfile): string {
  switch (office.uploadMode) {
    case 'web':
      return messages.prompts.documentsWeb;
    case 'form':
      return messages.prompts.documentsForm;
    case 'chat':
      return messages.prompts.documentsChat;
  }
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
        ],
      },
    ],
  };
}

function menuChoiceOf(input: InboundContent): MenuChoice | undefined {
  const raw =
    input.kind === 'text'
      ? input.text
      : input.kind === 'choice' && input.id.startsWith(MENU_CHOICE_PREFIX)
        ? input.id.slice(MENU_CHOICE_PREFIX.length)
        : undefined;
  const match = raw?.trim().match(/^([1-6])[.)]?$/);
  return match ? (Number(match[1]) as MenuChoice) : undefined;
}

/** Upper case, single spaces, no surrounding punctuation: "  menu. " → "MENU". */
export function normaliseKeyword(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^[\s.!,*_~]+|[\s.!,*_~]+$/g, '')
    .toUpperCase();
}

function text(body: string): Reply {
  return { type: 'text', body };
}
