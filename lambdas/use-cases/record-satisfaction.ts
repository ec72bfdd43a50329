/**
 * The satisfaction answer (or comment) kept on its registration before the decision is saved, with a
 * history line. Only for a registration that ended SELESAI; a retry writing the same answer changes nothing.
 */
import type { Effect } from '../domain/conversation';
import { SATISFACTION_TEXTS } from '../domain/texts/day-of';
import { ConcurrentUpdateError } from '../errors';
import type { EventHandlingDeps } from './event-handling';

export async function recordSatisfaction(effect: Extract<Effect, { type: 'record-satisfaction' }>, deps: EventHandlingDeps, now: Date): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const current = await deps.registrations.getVersioned(effect.queueNumber);
    if (!current || current.registration.status !== 'SELESAI') return;
    const registration = current.registration;
    const rating = effect.rating ?? registration.satisfaction;
    const comment = effect.comment ?? registration.satisfactionComment;
    if (rating === registration.satisfaction && comment === registration.satisfactionComment) return;
    const result = await deps.registrations.applyOutcome({
      outcome: {
        registration: {
          ...registration,
          ...(rating !== undefined ? { satisfaction: rating } : {}),
          ...(comment !== undefined ? { satisfactionComment: comment } : {}),
        },
        audit: { action: 'satisfaction', detail: effect.rating !== undefined ? SATISFACTION_TEXTS.audit(effect.rating) : SATISFACTION_TEXTS.auditComment },
        releaseNik: false,
      },
      version: current.version,
      actor: 'pemohon',
      now,
      dayCapacity: () => deps.office.dayCapacity,
    });
    if (result === 'applied') return;
  }
  throw new ConcurrentUpdateError(effect.queueNumber);
}
