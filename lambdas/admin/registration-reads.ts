/**
 * The registrations API's reading part: the lists (filtered by status, day or a search), one registration
 * with short-lived document links, its history and what was sent, and the record of an officer's look.
 */
import { OPEN_STATUSES, REGISTRATION_STATUSES, type Registration, type RegistrationStatus } from '../domain/registration';
import { REQUIREMENTS } from '../domain/services';
import { officerInput } from '../domain/officer-input';
import { printableText } from '../domain/text-hygiene';
import type { AuditEntry, OfficeRegistrationStore } from '../ports';
import type { ListQuery, Officer, RegistrationsApiDeps } from './officer-api';
import { deliveryName, nextPendingAfter, registrationView, type RegistrationView } from './registration-view';
import { malformed, notFound, ok } from './results';

/** Officers see documents through links that live at least this long (and at most twice: see `documentLink`). */
export const DOCUMENT_LINK_SECONDS = 300;
/** Registrations an officer still has to look at the documents of. */
const DOCUMENTS_COUNTED: ReadonlySet<RegistrationStatus> = new Set(['PENDING', 'PERLU_PERBAIKAN']);

export function createRegistrationReads(deps: RegistrationsApiDeps) {
  const now = () => deps.clock.now();
  const view = (registration: Registration): RegistrationView => registrationView(registration, now(), deps.office.services, deps.officeRef);

  async function openRegistrations(): Promise<Registration[]> {
    const lists = await Promise.all(OPEN_STATUSES.map((status) => deps.store.listByStatus(status)));
    return lists.flat();
  }

  /** One look at a registration's documents, for its history (none when it has no documents). */
  function documentsViewed(count: number, officer: Officer): AuditEntry | undefined {
    return count > 0 ? { at: now().toISOString(), actor: officer.username, action: 'documents-viewed', detail: `${count} berkas` } : undefined;
  }

  async function list(query: ListQuery) {
    if (query.status && !REGISTRATION_STATUSES.includes(query.status as RegistrationStatus)) {
      return malformed(`status harus salah satu dari ${REGISTRATION_STATUSES.join(', ')}`);
    }
    if (query.date && !officerInput.isoDate.safeParse(query.date).success) return malformed('tanggal harus YYYY-MM-DD');
    let registrations: Registration[];
    if (query.date) {
      registrations = await deps.store.listByDay(query.date);
      if (query.status) registrations = registrations.filter((registration) => registration.status === query.status);
    } else if (query.status) {
      registrations = await deps.store.listByStatus(query.status as RegistrationStatus);
    } else {
      registrations = await openRegistrations();
    }
    if (query.q) registrations = await search(query.q, registrations, deps.store, Boolean(query.status || query.date));
    registrations.sort((a, b) =>
      query.date ? `${a.appointmentTime}${a.queueNumber}`.localeCompare(`${b.appointmentTime}${b.queueNumber}`) : a.createdAt.localeCompare(b.createdAt),
    );
    if (!query.documentCount) return ok(registrations.map(view));
    const counted = await Promise.all(
      registrations.map(async (registration) =>
        DOCUMENTS_COUNTED.has(registration.status)
          ? { ...view(registration), documentCount: (await deps.drafts.listDocuments(registration.draftId)).length }
          : view(registration),
      ),
    );
    return ok(counted);
  }

  /** The same link for every page made in one period: a document fetched ahead of time comes from the browser's cache. */
  function documentLink(document: { key: string; filename: string; contentType: string }): Promise<string> {
    return deps.blobs.presignedGetUrl(document.key, DOCUMENT_LINK_SECONDS, document.filename, document.contentType, { cacheable: true });
  }

  /** The links of a registration's pictures, as its review screen shows them. */
  async function pictureLinks(queueNumber: string): Promise<string[]> {
    const registration = await deps.store.get(queueNumber);
    if (!registration) return [];
    const documents = await deps.drafts.listDocuments(registration.draftId);
    return Promise.all(documents.filter((document) => document.contentType.startsWith('image/')).map(documentLink));
  }

  async function get(queueNumber: string, officer: Officer, options?: { recordView?: boolean }) {
    const registration = await deps.store.get(queueNumber);
    if (!registration) return notFound(queueNumber);
    const [documents, submission] = await Promise.all([deps.drafts.listDocuments(registration.draftId), deps.drafts.submission(registration.draftId)]);
    const links = await Promise.all(
      documents.map(async (document) => ({
        // A page handed in after the registration (a fix, or a change in the chat): officers check it again.
        ...(submission && document.uploadedAt > submission.submittedAt ? { addedAfterSubmission: true } : {}),
        requirement: document.requirement,
        requirementName: REQUIREMENTS[document.requirement]?.shortName ?? document.requirement,
        // Stored before names were cleaned on arrival: never shown with a bidi override.
        name: printableText(document.filename) || 'berkas',
        contentType: document.contentType,
        size: document.size,
        uploadedAt: document.uploadedAt,
        url: await documentLink(document),
      })),
    );
    // The view is recorded while the history is read; it is added to what is shown when the read missed it.
    const viewed = options?.recordView === false ? undefined : documentsViewed(links.length, officer);
    const [stored, deliveries] = await Promise.all([
      deps.store.history(queueNumber),
      deps.deliveries.listForRegistration(queueNumber),
      viewed ? deps.store.addAudit(queueNumber, viewed) : undefined,
    ]);
    const history =
      viewed && !stored.some((entry) => entry.at === viewed.at && entry.actor === viewed.actor && entry.action === viewed.action)
        ? [...stored, viewed]
        : stored;
    return ok({
      ...view(registration),
      consent: registration.consent ?? null,
      documents: links,
      history,
      deliveries: deliveries.map((delivery) => ({
        ...delivery,
        what: deliveryName(delivery.kind) ?? delivery.kind,
        ...(delivery.errorCode !== undefined ? { error: `Gagal terkirim (${delivery.errorCode}): ${delivery.errorTitle ?? ''}` } : {}),
      })),
    });
  }

  async function recordView(queueNumber: string, officer: Officer) {
    const [registration, pending] = await Promise.all([deps.store.get(queueNumber), deps.store.listByStatus('PENDING')]);
    if (!registration) return notFound(queueNumber);
    const viewed = documentsViewed((await deps.drafts.listDocuments(registration.draftId)).length, officer);
    if (viewed) await deps.store.addAudit(queueNumber, viewed);
    // The page was made ahead of time: what comes after it may have been decided since.
    const next = nextPendingAfter(queueNumber, pending);
    return ok({ recorded: Boolean(viewed), next: next ? { queueNumber: next.queueNumber, name: next.name } : null });
  }

  return { list, get, pictureLinks, recordView };
}

async function search(q: string, candidates: Registration[], store: OfficeRegistrationStore, filtered: boolean): Promise<Registration[]> {
  const query = q.trim().toLowerCase();
  const exact = /^[a-z]{2,6}-\d{3,}$/i.test(query) ? await store.get(query.toUpperCase()) : undefined;
  const matches = candidates.filter(
    (registration) =>
      registration.queueNumber.toLowerCase() === query ||
      registration.nik.includes(query.replace(/\s/g, '')) ||
      registration.name.toLowerCase().includes(query),
  );
  if (exact && !filtered && !matches.some((registration) => registration.queueNumber === exact.queueNumber)) matches.unshift(exact);
  return matches;
}
