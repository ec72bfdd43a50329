/** Applicants' documents: drafts, stored files, short links and the private bucket. */
import type { RequirementId } from '../domain/services';

/** A file an applicant gave for one requirement (one page of it). */
export interface StoredDocument {
  readonly requirement: RequirementId;
  /** Object key in the private bucket. */
  readonly key: string;
  readonly filename: string;
  readonly contentType: string;
  readonly size: number;
  readonly uploadedAt: string;
}

/**
 * A draft whose documents belong to a registration: from then on they change only through a request for
 * fixes (`fix`, while one is open), and every change is in the registration's audit trail.
 */
export interface DraftSubmission {
  readonly queueNumber: string;
  readonly submittedAt: string;
  /** The officer's open request for fixes: only these requirements, only with a link issued since. */
  readonly fix?: { readonly requirements: readonly RequirementId[]; readonly requestedAt: string };
}

/** Who changed a submitted draft's documents, for the registration's audit trail. */
export interface DocumentChange {
  readonly queueNumber: string;
  readonly actor: string;
}

/** Short upload links (`/u/<code>`): the code stands for a signed token, kept a while after the token expires. */
export interface ShortLinkStore {
  save(code: string, token: string, expiresAt: number): Promise<void>;
  find(code: string): Promise<string | undefined>;
}

/** The documents of an application (a draft), before and after it becomes a registration. */
export interface DraftStore {
  /** With `change`, the draft belongs to a registration: the change is also written to its audit trail. */
  addDocument(draftId: string, document: StoredDocument, now: Date, change?: DocumentChange): Promise<void>;
  listDocuments(draftId: string): Promise<StoredDocument[]>;
  /** Deletes the draft's records (its documents' objects are the blob store's). */
  forget(draftId: string): Promise<void>;
  removeRequirement(draftId: string, requirement: RequirementId, change?: DocumentChange & { readonly at: Date }): Promise<void>;
  /** The registration the draft's documents belong to, if any. */
  submission(draftId: string): Promise<DraftSubmission | undefined>;
  /** Counts one more upload link for a requirement; false (nothing counted) once `cap` were handed out. */
  countUploadLink(draftId: string, requirement: RequirementId, cap: number): Promise<boolean>;
  /** Takes one of a requirement's `maxPages` places in one conditional write; false when all are taken. */
  takePage(draftId: string, requirement: RequirementId, maxPages: number): Promise<boolean>;
  /** Gives a place back (a file refused after it had taken one). */
  releasePage(draftId: string, requirement: RequirementId): Promise<void>;
}

/** The private bucket. */
export interface BlobStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  head(key: string): Promise<{ size: number; contentType?: string } | undefined>;
  /** The first `length` bytes, to check what a file really is. */
  readStart(key: string, length: number): Promise<Uint8Array>;
  get(key: string): Promise<Uint8Array>;
  delete(key: string): Promise<void>;
  /** Moves an object to another key (copy, then delete the original). */
  move(from: string, to: string): Promise<void>;
  /**
   * A short-lived GET link answered with `contentType` and, unless it is a photo or PDF, as a download.
   * `cacheable`: the same link for every call in a period of `expiresInSeconds` (valid at least that long),
   * which the browser may keep in its cache.
   */
  presignedGetUrl(key: string, expiresInSeconds: number, filename?: string, contentType?: string, options?: { cacheable?: boolean }): Promise<string>;
  /** A PUT link for exactly `contentLength` bytes of `contentType` (S3 refuses any other length). */
  presignedPutUrl(key: string, contentType: string, contentLength: number, expiresInSeconds: number): Promise<string>;
  /** Deletes every object whose key starts with `prefix`; resolves to how many there were. */
  deletePrefix(prefix: string): Promise<number>;
}

/** An applicant's photo or PDF, fetched from WhatsApp. */
export interface MediaSource {
  fetchMedia(mediaId: string, maxBytes: number): Promise<{ bytes: Uint8Array; mimeType: string; sha256?: string }>;
}
