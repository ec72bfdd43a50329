/** Officers and their sessions (the admin app). */

// ---- Officers (the admin app) ----

export type OfficerRole = 'petugas' | 'admin';

export interface OfficerRecord {
  readonly username: string;
  readonly role: OfficerRole;
  readonly passwordHash: string;
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly createdBy?: string;
  readonly lastLoginAt?: string;
  readonly disabledAt?: string;
  readonly disabledBy?: string;
  /** The office (registry id) the officer works for; absent: the default office. */
  readonly office?: string;
  /** Sees and manages every office and its officers (the first account, ADMIN_USERNAME). */
  readonly superadmin?: boolean;
}

export interface SessionRecord {
  readonly id: string;
  readonly username: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** Officer accounts and sessions (DynamoDB in AWS and locally: adapters/dynamodb-officer-store.ts). */
export interface OfficerStore {
  get(username: string): Promise<OfficerRecord | undefined>;
  list(): Promise<OfficerRecord[]>;
  anyExists(): Promise<boolean>;
  /** Conditional put: false when the username is taken. */
  create(officer: OfficerRecord): Promise<boolean>;
  /** False when there is no such officer. */
  disable(username: string, by: string, at: Date): Promise<boolean>;
  /**
   * One conditional write: reserves the next login attempt of (username, source) until `holdUntil`
   * when no attempt is in flight and its delay has passed. Resolves to the pair's failures so far, or
   * to when the next attempt may start.
   */
  reserveLoginAttempt(
    username: string,
    source: string,
    now: Date,
    holdUntil: Date,
  ): Promise<{ reserved: true; failures: number } | { reserved: false; notBefore: number }>;
  /** The reserved attempt failed: the pair has `failures` and waits until `notBefore`. */
  recordLoginFailure(username: string, source: string, failures: number, notBefore: Date): Promise<void>;
  /** Counts a failure against the account for its hour; resolves to that hour's failures and distinct sources. */
  countAccountFailure(username: string, source: string, now: Date): Promise<{ failures: number; sources: number }>;
  /** Failures and distinct sources per account over the current and the previous hour. */
  accountFailures(usernames: readonly string[], now: Date): Promise<Map<string, { failures: number; sources: number }>>;
  /** The pair's attempt succeeded: its failures are forgotten. */
  clearLoginFailures(username: string, source: string): Promise<void>;
  /** A successful login. */
  recordLogin(username: string, at: Date): Promise<void>;
  putSession(session: SessionRecord): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /** The officer and the session, read together. */
  getSession(username: string, sessionId: string): Promise<{ officer?: OfficerRecord; session?: SessionRecord }>;
}
