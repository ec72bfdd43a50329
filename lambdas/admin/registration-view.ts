/** A registration as the officers' API shows it, and what the lists derive from it. */
import { DAY_MS } from '../domain/calendar';
import { officerAnswerTexts } from '../domain/texts/officer-answers';
import { allowedActions } from '../domain/officer-actions';
import { declaredNotice, isNotificationKind } from '../domain/officer-action-declarations';
import type { OfficeRef } from '../domain/offices';
import type { Registration } from '../domain/registration';
import { findService, REQUIREMENTS, type ServiceCatalogue } from '../domain/services';
import { printableText } from '../domain/text-hygiene';

const STALE_PENDING_MS = DAY_MS;

/** `office`: the office the officers' API serves, named on registrations made before they carried one. */
export function registrationView(registration: Registration, now: Date, services: ServiceCatalogue, office?: OfficeRef) {
  const service = findService(services, registration.serviceId);
  return {
    queueNumber: registration.queueNumber,
    name: registration.name,
    nik: registration.nik,
    placeOfBirth: registration.placeOfBirth,
    dateOfBirth: registration.dateOfBirth,
    phone: registration.phone,
    service: { id: registration.serviceId, name: service?.name ?? '' },
    status: registration.status,
    createdAt: registration.createdAt,
    ...(registration.appointmentDate ? { appointmentDate: registration.appointmentDate } : {}),
    ...(registration.appointmentTime ? { appointmentTime: registration.appointmentTime } : {}),
    ...(registration.requestedDate ? { requestedDate: registration.requestedDate } : {}),
    rescheduled: registration.rescheduled,
    flags: [...registration.flags],
    ...(registration.profileName ? { profileName: printableText(registration.profileName) } : {}),
    ...(registration.note ? { note: registration.note } : {}),
    documentsMode: registration.documentsMode,
    requirements: (service?.requirements ?? []).map((id) => ({ id, name: REQUIREMENTS[id].shortName })),
    waitingTooLong: isStale(registration, now),
    allowedActions: allowedActions(registration.status),
    ...(registration.checkedInAt ? { checkedInAt: registration.checkedInAt } : {}),
    ...(registration.calledAt ? { calledAt: registration.calledAt } : {}),
    ...(registration.counter ? { counter: registration.counter } : {}),
    attendance: registration.attendance ?? null,
    waitlisted: registration.waitlisted ?? false,
    // A registry office's registrations carry their office; the default office's are named by the API's office.
    ...((registration.office ?? office) ? { office: registration.office ?? office } : {}),
  };
}

export type RegistrationView = ReturnType<typeof registrationView> & { readonly documentCount?: number };

/** The `PENDING` registration to check after `current`: the next oldest, else the oldest other one. */
export function nextPendingAfter<T extends { readonly queueNumber: string; readonly createdAt: string }>(
  current: string,
  pending: readonly T[],
): T | undefined {
  const ordered = [...pending].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const index = ordered.findIndex((registration) => registration.queueNumber === current);
  const after = index >= 0 ? ordered.slice(index + 1) : ordered;
  return after[0] ?? ordered.find((registration) => registration.queueNumber !== current);
}

export function isStale(registration: Registration, now: Date): boolean {
  return registration.status === 'PENDING' && now.getTime() - Date.parse(registration.createdAt) > STALE_PENDING_MS;
}

/** What a message about a registration was: an officer's notice as its action declares it, or the reminder. */
export function deliveryName(kind: string): string | undefined {
  return isNotificationKind(kind) ? declaredNotice(kind).delivery : officerAnswerTexts.officer.deliveryKinds[kind];
}
