/**
 * One message from an applicant, top to bottom: load the session and the facts the decision needs,
 * decide (pure, domain/conversation.ts), carry out the effects that must precede saving, save the
 * decision with its replies (the outbox), send them.
 */
import { lookupsFor, decide, NEW_CONVERSATION, type Conversation, type DecisionContext, type Facts } from '../domain/conversation';
import type { InboundContent } from '../domain/inbound';
import { maskNik } from '../domain/personal-data';
import type { Registration } from '../domain/registration';
import type { RequirementId } from '../domain/services';
import { printableText } from '../domain/text-hygiene';
import { METRICS } from '../metric-names';
import type { ApplicantSession } from '../ports';
import type { InboundEvent } from '../queue-events';
import type { EventHandlingDeps } from './event-handling';
import { forgetHeldDataCopies, heldDataCopyReplies } from './held-data-copy';
import { checkInFacts } from './check-in';
import { carryOutBeforeSaving, dayOf } from './inbound-effects';
import { markRead, saveAndSend, settledSession } from './outbox';
import { rebookingReplies } from './rebook-registration';
import { takeOfferReplies } from './waitlist-replies';

/** `duplicate`: this event was handled already; `registered`: the message completed a registration. */
export type InboundResult = 'answered' | 'duplicate' | { readonly registered: string };

export async function handleInboundMessage(event: InboundEvent, deps: EventHandlingDeps): Promise<InboundResult> {
  // 1. Load: the applicant's session (what an earlier attempt left unsent goes first) and the facts the decision needs.
  const stored = await settledSession(event.applicant.key, deps);
  if (stored?.recentEventIds.includes(event.eventId)) {
    deps.log.info('duplicate event skipped', { eventId: event.eventId });
    return 'duplicate';
  }

  const session = stored ?? newSession(event);
  const now = deps.clock.now();
  const identity = { ...session, ...identityUpdate(session, event) };
  const content = event.content as InboundContent;
  const links = await deps.uploadLinks();
  const context: DecisionContext = {
    now,
    office: deps.office,
    applicant: {
      key: session.key,
      ...(identity.waId ? { waId: identity.waId } : {}),
      ...(identity.userId ? { userId: identity.userId } : {}),
      ...(identity.profileName ? { profileName: identity.profileName } : {}),
    },
    newDraftId: deps.ids.newId(),
    uploadLink: links.link,
    facts: await factsFor(session.conversation, content, now, session.key, deps),
  };
  // 2. Decide (pure); carry out what must happen before the decision is saved, and decide again if a file could not be kept.
  let decision = decide(session.conversation, content, context);
  const failure = await carryOutBeforeSaving(decision.effects, deps, now, event.eventId);
  if (failure) decision = decide(session.conversation, failure, context);
  // DATA SAYA: its PDF copy follows the message as a document.
  decision = { ...decision, replies: [...decision.replies, ...(await heldDataCopyReplies(decision.effects, session.key, deps, now, event.eventId))] };
  // A closed day's date chosen: the move, then the stage 7 text and the new PDF.
  const rebooked = await rebookingReplies(decision.effects, decision.conversation, deps, now);
  const tookOffer = await takeOfferReplies(decision.effects, decision.conversation, deps, now);
  decision = { ...decision, replies: [...decision.replies, ...rebooked.replies, ...tookOffer.replies] };
  // A short link must resolve before the message carrying it can be sent.
  await links.persist();

  // 3. Save the decision with its outbox in one write, then send (saveAndSend).
  const registration = decision.effects.find((effect) => effect.type === 'create-registration')?.registration;
  const fixedNumber = decision.effects.find((effect) => effect.type === 'documents-fixed')?.queueNumber;
  // An officer may have cancelled meanwhile: then there is nothing to move back to PENDING.
  const fixed = fixedNumber && (await deps.registrations.get(fixedNumber))?.status === 'PERLU_PERBAIKAN' ? fixedNumber : undefined;
  const erased = decision.effects.some((effect) => effect.type === 'erase-applicant');
  if (erased) await forgetHeldDataCopies(session.key, deps);
  const saved = await saveAndSend(
    // Erased: only what replying needs stays (the WhatsApp id); the profile name goes with the rest.
    { ...(erased ? withoutProfileName(identity) : identity), lastInboundAt: later(session.lastInboundAt, event.sentAt) },
    event.eventId,
    decision.conversation,
    decision.replies,
    now,
    { ...(registration ? { registration } : {}), ...(fixed ? { fixedRegistration: fixed } : {}) },
    deps,
  );
  if (!saved) return 'duplicate';
  await Promise.all([rebooked.settle(), tookOffer.settle()]);
  // HAPUS DATA: once its confirmation went out, the conversation itself goes (a later message starts afresh).
  if (erased && !(await deps.sessions.forgetIfSettled(session.key)))
    deps.log.info('erased session kept until its replies are sent', { eventId: event.eventId });
  if (registration) {
    deps.metrics.count(METRICS.registrationsCreated);
    deps.log.info('registration created', { queueNumber: registration.queueNumber, nik: maskNik(registration.nik) });
  }
  if (decision.replies.length > 0) await markRead(event.eventId, deps);
  return registration ? { registered: registration.queueNumber } : 'answered';
}

/** Fetches what `decide` will need for this input (domain's `lookupsFor` says what). */
async function factsFor(conversation: Conversation, content: InboundContent, now: Date, applicantKey: string, deps: EventHandlingDeps): Promise<Facts> {
  const lookups = lookupsFor(conversation, content, { now, office: deps.office });
  const [documents, nikHolder, own, day, checkIn] = await Promise.all([
    lookups.draftId ? deps.drafts.listDocuments(lookups.draftId) : undefined,
    lookups.nik ? deps.registrations.findOpenByNik(lookups.nik) : undefined,
    lookups.ownRegistrations ? deps.registrations.listByOwner(applicantKey) : undefined,
    lookups.day ? dayOf(lookups.day, deps) : undefined,
    lookups.checkIn ? checkInFacts(now, deps) : undefined,
  ]);
  const documentsByDraft = lookups.ownDocuments ? await documentsOnFile(own ?? [], conversation, deps) : undefined;
  return {
    ...(own ? { ownRegistrations: own } : {}),
    ...(documentsByDraft ? { documentsByDraft } : {}),
    ...(day ? { requestedDay: day } : {}),
    ...(checkIn ? { checkIn } : {}),
    ...(documents ? { draftRequirements: [...new Set(documents.map((document) => document.requirement))] } : {}),
    ...(lookups.nik ? { nikHolder: nikHolder ?? null } : {}),
    ...(lookups.nik && !nikHolder ? { queueNumber: await deps.registrations.nextQueueNumber(deps.office.queuePrefix) } : {}),
  };
}

/** DATA SAYA: which requirements have documents, for each own registration and each open application. */
async function documentsOnFile(own: readonly Registration[], conversation: Conversation, deps: EventHandlingDeps): Promise<Record<string, RequirementId[]>> {
  const draftIds = [
    ...new Set([
      ...own.map((registration) => registration.draftId),
      ...Object.values(conversation.open ?? {}).flatMap((application) => (application ? [application.draftId] : [])),
    ]),
  ];
  const lists = await Promise.all(draftIds.map((draftId) => deps.drafts.listDocuments(draftId)));
  return Object.fromEntries(draftIds.map((draftId, index) => [draftId, [...new Set((lists[index] ?? []).map((document) => document.requirement))]]));
}

function withoutProfileName(session: ApplicantSession): ApplicantSession {
  const { profileName: _dropped, ...rest } = session;
  return rest;
}

function newSession(event: InboundEvent): ApplicantSession {
  return {
    key: event.applicant.key,
    conversation: NEW_CONVERSATION,
    recentEventIds: [],
    outbox: [],
    version: 0,
  };
}

function identityUpdate(session: ApplicantSession, event: InboundEvent): Partial<ApplicantSession> {
  const { waId, userId } = event.applicant;
  const profileName = printableText(event.applicant.profileName ?? '');
  return {
    ...(event.newWaId ? { waId: event.newWaId } : waId ? { waId } : {}),
    ...(userId ? { userId } : {}),
    ...(profileName ? { profileName } : session.profileName ? { profileName: session.profileName } : {}),
  };
}

function later(a: string | undefined, b: string): string {
  return a && a > b ? a : b;
}
