/**
 * The `web`-mode upload page against the real local server: signed links, presigned PUTs through the
 * same-origin `/_s3` proxy into s3rver, the checks on arrival, and the draft's documents in DynamoDB Local.
 */
import { randomUUID } from 'node:crypto';
import { signUploadToken, type UploadGrant } from '../../lambdas/adapters/upload-links';
import { REQUIREMENTS, DEFAULT_SERVICES, type RequirementId } from '../../lambdas/domain/services';
import { TINY_JPEG as JPEG, TINY_PDF as PDF, TINY_PNG as PNG } from '../support/documents';
import { startTestServer, type TestServer } from '../support/test-server';

const DAY_MS = 24 * 60 * 60 * 1000;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.cleanUp();
});

function link(grant: Partial<UploadGrant> = {}): { draftId: string; token: string; url: string } {
  const draftId = grant.draftId ?? randomUUID();
  const token = signUploadToken({ serviceId: 1, expiresAt: Date.now() + DAY_MS, ...grant, draftId }, server.secrets.LINK_SIGNING_KEY);
  return { draftId, token, url: `${server.url}/upload/${token}` };
}

function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

interface Ticket {
  uploadId: string;
  url: string;
  key: string;
}

async function startUpload(url: string, body: { requirement: string; filename: string; contentType: string; size: number }) {
  const response = await postJson(`${url}/uploads`, body);
  return { status: response.status, body: (await response.json()) as Ticket & { message?: string; error?: string } };
}

/** What the page's script does for one file: ask for a URL, PUT the bytes there, report the arrival. */
async function upload(url: string, requirement: string, filename: string, contentType: string, bytes: Buffer) {
  const started = await startUpload(url, { requirement, filename, contentType, size: bytes.length });
  expect(started.status).toBe(200);
  const put = await fetch(started.body.url, { method: 'PUT', headers: { 'content-type': contentType }, body: new Uint8Array(bytes) });
  expect(put.status).toBe(200);
  const completed = await postJson(`${url}/uploads/${started.body.uploadId}/complete`, {
    requirement,
    key: started.body.key,
    filename,
  });
  return { ticket: started.body, status: completed.status, body: (await completed.json()) as Record<string, unknown> };
}

describe('the page', () => {
  it('lists every requirement of the service, the size limit and the no-JavaScript note, with security headers', async () => {
    const { url } = link({ serviceId: 3 });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    const service = DEFAULT_SERVICES.find((candidate) => candidate.id === 3);
    expect(html).toContain('BAP Perubahan Data Paspor');
    for (const id of service?.requirements ?? []) expect(html).toContain(`data-requirement="${id}"`);
    expect(html).toContain(REQUIREMENTS['dasar-perubahan'].shortName);
    expect(html).toContain('maksimal 5 MB per file');
    expect(html).toMatch(/<noscript>.*JavaScript.*<\/noscript>/);
    expect(html).toContain('Kirim');

    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(`connect-src 'self' ${server.url}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('has no inline script: only its own file and a JSON data block', async () => {
    const html = await (await fetch(link().url)).text();
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts).toEqual(['<script src="/upload/static/upload.js" defer>', '<script type="application/json" id="upload-texts">']);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/\sstyle=/i);
  });

  it('serves its script and stylesheet under the upload root, with the same headers', async () => {
    const script = await fetch(`${server.url}/upload/static/upload.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await script.text()).toContain("'use strict'");
    const style = await fetch(`${server.url}/upload/static/upload.css`);
    expect(style.status).toBe(200);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('shows only the requested fields for a request for fixes (a grant with only)', async () => {
    const { url } = link({ serviceId: 1, only: ['kk', 'surat-kehilangan'] });
    const html = await (await fetch(url)).text();
    expect(html.match(/data-requirement="[^"]+"/g)).toEqual(['data-requirement="kk"', 'data-requirement="surat-kehilangan"']);
    expect(html).toContain('Petugas meminta anda mengunggah ulang');
  });

  it('answers 403 with a page saying to type MENU for a tampered link', async () => {
    const { token } = link();
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const response = await fetch(`${server.url}/upload/${tampered}`);
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain('Tautan tidak valid');
    expect(html).toContain('<strong>MENU</strong>');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('answers 410 with a page saying to type MENU for an expired link, and on the API too', async () => {
    const { url } = link({ expiresAt: Date.now() - 1000 });
    const response = await fetch(url);
    expect(response.status).toBe(410);
    expect(await response.text()).toContain('sudah tidak berlaku');
    const api = await postJson(`${url}/submit`, {});
    expect(api.status).toBe(410);
    expect(((await api.json()) as { message: string }).message).toMatch(/Ketik MENU di WhatsApp/);
  });

  it('answers 403 on the API for a link signed with another key', async () => {
    const forged = signUploadToken({ draftId: randomUUID(), serviceId: 1, expiresAt: Date.now() + DAY_MS }, 'another-key-of-32-characters!!!!');
    const response = await postJson(`${server.url}/upload/${forged}/uploads`, {
      requirement: 'ktp',
      filename: 'a.jpg',
      contentType: 'image/jpeg',
      size: 10,
    });
    expect(response.status).toBe(403);
  });

  it('answers 404 under /upload for anything that is not a route', async () => {
    expect((await fetch(`${server.url}/upload/`)).status).toBe(404);
    expect((await fetch(`${server.url}/upload/static/other.js`)).status).toBe(404);
  });

  it('escapes a file name on the page', async () => {
    const { url } = link();
    const filename = '<img src=x onerror=alert(1)>"ktp.jpg';
    expect((await upload(url, 'ktp', filename, 'image/jpeg', JPEG)).status).toBe(200);
    const html = await (await fetch(url)).text();
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;ktp.jpg');
    expect(html).not.toContain('<img src=x');
  });
});

describe('uploads, checked on arrival', () => {
  it('stores a JPEG sent to the presigned URL and records it on the draft', async () => {
    const { url, draftId } = link();
    const { ticket, status, body } = await upload(url, 'ktp', 'KTP saya.jpg', 'image/jpeg', JPEG);
    expect(ticket.url.startsWith(`${server.url}/_s3/`)).toBe(true);
    expect(ticket.key).toBe(`pending/${draftId}/ktp/${ticket.uploadId}-KTP_saya.jpg`);
    const stored = `documents/${draftId}/ktp/${ticket.uploadId}-KTP_saya.jpg`;
    expect(status).toBe(200);
    expect(body).toEqual({
      requirement: 'ktp',
      documents: [{ filename: 'KTP saya.jpg', size: JPEG.length, sizeText: '1 KB', contentType: 'image/jpeg' }],
    });
    expect(Buffer.from(await server.blobs.get(stored))).toEqual(JPEG);
    expect(await server.blobs.head(ticket.key)).toBeUndefined();
    expect(await server.drafts.listDocuments(draftId)).toEqual([
      expect.objectContaining({ requirement: 'ktp', key: stored, filename: 'KTP saya.jpg', contentType: 'image/jpeg', size: JPEG.length }),
    ]);
    expect(await (await fetch(url)).text()).toContain('KTP saya.jpg');
  });

  it('takes several pages for one requirement, PNG and PDF included, typed by their bytes', async () => {
    const { url, draftId } = link();
    await upload(url, 'kk', 'kk-1.png', 'image/png', PNG);
    const second = await upload(url, 'kk', 'kk-2.pdf', 'application/pdf', PDF);
    expect(second.status).toBe(200);
    expect((second.body.documents as Array<{ filename: string }>).map((document) => document.filename).sort()).toEqual(['kk-1.png', 'kk-2.pdf']);
    const stored = await server.drafts.listDocuments(draftId);
    expect(stored.map((document) => document.contentType).sort()).toEqual(['application/pdf', 'image/png']);
  });

  it('deletes a file whose bytes are not what it claims and answers 422 with a clear message', async () => {
    const { url, draftId } = link();
    const fake = Buffer.from('I am a PNG, honestly. Please believe me.');
    const { ticket, status, body } = await upload(url, 'ktp', 'ktp.png', 'image/png', fake);
    expect(status).toBe(422);
    expect(body).toEqual({ error: 'not-what-it-claims', message: expect.stringMatching(/bukan foto JPG\/PNG atau PDF/) });
    expect(await server.blobs.head(ticket.key)).toBeUndefined();
    expect(await server.drafts.listDocuments(draftId)).toEqual([]);
  });

  it('deletes an object over 5 MB on arrival, whatever size was declared', async () => {
    const { url, draftId } = link();
    const started = await startUpload(url, { requirement: 'ktp', filename: 'big.jpg', contentType: 'image/jpeg', size: 1000 });
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0);
    JPEG.copy(big);
    // The signed length holds at the storage, as in S3 (403) …
    expect((await fetch(started.body.url, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: new Uint8Array(big) })).status).toBe(403);
    // … and should an object of another size get there anyway, the check on arrival deletes it.
    await server.blobs.put(started.body.key, big, 'image/jpeg');
    const completed = await postJson(`${url}/uploads/${started.body.uploadId}/complete`, { requirement: 'ktp', key: started.body.key, filename: 'big.jpg' });
    expect(completed.status).toBe(422);
    expect(((await completed.json()) as { error: string }).error).toBe('too-large');
    expect(await server.blobs.head(started.body.key)).toBeUndefined();
    expect(await server.drafts.listDocuments(draftId)).toEqual([]);
  });

  it('answers 422 when the file never reached the bucket', async () => {
    const { url } = link();
    const started = await startUpload(url, { requirement: 'ktp', filename: 'ktp.jpg', contentType: 'image/jpeg', size: 100 });
    const completed = await postJson(`${url}/uploads/${started.body.uploadId}/complete`, { requirement: 'ktp', key: started.body.key, filename: 'ktp.jpg' });
    expect(completed.status).toBe(422);
    expect(((await completed.json()) as { error: string }).error).toBe('not-arrived');
  });

  it.each([
    ['a declared size over 5 MB', { size: 5 * 1024 * 1024 + 1 }, 'too-large', /maksimal|lebih dari 5 MB/],
    ['an empty file', { size: 0 }, 'empty', /kosong/],
    ['a type other than JPEG, PNG or PDF', { contentType: 'image/gif' }, 'unsupported-type', /JPG\/PNG atau PDF/],
    ['a requirement the grant does not ask for', { requirement: 'paspor-rusak' }, 'unknown-requirement', /tidak diminta/],
  ])('refuses %s with 422 and an Indonesian message', async (_what, change, error, message) => {
    const { url } = link();
    const response = await startUpload(url, { requirement: 'ktp', filename: 'ktp.jpg', contentType: 'image/jpeg', size: 2048, ...change });
    expect(response.status).toBe(422);
    expect(response.body).toEqual({ error, message: expect.stringMatching(message) });
  });

  it('refuses a requirement outside a request for fixes', async () => {
    const { url } = link({ only: ['kk'] });
    const response = await startUpload(url, { requirement: 'ktp', filename: 'ktp.jpg', contentType: 'image/jpeg', size: 2048 });
    expect(response.status).toBe(422);
  });

  it('answers 400 for a body that is not JSON or not the right shape', async () => {
    const { url } = link();
    const notJson = await fetch(`${url}/uploads`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { message: string }).message).toMatch(/tidak valid/);
    expect((await postJson(`${url}/uploads`, { requirement: 'ktp', filename: 'a.jpg', contentType: 'image/jpeg', size: '12' })).status).toBe(400);
    expect((await postJson(`${url}/uploads`, { requirement: 'ktp', contentType: 'image/jpeg', size: 12 })).status).toBe(400);
  });

  it('never trusts a key outside this draft and requirement: 400, and the foreign object is untouched', async () => {
    const victim = link();
    const own = link();
    const uploaded = await upload(victim.url, 'ktp', 'ktp.jpg', 'image/jpeg', JPEG);
    const started = await startUpload(own.url, { requirement: 'ktp', filename: 'x.jpg', contentType: 'image/jpeg', size: 100 });
    const victimKey = uploaded.ticket.key.replace(/^pending\//, 'documents/');
    for (const key of [
      uploaded.ticket.key,
      victimKey,
      `pending/${own.draftId}/kk/${started.body.uploadId}-x.jpg`,
      `pending/${own.draftId}/ktp/${started.body.uploadId}-../../${victim.draftId}/ktp/x.jpg`,
      `pending/${own.draftId}/ktp/${randomUUID()}-x.jpg`,
      `documents/${own.draftId}/ktp/${started.body.uploadId}-x.jpg`,
    ]) {
      const response = await postJson(`${own.url}/uploads/${started.body.uploadId}/complete`, { requirement: 'ktp', key, filename: 'x.jpg' });
      expect(response.status).toBe(400);
    }
    expect(await server.blobs.head(victimKey)).toEqual(expect.objectContaining({ size: JPEG.length }));
    expect(await server.drafts.listDocuments(own.draftId)).toEqual([]);
  });

  it('clears every page of one requirement, records and objects', async () => {
    const { url, draftId } = link();
    const first = await upload(url, 'ktp', 'a.jpg', 'image/jpeg', JPEG);
    const second = await upload(url, 'ktp', 'b.png', 'image/png', PNG);
    await upload(url, 'kk', 'kk.pdf', 'application/pdf', PDF);
    const response = await fetch(`${url}/requirements/ktp`, { method: 'DELETE' });
    expect(response.status).toBe(200);
    expect((await server.drafts.listDocuments(draftId)).map((document) => document.requirement)).toEqual(['kk']);
    expect(await server.blobs.head(first.ticket.key)).toBeUndefined();
    expect(await server.blobs.head(second.ticket.key)).toBeUndefined();
  });
});

describe('Kirim', () => {
  const submit = async (url: string) => {
    const response = await postJson(`${url}/submit`, {});
    expect(response.status).toBe(200);
    return (await response.json()) as { complete: boolean; missing?: RequirementId[]; message: string };
  };

  it('lists what is missing with *BERKAS ANDA BELUM LENGKAP*, then succeeds once every field has a page', async () => {
    const { url } = link({ serviceId: 2 });
    expect(await submit(url)).toEqual({ complete: false, missing: ['ktp', 'kk', 'akta', 'paspor-rusak'], message: '*BERKAS ANDA BELUM LENGKAP*' });
    await upload(url, 'ktp', 'ktp.jpg', 'image/jpeg', JPEG);
    await upload(url, 'akta', 'akta.pdf', 'application/pdf', PDF);
    expect(await submit(url)).toEqual({ complete: false, missing: ['kk', 'paspor-rusak'], message: '*BERKAS ANDA BELUM LENGKAP*' });
    await upload(url, 'kk', 'kk.png', 'image/png', PNG);
    await upload(url, 'paspor-rusak', 'paspor.jpg', 'image/jpeg', JPEG);
    expect(await submit(url)).toEqual({
      complete: true,
      message: 'Berkas anda sudah terupload/terekam silakan kembali ke whatsapp dan ketik SELESAI',
    });
  });

  it('asks only for the requested fields of a request for fixes', async () => {
    const { url } = link({ serviceId: 1, only: ['surat-kehilangan'] });
    expect(await submit(url)).toEqual(expect.objectContaining({ complete: false, missing: ['surat-kehilangan'] }));
    await upload(url, 'surat-kehilangan', 'polisi.pdf', 'application/pdf', PDF);
    expect(await submit(url)).toEqual(expect.objectContaining({ complete: true }));
  });
});
