/**
 * DATA SAYA's PDF copy: rendered from the very message the applicant reads (never a full NIK), kept under
 * `pending/` (the bucket forgets it after a day) and sent as a document behind a presigned link that works
 * for an hour, as the proof is.
 */
import { createHash } from 'node:crypto';
import type { Effect } from '../domain/conversation';
import type { Reply } from '../domain/replies';
import { heldDataCopyTexts } from '../domain/texts/consent-and-corrections';
import type { EventHandlingDeps } from './event-handling';

/** Long enough for Meta to fetch the file (and a retry), short enough to be no lasting way in. */
export const HELD_DATA_LINK_SECONDS = 60 * 60;

/** Under `pending/`, by a hash of the applicant (no number in a key) and the event (a retry writes the same object). */
export function heldDataCopyKey(applicantKey: string, eventId: string): string {
  return `${copiesOf(applicantKey)}${eventId.replace(/[^\w.-]/g, '_')}.pdf`;
}

function copiesOf(applicantKey: string): string {
  return `pending/data-copies/${createHash('sha256').update(applicantKey).digest('hex').slice(0, 32)}/`;
}

/** HAPUS DATA: the copies made for this applicant go with the rest (the bucket would forget them within a day anyway). */
export async function forgetHeldDataCopies(applicantKey: string, deps: Pick<EventHandlingDeps, 'blobs'>): Promise<void> {
  await deps.blobs.deletePrefix(copiesOf(applicantKey));
}

export async function heldDataCopyReplies(
  effects: readonly Effect[],
  applicantKey: string,
  deps: Pick<EventHandlingDeps, 'blobs' | 'office'>,
  now: Date,
  eventId: string,
): Promise<Reply[]> {
  const copy = effects.find((effect) => effect.type === 'held-data-copy');
  if (!copy) return [];
  // pdf-lib loads with the first copy only, as with the proof.
  const { renderHeldDataPdf } = await import('../domain/held-data-pdf');
  const bytes = await renderHeldDataPdf({ officeName: deps.office.officeName, office: deps.office, text: copy.text, generatedAt: now });
  const key = heldDataCopyKey(applicantKey, eventId);
  await deps.blobs.put(key, bytes, 'application/pdf');
  const link = await deps.blobs.presignedGetUrl(key, HELD_DATA_LINK_SECONDS, heldDataCopyTexts.filename, 'application/pdf');
  return [{ type: 'document', link, filename: heldDataCopyTexts.filename, caption: heldDataCopyTexts.caption(HELD_DATA_LINK_SECONDS / 3600) }];
}
