/**
 * Officers and their sessions: login with throttling, signed session cookies checked against a stored
 * session, CSRF tokens derived from the session id, and the officer accounts themselves.
 *
 * Login throttling is per (account, source address), never a lock on the account: a stranger's guesses
 * slow down only that stranger. Before the password is checked, one conditional write reserves the
 * attempt (it succeeds only when no other attempt of that pair is in flight and its delay has passed),
 * so parallel requests cannot all reach scrypt; each failure doubles the wait of that pair (1 s, 2 s,
 * 4 s … 15 minutes). Unknown usernames go through exactly the same writes, answers and scrypt work.
 * Failures per account and hour (from every source) are counted for officers: from
 * `GUESSING_THRESHOLD` on, the account is shown as being guessed, logged and counted as a metric.
 *
 * Session design: the cookie carries `v1.<claims>.<HMAC-SHA256>` with the username, role, issue and
 * expiry times (8 hours) and a random 256-bit session id. Every request also reads the officer and the
 * `SESSION#<id>` item in one consistent batch read, so logging out (the item is deleted), disabling the
 * officer, or the item expiring ends the session at once, whatever the cookie says. The CSRF token is
 * HMAC(sessionKey, sessionId): nothing to store, and a new one with every login.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock, OfficerRecord, OfficerStore, SessionRecord } from '../ports';
import type { Officer, OfficerRole } from './officer-api';
import { ConfigurationError } from '../errors';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, spendVerificationTime, USERNAME_PATTERN, verifyPassword } from './passwords';

export const OFFICER_ROLES: readonly OfficerRole[] = ['petugas', 'admin'];
export const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;
/** The longest a (account, source) pair waits between attempts after many failures. */
export const MAX_LOGIN_DELAY_MS = 15 * 60 * 1000;
/** How long a reserved attempt holds its pair if the check never finishes (a crashed container). */
export const LOGIN_RESERVATION_MS = 10_000;
/** Failed logins of one account within the current and the previous hour that mark it as being guessed. */
export const GUESSING_THRESHOLD = 10;
export const SESSION_COOKIE = 'sibapao_session';

// The port is declared with the others (ports.ts); re-exported for the admin slice.
export type { OfficerRecord, OfficerStore, SessionRecord };

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
  return [
    `${SESSION_COOKIE}=${token}`,
    `Max-Age=${maxAgeSeconds}`,
    `Path=${options.path}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
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
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number };

export interface AuthenticatedSession {
  readonly officer: Officer;
  readonly sessionId: string;
  readonly csrfToken: string;
}

/** Tells whoever watches (log, metric) that an account is being guessed. */
export type GuessingObserver = (event: { readonly username: string; readonly failures: number; readonly sources: number }) => void;

const retryAfter = (until: number, now: number) => Math.max(1, Math.ceil((until - now) / 1000));

/** The wait after a pair's `failures`-th failure: 1 s, 2 s, 4 s … at most 15 minutes. */
export function loginDelayMs(failures: number): number {
  return Math.min(MAX_LOGIN_DELAY_MS, 1000 * 2 ** Math.min(Math.max(failures - 1, 0), 20));
}

/** What a typed username means: `"  Budi "` and `budi` are one account (and one throttle). */
export function normaliseUsername(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

/** The source address as stored: a keyed hash, never the address itself. */
export function sourceKey(sourceIp: string, key: string): string {
  return createHmac('sha256', key).update(`login-source:${sourceIp}`).digest('base64url').slice(0, 16);
}

/**
 * Reserves the attempt of (username, source) before anything else, checks the password (spending
 * scrypt's time even for an unknown username), records a failure with its growing delay, and opens a
 * new session. A session the browser already carried is ended, never reused (no fixation).
 */
export async function login(
  deps: AuthDeps,
  attempt: { readonly username: string; readonly password: string; readonly sourceIp: string; readonly previousToken?: string },
  onGuessing?: GuessingObserver,
): Promise<LoginResult> {
  const now = deps.clock.now();
  const key = await deps.sessionKey();
  // Anything that cannot be a username is throttled under one name, so junk cannot fill the table.
  const normalised = normaliseUsername(attempt.username);
  const username = USERNAME_PATTERN.test(normalised) ? normalised : '-';
  const source = sourceKey(attempt.sourceIp, key);
  const reservation = await deps.officers.reserveLoginAttempt(username, source, now, new Date(now.getTime() + LOGIN_RESERVATION_MS));
  if (!reservation.reserved) return { kind: 'throttled', retryAfterSeconds: retryAfter(reservation.notBefore, now.getTime()) };

  const officer = await deps.officers.get(username);
  const matches = officer ? await verifyPassword(attempt.password, officer.passwordHash) : await spendVerificationTime(attempt.password);
  if (!officer || !matches || officer.disabled) {
    const failures = reservation.failures + 1;
    await deps.officers.recordLoginFailure(username, source, failures, new Date(now.getTime() + loginDelayMs(failures)));
    const account = await deps.officers.countAccountFailure(username, source, now);
    if (account.failures === GUESSING_THRESHOLD || (account.failures > GUESSING_THRESHOLD && account.failures % (GUESSING_THRESHOLD * 10) === 0)) {
      onGuessing?.({ username, ...account });
    }
    return { kind: 'invalid' };
  }

  const previous = attempt.previousToken ? readSession(attempt.previousToken, key, now.getTime()) : undefined;
  if (previous) await deps.officers.deleteSession(previous.sid);

  await deps.officers.clearLoginFailures(username, source);
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
  readonly disabledAt?: string;
  /** Failed logins (and their distinct sources) of the last one to two hours, when the account is being guessed. */
  readonly guessing?: { readonly failures: number; readonly sources: number };
}

/** What officers may see of an account: never the hash. */
export function officerView(officer: OfficerRecord, failures?: { failures: number; sources: number }): OfficerView {
  return {
    username: officer.username,
    role: officer.role,
    disabled: officer.disabled,
    createdAt: officer.createdAt,
    ...(officer.createdBy ? { createdBy: officer.createdBy } : {}),
    ...(officer.lastLoginAt ? { lastLoginAt: officer.lastLoginAt } : {}),
    ...(failures && failures.failures >= GUESSING_THRESHOLD ? { guessing: failures } : {}),
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
  { readonly kind: 'created'; readonly officer: OfficerView } | { readonly kind: 'exists' } | { readonly kind: 'invalid'; readonly problem: NewOfficerProblem };

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
    createdAt: now.toISOString(),
    createdBy,
  };
  return (await deps.officers.create(record)) ? { kind: 'created', officer: officerView(record) } : { kind: 'exists' };
}

export type DisableOfficerResult = 'disabled' | 'not-found' | 'self';

/** Disables an account: its sessions stop working at their next request. */
export async function disableOfficer(deps: Pick<AuthDeps, 'officers' | 'clock'>, username: string, by: string): Promise<DisableOfficerResult> {
  if (username === by) return 'self';
  return (await deps.officers.disable(username, by, deps.clock.now())) ? 'disabled' : 'not-found';
}

export async function listOfficers(deps: Pick<AuthDeps, 'officers' | 'clock'>): Promise<OfficerView[]> {
  const officers = await deps.officers.list();
  const failures = await deps.officers.accountFailures(
    officers.map((officer) => officer.username),
    deps.clock.now(),
  );
  return officers.map((officer) => officerView(officer, failures.get(officer.username))).sort((a, b) => a.username.localeCompare(b.username));
}

export interface FirstOfficer {
  readonly username: string;
  readonly password: string;
}

/**
 * Creates the first account (role `admin`) when there is no officer at all. The put is conditional, so
 * two cold starts racing each other create it once.
 */
export async function ensureFirstOfficer(deps: Pick<AuthDeps, 'officers' | 'clock'>, first: FirstOfficer): Promise<'created' | 'exists'> {
  if (await deps.officers.anyExists()) return 'exists';
  const problem = newOfficerProblem({ ...first, role: 'admin' });
  if (problem) throw new ConfigurationError(`ADMIN_USERNAME/ADMIN_PASSWORD cannot create the first officer: ${problem}`);
  const result = await addOfficer(deps, { ...first, role: 'admin' }, 'system');
  return result.kind === 'created' ? 'created' : 'exists';
}
