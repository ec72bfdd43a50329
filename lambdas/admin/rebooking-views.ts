/** A closed day's re-booking as officers see it (issue 21): who was moved, who chose, who must be phoned. */
import { DAY_MS } from '../domain/calendar';
import type { Registration } from '../domain/registration';
import type { RegistrationsApiDeps } from './officer-api';
import { registrationView } from './registration-view';

/** Without an answer this long, the dashboard lists the applicant to phone. */
export const REBOOKING_ANSWER_MS = DAY_MS;

export type RebookingState = 'chosen' | 'waiting' | 'other';

function stateOf(registration: Registration, closedDate: string): RebookingState {
  if (registration.status === 'PERLU_JADWAL_ULANG') return 'waiting';
  return registration.status === 'DIKONFIRMASI' && registration.appointmentDate !== closedDate ? 'chosen' : 'other';
}

/** The registrations moved off `date` when it closed, each with where it stands now. */
export async function rebookedOn(deps: RegistrationsApiDeps, date: string, queueNumbers: readonly string[], now: Date) {
  const found = await Promise.all(queueNumbers.map((queueNumber) => deps.store.get(queueNumber)));
  return found.flatMap((registration) =>
    registration ? [{ ...registrationView(registration, now, deps.office.services, deps.officeRef), rebookingState: stateOf(registration, date) }] : [],
  );
}

/** PERLU_JADWAL_ULANG for more than a day without an answer: officers phone them. */
export async function rebookingUnanswered(deps: RegistrationsApiDeps, now: Date) {
  const waiting = await deps.store.listByStatus('PERLU_JADWAL_ULANG');
  return waiting
    .filter((registration) => registration.rebooking && now.getTime() - Date.parse(registration.rebooking.askedAt) >= REBOOKING_ANSWER_MS)
    .map((registration) => ({ ...registrationView(registration, now, deps.office.services, deps.officeRef), closedDate: registration.rebooking?.from ?? '' }));
}
