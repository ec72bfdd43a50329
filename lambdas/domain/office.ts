/** The office profile: everything that makes this deployment one office's service. */
import type { OfficeRef, OfficeTimezone, WeeklyHours } from './offices';
import type { ServiceCatalogue } from './services';

export type UploadMode = 'web' | 'chat' | 'form';

/**
 * What the bot offers first for the applicant's data (`REGISTRATION_FORM`): the office's `DAFTAR/…` line,
 * one question at a time, or a WhatsApp Flow (an in-chat form). A typed line is accepted in every mode.
 */
export const REGISTRATION_FORMS = ['line', 'questions', 'flow'] as const;
export type RegistrationFormMode = (typeof REGISTRATION_FORMS)[number];

export interface OfficeProfile {
  readonly officeName: string;
  readonly officeShortName: string;
  readonly address: string;
  readonly whatsappNumber: string;
  readonly queuePrefix: string;
  readonly arrivalHours: { readonly from: string; readonly to: string; readonly stepMinutes: number };
  readonly dayCapacity: number;
  readonly reminderHour: number;
  readonly uploadMode: UploadMode;
  readonly formUrl?: string;
  readonly registrationForm: RegistrationFormMode;
  readonly retentionDays: number;
  readonly menuAsList: boolean;
  /** The day-before reminder shows the NIK by its last four digits instead of in full (the seed shows it in full). */
  readonly maskNikInReminder: boolean;
  /** The services the menu offers (`DEFAULT_SERVICES` unless the office gives its own). */
  readonly services: ServiceCatalogue;
  /** The office's zone for its dates, hours and the label of its times (Asia/Jakarta, WIB, unless the registry says otherwise). */
  readonly timezone?: OfficeTimezone;
  /** A registry office's id and name, stored with its registrations; absent for the default office (nothing of its data moves). */
  readonly registryRef?: OfficeRef;
  /** A registry office's opening hours per weekday: a weekday it does not open is closed (else Monday–Friday). */
  readonly openingHours?: WeeklyHours;
}
