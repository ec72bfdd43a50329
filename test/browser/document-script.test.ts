/**
 * Script in the officer's session (issue 15, finding 1), end to end in Chromium on the local run: an
 * applicant uploads an HTML page that starts with `%PDF-1.4` through a link asked for a PDF, PUT as
 * `text/html` (and, failing that, unsigned); the officer then opens every document of the registration.
 * The page's script would read the CSRF token from an admin page and create an `admin` account. Nothing of
 * that may happen: the stand-in refuses the retyped and the unsigned PUT, `complete` refuses the file, and
 * a document that is HTML anyway (planted behind the page's back) is served as a sandboxed download.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { LOCAL_BUCKET } from '../../local/s3-local';
import { adminSession } from '../support/admin-client';
import { launchBrowser } from '../support/browser';
import { newWaId, queueNumberIn, say, uploadDocuments, pageLinkIn } from '../support/journey';
import { newPerson, registrationLine } from '../support/registration-lines';
import { tallyFor } from '../support/tally';
import { startTestServer, type TestServer } from '../support/test-server';

const tally = tallyFor(__filename);

/** Reads the CSRF token from an admin page with the officer's cookie, then creates an admin account. */
const PAYLOAD = Buffer.from(`%PDF-1.4
<html><body><script>
fetch('/admin/officers').then(function (r) { return r.text(); }).then(function (page) {
  var token = (page.match(/name="csrf-token" content="([^"]+)"/) || [])[1];
  return fetch('/admin/api/officers', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': token },
    body: JSON.stringify({ username: 'penyusup', password: 'penyusup-rahasia-1', role: 'admin' }) });
}).then(function (r) { document.title = 'created ' + r.status; });
</script></body></html>
`);

let server: TestServer;
let browser: Browser;
let officerBrowser: BrowserContext;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  officerBrowser = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.cleanUp();
});

function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

it("never runs a document as script in the officer's session: no admin account is created", async () => {
  // The applicant, as an attacker: a link for service 1, and the HTML "PDF" through it.
  const waId = newWaId();
  await say(server, waId, 'Assalamualaikum', 2);
  const [requirements] = await say(server, waId, '1');
  const link = await pageLinkIn(requirements ?? '');
  const started = await postJson(`${link}/uploads`, { requirement: 'ktp', filename: 'ktp.pdf', contentType: 'application/pdf', size: PAYLOAD.length });
  expect(started.status).toBe(200);
  const ticket = (await started.json()) as { uploadId: string; key: string; url: string };
  const retyped = await fetch(ticket.url, { method: 'PUT', headers: { 'content-type': 'text/html' }, body: new Uint8Array(PAYLOAD) });
  const unsigned = await fetch(`${server.url}/_s3/${LOCAL_BUCKET}/${ticket.key}`, {
    method: 'PUT',
    headers: { 'content-type': 'text/html' },
    body: new Uint8Array(PAYLOAD),
  });
  const completed = await postJson(`${link}/uploads/${ticket.uploadId}/complete`, { requirement: 'ktp', key: ticket.key, filename: 'ktp.pdf' });
  const listing = await fetch(`${server.url}/_s3/${LOCAL_BUCKET}/`);
  const listed = await listing.text();

  // The rest of the documents as any applicant gives them, then the registration.
  const draftId = await uploadDocuments(server, requirements ?? '');
  // Behind the page's back (as if an older version had taken it): an HTML document on the draft.
  const planted = `documents/${draftId}/kk/planted-kk.html`;
  await server.blobs.put(planted, PAYLOAD, 'text/html');
  await server.drafts.addDocument(
    draftId,
    { requirement: 'kk', key: planted, filename: 'kk.html', contentType: 'text/html', size: PAYLOAD.length, uploadedAt: new Date().toISOString() },
    new Date(),
  );
  await say(server, waId, 'SELESAI');
  const [success] = await say(server, waId, registrationLine(newPerson()));
  const queueNumber = queueNumberIn(success ?? '');

  // The officer logs in and opens every document of the registration.
  const page = await officerBrowser.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${server.url}/admin/`);
  await page.fill('input[name="username"]', 'admin');
  await page.fill('input[name="password"]', server.adminPassword);
  await page.click('#login-form button[type="submit"]');
  await page.locator('h1', { hasText: 'Beranda' }).waitFor();
  await page.goto(`${server.url}/admin/registrations/${queueNumber}`);
  await page.locator('.queue-big').waitFor();
  const links = await page
    .locator('.panel-documents a[href]')
    .evaluateAll((anchors) => [...new Set(anchors.map((anchor) => (anchor as HTMLAnchorElement).href))]);
  expect(links.length).toBeGreaterThan(0);
  const served: Array<{ type: string; disposition: string; csp: string; nosniff: string }> = [];
  for (const href of links) {
    const documentPage = await officerBrowser.newPage();
    await documentPage.goto(href).catch(() => undefined); // a download aborts the navigation
    await documentPage.waitForTimeout(500);
    await documentPage.close();
    // What the server sent (Chromium's PDF viewer does not report every header of its document).
    const headers = (await fetch(href)).headers;
    served.push({
      type: headers.get('content-type') ?? '',
      disposition: headers.get('content-disposition') ?? '',
      csp: headers.get('content-security-policy') ?? '',
      nosniff: headers.get('x-content-type-options') ?? '',
    });
  }

  const admin = await adminSession(server);
  const officers = ((await admin.request('GET', '/api/officers')).body as Array<{ username: string }>).map((officer) => officer.username);
  const held = !officers.includes('penyusup') && retyped.status === 403 && unsigned.status === 403 && completed.status === 422 && listing.status === 403;
  tally.check('admin security', 'script-in-session chain (HTML as PDF → officer opens it) stopped end to end (Chromium)', held);
  expect({ retyped: retyped.status, unsigned: unsigned.status, completed: completed.status, listing: listing.status }).toEqual({
    retyped: 403,
    unsigned: 403,
    completed: 422,
    listing: 403,
  });
  expect(listed).not.toContain(ticket.key);
  expect(officers).not.toContain('penyusup');
  expect(served).toEqual(served.map(() => expect.objectContaining({ csp: 'sandbox', nosniff: 'nosniff' })));
  const documents = (await admin.request('GET', `/api/registrations/${queueNumber}`)).body as { documents: Array<{ name: string; url: string }> };
  const plantedLink = documents.documents.find((document) => document.name === 'kk.html');
  const plantedAnswer = await fetch(plantedLink?.url ?? '');
  expect(plantedAnswer.headers.get('content-disposition')).toMatch(/^attachment/);
  expect(documents.documents.filter((document) => document.url.includes(ticket.uploadId))).toEqual([]);
});
