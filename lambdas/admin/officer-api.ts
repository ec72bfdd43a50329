/**
 * The officers' JSON API behind authentication (docs/contract.md "Officers' JSON API"): what the admin
 * handler calls once it has checked the session, the CSRF token and the role. Each call answers a typed
 * result (lambdas/admin/results.ts): its value, or a problem of a kind with an Indonesian message; the
 * handler chooses the HTTP status (`toHttp`), the pages read the values.
 */
import type { OfficeRef } from '../domain/offices';
import type { OfficerActionName } from '../domain/officer-actions';
import type { OfficeProfile } from '../domain/office';
import type { HolidayCalendar } from '../domain/schedule';
import type { BlobStore, DeliveryStore, DraftStore, EventQueue, OfficeRegistrationStore, OfficerRole } from '../ports';
import type { createDayOfApi } from './day-of-api';
import type { createDailyReportApi } from './reports-daily';
import type { createDaysApi } from './days-api';
import type { createRegistrationActions } from './registration-actions';
import type { createRegistrationReads } from './registration-reads';
import type { RegistrationView } from './registration-view';
import type { createReportsApi } from './reports-api';
import type { AdminResult } from './results';

export type { OfficerRole };

export interface Officer {
  readonly username: string;
  readonly role: OfficerRole;
}

export type RegistrationAction = OfficerActionName;

export interface RegistrationsApiDeps {
  readonly store: OfficeRegistrationStore;
  readonly drafts: DraftStore;
  readonly deliveries: Pick<DeliveryStore, 'listForRegistration' | 'listFailedSends'>;
  readonly blobs: BlobStore;
  readonly queue: EventQueue;
  readonly office: OfficeProfile;
  readonly holidays: HolidayCalendar;
  readonly clock: { now(): Date };
  readonly proofKeys: () => Promise<ReadonlyMap<string, string>>;
  /** The key of the day's check-in code (domain/day-code.ts). */
  readonly dayCodeKey: () => Promise<string>;
  readonly log: { warn(message: string, fields: Record<string, unknown>): void; error(message: string, fields: Record<string, unknown>): void };
  /** The registry office these are (its failed sends only); absent: the default office. */
  readonly officeId?: string;
  /** The office these are, as registrations name it (`office: {id, name}`); absent with one office only. */
  readonly officeRef?: OfficeRef;
}

export interface ListQuery {
  readonly status?: string;
  readonly date?: string;
  readonly q?: string;
  readonly documentCount?: boolean;
}

/** What a call answers when it succeeds. */
type ValueOf<Call extends (...args: never[]) => Promise<AdminResult<unknown>>> = Extract<Awaited<ReturnType<Call>>, { ok: true }>['value'];
type Reads = ReturnType<typeof createRegistrationReads>;
type Days = ReturnType<typeof createDaysApi>;
type Reports = ReturnType<typeof createReportsApi>;
type DayOf = ReturnType<typeof createDayOfApi>;
type DailyReports = ReturnType<typeof createDailyReportApi>;
type Actions = ReturnType<typeof createRegistrationActions>;

export type { RegistrationView };
export type RegistrationDetail = ValueOf<Reads['get']>;
export type ViewRecorded = ValueOf<Reads['recordView']>;
export type DayWithRegistrations = ValueOf<Days['getDay']>;
export type OpenDays = ValueOf<Days['openDays']>;
export type Summary = ValueOf<Reports['summary']>;
export type FailedSend = ValueOf<Reports['failedSends']>[number];
export type DataRequestView = ValueOf<Reports['dataRequests']>[number];
export type ProofCheck = ValueOf<Reports['verifyProof']>;
export type DayCode = ValueOf<DayOf['dayCode']>;
export type DailyReportView = ValueOf<DailyReports['dailyReport']>;
export type MonthlySatisfactionView = ValueOf<DailyReports['monthlySatisfaction']>;
/** An action's answer: the registration after it, and the open days after it (the next review screen's day buttons). */
export type ActionAnswer = ValueOf<Actions['act']>;

export interface RegistrationsApi {
  /**
   * `GET api/registrations?status=S&date=D&q=TEXT`: no filter lists every open registration, oldest
   * first; `documentCount` adds how many documents each one waiting for a check (PENDING,
   * PERLU_PERBAIKAN) has.
   */
  list(query: ListQuery): Promise<AdminResult<RegistrationView[]>>;
  /**
   * `GET api/registrations/{queueNumber}`: with short-lived document links and the audit trail; records the
   * view, unless `recordView` is false (a page fetched ahead of time, before anyone looks at it).
   */
  get(queueNumber: string, officer: Officer, options?: { recordView?: boolean }): Promise<AdminResult<RegistrationDetail>>;
  /** The links of a registration's pictures, as its review screen shows them: the screen before it fetches them ahead. */
  pictureLinks(queueNumber: string): Promise<string[]>;
  /** `POST api/registrations/{queueNumber}/viewed`: the officer now sees a review screen fetched ahead of time. */
  recordView(queueNumber: string, officer: Officer): Promise<AdminResult<ViewRecorded>>;
  /** `POST api/registrations/{queueNumber}/{action}`. */
  act(queueNumber: string, action: RegistrationAction, body: unknown, officer: Officer): Promise<AdminResult<ActionAnswer>>;
  /** `GET api/days/{date}`: capacity, booked, closed and why, and who comes. */
  getDay(date: string): Promise<AdminResult<DayWithRegistrations>>;
  /**
   * `GET api/days?from=YYYY-MM-DD&count=N`: the next `count` days an appointment can be on (weekends,
   * holidays and closed days left out), each with its free places and the next free arrival time.
   */
  openDays(query: { from?: string; count?: string }): Promise<AdminResult<OpenDays>>;
  /** `PUT api/days/{date}` (the router lets only `admin` officers through). */
  putDay(date: string, body: unknown, officer: Officer): Promise<AdminResult<DayWithRegistrations>>;
  /** Counts per status, and the `PENDING` ones older than 24 hours: the dashboard. */
  summary(): Promise<AdminResult<Summary>>;
  /**
   * `GET api/failed-sends`: messages that did not reach their applicant (refused by Meta, failed after
   * sending, given up after every retry, or held back by the messaging limit), newest first, with the
   * registration's name and phone number to follow up by phone.
   */
  failedSends(): Promise<AdminResult<FailedSend[]>>;
  /**
   * `GET api/data-requests`: applicants' access and erasure requests (DATA SAYA, HAPUS DATA) with their
   * times and outcome, oldest first, so the office can show each was answered within 3 × 24 hours.
   */
  dataRequests(): Promise<AdminResult<DataRequestView[]>>;
  /** `POST api/proofs/verify {content}`: is this scanned or pasted QR content a real proof? */
  verifyProof(body: unknown): Promise<AdminResult<ProofCheck>>;
  /** `GET api/day-code?date=`: the day's check-in code (`HADIR <code>`) for the poster. */
  dayCode(query: { date?: string }): Promise<AdminResult<DayCode>>;
  /** `GET poster.pdf?date=` (admins): the A4 poster whose QR code opens WhatsApp with `HADIR <code>`. */
  posterPdf(query: { date?: string }): Promise<AdminResult<{ date: string; pdf: Uint8Array }>>;
  /** `GET api/reports/daily?date=`: booked, checked in, served, no-shows, wait, satisfaction, backlog, failed sends. */
  dailyReport(query: { date?: string }): Promise<AdminResult<DailyReportView>>;
  /** `GET api/reports/satisfaction?month=YYYY-MM`: the satisfaction figure of the month's served registrations, overall and per service. */
  monthlySatisfaction(query: { month?: string }): Promise<AdminResult<MonthlySatisfactionView>>;
}
