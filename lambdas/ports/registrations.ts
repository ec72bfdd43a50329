/** Registrations, their audit trail and days, for the applicant side and the officers. */
import type { OfficerOutcome } from '../domain/officer-actions';
import type { DataRequest } from '../domain/personal-data';
import type { Registration, RegistrationStatus } from '../domain/registration';
import type { DayOverride } from '../domain/schedule';
import type { NotifyEvent } from '../queue-events';

export interface RegistrationStore {
  /** The open registration holding this NIK, if any. */
  findOpenByNik(nik: string): Promise<{ queueNumber: string; ownerKey: string } | undefined>;
  /** The next number from an atomic counter that never hands out the same number twice. */
  nextQueueNumber(prefix: string): Promise<string>;
  get(queueNumber: string): Promise<Registration | undefined>;
  listByOwner(ownerKey: string): Promise<Registration[]>;
}

export interface AuditEntry {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly detail: string;
}

export interface StoredDay {
  readonly booked: number;
  readonly override?: DayOverride;
  /** Closed with registrations on it: the queue numbers moved to PERLU_JADWAL_ULANG. */
  readonly rebooked?: readonly string[];
}

/** What the officers' side needs beyond the applicant's side. */
export interface OfficeRegistrationStore extends RegistrationStore {
  getVersioned(queueNumber: string): Promise<{ registration: Registration; version: number } | undefined>;
  listByStatus(status: RegistrationStatus): Promise<Registration[]>;
  listByDay(date: string): Promise<Registration[]>;
  history(queueNumber: string): Promise<AuditEntry[]>;
  addAudit(queueNumber: string, entry: AuditEntry): Promise<void>;
  getDay(date: string): Promise<StoredDay>;
  /** Several days in one read (the review screen's date buttons); a date never written is `{booked: 0}`. */
  getDays(dates: readonly string[]): Promise<ReadonlyMap<string, StoredDay>>;
  /** Saves an admin's setting for a day; refuses a capacity below what is already booked. */
  putDayOverride(date: string, override: DayOverride): Promise<'saved' | 'below-booked'>;
  /**
   * Carries out an officer's decision in one transaction: the registration (if still at `version`),
   * the days' counts (a place only while one is free), the NIK guard, the audit entry, and the
   * notification waiting to be queued. Returns what stopped it when something did.
   */
  applyOutcome(change: {
    readonly outcome: OfficerOutcome;
    readonly version: number;
    readonly actor: string;
    readonly now: Date;
    readonly dayCapacity: (date: string) => number;
    readonly notification?: NotifyEvent;
  }): Promise<'applied' | 'changed-meanwhile' | 'day-full'>;
  pendingNotifications(): Promise<NotifyEvent[]>;
  /** Adds queue numbers to a closed day's list of re-booked registrations. */
  recordRebooked(date: string, queueNumbers: readonly string[]): Promise<void>;
  /** Closed registrations (SELESAI, TIDAK_HADIR, DIBATALKAN) whose close was at or before `cutoff` (ISO). */
  listClosedBefore(cutoff: string): Promise<Registration[]>;
  /** Deletes a registration's items (the registration, its audit trail, its delivery states) and its draft's. */
  purge(registration: Registration): Promise<void>;
  /** Purges a closed registration on its applicant's request and leaves a tombstone without personal data. */
  erase(registration: Registration, at: Date): Promise<void>;
  /**
   * UBAH DATA: the applicant's corrected values in one transaction, if the registration is still at
   * `version` and not yet confirmed (PENDING, PERLU_PERBAIKAN), with its audit entry; a new NIK moves the
   * NIK guard, refused while that NIK is open elsewhere.
   */
  correct(change: {
    readonly registration: Registration;
    readonly previousNik: string;
    readonly version: number;
    readonly audit: Omit<AuditEntry, 'at'>;
    readonly now: Date;
  }): Promise<'applied' | 'changed-meanwhile' | 'nik-taken'>;
  /** Idempotent by the request's id. */
  recordDataRequest(request: DataRequest): Promise<void>;
  listDataRequests(): Promise<DataRequest[]>;
  clearPendingNotification(eventId: string): Promise<void>;
}
