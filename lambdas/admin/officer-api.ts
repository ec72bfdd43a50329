/**
 * The officers' JSON API behind authentication (docs/contract.md "Officers' JSON API"): what the admin router
 * calls once it has checked the session, the CSRF token and the role. Each call answers with an HTTP
 * status and a JSON body; rule violations are `422 {error, message}` with an Indonesian message.
 */
import type { OfficerActionName } from '../domain/officer-actions';
import type { OfficerRole } from '../ports';

export type { OfficerRole };

export interface Officer {
  readonly username: string;
  readonly role: OfficerRole;
}

export interface ApiResult {
  readonly status: number;
  readonly body: unknown;
}

export type RegistrationAction = OfficerActionName;

export interface RegistrationsApi {
  /**
   * `GET api/registrations?status=S&date=D&q=TEXT`: no filter lists every open registration, oldest
   * first; `documentCount` adds how many documents each one waiting for a check (PENDING,
   * PERLU_PERBAIKAN) has.
   */
  list(query: { status?: string; date?: string; q?: string; documentCount?: boolean }): Promise<ApiResult>;
  /**
   * `GET api/registrations/{queueNumber}`: with short-lived document links and the audit trail; records the
   * view, unless `recordView` is false (a page fetched ahead of time, before anyone looks at it).
   */
  get(queueNumber: string, officer: Officer, options?: { recordView?: boolean }): Promise<ApiResult>;
  /** The links of a registration's pictures, as its review screen shows them: the screen before it fetches them ahead. */
  pictureLinks(queueNumber: string): Promise<string[]>;
  /** `POST api/registrations/{queueNumber}/viewed`: the officer now sees a review screen fetched ahead of time. */
  recordView(queueNumber: string, officer: Officer): Promise<ApiResult>;
  /** `POST api/registrations/{queueNumber}/{action}`. */
  act(queueNumber: string, action: RegistrationAction, body: unknown, officer: Officer): Promise<ApiResult>;
  /** `GET api/days/{date}`: capacity, booked, closed and why, and who comes. */
  getDay(date: string): Promise<ApiResult>;
  /**
   * `GET api/days?from=YYYY-MM-DD&count=N`: the next `count` days an appointment can be on (weekends,
   * holidays and closed days left out), each with its free places and the next free arrival time.
   */
  openDays(query: { from?: string; count?: string }): Promise<ApiResult>;
  /** `PUT api/days/{date}` (the router lets only `admin` officers through). */
  putDay(date: string, body: unknown, officer: Officer): Promise<ApiResult>;
  /** Counts per status, and the `PENDING` ones older than 24 hours: the dashboard. */
  summary(): Promise<ApiResult>;
  /**
   * `GET api/failed-sends`: messages that did not reach their applicant (refused by Meta, failed after
   * sending, given up after every retry, or held back by the messaging limit), newest first, with the
   * registration's name and phone number to follow up by phone.
   */
  failedSends(): Promise<ApiResult>;
  /**
   * `GET api/data-requests`: applicants' access and erasure requests (DATA SAYA, HAPUS DATA) with their
   * times and outcome, oldest first, so the office can show each was answered within 3 × 24 hours.
   */
  dataRequests(): Promise<ApiResult>;
  /** `POST api/proofs/verify {content}`: is this scanned or pasted QR content a real proof? */
  verifyProof(body: unknown): Promise<ApiResult>;
}
