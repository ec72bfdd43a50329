/**
 * The applicant's rights over their personal data (UU 27/2022, docs/personal-data.md): the notice they
 * agree to before giving any, and what access and erasure cover. Pure: the conversation decides with it,
 * the worker carries out what it returns.
 */
import type { IsoDate } from './calendar';
import { isOpen, type Registration } from './registration';
import type { RequirementId, ServiceId } from './services';

/**
 * The notice's version: change it whenever the notice's text changes in substance, and everyone who
 * agreed to an earlier one is asked again at their next registration.
 */
export const PRIVACY_NOTICE_VERSION = '2026-12-06';

/** An applicant's agreement to the notice of one version. */
export interface ConsentRecord {
  readonly version: string;
  /** ISO time of the agreement. */
  readonly at: string;
}

export function hasCurrentConsent(consent: ConsentRecord | undefined): boolean {
  return consent?.version === PRIVACY_NOTICE_VERSION;
}

export const CONSENT_CHOICE = { agree: 'consent:yes', refuse: 'consent:no' } as const;
export const ERASE_CHOICE = { confirm: 'erase:yes', keep: 'erase:no' } as const;

/** What the applicant asked of their data, as the office must be able to show it (kind names are the contract's). */
export type DataRequestKind = 'access' | 'erasure' | 'correction';
export type DataRequestOutcome = 'answered' | 'erased' | 'refused-open-registration';

export interface DataRequest {
  readonly id: string;
  readonly kind: DataRequestKind;
  readonly at: string;
  readonly queueNumbers: readonly string[];
  readonly outcome: DataRequestOutcome;
}

/** What an erasure removes; registrations still open are never erased silently. */
export interface ErasurePlan {
  /** Open registrations: the applicant must cancel them first. */
  readonly blocking: readonly Registration[];
  /** Closed registrations to erase (documents, proofs, data, history), leaving a tombstone each. */
  readonly closed: readonly Registration[];
}

export function erasurePlan(own: readonly Registration[]): ErasurePlan {
  return {
    blocking: own.filter((registration) => isOpen(registration.status)),
    closed: own.filter((registration) => !isOpen(registration.status)),
  };
}

/** What `DATA SAYA` shows of one registration (the NIK only by its last four digits). */
export interface HeldRegistration {
  readonly queueNumber: string;
  readonly serviceId: ServiceId;
  readonly status: Registration['status'];
  readonly createdAt: string;
  readonly name: string;
  readonly placeOfBirth: string;
  readonly dateOfBirth: IsoDate;
  readonly nikLastFour: string;
  readonly phone: string;
  readonly appointmentDate?: IsoDate;
  readonly appointmentTime?: string;
  readonly documents: readonly RequirementId[];
  readonly consent?: ConsentRecord;
}

export function heldRegistration(registration: Registration, documents: readonly RequirementId[]): HeldRegistration {
  return {
    queueNumber: registration.queueNumber,
    serviceId: registration.serviceId,
    status: registration.status,
    createdAt: registration.createdAt,
    name: registration.name,
    placeOfBirth: registration.placeOfBirth,
    dateOfBirth: registration.dateOfBirth,
    nikLastFour: registration.nik.slice(-4),
    phone: registration.phone,
    ...(registration.appointmentDate ? { appointmentDate: registration.appointmentDate } : {}),
    ...(registration.appointmentTime ? { appointmentTime: registration.appointmentTime } : {}),
    documents,
    ...(registration.consent ? { consent: registration.consent } : {}),
  };
}

/** How personal data may appear where it is not needed whole (logs): a NIK keeps only its last four digits. */
export function maskNik(nik: string): string {
  return `************${nik.slice(-4)}`;
}
