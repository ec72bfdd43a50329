/**
 * Stage 3 in `web` mode: an applicant, holding a signed upload grant, puts the documents of their service
 * straight into the private bucket (presigned PUTs); each file is checked when it arrives (size, and the
 * magic number of a JPEG, PNG or PDF) before it is recorded on the draft; "Kirim" reports what is missing.
 */
import { ACCEPTED_DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, sniffDocumentType } from '../domain/documents';
import {
  findService,
  REQUIREMENTS,
  serviceIdIn,
  type Requirement,
  type RequirementId,
  type Service,
  type ServiceCatalogue,
  type ServiceId,
} from '../domain/services';
import { printableText } from '../domain/text-hygiene';
import { UPLOAD_PAGE_TEXTS as TEXTS, fillText } from '../domain/texts/upload-page';
import type { BlobStore, Clock, DocumentChange, DraftStore, IdSource, StoredDocument } from '../ports';

/** What the page accepts: the office's document rules (domain/documents.ts), a cap on pages and on upload links. */
export const DOCUMENT_LIMITS = {
  maxBytes: MAX_DOCUMENT_BYTES,
  maxPagesPerRequirement: 10,
  /** Upload links one requirement of a draft may be given: its pages three times over (retries, redos). */
  maxLinksPerRequirement: 30,
  contentTypes: Object.keys(ACCEPTED_DOCUMENT_TYPES),
} as const;

/** How long a presigned PUT stays usable: enough for 5 MB on a slow connection. */
export const UPLOAD_URL_LIFETIME_SECONDS = 600;

/** What a signed upload link allows (an `UploadGrant` fits). */
export interface UploadScope {
  readonly draftId: string;
  readonly serviceId: ServiceId;
  /** Only these requirements (a request for fixes); all of the service's when absent. */
  readonly only?: readonly string[];
  /** When the link was issued (epoch ms): a fix-request link counts only if issued since the request. */
  readonly issuedAt?: number;
}

/** The applicant in a registration's audit trail. */
export const APPLICANT_ACTOR = 'pemohon';

export interface UploadDocumentsDeps {
  readonly drafts: DraftStore;
  /** The office's service catalogue: which requirements a grant's service asks for. */
  readonly services: ServiceCatalogue;
  readonly blobs: BlobStore;
  readonly clock: Clock;
  readonly ids: IdSource;
}

/** A signed grant whose service or requirements this deployment does not know. */
export class InvalidGrantError extends Error {
  override readonly name = 'InvalidGrantError';
}

export type UploadRefusal =
  | 'unknown-requirement'
  | 'unsupported-type'
  | 'too-large'
  | 'empty'
  | 'too-many-pages'
  | 'not-arrived'
  | 'not-what-it-claims'
  | 'too-many-uploads'
  | 'submitted';

/** A file or request the rules refuse; `message` is for the applicant. */
export class UploadRefusedError extends Error {
  override readonly name = 'UploadRefusedError';
  constructor(
    readonly reason: UploadRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** An object key that is not one this grant could have been given. */
export class ForeignKeyError extends Error {
  override readonly name = 'ForeignKeyError';
}

export interface UploadField {
  readonly requirement: Requirement;
  readonly documents: StoredDocument[];
}

export interface UploadPage {
  readonly service: Service;
  /** A request for fixes: only some requirements are asked for again. */
  readonly fix: boolean;
  readonly fields: UploadField[];
}

export interface UploadRequest {
  readonly requirement: string;
  readonly filename: string;
  readonly contentType: string;
  readonly size: number;
}

export interface UploadTicket {
  readonly uploadId: string;
  readonly key: string;
  readonly url: string;
}

export interface ArrivedUpload {
  readonly requirement: string;
  readonly key: string;
  readonly filename: string;
}

export type Submission = { readonly complete: true } | { readonly complete: false; readonly missing: RequirementId[] };

const maxMb = DOCUMENT_LIMITS.maxBytes / (1024 * 1024);

/** The service's requirements this grant asks for, in the service's order. */
export function requestedRequirements(scope: UploadScope, services: ServiceCatalogue): { service: Service; requirements: Requirement[] } {
  // The link's service number, checked against the office's catalogue (a link may outlive a service).
  const serviceId = serviceIdIn(services).safeParse(scope.serviceId);
  const service = serviceId.success ? findService(services, serviceId.data) : undefined;
  if (!service) throw new InvalidGrantError(`unknown service ${scope.serviceId}`);
  const ids = service.requirements.filter((id) => !scope.only || scope.only.includes(id));
  if (ids.length === 0) throw new InvalidGrantError('the grant asks for none of the service requirements');
  return { service, requirements: ids.map((id) => REQUIREMENTS[id]) };
}

export async function showUploadPage(deps: UploadDocumentsDeps, scope: UploadScope): Promise<UploadPage> {
  const { service, requirements } = requestedRequirements(scope, deps.services);
  const documents = await deps.drafts.listDocuments(scope.draftId);
  return {
    service,
    fix: scope.only !== undefined,
    fields: requirements.map((requirement) => ({
      requirement,
      documents: documents.filter((document) => document.requirement === requirement.id),
    })),
  };
}

/**
 * Whether this link may still change the draft. Once its documents belong to a registration, only a link
 * issued for an open request for fixes may, and only for the requirements that request names: an old link
 * cannot swap a document an officer has checked. Resolves to the audit entry's subject for such a change.
 */
export async function changeAllowed(deps: Pick<UploadDocumentsDeps, 'drafts'>, scope: UploadScope): Promise<DocumentChange | undefined> {
  const submission = await deps.drafts.submission(scope.draftId);
  if (!submission) return undefined;
  const fix = submission.fix;
  const forThisFix =
    fix !== undefined &&
    scope.only !== undefined &&
    scope.issuedAt !== undefined &&
    scope.issuedAt >= Date.parse(fix.requestedAt) &&
    scope.only.every((requirement) => fix.requirements.includes(requirement as RequirementId));
  if (!forThisFix) throw new UploadRefusedError('submitted', TEXTS.alreadySubmitted);
  return { queueNumber: submission.queueNumber, actor: APPLICANT_ACTOR };
}

/** Checks what the applicant says they will send and hands out a presigned PUT for it. */
export async function startUpload(deps: UploadDocumentsDeps, scope: UploadScope, request: UploadRequest): Promise<UploadTicket> {
  const requirement = requestedRequirement(scope, deps.services, request.requirement);
  await changeAllowed(deps, scope);
  if (!DOCUMENT_LIMITS.contentTypes.includes(request.contentType)) {
    throw new UploadRefusedError('unsupported-type', TEXTS.wrongType);
  }
  if (request.size <= 0) throw new UploadRefusedError('empty', TEXTS.emptyFile);
  if (request.size > DOCUMENT_LIMITS.maxBytes) throw new UploadRefusedError('too-large', fillText(TEXTS.tooLarge, { maxMb }));
  const pages = (await deps.drafts.listDocuments(scope.draftId)).filter((document) => document.requirement === requirement);
  if (pages.length >= DOCUMENT_LIMITS.maxPagesPerRequirement) {
    throw new UploadRefusedError('too-many-pages', fillText(TEXTS.tooManyPages, { maxPages: DOCUMENT_LIMITS.maxPagesPerRequirement }));
  }
  if (!(await deps.drafts.countUploadLink(scope.draftId, requirement, DOCUMENT_LIMITS.maxLinksPerRequirement))) {
    throw new UploadRefusedError('too-many-uploads', TEXTS.tooManyUploads);
  }
  const uploadId = deps.ids.newId();
  // Under pending/ until checked: a file never completed is deleted by the bucket's lifecycle rule.
  const key = `${pendingPrefix(scope.draftId, requirement)}${uploadId}-${sanitiseFilename(request.filename)}`;
  const url = await deps.blobs.presignedPutUrl(key, request.contentType, request.size, UPLOAD_URL_LIFETIME_SECONDS);
  return { uploadId, key, url };
}

/**
 * "Checked on arrival": the object must exist, be 1 byte to 5 MB, and start like a JPEG, PNG or PDF;
 * anything else is deleted. A good file is recorded on the draft (its type taken from its bytes, not from
 * what the browser said). Answers the requirement's documents, the new one included.
 */
export async function completeUpload(deps: UploadDocumentsDeps, scope: UploadScope, uploadId: string, arrived: ArrivedUpload): Promise<StoredDocument[]> {
  const requirement = requestedRequirement(scope, deps.services, arrived.requirement);
  const ownPrefix = `${pendingPrefix(scope.draftId, requirement)}${uploadId}-`;
  const rest = arrived.key.slice(ownPrefix.length);
  if (!arrived.key.startsWith(ownPrefix) || !/^[A-Za-z0-9._-]{1,100}$/.test(rest) || rest.startsWith('.')) {
    throw new ForeignKeyError('the key is not one this upload was given');
  }
  const change = await changeAllowed(deps, scope);
  const head = await deps.blobs.head(arrived.key);
  if (!head) throw new UploadRefusedError('not-arrived', TEXTS.notArrived);
  if (head.size <= 0 || head.size > DOCUMENT_LIMITS.maxBytes) {
    await deps.blobs.delete(arrived.key);
    throw head.size <= 0 ? new UploadRefusedError('empty', TEXTS.emptyFile) : new UploadRefusedError('too-large', fillText(TEXTS.tooLarge, { maxMb }));
  }
  const contentType = sniffDocumentType(await deps.blobs.readStart(arrived.key, 8));
  // The type it is stored (and would be served) with must be the one its bytes show: an HTML page that
  // starts with `%PDF-` but was put as text/html is not a PDF.
  if (!contentType || storedType(head.contentType) !== contentType) {
    await deps.blobs.delete(arrived.key);
    throw new UploadRefusedError('not-what-it-claims', TEXTS.notWhatItClaims);
  }
  // The page limit, again at the moment of recording: links asked for at once cannot all be completed.
  if (!(await deps.drafts.takePage(scope.draftId, requirement, DOCUMENT_LIMITS.maxPagesPerRequirement))) {
    await deps.blobs.delete(arrived.key);
    throw new UploadRefusedError('too-many-pages', fillText(TEXTS.tooManyPages, { maxPages: DOCUMENT_LIMITS.maxPagesPerRequirement }));
  }
  const key = `${requirementPrefix(scope.draftId, requirement)}${arrived.key.slice(pendingPrefix(scope.draftId, requirement).length)}`;
  try {
    await deps.blobs.move(arrived.key, key);
  } catch (error) {
    await deps.drafts.releasePage(scope.draftId, requirement);
    throw error;
  }
  const now = deps.clock.now();
  await deps.drafts.addDocument(
    scope.draftId,
    {
      requirement,
      key,
      filename: displayName(arrived.filename),
      contentType,
      size: head.size,
      uploadedAt: now.toISOString(),
    },
    now,
    change,
  );
  return (await deps.drafts.listDocuments(scope.draftId)).filter((document) => document.requirement === requirement);
}

/** "Kirim": complete when every requirement of the grant has at least one page. */
export async function submitDocuments(deps: UploadDocumentsDeps, scope: UploadScope): Promise<Submission> {
  const { requirements } = requestedRequirements(scope, deps.services);
  const documents = await deps.drafts.listDocuments(scope.draftId);
  const missing = requirements.map((requirement) => requirement.id).filter((id) => !documents.some((document) => document.requirement === id));
  return missing.length === 0 ? { complete: true } : { complete: false, missing };
}

/** Removes every page of one requirement (a wrong file): the records first, then the objects. */
export async function clearRequirement(deps: UploadDocumentsDeps, scope: UploadScope, requirementId: string): Promise<void> {
  const requirement = requestedRequirement(scope, deps.services, requirementId);
  const change = await changeAllowed(deps, scope);
  const pages = (await deps.drafts.listDocuments(scope.draftId)).filter((document) => document.requirement === requirement);
  await deps.drafts.removeRequirement(scope.draftId, requirement, change ? { ...change, at: deps.clock.now() } : undefined);
  const prefix = requirementPrefix(scope.draftId, requirement);
  for (const page of pages) if (page.key.startsWith(prefix)) await deps.blobs.delete(page.key);
}

/** A file name safe in an object key: ASCII letters, digits, `.`, `_`, `-`; at most 80 characters. */
export function sanitiseFilename(filename: string): string {
  const ascii = filename
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/_{2,}/g, '_')
    .replace(/^[._-]+/, '');
  if (ascii.length <= 80) return ascii || 'berkas';
  const dot = ascii.lastIndexOf('.');
  const extension = dot > 0 && ascii.length - dot <= 8 ? ascii.slice(dot) : '';
  return ascii.slice(0, 80 - extension.length) + extension;
}

/** The name as the applicant's phone gave it, without control or bidi characters, for the page and officers. */
function displayName(filename: string): string {
  return Array.from(printableText(filename)).slice(0, 200).join('').trim() || 'berkas';
}

function storedType(contentType: string | undefined): string {
  return (contentType?.split(';')[0] ?? '').trim().toLowerCase();
}

function requirementPrefix(draftId: string, requirement: RequirementId): string {
  return `documents/${draftId}/${requirement}/`;
}

/** Where a presigned upload lands until it is checked (the bucket forgets it after a day). */
export function pendingPrefix(draftId: string, requirement: RequirementId): string {
  return `pending/${draftId}/${requirement}/`;
}

function requestedRequirement(scope: UploadScope, services: ServiceCatalogue, requirement: string): RequirementId {
  const { requirements } = requestedRequirements(scope, services);
  const found = requirements.find((candidate) => candidate.id === requirement);
  if (!found) throw new UploadRefusedError('unknown-requirement', TEXTS.unknownRequirement);
  return found.id;
}
