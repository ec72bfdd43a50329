/** A registration: what an applicant registered, where it stands, and what officers decided. */
import type { OfficeRef } from './offices';
import type { IsoDate } from './calendar';
import type { UploadMode } from './office';
import type { ConsentRecord } from './personal-data';
import type { RequirementId, ServiceId } from './services';

export const REGISTRATION_STATUSES = [
  'PENDING',
  'PERLU_PERBAIKAN',
  'DIKONFIRMASI',
  'PERUBAHAN_DIMINTA',
  'DIBATALKAN',
  'SELESAI',
  'TIDAK_HADIR',
  'DILAYANI',
  /** Its day was closed: waiting for the applicant to choose another (holds no place). */
  'PERLU_JADWAL_ULANG',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Open registrations hold their NIK: one NIK, at most one open registration. */
export const OPEN_STATUSES: readonly RegistrationStatus[] = [
  'PENDING',
  'PERLU_PERBAIKAN',
  'DIKONFIRMASI',
  'PERUBAHAN_DIMINTA',
  'DILAYANI',
  'PERLU_JADWAL_ULANG',
];

export function isOpen(status: RegistrationStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export const FLAG_NIK_DATE_MISMATCH = 'NIK_TANGGAL_LAHIR_BERBEDA';

export interface Registration {
  readonly queueNumber: string;
  readonly name: string;
  readonly placeOfBirth: string;
  readonly dateOfBirth: IsoDate;
  readonly nik: string;
  /** Normalised `628…`. */
  readonly phone: string;
  readonly serviceId: ServiceId;
  readonly status: RegistrationStatus;
  readonly createdAt: string;
  /** The applicant key of the WhatsApp account that registered (and owns) it. */
  readonly ownerKey: string;
  readonly ownerWaId?: string;
  readonly ownerUserId?: string;
  readonly profileName?: string;
  /** Where the documents are: the draft they were uploaded to, and how. */
  readonly draftId: string;
  readonly documentsMode: UploadMode;
  readonly flags: readonly string[];
  readonly appointmentDate?: IsoDate;
  readonly appointmentTime?: string;
  readonly requestedDate?: IsoDate;
  readonly rescheduled: boolean;
  /** The officer's latest note: with the appointment, the fixes asked for, or the cancellation. */
  readonly note?: string;
  /** The documents an officer asked to redo (while `PERLU_PERBAIKAN`). */
  readonly fixRequirements?: readonly RequirementId[];
  /** The privacy notice the applicant agreed to before giving this registration's data. */
  readonly consent?: ConsentRecord;
  /** The day of the interview (domain/check-in.ts): when `HADIR <code>` checked the applicant in (ISO). */
  readonly checkedInAt?: string;
  /** When an officer called the applicant to a counter (status `DILAYANI`), and which counter. */
  readonly calledAt?: string;
  readonly counter?: string;
  /** After SELESAI: the applicant's answer to the satisfaction question (1–5) and optional comment (domain/satisfaction.ts). */
  readonly satisfaction?: number;
  readonly satisfactionComment?: string;
  /** The applicant's answer to the day-before reminder (*Datang*); `null` or absent: no answer. */
  readonly attendance?: Attendance | null;
  /** On the waitlist for an earlier date (MAJUKAN). */
  readonly waitlisted?: boolean;
  /** Its day was closed (PERLU_JADWAL_ULANG): which day, why, and when the applicant was asked to choose. */
  readonly rebooking?: Rebooking;
  /** When it joined the waitlist (the first waiting gets the first offer). */
  readonly waitlistedAt?: string;
  /** A freed earlier place offered from the waitlist: the date, and until when the offer stands. */
  readonly offer?: { readonly date: IsoDate; readonly until: string; readonly passedOn?: boolean };
  /** The office it was made with (absent on registrations made before many offices: the default office). */
  readonly office?: OfficeRef;
}

export interface Rebooking {
  readonly from: IsoDate;
  readonly reason: string;
  readonly askedAt: string;
}

export type Attendance = 'DATANG';

/** `KRC-002`: prefix, one hyphen, at least three digits. */
export function formatQueueNumber(prefix: string, counter: number): string {
  return `${prefix}-${String(counter).padStart(3, '0')}`;
}
