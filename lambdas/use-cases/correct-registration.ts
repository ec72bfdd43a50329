/**
 * UBAH DATA carried out: the applicant's corrected values on the registration as it is now, with the
 * NIK guard moved and the correction in the history and among the data requests. A registration an
 * officer confirmed meanwhile, or a NIK taken meanwhile, sends the event round again: the conversation
 * then decides on the new facts.
 */
import type { Effect } from '../domain/conversation';
import { correctionDetail, corrected, CORRECTABLE_STATUSES, sameData } from '../domain/corrections';
import { maskNik } from '../domain/personal-data';
import { ConcurrentUpdateError } from '../errors';
import type { EventHandlingDeps } from './event-handling';

/** The history's name for a correction (the officers' page shows it in words). */
export const CORRECTION_ACTION = 'data-corrected';

export async function correctRegistration(
  effect: Extract<Effect, { type: 'correct-registration' }>,
  deps: EventHandlingDeps,
  now: Date,
  eventId: string,
): Promise<void> {
  const current = await deps.registrations.getVersioned(effect.queueNumber);
  if (!current) return;
  const before = current.registration;
  // Already applied by an earlier attempt of this event: nothing to do twice.
  if (sameData(before, effect.form)) return;
  if (!CORRECTABLE_STATUSES.includes(before.status)) throw new ConcurrentUpdateError(effect.queueNumber);
  const after = corrected(before, effect.form);
  const result = await deps.registrations.correct({
    registration: after,
    previousNik: before.nik,
    version: current.version,
    audit: { actor: 'pemohon', action: CORRECTION_ACTION, detail: correctionDetail(before, after) },
    now,
  });
  if (result !== 'applied') throw new ConcurrentUpdateError(effect.queueNumber);
  await deps.registrations.recordDataRequest({
    id: eventId,
    kind: 'correction',
    at: now.toISOString(),
    queueNumbers: [effect.queueNumber],
    outcome: 'corrected',
  });
  deps.log.info('registration corrected by the applicant', { queueNumber: effect.queueNumber, nik: maskNik(after.nik) });
}
