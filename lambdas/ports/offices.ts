/** The office registry (many offices, one deployment). Bodies are stored as checked (config/offices.ts). */

/** What an office body is to the store: its id, the two values that route to it, and the rest as given. */
export interface StoredOfficeBody {
  readonly id: string;
  readonly phoneNumberId: string;
  readonly queuePrefix: string;
  readonly [field: string]: unknown;
}

export type OfficeSaveOutcome =
  | { readonly saved: true }
  | { readonly saved: false; readonly reason: 'duplicate'; readonly field: 'id' | 'phoneNumberId' | 'queuePrefix' }
  | { readonly saved: false; readonly reason: 'unknown' };

export interface OfficeRegistry {
  /** Every stored office, disabled ones included. */
  list(): Promise<StoredOfficeBody[]>;
  get(id: string): Promise<StoredOfficeBody | undefined>;
  /** A new office; its id, phone number id and prefix must be free. */
  add(body: StoredOfficeBody): Promise<OfficeSaveOutcome>;
  /** Replaces an office's body; a new phone number id or prefix must be free. */
  replace(body: StoredOfficeBody): Promise<OfficeSaveOutcome>;
}
