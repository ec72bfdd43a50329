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
 *
 * Tokens and cookies: session-tokens.ts; the accounts: officer-accounts.ts (both exported from here too).
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Clock, OfficerRecord, OfficerStore, SessionRecord } from '../ports';
import type { Officer } from './officer-api';
import { GUESSING_THRESHOLD } from './officer-accounts';
import { spendVerificationTime, USERNAME_PATTERN, verifyPassword } from './passwords';
import { csrfTokenFor, readSession, SESSION_LIFETIME_MS, signSession } from './session-tokens';

/** The longest a (account, source) pair waits between attempts after many failures. */
export const MAX_LOGIN_DELAY_MS = 15 * 60 * 1000;
/** How long a reserved attempt holds its pair if the check never finishes (a crashed container). */
export const LOGIN_RESERVATION_MS = 10_000;

// The port is declared with the others (ports.ts); re-exported for the admin slice.
export type { OfficerRecord, OfficerStore, SessionRecord };

export interface AuthDeps {
  readonly officers: OfficerStore;
  readonly sessionKey: () => Promise<string>;
  readonly clock: Clock;
}

export type LoginResult =
  | { readonly kind: 'ok'; readonly token: string; readonly csrfToken: string; readonly officer: Officer }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number };

export interface AuthenticatedSession {
  readonly officer: Officer;
  /** The officer's office (registry id); absent: the default office. */
  readonly office?: string;
  /** Every office is theirs to see and manage. */
  readonly superadmin?: boolean;
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
  return {
    officer: { username: officer.username, role: officer.role },
    ...(officer.office ? { office: officer.office } : {}),
    ...(officer.superadmin ? { superadmin: true } : {}),
    sessionId: claims.sid,
    csrfToken: csrfTokenFor(claims.sid, key),
  };
}

export async function logout(deps: AuthDeps, session: AuthenticatedSession): Promise<void> {
  await deps.officers.deleteSession(session.sessionId);
}

// ---- officer accounts ----------------------------------------------------------------------------

export * from './session-tokens';
export * from './officer-accounts';
