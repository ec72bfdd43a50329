/**
 * Admin security (README "Reliability"): a list of XSS vectors arriving as WhatsApp profile names, document captions
 * (a chat-mode caption becomes the file's name), officers' notes and Meta's error titles, rendered by the
 * real admin pages in headless Chromium. Each must show as the very text that came in, and none may run:
 * the vectors set `window.__xss`, and any script error or CSP report fails the test.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, Page } from 'playwright-core';
import { documentClient } from '../../lambdas/adapters/dynamodb-client';
import { DynamoDbDeliveryStore } from '../../lambdas/adapters/dynamodb-delivery-store';
import { registrationItem } from '../../lambdas/adapters/registration-items';
import { printableText } from '../../lambdas/domain/text-hygiene';
import { TINY_PDF } from '../support/documents';
import { launchBrowser } from '../support/browser';
import { tallyFor } from '../support/tally';
import { startTestServer, type TestServer } from '../support/test-server';

const tally = tallyFor(__filename);

const VECTORS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '<svg/onload=window.__xss=3>',
  '"><script>window.__xss=4</script>',
  "'><img src=x onerror=window.__xss=5>",
  '<iframe src="javascript:window.__xss=6"></iframe>',
  '<a href="javascript:window.__xss=7">klik</a>',
  '<body onload=window.__xss=8>',
  '<details open ontoggle=window.__xss=9>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=10>',
  '</textarea><script>window.__xss=11</script>',
  '{{constructor.constructor("window.__xss=12")()}}',
  '<input autofocus onfocus=window.__xss=13>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=14">',
  '\u202e<script>window.__xss=15</script>\u202c',
  '<style>@import "javascript:window.__xss=16";</style>',
];

let server: TestServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const client = documentClient({ endpoint: server.dynamoEndpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
  const deliveries = new DynamoDbDeliveryStore(client, server.config.TABLE_NAME);
  for (const [index, vector] of VECTORS.entries()) {
    const queueNumber = `KRC-${String(700 + index)}`;
    const draftId = `draft-xss-${index}`;
    const key = `documents/${draftId}/ktp/page.pdf`;
    await server.blobs.put(key, TINY_PDF, 'application/pdf');
    await server.drafts.addDocument(
      draftId,
      { requirement: 'ktp', key, filename: vector, contentType: 'application/pdf', size: TINY_PDF.length, uploadedAt: new Date().toISOString() },
      new Date(),
    );
    await client.send(
      new PutCommand({
        TableName: server.config.TABLE_NAME,
        Item: registrationItem({
          queueNumber,
          name: 'Rahmat Hidayat',
          placeOfBirth: 'SUNGAI PENUH',
          dateOfBirth: '1985-04-12',
          nik: `15010112048500${String(10 + index)}`,
          phone: '6281234567890',
          serviceId: 1,
          status: 'PENDING',
          createdAt: new Date().toISOString(),
          ownerKey: `62812345${index}`,
          ownerWaId: `62812345${index}`,
          profileName: vector,
          note: vector,
          draftId,
          documentsMode: 'chat',
          flags: [],
          rescheduled: false,
        }),
      }),
    );
    await deliveries.recordFailedSend({
      applicantKey: `62812345${index}`,
      waId: `62812345${index}`,
      outboxId: `xss-${index}`,
      reason: 'refused',
      code: 131026,
      title: vector,
      at: new Date().toISOString(),
      queueNumber,
      kind: 'confirmed',
    });
  }
  client.destroy();

  page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  page.setDefaultTimeout(10_000);
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(`${server.url}/admin/`);
  await page.fill('input[name="username"]', 'admin');
  await page.fill('input[name="password"]', server.adminPassword);
  await page.click('#login-form button[type="submit"]');
  await page.locator('h1', { hasText: 'Beranda' }).waitFor();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.cleanUp();
});

async function nothingRan(): Promise<boolean> {
  const fired = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
  const planted = await page.evaluate(
    // The review screen's own PDF frame (`data-viewer-pdf`, a document link in `src`) is the one frame allowed.
    () =>
      document.querySelectorAll(
        'img[src="x"], svg[onload], iframe:not([data-viewer-pdf]), details[ontoggle], input[onfocus], body[onload] body, a[href^="javascript:"], meta[http-equiv="refresh"], script:not([src]):not([type="application/json"]):not([type="speculationrules"])',
      ).length,
  );
  // The page's one speculation rule set (JSON, never run) is the script's own, naming only the next review page.
  const rules = await page.evaluate(() => Array.from(document.querySelectorAll('script[type="speculationrules"]')).map((element) => element.textContent ?? ''));
  const ownRules =
    rules.length <= 1 &&
    rules.every((rule) =>
      /^\{"prerender":\[\{"source":"list","urls":\["\/admin\/registrations\/[A-Z]{2,6}-\d{3,9}"\],"eagerness":"immediate"\}\]\}$/.test(rule),
    );
  return fired === undefined && planted === 0 && ownRules && problems.length === 0;
}

it.each(VECTORS.map((vector, index) => [index, vector] as const))(
  'shows vector %i as text on the registration page, and runs none of it',
  async (index, vector) => {
    await page.goto(`${server.url}/admin/registrations/KRC-${700 + index}`);
    await page.locator('.queue-big').waitFor();
    const profile = await page.locator('.profile-name dd').textContent();
    const note = await page.locator('.fact.note dd').textContent();
    const caption = await page.locator('.viewer-item[data-requirement="ktp"] figcaption').first().textContent();
    const safe = await nothingRan();
    // Names from outside (profile, file name) are shown without bidi and other invisible characters.
    const shown = printableText(vector);
    const held = profile === shown && note === vector && (caption ?? '').includes(shown) && safe;
    tally.check('admin security', 'XSS vector as profile name, caption and note: shown as text, nothing ran (Chromium)', held);
    expect({ profile, note, captionHasVector: (caption ?? '').includes(shown), safe, problems }).toEqual({
      profile: shown,
      note: vector,
      captionHasVector: true,
      safe: true,
      problems: [],
    });
  },
);

it("never puts Meta's error titles (every vector) on the failed-sends list: the code is explained in Indonesian, and nothing runs", async () => {
  await page.goto(`${server.url}/admin/failed-sends`);
  await page.locator('h1', { hasText: 'Pesan yang tidak sampai' }).waitFor();
  const rows = await page.locator('tr.failed-send').allTextContents();
  const explained = rows.filter(
    (row) => row.includes('Pesan tidak dapat diantar') && row.includes('(Kode WhatsApp 131026)') && !VECTORS.some((vector) => row.includes(vector.trim())),
  ).length;
  const safe = await nothingRan();
  tally.add(
    'admin security',
    "XSS vectors in Meta's error titles on the failed-sends list: never shown (explained in Indonesian), nothing ran",
    VECTORS.length,
    safe ? explained : 0,
  );
  expect({ explained, safe, problems }).toEqual({ explained: VECTORS.length, safe: true, problems: [] });
});
