/**
 * What an applicant's message changes outside the conversation, carried out before the decision is
 * saved: documents fetched from Meta and stored, pages removed, the applicant's own cancel or move, an
 * erasure on the applicant's request and the record of a data request.
 */
import { createHash } from 'node:crypto';
import type { Effect, MediaFailure } from '../domain/conversation';
import { MAX_DOCUMENT_BYTES, sniffDocumentType } from '../domain/documents';
import { isOpen } from '../domain/registration';
import { cancelledByApplicant, checkRescheduleRequest, rescheduleRequested } from '../domain/reschedule';
import { dayState, type DayState } from '../domain/schedule';
import { ConcurrentUpdateError, MediaRejectedError } from '../errors';
import type { DocumentChange } from '../ports';
import type { EventHandlingDeps } from './event-handling';
import { checkIn } from './check-in';
import { recordSatisfaction } from './record-satisfaction';
import { correctRegistration } from './correct-registration';
import { offerFreedPlace } from './offer-freed-place';
import { recordAttendance } from './record-attendance';
import { changeWaitlist } from './waitlist-replies';
import { deleteRegistrationFiles } from './purge-closed-registrations';

/**
 * Media and page removals happen before the decision is saved, idempotently (the object key comes from
 * Meta's media id), so a retry repeats them harmlessly. Media that can never be stored comes back as a
 * failure for the conversation to explain.
 */
export async function carryOutBeforeSaving(effects: readonly Effect[], deps: EventHandlingDeps, now: Date, eventId: string): Promise<MediaFailure | undefined> {
  for (const effect of effects) {
    if (effect.type === 'erase-applicant') {
      await eraseApplicant(effect, deps, now);
    } else if (effect.type === 'record-data-request') {
      // The event's id makes it one record however often the event is retried.
      await deps.registrations.recordDataRequest({
        id: eventId,
        kind: effect.kind,
        at: now.toISOString(),
        queueNumbers: effect.queueNumbers,
        outcome: effect.outcome,
      });
    } else if (effect.type === 'check-in') {
      await checkIn(effect, deps);
    } else if (effect.type === 'record-satisfaction') {
      await recordSatisfaction(effect, deps, now);
    } else if (effect.type === 'correct-registration') {
      await correctRegistration(effect, deps, now, eventId);
    } else if (effect.type === 'waitlist') {
      await changeWaitlist(effect, deps, now);
    } else if (effect.type === 'record-attendance') {
      await recordAttendance(effect, deps, now);
    } else if (effect.type === 'applicant-cancel' || effect.type === 'applicant-reschedule') {
      await changeRegistration(effect, deps, now);
    } else if (effect.type === 'clear-requirement') {
      const change = await documentChangeOf(effect.draftId, deps);
      await deps.drafts.removeRequirement(effect.draftId, effect.requirement, change ? { ...change, at: now } : undefined);
    } else if (effect.type === 'store-media') {
      try {
        await storeMedia(effect, deps, now);
      } catch (error) {
        if (error instanceof MediaRejectedError) {
          return { kind: 'media-failed', reason: error.reason, ...(error.size !== undefined ? { size: error.size } : {}) };
        }
        throw error;
      }
    }
  }
  return undefined;
}

/**
 * HAPUS DATA: files first, records last, each step idempotent, so a retry after a fault finishes the job.
 * Only registrations closed now are erased: one reopened meanwhile stays.
 */
async function eraseApplicant(effect: Extract<Effect, { type: 'erase-applicant' }>, deps: EventHandlingDeps, now: Date): Promise<void> {
  for (const queueNumber of effect.queueNumbers) {
    const registration = await deps.registrations.get(queueNumber);
    if (!registration || isOpen(registration.status)) continue;
    await deleteRegistrationFiles(registration, deps.blobs);
    await deps.registrations.erase(registration, now);
  }
  for (const draftId of effect.draftIds) {
    await deps.blobs.deletePrefix(`documents/${draftId}/`);
    await deps.blobs.deletePrefix(`pending/${draftId}/`);
    await deps.drafts.forget(draftId);
  }
  deps.log.info('applicant data erased on request', { registrations: effect.queueNumbers.length, drafts: effect.draftIds.length });
}

/**
 * BATAL and Ubah jadwal, applied to the registration as it is now (an officer may have acted since the
 * applicant's list was read); already applied on a retry, or no longer possible, it changes nothing.
 */
async function changeRegistration(
  effect: Extract<Effect, { type: 'applicant-cancel' | 'applicant-reschedule' }>,
  deps: EventHandlingDeps,
  now: Date,
): Promise<void> {
  const current = await deps.registrations.getVersioned(effect.queueNumber);
  if (!current) return;
  const registration = current.registration;
  let change;
  if (effect.type === 'applicant-cancel') {
    if (!isOpen(registration.status)) return;
    change = cancelledByApplicant(registration);
  } else {
    if (registration.status !== 'DIKONFIRMASI') return;
    if (checkRescheduleRequest(registration, await dayOf(effect.date, deps), now, deps.office)) return;
    change = rescheduleRequested(registration, effect.date);
  }
  const result = await deps.registrations.applyOutcome({
    outcome: change,
    version: current.version,
    actor: 'pemohon',
    now,
    dayCapacity: () => deps.office.dayCapacity,
  });
  if (result !== 'applied') throw new ConcurrentUpdateError(effect.queueNumber);
  if (change.releaseDay)
    await offerFreedPlace(change.releaseDay, {
      store: deps.registrations,
      clock: deps.clock,
      log: { error: (message, fields) => deps.log.warn(message, fields) },
    });
}

export async function dayOf(date: string, deps: EventHandlingDeps): Promise<DayState> {
  const stored = await deps.registrations.getDay(date);
  return dayState(date, stored.booked, stored.override, deps.office, deps.holidays);
}

async function storeMedia(effect: Extract<Effect, { type: 'store-media' }>, deps: EventHandlingDeps, now: Date): Promise<void> {
  const media = await deps.media.fetchMedia(effect.mediaId, MAX_DOCUMENT_BYTES);
  if (media.bytes.length > MAX_DOCUMENT_BYTES) throw new MediaRejectedError('too-large', media.bytes.length);
  if (effect.sha256 && !matchesSha256(media.bytes, effect.sha256)) throw new MediaRejectedError('unavailable');
  const actualType = sniffDocumentType(media.bytes);
  if (!actualType) throw new MediaRejectedError('wrong-type');
  await deps.blobs.put(effect.key, media.bytes, actualType);
  await deps.drafts.addDocument(
    effect.draftId,
    {
      requirement: effect.requirement,
      key: effect.key,
      filename: effect.filename,
      contentType: actualType,
      size: media.bytes.length,
      uploadedAt: now.toISOString(),
    },
    now,
    await documentChangeOf(effect.draftId, deps),
  );
}

/** A draft already handed in with a registration: a change of its documents goes into the audit trail. */
async function documentChangeOf(draftId: string, deps: EventHandlingDeps): Promise<DocumentChange | undefined> {
  const submission = await deps.drafts.submission(draftId);
  return submission ? { queueNumber: submission.queueNumber, actor: 'pemohon' } : undefined;
}

/** Meta gives the SHA-256 of the file, base64 in current payloads, hex in older ones. */
function matchesSha256(bytes: Uint8Array, expected: string): boolean {
  const digest = createHash('sha256').update(bytes).digest();
  return expected === digest.toString('base64') || expected.toLowerCase() === digest.toString('hex');
}
