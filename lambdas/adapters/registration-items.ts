/** Registrations as DynamoDB items: the fields, plus the index keys that make lists cheap to query. */
import type { ConsentRecord } from '../domain/personal-data';
import { REGISTRATION_STATUSES, type Rebooking, type Registration, type RegistrationStatus } from '../domain/registration';
import type { RequirementId, ServiceId } from '../domain/services';
import { keys } from './table-design';

export type RegistrationItem = Record<string, unknown>;

export function registrationItem(registration: Registration, version = 1): RegistrationItem {
  return {
    ...keys.registration(registration.queueNumber),
    ...registration,
    version,
    flags: [...registration.flags],
    ...(registration.fixRequirements ? { fixRequirements: [...registration.fixRequirements] } : {}),
    // byStatus: every registration of a status, oldest first (of its office: another office's partition is its own).
    statusKey: officeIndexKey(registration.office?.id, registration.status),
    statusSort: `${registration.createdAt}#${registration.queueNumber}`,
    // byOwner: the registrations of one WhatsApp account (ownerKey is a field of its own).
    ownerSort: `${registration.createdAt}#${registration.queueNumber}`,
    // byDay: who comes on a date, in order of arrival time.
    ...(registration.appointmentDate
      ? {
          dayKey: officeIndexKey(registration.office?.id, registration.appointmentDate),
          daySort: `${registration.appointmentTime ?? ''}#${registration.queueNumber}`,
        }
      : {}),
  };
}

/** An index partition of one office: the default office's keep their bare key, so nothing stored before moves. */
export function officeIndexKey(officeId: string | undefined, key: string): string {
  return officeId ? `${officeId}#${key}` : key;
}

export function registrationFromItem(item: RegistrationItem): Registration {
  const status = String(item.status) as RegistrationStatus;
  if (!REGISTRATION_STATUSES.includes(status)) throw new Error(`registration ${String(item.queueNumber)} has unknown status`);
  const optional = (name: string) => (typeof item[name] === 'string' && item[name] !== '' ? { [name]: item[name] as string } : {});
  return {
    queueNumber: String(item.queueNumber),
    name: String(item.name),
    placeOfBirth: String(item.placeOfBirth),
    dateOfBirth: String(item.dateOfBirth),
    nik: String(item.nik),
    phone: String(item.phone),
    serviceId: Number(item.serviceId) as ServiceId,
    status,
    createdAt: String(item.createdAt),
    ownerKey: String(item.ownerKey),
    ...optional('ownerWaId'),
    ...optional('ownerUserId'),
    ...optional('profileName'),
    draftId: String(item.draftId),
    documentsMode: (item.documentsMode as Registration['documentsMode']) ?? 'web',
    flags: Array.isArray(item.flags) ? item.flags.map(String) : [],
    ...optional('appointmentDate'),
    ...optional('appointmentTime'),
    ...optional('requestedDate'),
    rescheduled: item.rescheduled === true,
    ...optional('note'),
    ...(Array.isArray(item.fixRequirements) ? { fixRequirements: item.fixRequirements.map(String) as RequirementId[] } : {}),
    ...consentOf(item.consent),
    ...optional('checkedInAt'),
    ...optional('calledAt'),
    ...optional('counter'),
    ...(typeof item.satisfaction === 'number' ? { satisfaction: item.satisfaction } : {}),
    ...optional('satisfactionComment'),
    attendance: item.attendance === 'DATANG' ? 'DATANG' : null,
    waitlisted: item.waitlisted === true,
    ...rebookingOf(item.rebooking),
    ...optional('waitlistedAt'),
    ...offerOf(item.offer),
    ...officeOf(item.office),
  };
}

function offerOf(value: unknown): { offer?: { date: string; until: string; passedOn?: boolean } } {
  if (typeof value !== 'object' || value === null) return {};
  const { date, until, passedOn } = value as Record<string, unknown>;
  return typeof date === 'string' && typeof until === 'string' ? { offer: { date, until, ...(passedOn === true ? { passedOn } : {}) } } : {};
}

function rebookingOf(value: unknown): { rebooking?: Rebooking } {
  if (typeof value !== 'object' || value === null) return {};
  const { from, reason, askedAt } = value as Record<string, unknown>;
  return typeof from === 'string' && typeof reason === 'string' && typeof askedAt === 'string' ? { rebooking: { from, reason, askedAt } } : {};
}

function officeOf(value: unknown): { office?: { id: string; name: string } } {
  if (typeof value !== 'object' || value === null) return {};
  const { id, name } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof name === 'string' ? { office: { id, name } } : {};
}

function consentOf(value: unknown): { consent?: ConsentRecord } {
  if (typeof value !== 'object' || value === null) return {};
  const { version, at } = value as Record<string, unknown>;
  return typeof version === 'string' && typeof at === 'string' ? { consent: { version, at } } : {};
}

export function versionOf(item: RegistrationItem): number {
  return typeof item.version === 'number' ? item.version : 1;
}
