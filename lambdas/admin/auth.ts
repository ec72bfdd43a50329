/**
 * Officers and their sessions: login with lockout, signed session cookies checked against a stored
 * session, CSRF tokens derived from the session id, and the officer accounts themselves.
 *
 * Session design: the cookie carries `v1.<claims>.<HMAC-SHA256>` with the username, role, issue and
 * expiry times (8 hours) and a random 256-bit session id. Every request also reads the officer and the
 * `SESSION#<id>` item in one consistent batch read, so logging out (the item is deleted), disabling the
 * officer, or the item expiring ends the session at once, whatever the cookie says. The CSRF token is
 * HMAC(sessionKey, sessionId): nothing to store, and a new one with every login.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../ports';
import type { Officer, OfficerRole } from './officer-api';
import { ConfigurationError } from '../errors';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, spendVerificationTime, USERNAME_PATTERN, verifyPassword } from './passwords';

export const OFFICER_ROLES: readonly OfficerRole[] = ['petugas', 'admin'];
export const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
export const SESSION_COOKIE = 'sibapao_session';

export interface OfficerRecord {
  readonly username: string;
  readonly role: OfficerRole;
  readonly passwordHash: string;
  readonly disabled: boolean;
  /** Consecutive failed logins since the last success or lockout. */
  readonly failedLogins: number;
  /** ISO instant until which logins are refused. */
  readonly lockedUntil?: string;
  readonly createdAt: string;
  readonly createdBy?: string;
  readonly lastLoginAt?: string;
  readonly disabledAt?: string;
  readonly disabledBy?: string;
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
  /** Counts one more failed login; resolves to the new count. */
  addFailedLogin(username: string): Promise<number>;
  /** Refuses logins until `until` and starts the count again. */
  lock(username: string, until: Date): Promise<void>;
  /** A successful login: the count back to zero, any lock lifted. */
  recordLogin(username: string, at: Date): Promise<void>;
  putSession(session: SessionRecord): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /** The officer and the session, read together. */
  getSession(username: string, sessionId: string): Promise<{ officer?: OfficerRecord; session?: SessionRecord }>;
}

export interface AuthDeps {
  readonly officers: OfficerStore;
  readonly sessionKey: () => Promise<string>;
  readonly clock: Clock;
}

/** The session key, derived from the app secret's signing key so that no new secret is needed. */
export function deriveSessionKey(linkSigningKey: string): string {
  return createHmac('sha256', linkSigningKey).update('admin-session').digest('base64url');
}

// ---- tokens --------------------------------------------------------------------------------------

export interface SessionClaims {
  readonly sid: string;
  readonly u: string;
  readonly r: OfficerRole;
  /** Issued at, epoch milliseconds. */
  readonly iat: number;
  /** Expires at, epoch milliseconds. */
  readonly exp: number;
}

const TOKEN_VERSION = 'v1';

const mac = (key: string, data: string) => createHmac('sha256', key).update(data).digest();

export function signSession(claims: SessionClaims, key: string): string {
  const body = `${TOKEN_VERSION}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${body}.${mac(key, body).toString('base64url')}`;
}

/** The claims of a well-signed, unexpired token; undefined for anything else. */
export function readSession(token: string, key: string, nowMs: number): SessionClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== TOKEN_VERSION || !parts[1] || !parts[2]) return undefined;
  const body = `${parts[0]}.${parts[1]}`;
  const given = Buffer.from(parts[2], 'base64url');
  const expected = mac(key, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isClaims(claims)) return undefined;
  return claims.exp > nowMs && claims.iat <= nowMs + 60_000 ? claims : undefined;
}

function isClaims(value: unknown): value is SessionClaims {
  if (typeof value !== 'object' || value === null) return false;
  const claims = value as Record<string, unknown>;
  return (
    typeof claims.sid === 'string' &&
    typeof claims.u === 'string' &&
    OFFICER_ROLES.includes(claims.r as OfficerRole) &&
    typeof claims.iat === 'number' &&
    typeof claims.exp === 'number'
  );
}

export function csrfTokenFor(sessionId: string, key: string): string {
  return mac(key, `csrf:${sessionId}`).toString('base64url');
}

export function csrfTokenMatches(given: string | undefined, sessionId: string, key: string): boolean {
  if (!given) return false;
  const expected = Buffer.from(csrfTokenFor(sessionId, key));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// ---- cookies -------------------------------------------------------------------------------------

export interface CookieOptions {
  /** The mount root: `/admin` locally, `/` at a Function URL. */
  readonly path: string;
  readonly secure: boolean;
}

export function sessionCookie(token: string, options: CookieOptions, maxAgeSeconds = SESSION_LIFETIME_MS / 1000): string {
  return [`${SESSION_COOKIE}=${token}`, `Max-Age=${maxAgeSeconds}`, `Path=${options.path}`, 'HttpOnly', 'SameSite=Strict', ...(options.secure ? ['Secure'] : [])].join('; ');
}

export function clearedSessionCookie(options: CookieOptions): string {
  return sessionCookie('', options, 0).replace('Max-Age=0', 'Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT');
}

/** The value of `name` among Function URL / HTTP API `cookies` (`name=value` strings). */
export function cookieValue(cookies: readonly string[] | undefined, name: string): string | undefined {
  for (const cookie of cookies ?? []) {
    for (const part of cookie.split(';')) {
      const index = part.indexOf('=');
      if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
    }
  }
  return undefined;
}

// ---- login, sessions, logout ---------------------------------------------------------------------

export type LoginResult =
  | { readonly kind: 'ok'; readonly token: string; readonly csrfToken: string; readonly officer: Officer }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'locked'; readonly retryAfterSeconds: number };

export interface AuthenticatedSession {
  readonly officer: Officer;
  readonly sessionId: string;
  readonly csrfToken: string;
}

const retryAfter = (until: number, now: number) => Math.max(1, Math.ceil((until - now) / 1000));

/**
 * Checks the password (spending scrypt's time even for an unknown username), applies the lockout, and
 * opens a new session. A session the browser already carried is ended, never reused (no fixation).
 */
export async function login(
  deps: AuthDeps,
  attempt: { readonly username: string; readonly password: string; readonly previousToken?: string },
): Promise<LoginResult> {
  const now = deps.clock.now();
  const username = attempt.username.trim().toLowerCase();
  const officer = USERNAME_PATTERN.test(username) ? await deps.officers.get(username) : undefined;
  if (!officer) {
    await spendVerificationTime(attempt.password);
    return { kind: 'invalid' };
  }
  const lockedUntil = officer.lockedUntil ? Date.parse(officer.lockedUntil) : 0;
  if (lockedUntil > now.getTime()) return { kind: 'locked', retryAfterSeconds: retryAfter(lockedUntil, now.getTime()) };

  const matches = await verifyPassword(attempt.password, officer.passwordHash);
  if (!matches) {
    const failures = await deps.officers.addFailedLogin(username);
    if (failures >= MAX_FAILED_LOGINS) {
      const until = now.getTime() + LOCKOUT_MS;
      await deps.officers.lock(username, new Date(until));
      return { kind: 'locked', retryAfterSeconds: retryAfter(until, now.getTime()) };
    }
    return { kind: 'invalid' };
  }
  if (officer.disabled) return { kind: 'invalid' };

  const key = await deps.sessionKey();
  const previous = attempt.previousToken ? readSession(attempt.previousToken, key, now.getTime()) : undefined;
  if (previous) await deps.officers.deleteSession(previous.sid);

  await deps.officers.recordLogin(username, now);
  const session: SessionRecord = {
    id: randomBytes(32).toString('base64url'),
    username,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString(),
  };
  await deps.officers.putSession(session);
  const token = signSession({ sid: session.id, u: username, r: officer.role, iat: now.getTime(), exp: Date.parse(session.expiresAt) }, key);
  return { kind: 'ok', token, csrfToken: csrfTokenFor(session.id, key), officer: { username, role: officer.role } };
}

/** The officer behind a cookie, if the token is genuine and unexpired and its session still stands. */
export async function authenticate(deps: AuthDeps, token: string | undefined): Promise<AuthenticatedSession | undefined> {
  if (!token) return undefined;
  const now = deps.clock.now().getTime();
  const key = await deps.sessionKey();
  const claims = readSession(token, key, now);
  if (!claims) return undefined;
  const { officer, session } = await deps.officers.getSession(claims.u, claims.sid);
  if (!officer || officer.disabled || !session || session.username !== claims.u || Date.parse(session.expiresAt) <= now) return undefined;
  // The role is read from the account, so a changed role applies at the next request.
  return { officer: { username: officer.username, role: officer.role }, sessionId: claims.sid, csrfToken: csrfTokenFor(claims.sid, key) };
}

export async function logout(deps: AuthDeps, session: AuthenticatedSession): Promise<void> {
  await deps.officers.deleteSession(session.sessionId);
}

// ---- officer accounts ----------------------------------------------------------------------------

export interface OfficerView {
  readonly username: string;
  readonly role: OfficerRole;
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly createdBy?: string;
  readonly lastLoginAt?: string;
  readonly lockedUntil?: string;
  readonly disabledAt?: string;
}

/** What officers may see of an account: never the hash. */
export function officerView(officer: OfficerRecord, now: Date): OfficerView {
  const locked = officer.lockedUntil && Date.parse(officer.lockedUntil) > now.getTime() ? officer.lockedUntil : undefined;
  return {
    username: officer.username,
    role: officer.role,
    disabled: officer.disabled,
    createdAt: officer.createdAt,
    ...(officer.createdBy ? { createdBy: officer.createdBy } : {}),
    ...(officer.lastLoginAt ? { lastLoginAt: officer.lastLoginAt } : {}),
    ...(locked ? { lockedUntil: locked } : {}),
    ...(officer.disabledAt ? { disabledAt: officer.disabledAt } : {}),
  };
}

export type NewOfficerProblem = 'invalid-username' | 'password-too-short' | 'password-too-long' | 'invalid-role';

/** Why these account details cannot be used, or nothing when they can. */
export function newOfficerProblem(input: { username: string; password: string; role: string }): NewOfficerProblem | undefined {
  if (!USERNAME_PATTERN.test(input.username)) return 'invalid-username';
  if (input.password.length < PASSWORD_MIN_LENGTH) return 'password-too-short';
  if (input.password.length > PASSWORD_MAX_LENGTH) return 'password-too-long';
  if (!OFFICER_ROLES.includes(input.role as OfficerRole)) return 'invalid-role';
  return undefined;
}

export type AddOfficerResult =
  | { readonly kind: 'created'; readonly officer: OfficerView }
  | { readonly kind: 'exists' }
  | { readonly kind: 'invalid'; readonly problem: NewOfficerProblem };

export async function addOfficer(
  deps: Pick<AuthDeps, 'officers' | 'clock'>,
  input: { username: string; password: string; role: string },
  createdBy: string,
): Promise<AddOfficerResult> {
  const problem = newOfficerProblem(input);
  if (problem) return { kind: 'invalid', problem };
  const now = deps.clock.now();
  const record: OfficerRecord = {
    username: input.username,
    role: input.role as OfficerRole,
    passwordHash: await hashPassword(input.password),
    disabled: false,
    failedLogins: 0,
    createdAt: now.toISOString(),
    createdBy,
  };
  return (await deps.officers.create(record)) ? { kind: 'created', officer: officerView(record, now) } : { kind: 'exists' };
}

export type DisableOfficerResult = 'disabled' | 'not-found' | 'self';

/** Disables an account: its sessions stop working at their next request. */
export async function disableOfficer(deps: Pick<AuthDeps, 'officers' | 'clock'>, username: string, by: string): Promise<DisableOfficerResult> {
  if (username === by) return 'self';
  return (await deps.officers.disable(username, by, deps.clock.now())) ? 'disabled' : 'not-found';
}

export async function listOfficers(deps: Pick<AuthDeps, 'officers' | 'clock'>): Promise<OfficerView[]> {
  const now = deps.clock.now();
  return (await deps.officers.list()).map((officer) => officerView(officer, now)).sort((a, b) => a.username.localeCompare(b.username));
}

export interface FirstOfficer {
  readonly username: string;
  readonly password: string;
}

/**
 * Creates the first account (role `admin`) when there is no officer at all. The put is conditional, so
 * two cold starts racing each other create it once.
 */
export async function ensureFirstOfficer(
  deps: Pick<AuthDeps, 'officers' | 'clock'>,
  first: FirstOfficer,
): Promise<'created' | 'exists'> {
  if (await deps.officers.anyExists()) return 'exists';
  const problem = newOfficerProblem({ ...first, role: 'admin' });
  if (problem) throw new ConfigurationError(`ADMIN_USERNAME/ADMIN_PASSWORD cannot create the first officer: ${problem}`);
  const result = await addOfficer(deps, { ...first, role: 'admin' }, 'system');
  return result.kind === 'created' ? 'created' : 'exists';
}
