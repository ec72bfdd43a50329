/** What the proof shows, and what rendering it reports. */
import type { IsoDate } from '../calendar';
import type { OfficeProfile } from '../office';
import type { Registration } from '../registration';

export interface ProofInput {
  readonly office: OfficeProfile;
  readonly registration: Pick<Registration, 'queueNumber' | 'name' | 'nik' | 'placeOfBirth' | 'dateOfBirth' | 'phone' | 'serviceId' | 'status'>;
  readonly appointment: {
    readonly date: IsoDate;
    /** `HH:MM`, WIB. */
    readonly time: string;
    /** The officer's note (≤ 200 characters). */
    readonly note?: string;
    /** Set on a reschedule proof: the date this one replaces. */
    readonly previousDate?: IsoDate;
  };
  /** The QR content, already signed (`signProofCode`). */
  readonly code: string;
  /** When the proof is generated; printed in WIB. */
  readonly generatedAt: Date;
}

/** One string as drawn: what was written and the box it occupies (PDF points, origin bottom-left). */
export interface DrawnText {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
}

export interface RenderedProof {
  readonly bytes: Uint8Array;
  readonly texts: readonly DrawnText[];
  readonly page: { readonly width: number; readonly height: number };
  /** The lowest point of the body (the PENTING box) and the footer rule under it. */
  readonly bodyBottom: number;
  readonly footerTop: number;
}
