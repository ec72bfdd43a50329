/** The facts the applicant's texts are built from (chat texts, templates and the PDF alike). */
import type { IsoDate } from '../calendar';

export interface AppointmentFacts {
  readonly queueNumber: string;
  readonly name: string;
  readonly nik: string;
  readonly date: IsoDate;
  readonly time: string;
  readonly note?: string;
  /** The label of the office's zone for the time (`WIB` when absent). */
  readonly zone?: string;
}

/** A confirmed appointment the applicant may move, and the window of dates it may move to. */
export interface RescheduleOption {
  readonly queueNumber: string;
  readonly name: string;
  readonly date: IsoDate;
  readonly time: string;
  /** The office's zone label for the time (`WIB`, `WITA`, `WIT`). */
  readonly zone: string;
  readonly earliest: IsoDate;
  readonly latest: IsoDate;
}

export type DocumentsHint =
  /** `validUntil`: the last day (Asia/Jakarta) the link works. */
  | { readonly mode: 'web'; readonly uploadUrl: string; readonly validUntil?: IsoDate }
  | { readonly mode: 'form'; readonly formUrl: string }
  | { readonly mode: 'chat' };
