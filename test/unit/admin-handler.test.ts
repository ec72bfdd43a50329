/**
 * The admin handler on Function URL events (payload v2) with an in-memory officer store and a stand-in
 * registrations API: what AWS sees (cookies at `/`, always Secure), the first officer from the secret,
 * pages that escape what the API hands them, and errors that leak nothing.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { deriveSessionKey } from '../../lambdas/admin/auth';
import type { Officer, RegistrationAction, RegistrationsApi } from '../../lambdas/admin/officer-api';
import { ok, problem, type AdminProblemKind, type AdminResult } from '../../lambdas/admin/results';
import { createAdminHandler, type AdminHandler } from '../../lambdas/handlers/admin-handler';
import { MemoryOfficerStore } from '../support/memory-officer-store';

const NOW = new Date('2026-11-26T03:00:00Z');
const KEY = deriveSessionKey('link-signing-key-for-tests');

const registration = {
  queueNumber: 'KRC-007',
  name: 'Siti Aminah',
  nik: '3201234203850001',
  placeOfBirth: 'SUNGAI PENUH',
  dateOfBirth: '1985-03-02',
  phone: '6289617841945',
  service: { id: 1, name: 'BAP Paspor Hilang' },
  status: 'PENDING',
  createdAt: '2026-11-24T01:00:00.000Z',
  rescheduled: false,
  flags: ['NIK_TANGGAL_LAHIR_BERBEDA'],
  profileName: '<b onmouseover=alert(1)>Siti</b>',
  requirements: [
    { id: 'ktp', name: 'KTP' },
    { id: 'kk', name: 'KK' },
  ],
};

const PROBLEM_KINDS: Readonly<Record<number, AdminProblemKind>> = { 400: 'malformed', 404: 'not-found', 409: 'conflict', 422: 'refused' };

class StubRegistrations implements RegistrationsApi {
  readonly calls: Array<{ name: string; args: unknown[] }> = [];
  failWith: Error | undefined;

  /** The answer given as status and body, handed to the handler as the API's typed result. */
  private answer(name: string, args: unknown[], answer: { status: number; body: unknown }): Promise<AdminResult<never>> {
    this.calls.push({ name, args });
    if (this.failWith) return Promise.reject(this.failWith);
    if (answer.status === 200) return Promise.resolve(ok(answer.body as never));
    const { error, message } = answer.body as { error: string; message: string };
    return Promise.resolve(problem(PROBLEM_KINDS[answer.status] ?? 'malformed', error, message));
  }

  list(query: { status?: string; date?: string; q?: string }) {
    return this.answer('list', [query], { status: 200, body: [registration] });
  }
  get(queueNumber: string, officer: Officer) {
    if (queueNumber !== registration.queueNumber)
      return this.answer('get', [queueNumber, officer], {
        status: 404,
        body: { error: 'not-found', message: `Nomor antrian ${queueNumber} tidak ditemukan.` },
      });
    return this.answer('get', [queueNumber, officer], {
      status: 200,
      body: {
        ...registration,
        documents: [
          {
            requirement: 'ktp',
            name: '<img src=x onerror=alert(1)>.jpg',
            contentType: 'image/jpeg',
            url: 'https://bucket.s3.amazonaws.com/documents/d/ktp.jpg?X-Amz-Signature=abc',
          },
          { requirement: 'kk', name: 'kk.pdf', contentType: 'application/pdf', url: 'javascript:alert(1)' },
        ],
        history: [{ at: '2026-11-24T01:00:00.000Z', actor: 'pemohon', action: 'registered', detail: '</li><script>alert(1)</script>' }],
        deliveries: [{ at: '2026-11-24T01:00:01.000Z', what: 'Pendaftaran berhasil', status: 'failed', errorCode: 131047, error: '<i>131047</i>' }],
      },
    });
  }
  async pictureLinks(): Promise<string[]> {
    return [];
  }
  recordView(queueNumber: string, officer: Officer) {
    return this.answer('recordView', [queueNumber, officer], { status: 200, body: { recorded: true } });
  }
  act(queueNumber: string, action: RegistrationAction, body: unknown, officer: Officer) {
    return this.answer('act', [queueNumber, action, body, officer], { status: 409, body: { error: 'status', message: 'Tidak dapat.' } });
  }
  getDay(date: string) {
    return this.answer('getDay', [date], { status: 200, body: { date, capacity: 20, booked: 3, closed: false, registrations: [] } });
  }
  openDays(query: { from?: string; count?: string }) {
    return this.answer('openDays', [query], {
      status: 200,
      body: { from: '2026-11-27', days: [{ date: '2026-11-27', capacity: 20, booked: 3, free: 17, nextFreeTime: '08:00' }] },
    });
  }
  putDay(date: string, body: unknown, officer: Officer) {
    return this.answer('putDay', [date, body, officer], { status: 200, body: { date } });
  }
  summary() {
    return this.answer('summary', [], { status: 200, body: { counts: { PENDING: 1 }, stalePending: [registration], rebookingToCall: [] } });
  }
  dataRequests() {
    return this.answer('dataRequests', [], { status: 200, body: [] });
  }
  failedSends() {
    return this.answer('failedSends', [], {
      status: 200,
      body: [
        {
          at: '2026-11-24T01:00:00.000Z',
          reason: 'refused',
          code: 131026,
          title: '<b>Message undeliverable</b>',
          what: 'Pengingat H-1',
          queueNumber: registration.queueNumber,
          name: '<script>alert(1)</script>',
          phone: '6281234567890',
        },
      ],
    });
  }
  verifyProof(body: unknown) {
    return this.answer('verifyProof', [body], { status: 200, body: { valid: false } });
  }
  dayCode(query: { date?: string }) {
    return this.answer('dayCode', [query], { status: 200, body: { date: '2026-01-01', code: 'AAAAA' } });
  }
  posterPdf(query: { date?: string }) {
    return this.answer('posterPdf', [query], { status: 200, body: { date: '2026-01-01', pdf: new Uint8Array() } });
  }
  dailyReport(query: { date?: string }) {
    return this.answer('dailyReport', [query], { status: 200, body: { date: '2026-01-01' } });
  }
  monthlySatisfaction(query: { month?: string }) {
    return this.answer('monthlySatisfaction', [query], { status: 200, body: { month: '2026-01' } });
  }
}

function event(
  method: string,
  rawPath: string,
  options: { body?: unknown; cookies?: string[]; headers?: Record<string, string>; query?: Record<string, string> } = {},
): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    ...(options.cookies ? { cookies: options.cookies } : {}),
    // As a browser sends them on the app's own fetch() calls.
    headers: {
      'x-forwarded-proto': 'https',
      ...(options.body !== undefined ? { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' } : {}),
      ...options.headers,
    },
    ...(options.query ? { queryStringParameters: options.query } : {}),
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abc',
      domainName: 'abc123.lambda-url.ap-southeast-3.on.aws',
      domainPrefix: 'abc123',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'jest' },
      requestId: 'r',
      routeKey: '$default',
      stage: '$default',
      time: NOW.toUTCString(),
      timeEpoch: NOW.getTime(),
    },
    ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
    isBase64Encoded: false,
  };
}

let store: MemoryOfficerStore;
let registrations: StubRegistrations;
let handler: AdminHandler;
let logged: string[];

beforeEach(() => {
  store = new MemoryOfficerStore();
  registrations = new StubRegistrations();
  logged = [];
  handler = createAdminHandler({
    officers: store,
    registrations,
    sessionKey: async () => KEY,
    clock: { now: () => NOW },
    basePath: '',
    log: {
      info: (message) => logged.push(message),
      warn: (message) => logged.push(message),
      error: (message, fields) => logged.push(`${message} ${JSON.stringify(fields)}`),
    },
    firstOfficer: async () => ({ username: 'kepala', password: 'kata-sandi-pertama' }),
  });
});

async function logIn(): Promise<{ cookie: string; csrf: string; result: APIGatewayProxyStructuredResultV2 }> {
  const result = await handler(event('POST', '/api/login', { body: { username: 'kepala', password: 'kata-sandi-pertama' } }));
  const cookie = (result.cookies?.[0] ?? '').split(';')[0] ?? '';
  return { cookie, csrf: (JSON.parse(result.body ?? '{}') as { csrfToken: string }).csrfToken, result };
}

it('creates the first officer from the secret at the first request, and only once', async () => {
  await handler(event('GET', '/'));
  await handler(event('GET', '/'));
  expect(await store.list()).toEqual([expect.objectContaining({ username: 'kepala', role: 'admin', createdBy: 'system' })]);
  expect(logged.filter((line) => line === 'first officer created')).toHaveLength(1);
});

it('sets the session cookie at the Function URL root, always Secure there, with HSTS', async () => {
  const { result } = await logIn();
  expect(result.statusCode).toBe(200);
  expect(result.cookies).toEqual([expect.stringMatching(/^sibapao_session=v1\.[^;]+; Max-Age=28800; Path=\/; HttpOnly; SameSite=Strict; Secure$/)]);
  expect(result.headers?.['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  const plain = await handler(event('GET', '/', { headers: { 'x-forwarded-proto': 'http' } }));
  expect(plain.headers?.['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
});

it('passes the officer, the route parameters and the parsed body to the registrations API unchanged', async () => {
  const { cookie, csrf } = await logIn();
  const body = { date: '2026-12-01', time: '09:00', note: 'x', extra: [1, 2] };
  const result = await handler(event('POST', '/api/registrations/KRC-007/confirm', { body, cookies: [cookie], headers: { 'x-csrf-token': csrf } }));
  expect(result.statusCode).toBe(409);
  expect(JSON.parse(result.body ?? '')).toEqual({ error: 'status', message: 'Tidak dapat.' });
  expect(registrations.calls.at(-1)).toEqual({ name: 'act', args: ['KRC-007', 'confirm', body, { username: 'kepala', role: 'admin' }] });

  await handler(event('GET', '/api/registrations', { cookies: [cookie], query: { status: 'PENDING', q: 'siti', ignored: 'x' } }));
  expect(registrations.calls.at(-1)).toEqual({ name: 'list', args: [{ status: 'PENDING', q: 'siti', documentCount: true }] });
  await handler(event('GET', '/api/days', { cookies: [cookie], query: { from: '2026-12-01', count: '5' } }));
  expect(registrations.calls.at(-1)).toEqual({ name: 'openDays', args: [{ from: '2026-12-01', count: '5' }] });
  await handler(event('PUT', '/api/days/2026-12-01', { body: { closed: true }, cookies: [cookie], headers: { 'x-csrf-token': csrf } }));
  expect(registrations.calls.at(-1)).toEqual({ name: 'putDay', args: ['2026-12-01', { closed: true }, { username: 'kepala', role: 'admin' }] });
});

it('answers 500 without internals when the registrations API fails, and logs the error name', async () => {
  const { cookie } = await logIn();
  registrations.failWith = Object.assign(new Error('ProvisionedThroughputExceeded on table t-123'), { name: 'ThrottlingError' });
  const api = await handler(event('GET', '/api/summary', { cookies: [cookie] }));
  expect(api.statusCode).toBe(500);
  expect(api.body).not.toContain('t-123');
  expect(JSON.parse(api.body ?? '')).toEqual({ error: 'internal', message: expect.stringContaining('Terjadi kesalahan') });
  const page = await handler(event('GET', '/', { cookies: [cookie] }));
  expect(page.statusCode).toBe(500);
  expect(page.body).not.toContain('t-123');
  expect(logged.some((line) => line.includes('ThrottlingError'))).toBe(true);
});

it('renders the detail with every value from the API escaped and unsafe links neutralised', async () => {
  const { cookie } = await logIn();
  const page = await handler(event('GET', '/registrations/KRC-007', { cookies: [cookie] }));
  expect(page.statusCode).toBe(200);
  const html = page.body ?? '';
  expect(html).toContain('&lt;b onmouseover=alert(1)&gt;Siti&lt;/b&gt;');
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.jpg');
  expect(html).toContain('&lt;/li&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  // Meta's failure explained in Indonesian with what to do, not the API's English line.
  expect(html).toContain('Lebih dari 24 jam sejak pemohon terakhir membalas');
  expect(html).toContain('(Kode WhatsApp 131047)');
  expect(html).toContain('<span class="badge delivery-failed">Gagal</span>');
  expect(html).not.toMatch(/<script>alert|<img src=x|<b onmouseover|<i>131047/);
  expect(html).not.toContain('javascript:');
  expect(html).toContain('<img src="https://bucket.s3.amazonaws.com/documents/d/ktp.jpg?X-Amz-Signature=abc"');
  // The flag in words, never its code.
  expect(html).toContain('<strong>Tgl lahir ≠ NIK.</strong> Tanggal lahir pada NIK berbeda');
  expect(html).not.toContain('NIK_TANGGAL_LAHIR_BERBEDA');
  expect(html).toMatch(/<meta name="csrf-token" content="[A-Za-z0-9_-]{43}">/);
  expect(html).not.toMatch(/<script(?![^>]*(src=|type="application\/json"))/);
  expect(html).not.toMatch(/ style=/);
});

it('renders a 404 page for an unknown queue number and marks PENDING past 24 hours on the dashboard', async () => {
  const { cookie } = await logIn();
  expect((await handler(event('GET', '/registrations/KRC-404', { cookies: [cookie] }))).statusCode).toBe(404);
  const dashboard = await handler(event('GET', '/', { cookies: [cookie] }));
  expect(dashboard.body).toContain('panel-alert');
  expect(dashboard.body).toContain('Lewat 24 jam');
});

it('serves the script and style with the security headers, and only to GET', async () => {
  const script = await handler(event('GET', '/static/admin.js'));
  expect(script.statusCode).toBe(200);
  expect(script.headers?.['content-type']).toBe('text/javascript; charset=utf-8');
  expect(script.headers?.['content-security-policy']).toContain("default-src 'self'");
  expect((await handler(event('POST', '/static/admin.js'))).statusCode).toBe(405);
});

it('does not redirect to another site after login', async () => {
  const page = await handler(event('GET', '/login', { query: { next: '//evil.example/x' } }));
  expect(page.body).toContain('data-next="/"');
  const inside = await handler(event('GET', '/login', { query: { next: '/registrations?status=PENDING' } }));
  expect(inside.body).toContain('data-next="/registrations?status=PENDING"');
});

it('lists messages that did not reach the applicant, escaped, with the number to call and why', async () => {
  const { cookie } = await logIn();
  const api = await handler(event('GET', '/api/failed-sends', { cookies: [cookie] }));
  expect(api.statusCode).toBe(200);
  expect(JSON.parse(api.body ?? '')).toHaveLength(1);
  const page = await handler(event('GET', '/failed-sends', { cookies: [cookie] }));
  expect(page.statusCode).toBe(200);
  const html = page.body ?? '';
  expect(html).toContain('Pesan yang tidak sampai');
  expect(html).toContain('Ditolak WhatsApp');
  expect(html).toContain(
    'Pesan tidak dapat diantar: nomor tidak memakai WhatsApp, atau aplikasinya terlalu lama.</span> <strong>Hubungi pemohon lewat telepon atau SMS.</strong> <small class="muted">(Kode WhatsApp 131026)</small>',
  );
  expect(html).not.toContain('Message undeliverable');
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(html).not.toMatch(/<script>alert|<b>Message/);
  expect(html).toContain('Pengingat H-1');
  expect(html).toMatch(/href="[^"]*\/registrations\/KRC-007"/);
});
