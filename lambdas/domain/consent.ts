/**
 * The notice and consent step (UU 27/2022): before the first personal data is asked for (choosing a
 * service gives the upload link or asks for the first document), the applicant reads one short notice and
 * agrees or not. The agreement is kept on the conversation with the notice's version and copied onto each
 * registration made under it. Pure, like the conversation it hooks into.
 */
import type { Conversation, Decision, Step } from './conversation';
import type { InboundContent } from './inbound';
import type { OfficeProfile } from './office';
import type { ConsentRecord } from './personal-data';
import type { ServiceId } from './services';
import { consentTexts, PRIVACY_NOTICE_VERSION } from './texts/consent-and-corrections';

export const CONSENT_CHOICE = { agree: 'consent:yes', refuse: 'consent:no' } as const;

export type ConsentStep = Extract<Step, { name: 'consent' }>;

/** Agreed to the notice as it reads now: an older version's agreement asks again. */
export function hasCurrentConsent(conversation: Conversation): boolean {
  return conversation.consent?.version === PRIVACY_NOTICE_VERSION;
}

/** The notice with its two buttons; the service chosen waits in the step until the answer. */
export function askConsent(conversation: Conversation, serviceId: ServiceId, office: OfficeProfile): Decision {
  return {
    conversation: { ...conversation, step: { name: 'consent', serviceId } },
    replies: [noticeReply(office)],
    effects: [],
  };
}

/** SETUJU / TIDAK typed (any case) or tapped; anything else is no answer. */
export function consentAnswerOf(input: InboundContent | { readonly kind: string }): 'agree' | 'refuse' | undefined {
  if (input.kind === 'choice' && 'id' in input) {
    if (input.id === CONSENT_CHOICE.agree) return 'agree';
    if (input.id === CONSENT_CHOICE.refuse) return 'refuse';
    return undefined;
  }
  if (input.kind !== 'text' || !('text' in input)) return undefined;
  const word = input.text
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^[\s.!,*_~]+|[\s.!,*_~]+$/g, '')
    .toUpperCase();
  if (word === 'SETUJU' || word === 'YA SETUJU') return 'agree';
  if (word === 'TIDAK' || word === 'TIDAK SETUJU') return 'refuse';
  return undefined;
}

/**
 * The answer to the notice: agreed, the service chosen goes on (`proceed`) with the agreement recorded;
 * refused, nothing is kept and the applicant hears how to come back; anything else asks again (no
 * document or registration line is taken in this step).
 */
export function answerConsent(
  conversation: Conversation,
  step: ConsentStep,
  input: InboundContent,
  context: { readonly now: Date; readonly office: OfficeProfile },
  proceed: (agreed: Conversation) => Decision,
): Decision {
  const answer = consentAnswerOf(input);
  if (answer === 'agree') {
    const consent: ConsentRecord = { version: PRIVACY_NOTICE_VERSION, at: context.now.toISOString() };
    const next = proceed({ ...conversation, consent, step: { name: 'menu' } });
    return { ...next, conversation: { ...next.conversation, consent } };
  }
  if (answer === 'refuse') {
    return { conversation: { ...conversation, step: { name: 'idle' } }, replies: [{ type: 'text', body: consentTexts.refused(step.serviceId) }], effects: [] };
  }
  return {
    conversation,
    replies: [{ type: 'text', body: consentTexts.stillWaiting }, noticeReply(context.office)],
    effects: [],
  };
}

/**
 * The agreement outlives every step (decisions often start a conversation afresh) but not an erasure; a
 * registration created under it carries a copy, so the officers' page shows what the applicant agreed to.
 */
export function withConsentKept(before: Conversation, decision: Decision): Decision {
  const erased = decision.effects.some((effect) => effect.type === 'erase-applicant');
  const consent = erased ? undefined : (decision.conversation.consent ?? before.consent);
  const registers = decision.effects.some((effect) => effect.type === 'create-registration');
  // Nothing to carry: the decision stays as it is (a silent input keeps the very same conversation).
  if (consent === decision.conversation.consent && !(consent && registers)) return decision;
  const { consent: _dropped, ...rest } = decision.conversation;
  const effects = consent
    ? decision.effects.map((effect) =>
        effect.type === 'create-registration' && !effect.registration.consent ? { ...effect, registration: { ...effect.registration, consent } } : effect,
      )
    : decision.effects;
  return { ...decision, conversation: consent ? { ...rest, consent } : rest, effects };
}

function noticeReply(office: OfficeProfile): Decision['replies'][number] {
  return {
    type: 'buttons',
    body: consentTexts.notice(office),
    buttons: [
      { id: CONSENT_CHOICE.agree, title: consentTexts.agreeTitle },
      { id: CONSENT_CHOICE.refuse, title: consentTexts.refuseTitle },
    ],
  };
}
