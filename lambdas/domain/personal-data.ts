/**
 * The applicant's rights over their personal data (UU 27/2022, docs/personal-data.md): what access and
 * erasure cover. Pure: the conversation decides with it, the worker carries out what it returns.
 */
import { isOpen, type Registration } from './registration';

/** The privacy notice an applicant agreed to (domain/consent.ts), with the notice's version. */
export interface ConsentRecord {
  readonly version: string;
  /** ISO time of the agreement. */
  readonly at: string;
}

export const ERASE_CHOICE = { confirm: 'erase:yes', keep: 'erase:no' } as const;

/** What the applicant asked of their data, as the office must be able to show it (kind names are the contract's). */
export type DataRequestKind = 'access' | 'erasure' | 'correction';
export type DataRequestOutcome = 'answered' | 'erased' | 'refused-open-registration' | 'corrected' | 'refused-confirmed';

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

/** How personal data may appear where it is not needed whole (logs): a NIK keeps only its last four digits. */
export function maskNik(nik: string): string {
  return `************${nik.slice(-4)}`;
}
