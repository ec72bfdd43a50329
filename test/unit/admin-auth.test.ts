/** Officers' passwords, session tokens, cookies, CSRF tokens, login with lockout, and sessions that end. */
import { createHmac } from 'node:crypto';
import {
  authenticate,
  clearedSessionCookie,
  cookieValue,
  csrfTokenFor,
  csrfTokenMatches,
  deriveSessionKey,
  ensureFirstOfficer,
  login,
  loginDelayMs,
  logout,
  readSession,
  SESSION_LIFETIME_MS,
  sessionCookie,
  signSession,
  type AuthDeps,
  type SessionClaims,
} from '../../lambdas/admin/auth';
import { generatePassword, hashPassword, spendVerificationTime, verifyPassword } from '../../lambdas/admin/passwords';
import { MemoryOfficerStore, officerRecord } from '../support/memory-officer-store';

const KEY = deriveSessionKey('a-link-signing-key-of-some-length');
const NOW = Date.parse('2026-11-26T02:00:00Z');
const HOME = '10.0.0.7';
const STRANGER = '203.0.113.9';

describe('passwords', () => {
  it('stores scrypt hashes as scrypt$N$r$p$salt$hash with N=16384 r=8 p=1 and a 16-byte salt', async () => {
    const stored = await hashPassword('rahasia-sekali-123');
    const [scheme, n, r, p, salt, hash] = stored.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '16384', '8', '1']);
    expect(Buffer.from(salt ?? '', 'base64url')).toHaveLength(16);
    expect(Buffer.from(hash ?? '', 'base64url')).toHaveLength(32);
  });

  it('salts every hash: the same password twice gives two different hashes', async () => {
    expect(await hashPassword('rahasia-sekali-123')).not.toBe(await hashPassword('rahasia-sekali-123'));
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('rahasia-sekali-123');
    expect(await verifyPassword('rahasia-sekali-123', stored)).toBe(true);
    expect(await verifyPassword('rahasia-sekali-124', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('refuses unreadable or hostile hashes instead of throwing', async () => {
    for (const stored of [
      '',
      'plain',
      'bcrypt$10$abc',
      'scrypt$1048577$8$1$c2FsdA$aGFzaA',
      'scrypt$16384$8$1$$',
      'scrypt$1000$8$1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA',
    ]) {
      expect(await verifyPassword('whatever-password', stored)).toBe(false);
    }
  });

  it('spends verification time for unknown users and always answers false', async () => {
    expect(await spendVerificationTime('anything')).toBe(false);
  });

  it('generates 24-character first passwords', () => {
    const password = generatePassword();
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(generatePassword()).not.toBe(password);
  });
});

describe('session tokens', () => {
  const claims: SessionClaims = { sid: 'session-1', u: 'budi', r: 'petugas', iat: NOW, exp: NOW + SESSION_LIFETIME_MS };

  it('reads back what it signed while unexpired', () => {
    expect(readSession(signSession(claims, KEY), KEY, NOW + 1000)).toEqual(claims);
  });

  it('refuses an expired token', () => {
    const token = signSession(claims, KEY);
    expect(readSession(token, KEY, NOW + SESSION_LIFETIME_MS)).toBeUndefined();
    expect(readSession(token, KEY, NOW + SESSION_LIFETIME_MS - 1)).toEqual(claims);
  });

  it('refuses a token signed with another key', () => {
    expect(readSession(signSession(claims, deriveSessionKey('another-signing-key-123')), KEY, NOW)).toBeUndefined();
  });

  it('refuses a token whose claims were changed (role raised to admin, expiry extended)', () => {
    const [version, , signature] = signSession(claims, KEY).split('.');
    for (const forged of [
      { ...claims, r: 'admin' },
      { ...claims, exp: NOW + 100 * SESSION_LIFETIME_MS },
      { ...claims, u: 'admin' },
    ]) {
      const body = Buffer.from(JSON.stringify(forged)).toString('base64url');
      expect(readSession(`${version}.${body}.${signature}`, KEY, NOW)).toBeUndefined();
    }
  });

  it('refuses garbage, truncated tokens and a flipped signature bit', () => {
    const token = signSession(claims, KEY);
    const flipped = token.slice(0, -2) + (token.endsWith('A') ? 'B' : 'A') + token.slice(-1);
    for (const bad of ['', 'v1', 'v1..', 'v2.e30.abc', token.slice(0, -5), flipped, `${token}.extra`]) {
      expect(readSession(bad, KEY, NOW)).toBeUndefined();
    }
  });

  it('refuses a well-signed token whose claims have the wrong shape', () => {
    const body = `v1.${Buffer.from(JSON.stringify({ sid: 1, u: 'budi', r: 'root', iat: NOW, exp: NOW + 1000 })).toString('base64url')}`;
    const signature = createHmac('sha256', KEY).update(body).digest('base64url');
    expect(readSession(`${body}.${signature}`, KEY, NOW)).toBeUndefined();
  });
});

describe('CSRF tokens', () => {
  it('derives one token per session, without storage, that only the session key can make', () => {
    const token = csrfTokenFor('session-1', KEY);
    expect(token).toBe(csrfTokenFor('session-1', KEY));
    expect(token).not.toBe(csrfTokenFor('session-2', KEY));
    expect(token).not.toBe(csrfTokenFor('session-1', deriveSessionKey('another-signing-key-123')));
    expect(csrfTokenMatches(token, 'session-1', KEY)).toBe(true);
  });

  it('refuses a missing, empty or other session token', () => {
    expect(csrfTokenMatches(undefined, 'session-1', KEY)).toBe(false);
    expect(csrfTokenMatches('', 'session-1', KEY)).toBe(false);
    expect(csrfTokenMatches(csrfTokenFor('session-2', KEY), 'session-1', KEY)).toBe(false);
    expect(csrfTokenMatches(`${csrfTokenFor('session-1', KEY)}x`, 'session-1', KEY)).toBe(false);
  });

  it('derives the session key from the link signing key, distinct from it', () => {
    expect(deriveSessionKey('k'.repeat(32))).toBe(deriveSessionKey('k'.repeat(32)));
    expect(deriveSessionKey('k'.repeat(32))).not.toContain('k'.repeat(32));
  });
});

describe('cookies', () => {
  it('sets HttpOnly, SameSite=Strict, the mount path, 8 hours, and Secure only over HTTPS', () => {
    expect(sessionCookie('tok', { path: '/admin', secure: false })).toBe('sibapao_session=tok; Max-Age=28800; Path=/admin; HttpOnly; SameSite=Strict');
    expect(sessionCookie('tok', { path: '/', secure: true })).toBe('sibapao_session=tok; Max-Age=28800; Path=/; HttpOnly; SameSite=Strict; Secure');
  });

  it('clears the cookie on the same path', () => {
    expect(clearedSessionCookie({ path: '/admin', secure: false })).toMatch(
      /^sibapao_session=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=\/admin; HttpOnly; SameSite=Strict$/,
    );
  });

  it('finds a cookie among Function URL cookies', () => {
    expect(cookieValue(['a=1', 'sibapao_session=v1.x.y', 'b=2'], 'sibapao_session')).toBe('v1.x.y');
    expect(cookieValue(['a=1; sibapao_session=z'], 'sibapao_session')).toBe('z');
    expect(cookieValue(['xsibapao_session=1'], 'sibapao_session')).toBeUndefined();
    expect(cookieValue(undefined, 'sibapao_session')).toBeUndefined();
  });
});

describe('login, sessions and lockout', () => {
  let now: number;
  let store: MemoryOfficerStore;
  let deps: AuthDeps;

  beforeEach(async () => {
    now = NOW;
    store = new MemoryOfficerStore();
    await store.create(await officerRecord('budi', 'petugas', 'kata-sandi-budi'));
    deps = { officers: store, sessionKey: async () => KEY, clock: { now: () => new Date(now) } };
  });

  it('logs in with the right password, and the session authenticates until it expires', async () => {
    const result = await login(deps, { username: 'budi', password: 'kata-sandi-budi', sourceIp: HOME });
    if (result.kind !== 'ok') throw new Error(result.kind);
    expect(result.officer).toEqual({ username: 'budi', role: 'petugas' });
    const session = await authenticate(deps, result.token);
    expect(session?.officer).toEqual({ username: 'budi', role: 'petugas' });
    expect(session?.csrfToken).toBe(result.csrfToken);
    now += SESSION_LIFETIME_MS - 1000;
    expect(await authenticate(deps, result.token)).toBeDefined();
    now += 1000;
    expect(await authenticate(deps, result.token)).toBeUndefined();
  });

  it('answers an unknown user and a wrong password alike', async () => {
    expect(await login(deps, { username: 'siapa', password: 'kata-sandi-budi', sourceIp: HOME })).toEqual({ kind: 'invalid' });
    expect(await login(deps, { username: 'budi', password: 'salah-sekali-1', sourceIp: HOME })).toEqual({ kind: 'invalid' });
    expect(await login(deps, { username: '<script>', password: 'x', sourceIp: HOME })).toEqual({ kind: 'invalid' });
  });

  it('makes each failure of one (account, source) wait longer: 1 s, 2 s, 4 s … never more than 15 minutes', async () => {
    expect([1, 2, 3, 4, 5, 10, 11, 40].map(loginDelayMs)).toEqual([1000, 2000, 4000, 8000, 16_000, 512_000, 900_000, 900_000]);
    expect(await login(deps, { username: 'budi', password: 'salah-1-xxxx', sourceIp: STRANGER })).toEqual({ kind: 'invalid' });
    expect(await login(deps, { username: 'budi', password: 'salah-2-xxxx', sourceIp: STRANGER })).toEqual({ kind: 'throttled', retryAfterSeconds: 1 });
    now += 1000;
    expect(await login(deps, { username: 'budi', password: 'salah-2-xxxx', sourceIp: STRANGER })).toEqual({ kind: 'invalid' });
    now += 1000;
    expect(await login(deps, { username: 'budi', password: 'salah-3-xxxx', sourceIp: STRANGER })).toEqual({ kind: 'throttled', retryAfterSeconds: 1 });
    now += 1000;
    expect(await login(deps, { username: 'budi', password: 'salah-3-xxxx', sourceIp: STRANGER })).toEqual({ kind: 'invalid' });
    expect(await login(deps, { username: 'budi', password: 'kata-sandi-budi', sourceIp: STRANGER })).toEqual({ kind: 'throttled', retryAfterSeconds: 4 });
  });

  it("never locks the officer out: a stranger's guesses, in any spelling of the name, slow down only the stranger", async () => {
    for (const [index, spelling] of ['budi', '  BUDI ', 'Ｂｕｄｉ'].entries()) {
      expect(await login(deps, { username: spelling, password: 'salah-sekali-xx', sourceIp: STRANGER })).toEqual({ kind: 'invalid' });
      if (index < 2) now += loginDelayMs(index + 1);
    }
    expect(await login(deps, { username: ' Budi', password: 'kata-sandi-budi', sourceIp: STRANGER })).toEqual({ kind: 'throttled', retryAfterSeconds: 4 });
    expect((await login(deps, { username: 'budi', password: 'kata-sandi-budi', sourceIp: HOME })).kind).toBe('ok');
  });

  it('throttles an unknown username exactly like a real one', async () => {
    const answers = async (username: string) => {
      const seen = [];
      for (let attempt = 0; attempt < 3; attempt += 1) seen.push(await login(deps, { username, password: 'salah-sekali-xx', sourceIp: STRANGER }));
      return seen;
    };
    const real = await answers('budi');
    expect(await answers('tidak-ada')).toEqual(real);
    expect(real).toEqual([{ kind: 'invalid' }, { kind: 'throttled', retryAfterSeconds: 1 }, { kind: 'throttled', retryAfterSeconds: 1 }]);
  });

  it('refuses a disabled officer, and ends their open sessions', async () => {
    const result = await login(deps, { username: 'budi', password: 'kata-sandi-budi', sourceIp: HOME });
    if (result.kind !== 'ok') throw new Error(result.kind);
    await store.disable('budi', 'admin', new Date(now));
    expect(await authenticate(deps, result.token)).toBeUndefined();
    expect(await login(deps, { username: 'budi', password: 'kata-sandi-budi', sourceIp: HOME })).toEqual({ kind: 'invalid' });
  });

  it('ends the session at logout, whatever the cookie still says', async () => {
    const result = await login(deps, { username: 'budi', password: 'kata-sandi-budi', sourceIp: HOME });
    if (result.kind !== 'ok') throw new Error(result.kind);
    const session = await authenticate(deps, result.token);
    if (!session) throw new Error('no session');
    await logout(deps, session);
    expect(await authenticate(deps, result.token)).toBeUndefined();
  });

  it('gives every login a new session id and ends the session the browser carried (no fixation)', async () => {
    const first = await login(deps, { username: 'budi', password: 'kata-sandi-budi', sourceIp: HOME });
    if (first.kind !== 'ok') throw new Error(first.kind);
    const second = await login(deps, { username: 'budi', password: 'kata-sandi-budi', previousToken: first.token, sourceIp: HOME });
    if (second.kind !== 'ok') throw new Error(second.kind);
    expect(readSession(second.token, KEY, now)?.sid).not.toBe(readSession(first.token, KEY, now)?.sid);
    expect(second.csrfToken).not.toBe(first.csrfToken);
    expect(await authenticate(deps, first.token)).toBeUndefined();
    expect(await authenticate(deps, second.token)).toBeDefined();
  });

  it('takes the role from the account, not from the cookie', async () => {
    const result = await login(deps, { username: 'budi', password: 'kata-sandi-budi', sourceIp: HOME });
    if (result.kind !== 'ok') throw new Error(result.kind);
    store.setRole('budi', 'admin');
    expect((await authenticate(deps, result.token))?.officer.role).toBe('admin');
  });
});

describe('the first officer', () => {
  it('is created as admin once, when no officer exists', async () => {
    const store = new MemoryOfficerStore();
    const deps = { officers: store, clock: { now: () => new Date(NOW) } };
    expect(await ensureFirstOfficer(deps, { username: 'admin', password: 'first-password-1' })).toBe('created');
    expect(await ensureFirstOfficer(deps, { username: 'admin', password: 'another-password' })).toBe('exists');
    const [officer] = await store.list();
    expect(officer).toEqual(expect.objectContaining({ username: 'admin', role: 'admin', disabled: false }));
    expect(await verifyPassword('first-password-1', officer?.passwordHash ?? '')).toBe(true);
  });

  it('is created once when two cold starts race', async () => {
    const store = new MemoryOfficerStore();
    const deps = { officers: store, clock: { now: () => new Date(NOW) } };
    const results = await Promise.all([
      ensureFirstOfficer(deps, { username: 'admin', password: 'first-password-1' }),
      ensureFirstOfficer(deps, { username: 'admin', password: 'first-password-2' }),
    ]);
    expect(results.sort()).toEqual(['created', 'exists']);
    expect(await store.list()).toHaveLength(1);
  });

  it('refuses a first password shorter than 10 characters', async () => {
    const deps = { officers: new MemoryOfficerStore(), clock: { now: () => new Date(NOW) } };
    await expect(ensureFirstOfficer(deps, { username: 'admin', password: 'short' })).rejects.toThrow(/password-too-short/);
  });
});
