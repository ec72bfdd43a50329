/**
 * Session cookies and CSRF tokens (see auth.ts for the design): the cookie carries `v1.<claims>.<HMAC-SHA256>`;
 * the CSRF token is HMAC(sessionKey, sessionId), nothing to store.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { OfficerRole } from './officer-api';

export const OFFICER_ROLES: readonly OfficerRole[] = ['petugas', 'admin'];
export const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;
export const SESSION_COOKIE = 'sibapao_session';

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
