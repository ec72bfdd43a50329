/** *Panggil*: an officer calls a confirmed applicant of today to a counter; they are being served (`DILAYANI`). */
import { formatDayDate, jakartaDate } from './calendar';
import type { OfficerActionInput } from './officer-action-declarations';
import type { OfficerDecision } from './officer-actions';
import type { Registration } from './registration';
import { DAY_OF_OFFICER_TEXTS } from './texts/day-of';
import { RECORD_TEXTS } from './texts/records';

export function callToCounter(registration: Registration, input: Extract<OfficerActionInput, { action: 'call' }>, now: Date): OfficerDecision {
  const today = jakartaDate(now);
  if (registration.appointmentDate !== today) {
    const message = DAY_OF_OFFICER_TEXTS.callNotToday(registration.appointmentDate ? formatDayDate(registration.appointmentDate) : '-');
    return { ok: false, refusal: { kind: 'invalid', error: 'not-today', message } };
  }
  const counter = input.counter === undefined ? undefined : String(input.counter).trim() || undefined;
  const { counter: _previous, ...rest } = registration;
  return {
    ok: true,
    outcome: {
      registration: { ...rest, status: 'DILAYANI', calledAt: now.toISOString(), ...(counter ? { counter } : {}) },
      audit: { action: 'called', detail: RECORD_TEXTS.called(counter) },
      notify: 'called',
      releaseNik: false,
    },
  };
}
