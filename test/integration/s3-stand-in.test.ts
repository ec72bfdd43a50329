/**
 * The local S3 stand-in behind `/_s3` is a gate like S3 itself (issue 15, finding 1): only presigned
 * requests for one object whose SigV4 signature and expiry hold get through; listing, unsigned, tampered
 * and retyped requests get 403; whatever it serves is never a page of the admin's origin. And `complete`
 * refuses a file stored with a type its bytes do not show. Real local server, s3rver, real SDK presigner.
 */
import { randomUUID } from 'node:crypto';
import { signUploadToken } from '../../lambdas/adapters/upload-links';
import { LOCAL_BUCKET } from '../../local/s3-local';
import { TINY_JPEG, TINY_PDF } from '../support/documents';
import { tallyFor } from '../support/tally';
import { startTestServer, type TestServer } from '../support/test-server';

const tally = tallyFor(__filename);
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.cleanUp();
});

/** HTML whose first bytes pass for a PDF. */
const SCRIPT_AS_PDF = Buffer.from('%PDF-1.4\n<html><body><script>document.title = "ran"</script></body></html>\n');

function refusedAsS3Would(what: string, status: number): void {
  tally.check('admin security', 'S3 stand-in: listing, unsigned, tampered, retyped or expired request refused (403)', status === 403);
  expect([what, status]).toEqual([what, 403]);
}

it('refuses listing, unsigned and tampered requests, and a PUT with another type than the one signed', async () => {
  const key = `documents/${randomUUID()}/ktp/${randomUUID()}-ktp.jpg`;
  await server.blobs.put(key, TINY_JPEG, 'image/jpeg');
  const base = `${server.url}/_s3/${LOCAL_BUCKET}`;
  const signedGet = await server.blobs.presignedGetUrl(key, 300, 'ktp.jpg', 'image/jpeg');
  const signedPut = await server.blobs.presignedPutUrl(key, 'application/pdf', SCRIPT_AS_PDF.length, 300);
  const tampered = new URL(signedGet);
  tampered.searchParams.set('X-Amz-Signature', '0'.repeat(64));
  const otherKey = new URL(signedGet);
  otherKey.pathname = `/_s3/${LOCAL_BUCKET}/documents/someone-else/ktp/x.jpg`;
  const stretched = new URL(signedGet);
  stretched.searchParams.set('X-Amz-Expires', '604800');

  refusedAsS3Would('list the bucket', (await fetch(`${base}/`)).status);
  refusedAsS3Would('list with a prefix', (await fetch(`${base}?list-type=2&prefix=documents/`)).status);
  refusedAsS3Would('unsigned GET', (await fetch(`${base}/${key}`)).status);
  refusedAsS3Would('unsigned PUT', (await fetch(`${base}/${key}`, { method: 'PUT', headers: { 'content-type': 'text/html' }, body: SCRIPT_AS_PDF })).status);
  refusedAsS3Would('unsigned DELETE', (await fetch(`${base}/${key}`, { method: 'DELETE' })).status);
  refusedAsS3Would('tampered signature', (await fetch(tampered)).status);
  refusedAsS3Would('signature moved to another key', (await fetch(otherKey)).status);
  refusedAsS3Would('lifetime stretched', (await fetch(stretched)).status);
  refusedAsS3Would(
    'PUT as text/html on a link signed for application/pdf',
    (await fetch(signedPut, { method: 'PUT', headers: { 'content-type': 'text/html' }, body: SCRIPT_AS_PDF })).status,
  );

  const expiring = await server.blobs.presignedGetUrl(key, 1);
  await new Promise((resolve) => setTimeout(resolve, 2_100));
  refusedAsS3Would('expired link', (await fetch(expiring)).status);

  // The object is what it was, and the signed link still works.
  const original = await fetch(signedGet);
  expect(original.status).toBe(200);
  expect(Buffer.from(await original.arrayBuffer())).toEqual(TINY_JPEG);
});

it('serves every document with nosniff and a sandbox, inline only when it is a photo or PDF', async () => {
  const draft = randomUUID();
  const photo = `documents/${draft}/ktp/${randomUUID()}-ktp.jpg`;
  const page = `documents/${draft}/kk/${randomUUID()}-kk.pdf`;
  await server.blobs.put(photo, TINY_JPEG, 'image/jpeg');
  await server.blobs.put(page, SCRIPT_AS_PDF, 'text/html');

  const photoAnswer = await fetch(await server.blobs.presignedGetUrl(photo, 300, 'ktp.jpg', 'image/jpeg'));
  const storedAsHtml = await fetch(await server.blobs.presignedGetUrl(page, 300, 'kk.pdf'));
  const askedAsHtml = await fetch(await server.blobs.presignedGetUrl(page, 300, 'kk.html', 'text/html'));
  for (const answer of [photoAnswer, storedAsHtml, askedAsHtml]) {
    const held = answer.headers.get('x-content-type-options') === 'nosniff' && answer.headers.get('content-security-policy') === 'sandbox';
    tally.check('admin security', 'documents served with nosniff and CSP sandbox', held);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-security-policy')).toBe('sandbox');
  }
  expect(photoAnswer.headers.get('content-type')).toBe('image/jpeg');
  expect(photoAnswer.headers.get('content-disposition')).toBe('inline; filename="ktp.jpg"');
  expect(storedAsHtml.headers.get('content-disposition')).toMatch(/^attachment/);
  expect(askedAsHtml.headers.get('content-type')).toBe('text/html');
  expect(askedAsHtml.headers.get('content-disposition')).toBe('attachment; filename="kk.html"');
});

it("signs the type and the disposition into officers' links, as S3 answers them in AWS (response-content-*)", async () => {
  const url = new URL(await server.blobs.presignedGetUrl('documents/d/ktp/x-ktp.pdf', 300, 'KTP Budi.pdf', 'application/pdf'));
  expect(url.searchParams.get('response-content-type')).toBe('application/pdf');
  expect(url.searchParams.get('response-content-disposition')).toBe('inline; filename="KTP_Budi.pdf"');
  const other = new URL(await server.blobs.presignedGetUrl('documents/d/ktp/x-ktp.bin', 300, 'x.html', 'text/html'));
  expect(other.searchParams.get('response-content-disposition')).toBe('attachment; filename="x.html"');
});

it('refuses in complete a file stored as another type than its bytes show (an HTML page that starts like a PDF)', async () => {
  const draftId = randomUUID();
  const token = signUploadToken({ draftId, serviceId: 1, expiresAt: Date.now() + 3_600_000 }, server.secrets.LINK_SIGNING_KEY);
  const link = `${server.url}/upload/${token}`;
  const started = await fetch(`${link}/uploads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ requirement: 'ktp', filename: 'ktp.pdf', contentType: 'application/pdf', size: SCRIPT_AS_PDF.length }),
  });
  const ticket = (await started.json()) as { uploadId: string; key: string };
  // As if the storage had let the type be changed (s3rver before this gate, or a misconfigured bucket).
  await server.blobs.put(ticket.key, SCRIPT_AS_PDF, 'text/html');
  const completed = await fetch(`${link}/uploads/${ticket.uploadId}/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ requirement: 'ktp', key: ticket.key, filename: 'ktp.pdf' }),
  });
  tally.check('admin security', 'complete: file stored as text/html with PDF magic bytes refused (422)', completed.status === 422);
  expect(completed.status).toBe(422);
  expect(await completed.json()).toEqual({ error: 'not-what-it-claims', message: expect.stringContaining('bukan foto JPG/PNG atau PDF yang sah') });
  expect(await server.blobs.head(ticket.key)).toBeUndefined();
  expect(await server.drafts.listDocuments(draftId)).toEqual([]);

  // A real PDF, stored as what it is, is still taken.
  const again = await fetch(`${link}/uploads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ requirement: 'ktp', filename: 'ktp.pdf', contentType: 'application/pdf', size: TINY_PDF.length }),
  });
  const good = (await again.json()) as { uploadId: string; key: string; url: string };
  expect((await fetch(good.url, { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: new Uint8Array(TINY_PDF) })).status).toBe(200);
  const done = await fetch(`${link}/uploads/${good.uploadId}/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ requirement: 'ktp', key: good.key, filename: 'ktp.pdf' }),
  });
  expect(done.status).toBe(200);
});

it("gives an officer's browser one link per document for a period, valid at least that long and kept in its cache", async () => {
  const key = `documents/${randomUUID()}/ktp/${randomUUID()}-ktp.jpg`;
  await server.blobs.put(key, TINY_JPEG, 'image/jpeg');
  // Only the clock is shifted: the stand-in's timers and sockets run as usual.
  jest.useFakeTimers({
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
    now: new Date('2026-12-07T01:02:03Z'),
  });
  try {
    const link = () => server.blobs.presignedGetUrl(key, 300, 'ktp.jpg', 'image/jpeg', { cacheable: true });
    const first = await link();
    jest.setSystemTime(new Date('2026-12-07T01:04:59Z'));
    expect(await link()).toBe(first);
    expect(await server.blobs.presignedGetUrl(key, 300, 'ktp.jpg', 'image/jpeg')).not.toBe(first);
    jest.setSystemTime(new Date('2026-12-07T01:05:00Z'));
    expect(await link()).not.toBe(first);

    // Made at 01:02:03, the first link still works at 01:07:03, five minutes on, and the browser may keep what it gets.
    jest.setSystemTime(new Date('2026-12-07T01:07:03Z'));
    const answer = await fetch(first);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('private, max-age=300');
    jest.setSystemTime(new Date('2026-12-07T01:10:01Z'));
    refusedAsS3Would('a cacheable link past its two periods', (await fetch(first)).status);
  } finally {
    jest.useRealTimers();
  }
});
