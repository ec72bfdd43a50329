/**
 * The office profile as the CDK app sees it: validated once at synth (a bad value stops the synth with a
 * message naming the field) and handed to the functions as the same environment overrides that
 * `loadOfficeProfile` reads at run time, so the deployed functions use the profile that was synthesized.
 */
import { loadOfficeProfile, type FunctionEnvironment } from '../lambdas/config';
import type { OfficeProfile } from '../lambdas/domain/office';

export type Env = Record<string, string | undefined>;

/** Throws ConfigurationError (naming the bad field) when the office configuration is invalid. */
export function officeProfileForSynth(env: Env): OfficeProfile {
  return loadOfficeProfile(env);
}

/** The environment variables that reproduce `office` at run time (docs/contract.md names). */
export function officeEnvironment(office: OfficeProfile): FunctionEnvironment {
  return {
    QUEUE_PREFIX: office.queuePrefix,
    DAY_CAPACITY: String(office.dayCapacity),
    REMINDER_HOUR: String(office.reminderHour),
    RETENTION_DAYS: String(office.retentionDays),
    UPLOAD_MODE: office.uploadMode,
    REGISTRATION_FORM: office.registrationForm,
    MENU_AS_LIST: String(office.menuAsList),
    ...(office.formUrl ? { FORM_URL: office.formUrl } : {}),
  };
}

/** Days after which the bucket's lifecycle rule deletes documents and proofs, whatever the sweeper did. */
export function lifecycleBackstopDays(office: OfficeProfile): number {
  return office.retentionDays + 30;
}
