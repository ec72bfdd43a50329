/**
 * The retention sweeper (docs/behaviour.md "Data protection"): documents and registration data are kept for
 * `RETENTION_DAYS` counted from the registration's close, then deleted: the applicant's uploaded files
 * (`documents/<draft id>/…`), the PDF proofs (`proofs/<queue>/…`), the registration with its audit trail
 * and delivery states, and the draft. Files first, the registration last, so a sweep that stops halfway
 * finds the rest the next day. Runs daily with the reminder job; the bucket's lifecycle rule is a backstop.
 */
import { DAY_MS } from '../domain/calendar';
import type { Registration } from '../domain/registration';
import type { BlobStore, OfficeRegistrationStore } from '../ports';

export interface PurgeDeps {
  readonly registrations: Pick<OfficeRegistrationStore, 'listClosedBefore' | 'purge'>;
  readonly blobs: Pick<BlobStore, 'deletePrefix'>;
  readonly retentionDays: number;
  readonly clock: { now(): Date };
  readonly log: { info(message: string, fields: Record<string, unknown>): void };
}

export interface PurgeRun {
  readonly cutoff: string;
  readonly registrations: number;
  readonly files: number;
}

export async function purgeClosedRegistrations(deps: PurgeDeps): Promise<PurgeRun> {
  const cutoff = new Date(deps.clock.now().getTime() - deps.retentionDays * DAY_MS).toISOString();
  const due = await deps.registrations.listClosedBefore(cutoff);
  let files = 0;
  for (const registration of due) {
    files += await deleteRegistrationFiles(registration, deps.blobs);
    await deps.registrations.purge(registration);
    deps.log.info('registration purged after its retention period', { queueNumber: registration.queueNumber });
  }
  return { cutoff, registrations: due.length, files };
}

/** A registration's uploaded documents and its PDF proofs; resolves to how many files went. */
export async function deleteRegistrationFiles(registration: Registration, blobs: Pick<BlobStore, 'deletePrefix'>): Promise<number> {
  return (await blobs.deletePrefix(`documents/${registration.draftId}/`)) + (await blobs.deletePrefix(`proofs/${registration.queueNumber}/`));
}
