/**
 * The admin app's gate on the real local server (DynamoDB Local): login, cookies, throttling, sessions that
 * end (logout, disabling, expiry, tampering, fixation), CSRF, roles and security headers. Other source
 * addresses are real ones: a client bound to 127.0.0.x (all of 127/8 is this machine) is another address.
 */
import { request as httpRequest } from 'node:http';
import { deriveSessionKey, readSession, signSession } from '../../lambdas/admin/auth';
import { AdminClient, adminSession } from '../support/admin-client';
import { workingDay } from '../support/officer-api';
import { tallyFor } from '../support/tally';
import { startTestServer, type TestServer } from '../support/test-server';

const tally = tallyFor(__filename);

let server: TestServer;
let admin: AdminClient;
let officerCounter = 0;

beforeAll(async () => {
  server = await startTestServer();
  admin = await adminSession(server);
});
afterAll(async () => server?.cleanUp());

const sessionKey = () => deriveSessionKey(server.secrets.LINK_SIGNING_KEY);

/** A new account through the API, and a client logged in with it. */
async function newOfficer(role: 'petugas' | 'admin' = 'petugas'): Promise<{ username: string; password: string; client: AdminClient }> {
  officerCounter += 1;
  const username = `petugas-${officerCounter}-${Date.now() % 100000}`;
  const password = `kata-sandi-${officerCounter}-panjang`;
  const added = await admin.request('POST', '/api/officers', { body: { username, password, role } });
  expect(added.status).toBe(201);
  const client = new AdminClient(server);
  expect((await client.login(username, password)).status).toBe(200);
  return { username, password, client };
}

interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: unknown;
}

/** A login from `localAddress` (another machine, as far as the server can tell). */
function loginFrom(
  localAddress: string,
  username: string,
  password: string,
  options: { headers?: Record<string, string>; rawBody?: string } = {},
): Promise<RawAnswer> {
  const url = new URL(`${server.url}/admin/api/login`);
  const body = options.rawBody ?? JSON.stringify({ username, password });
  const headers: Record<string, string | number> = { 'content-type': 'application/json', origin: url.origin, 'content-length': Buffer.byteLength(body) };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === '') delete headers[name];
    else headers[name] = value;
  }
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, agent: false, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: parsed });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe('login', () => {
  it('answers 200 with a CSRF token and an HttpOnly, SameSite=Strict session cookie on the /admin path', async () => {
    const client = new AdminClient(server);
    const response = await client.login('admin', server.adminPassword);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), officer: { username: 'admin', role: 'admin' } });
    expect(response.setCookies).toHaveLength(1);
    const attributes = (response.setCookies[0] ?? '').split(';').map((part) => part.trim());
    expect(attributes[0]).toMatch(/^sibapao_session=v1\./);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/admin', 'Max-Age=28800']));
    expect(attributes).not.toContain('Secure');
  });

  it('marks the cookie Secure and sends HSTS when the request came over HTTPS', async () => {
    const client = new AdminClient(server);
    const response = await client.request('POST', '/api/login', {
      body: { username: 'admin', password: server.adminPassword },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(response.status).toBe(200);
    expect(response.setCookies[0]).toMatch(/; Secure$/);
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
  });

  it('answers a wrong password and an unknown user with the same 401', async () => {
    const wrong = await loginFrom('127.0.0.20', 'admin', 'bukan-kata-sandinya');
    const unknown = await loginFrom('127.0.0.21', 'tidak-ada', 'bukan-kata-sandinya');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body).toEqual({ error: 'invalid-credentials', message: 'Nama pengguna atau kata sandi salah.' });
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('checks at most one of 40 simultaneous logins (39 wrong, 1 right) for one account from one address', async () => {
    const { username, password } = await newOfficer();
    const guesses = Array.from({ length: 40 }, (_, index) => (index === 17 ? password : `salah-${index}-sekali`));
    const answers = await Promise.all(guesses.map((guess) => loginFrom('127.0.0.30', username, guess)));
    const statuses = answers.map((answer) => answer.status);
    const checkedWrong = statuses.filter((status) => status === 401).length;
    const throttled = statuses.filter((status) => status === 429).length;
    tally.check('admin security', 'login race: 40 simultaneous logins (39 wrong), wrong passwords checked ≤ 1', checkedWrong <= 1 && throttled >= 38);
    expect(checkedWrong).toBeLessThanOrEqual(1);
    expect(throttled).toBeGreaterThanOrEqual(38);
    expect(statuses.every((status) => status === 200 || status === 401 || status === 429)).toBe(true);
    const slowed = answers.find((answer) => answer.status === 429);
    expect(slowed?.body).toEqual({
      error: 'throttled',
      message: expect.stringMatching(/^Terlalu banyak percobaan masuk yang gagal dari perangkat ini\. Tunggu \d+ detik/),
      retryAfter: expect.any(Number),
    });
    expect(Number(slowed?.headers['retry-after'])).toBeGreaterThan(0);
  });

  it("slows down a stranger's guesses (any spelling of the name) without locking the officer out", async () => {
    const { username, password } = await newOfficer();
    const spellings = [username, `  ${username.toUpperCase()} `, ` ${username}`, username.toUpperCase(), `${username}  `, username];
    const stranger: number[] = [];
    for (const spelling of spellings) stranger.push((await loginFrom('127.0.0.40', spelling, 'tebakan-salah-xx')).status);
    expect(stranger).toEqual([401, 429, 429, 429, 429, 429]);
    const officer = await loginFrom('127.0.0.1', username, password);
    tally.check('admin security', "a stranger's wrong logins do not lock the officer out (other address: 200)", officer.status === 200);
    expect(officer.status).toBe(200);
    // The stranger still waits, whatever the officer did.
    expect((await loginFrom('127.0.0.40', username, password)).status).toBe(429);
  });

  it('answers an unknown username exactly like a real one, up to the throttle', async () => {
    const { username } = await newOfficer();
    const seen = async (name: string, address: string) => {
      const answers = [];
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const answer = await loginFrom(address, name, 'tebakan-salah-xx');
        answers.push({ status: answer.status, error: (answer.body as { error?: string }).error });
      }
      return answers;
    };
    const real = await seen(username, '127.0.0.50');
    const unknown = await seen('bukan-petugas-siapa-pun', '127.0.0.51');
    tally.check('admin security', 'unknown username answered like a real one (401, then 429)', JSON.stringify(real) === JSON.stringify(unknown));
    expect(unknown).toEqual(real);
    expect(real.map((answer) => answer.status)).toEqual([401, 429, 429]);
  });

  it('refuses a login that is not JSON or comes from another site (login CSRF)', async () => {
    const { username, password } = await newOfficer();
    const attempts: Array<[string, Parameters<typeof loginFrom>[3]]> = [
      ['text/plain', { headers: { 'content-type': 'text/plain' } }],
      ['form', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, rawBody: `username=${username}&password=${password}` }],
      ['other origin', { headers: { origin: 'http://evil.example' } }],
      ['cross-site fetch', { headers: { 'sec-fetch-site': 'cross-site' } }],
      ['no origin at all', { headers: { origin: '' } }],
    ];
    for (const [what, options] of attempts) {
      const answer = await loginFrom('127.0.0.60', username, password, options);
      tally.check('admin security', 'login not JSON or from another site refused (403)', answer.status === 403);
      expect([what, answer.status]).toEqual([what, 403]);
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
    expect((await loginFrom('127.0.0.60', username, password, { headers: { 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
  });

  it('tells admins (officers page, API) when an account is being guessed from many addresses', async () => {
    const { username } = await newOfficer();
    for (let address = 70; address < 82; address += 1) await loginFrom(`127.0.0.${address}`, username, 'tebakan-salah-xx');
    const listed = (await admin.request('GET', '/api/officers')).body as Array<{ username: string; guessing?: { failures: number; sources: number } }>;
    const guessed = listed.find((officer) => officer.username === username);
    tally.check('admin security', 'account being guessed shown to admins (12 failures from 12 addresses)', guessed?.guessing?.failures === 12);
    expect(guessed?.guessing).toEqual({ failures: 12, sources: 12 });
    expect(listed.find((officer) => officer.username === 'admin')?.guessing).toBeUndefined();
    const page = await admin.request('GET', '/officers');
    expect(page.body).toContain('Sedang ditebak: 12 kali gagal masuk dalam 2 jam terakhir dari 12 alamat');
  });

  it('answers 400 to a login body that is not JSON or lacks the fields', async () => {
    const client = new AdminClient(server);
    expect((await client.request('POST', '/api/login', { rawBody: '{"username":' })).status).toBe(400);
    expect((await client.request('POST', '/api/login', { body: { username: 'admin' } })).status).toBe(400);
  });
});

describe('sessions', () => {
  const date = () => workingDay(3);
  const calls = (): Array<[string, string, unknown?]> => [
    ['GET', '/api/registrations'],
    ['GET', '/api/registrations?status=PENDING'],
    ['GET', '/api/registrations/KRC-001'],
    ['POST', '/api/registrations/KRC-001/confirm', { date: date(), time: '09:00' }],
    ['POST', '/api/registrations/KRC-001/request-fix', { note: 'x' }],
    ['POST', '/api/registrations/KRC-001/reschedule', { date: date(), time: '09:00' }],
    ['POST', '/api/registrations/KRC-001/cancel', { reason: 'x' }],
    ['POST', '/api/registrations/KRC-001/complete', { attended: true }],
    ['GET', '/api/officers'],
    ['POST', '/api/officers', { username: 'siapa', password: 'panjang-sekali', role: 'admin' }],
    ['POST', '/api/officers/admin/disable'],
    ['GET', `/api/days/${date()}`],
    ['PUT', `/api/days/${date()}`, { capacity: 1 }],
    ['GET', '/api/summary'],
    ['POST', '/api/proofs/verify', { content: 'x' }],
    ['POST', '/api/logout'],
  ];

  it('answers 401 to every API call without a session, before looking at CSRF', async () => {
    const anonymous = new AdminClient(server);
    for (const [method, path, body] of calls()) {
      const response = await anonymous.request(method, path, body === undefined ? {} : { body });
      tally.check('admin security', 'API call without a session refused (401)', response.status === 401);
      expect([method, path, response.status]).toEqual([method, path, 401]);
      expect(response.body).toEqual({ error: 'unauthenticated', message: expect.stringContaining('Sesi Anda telah berakhir') });
    }
  });

  it('answers 401 to an expired cookie and to a tampered one', async () => {
    const client = await adminSession(server);
    const token = decodeURIComponent((client.cookie ?? '').split('=')[1] ?? '');
    const claims = readSession(token, sessionKey(), Date.now());
    if (!claims) throw new Error('no claims');

    const expired = new AdminClient(server);
    expired.cookie = `sibapao_session=${signSession({ ...claims, iat: Date.now() - 9 * 3600_000, exp: Date.now() - 3600_000 }, sessionKey())}`;
    const expiredStatus = (await expired.request('GET', '/api/summary')).status;
    tally.check('admin security', 'expired session refused', expiredStatus === 401);
    expect(expiredStatus).toBe(401);

    const [version, body, signature] = token.split('.');
    const raised = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 3600_000 })).toString('base64url');
    const tampered = new AdminClient(server);
    tampered.cookie = `sibapao_session=${version}.${raised}.${signature}`;
    expect((await tampered.request('GET', '/api/summary')).status).toBe(401);
    tampered.cookie = `sibapao_session=${version}.${body}.${(signature ?? '').slice(0, -3)}abc`;
    expect((await tampered.request('GET', '/api/summary')).status).toBe(401);

    expect((await client.request('GET', '/api/summary')).status).toBe(200);
  });

  it('refuses a session for an account that does not exist even when signed with the right key', async () => {
    const forged = new AdminClient(server);
    forged.cookie = `sibapao_session=${signSession({ sid: 'invented', u: 'admin', r: 'admin', iat: Date.now(), exp: Date.now() + 3600_000 }, sessionKey())}`;
    expect((await forged.request('GET', '/api/officers')).status).toBe(401);
  });

  it('answers 403 to a POST or PUT without the X-CSRF-Token header or with a wrong one', async () => {
    const client = await adminSession(server);
    const other = await adminSession(server);
    for (const csrf of [null, 'wrong-token', other.csrfToken ?? '']) {
      for (const [method, path, body] of [
        ['POST', '/api/proofs/verify', { content: 'x' }],
        ['PUT', `/api/days/${date()}`, { capacity: 5 }],
        ['POST', '/api/officers', { username: 'tak-jadi', password: 'panjang-sekali', role: 'petugas' }],
        ['POST', '/api/logout', undefined],
      ] as const) {
        const response = await client.request(method, path, { ...(body ? { body } : {}), csrf });
        tally.check('admin security', 'CSRF: change without or with a wrong token refused (403)', response.status === 403);
        expect([method, path, response.status]).toEqual([method, path, 403]);
        expect(response.body).toEqual({ error: 'csrf', message: expect.stringContaining('token keamanan') });
      }
    }
    expect((await client.request('GET', '/api/officers')).body).not.toContainEqual(expect.objectContaining({ username: 'tak-jadi' }));
    expect((await client.request('POST', '/api/proofs/verify', { body: { content: 'x' } })).status).toBe(200);
  });

  it('ends the session at logout: the old cookie gets 401, and the cookie is cleared', async () => {
    const client = await adminSession(server);
    const cookie = client.cookie;
    const response = await client.request('POST', '/api/logout');
    expect(response.status).toBe(200);
    expect(response.setCookies[0]).toMatch(/^sibapao_session=; Max-Age=0; .*Path=\/admin; HttpOnly; SameSite=Strict/);
    const replay = new AdminClient(server);
    replay.cookie = cookie;
    expect((await replay.request('GET', '/api/summary')).status).toBe(401);
  });

  it('never reuses a session from before login: after logging in, the earlier cookie is refused (no fixation)', async () => {
    const client = await adminSession(server);
    const before = client.cookie;
    const beforeCsrf = client.csrfToken;
    const relogin = await client.login('admin', server.adminPassword);
    expect(relogin.status).toBe(200);
    expect(client.cookie).not.toBe(before);
    expect(client.csrfToken).not.toBe(beforeCsrf);
    const old = new AdminClient(server);
    old.cookie = before;
    const fixed = (await old.request('GET', '/api/summary')).status;
    tally.check('admin security', 'session fixation: the cookie from before login refused', fixed === 401);
    expect(fixed).toBe(401);
    expect((await client.request('GET', '/api/summary')).status).toBe(200);
  });
});

describe('roles', () => {
  it('answers 403 to a petugas on the officers API and on PUT api/days, and lets them read a day', async () => {
    const { client } = await newOfficer('petugas');
    const date = workingDay(4);
    for (const [method, path, body] of [
      ['GET', '/api/officers', undefined],
      ['POST', '/api/officers', { username: 'naik-pangkat', password: 'panjang-sekali', role: 'admin' }],
      ['POST', '/api/officers/admin/disable', undefined],
      ['PUT', `/api/days/${date}`, { capacity: 1 }],
    ] as const) {
      const response = await client.request(method, path, body ? { body } : {});
      tally.check('admin security', 'petugas session on an admin call refused (403)', response.status === 403);
      expect([method, path, response.status]).toEqual([method, path, 403]);
      expect(response.body).toEqual({ error: 'forbidden', message: 'Hanya admin yang dapat melakukan ini.' });
    }
    expect((await client.request('GET', `/api/days/${date}`)).status).toBe(200);
    expect((await client.request('GET', '/api/summary')).status).toBe(200);
    expect((await client.request('GET', '/officers')).status).toBe(403);
  });

  it('lets an admin add a petugas who can log in, and ends their session when the admin disables them', async () => {
    const { username, password, client } = await newOfficer('petugas');
    expect((await client.request('GET', '/api/registrations')).status).toBe(200);
    const listed = (await admin.request('GET', '/api/officers')).body as Array<Record<string, unknown>>;
    expect(listed).toContainEqual(expect.objectContaining({ username, role: 'petugas', disabled: false }));
    for (const officer of listed) expect(officer).not.toHaveProperty('passwordHash');

    const disabled = await admin.request('POST', `/api/officers/${username}/disable`);
    expect(disabled).toMatchObject({ status: 200, body: { username, disabled: true } });
    expect((await client.request('GET', '/api/registrations')).status).toBe(401);
    expect((await new AdminClient(server).login(username, password)).status).toBe(401);
  });

  it('refuses bad new accounts with 422, a taken username with 409, and an admin disabling themself', async () => {
    const bad = [
      [{ username: 'AB', password: 'panjang-sekali', role: 'petugas' }, 'invalid-username'],
      [{ username: 'pendek', password: 'short', role: 'petugas' }, 'password-too-short'],
      [{ username: 'peran-aneh', password: 'panjang-sekali', role: 'root' }, 'invalid-role'],
    ] as const;
    for (const [body, error] of bad) {
      const response = await admin.request('POST', '/api/officers', { body });
      expect(response.status).toBe(422);
      expect(response.body).toEqual({ error, message: expect.any(String) });
    }
    expect((await admin.request('POST', '/api/officers', { body: { username: 'admin', password: 'panjang-sekali', role: 'petugas' } })).status).toBe(409);
    expect((await admin.request('POST', '/api/officers', { body: { username: 'x' } })).status).toBe(400);
    expect((await admin.request('POST', '/api/officers/admin/disable')).status).toBe(422);
    expect((await admin.request('POST', '/api/officers/tidak-ada/disable')).status).toBe(404);
  });
});

describe('routes and headers', () => {
  it('sends the strict security headers on API answers, pages and assets', async () => {
    for (const path of ['/api/summary', '/', '/login', '/static/admin.js', '/static/admin.css', '/tidak-ada']) {
      const response = await admin.request('GET', path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      // Pages and answers carry personal data: never stored. Scripts and styles do not, and pages link
      // them by version (`?v=<hash>`), so a browser keeps them instead of fetching them on every page.
      expect(response.headers.get('cache-control')).toBe(path.startsWith('/static/') ? 'public, max-age=86400, immutable' : 'no-store');
    }
  });

  it('answers 404 to an unknown API route, 405 to a wrong method and 400 to a malformed JSON body', async () => {
    expect((await admin.request('GET', '/api/tidak-ada')).status).toBe(404);
    expect((await admin.request('POST', '/api/registrations/KRC-001/approve', { body: {} })).status).toBe(404);
    expect((await admin.request('DELETE', '/api/officers')).status).toBe(405);
    expect((await admin.request('POST', '/api/proofs/verify', { rawBody: '{not json' })).status).toBe(400);
  });

  it('shows the login page at the root without a session, and sends other pages to it', async () => {
    const anonymous = new AdminClient(server);
    const root = await anonymous.request('GET', '/');
    expect(root.status).toBe(200);
    expect(root.body).toContain('id="login-form"');
    const detail = await anonymous.request('GET', '/registrations?status=PENDING');
    expect(detail.status).toBe(302);
    expect(detail.headers.get('location')).toBe(`/admin/login?next=${encodeURIComponent('/admin/registrations?status=PENDING')}`);
  });

  it('passes registration calls through to the registrations API once the gate is passed', async () => {
    expect((await admin.request('GET', '/api/registrations/KRC-99999')).status).toBe(404);
    expect((await admin.request('POST', '/api/registrations/KRC-99999/confirm', { body: { date: 'kemarin', time: '9' } })).status).toBe(400);
    const summary = await admin.request('GET', '/api/summary');
    expect(summary.body).toEqual(expect.objectContaining({ counts: expect.objectContaining({ PENDING: expect.any(Number) }) }));
  });
});
