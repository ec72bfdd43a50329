/**
 * The officers' side of the applicants' data rights in headless Chromium: the *Permintaan data* page
 * (reached from the navigation) lists each request with its kind, time, queue numbers, outcome and
 * whether it was answered within 3 × 24 hours; the registration page shows the consent (version, time)
 * and the correction requests. At 390×844 and 1366×768; any CSP violation or script error fails the test.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PRIVACY_NOTICE_VERSION } from '../../lambdas/domain/texts/consent-and-corrections';
import { keepScreenshot, launchBrowser } from '../support/browser';
import { registerApplicant, say } from '../support/journey';
import { nikOf } from '../support/registration-lines';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(120_000);

const OFFICE = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

let server: TestServer;
let browser: Browser;
const problems: string[] = [];
const contexts: BrowserContext[] = [];
let corrected: { queueNumber: string };
let looked: { queueNumber: string };

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  // One applicant corrects their data, another asks what is held and then to erase it while still open.
  const first = await registerApplicant(server);
  const p = first.person;
  const newNik = `${nikOf(p).slice(0, 12)}9${nikOf(p).slice(13)}`;
  await say(server, first.waId, `UBAH DATA/Nama Yang Benar/${p.place}/${p.birth}/${newNik}/${p.phone}`);
  const second = await registerApplicant(server);
  await say(server, second.waId, 'DATA SAYA', 2); // the message and its PDF copy
  await say(server, second.waId, 'HAPUS DATA');
  corrected = first;
  looked = second;
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.cleanUp();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  expect(problems.splice(0)).toEqual([]);
});

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const mobile = viewport.width < 500;
  const context = await browser.newContext({ viewport, ...(mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(`${server.url}/admin/`);
  await page.fill('input[name="username"]', 'admin');
  await page.fill('input[name="password"]', server.adminPassword);
  await page.click('#login-form button[type="submit"]');
  await page.locator('h1', { hasText: 'Beranda' }).waitFor();
  return page;
}

it.each([
  ['office', OFFICE],
  ['phone', PHONE],
] as const)('lists the data requests with kind, time, numbers, outcome and the 3 × 24 hours, from the navigation (%s)', async (name, viewport) => {
  const page = await newPage(viewport);
  const link = page.locator('a[href$="/data-requests"]').first();
  if (!(await link.isVisible())) await page.locator('.menu-toggle').click();
  await link.click();
  await page.locator('h1', { hasText: 'Permintaan data pribadi' }).waitFor();
  const rows = page.locator('tr.data-request');
  const texts = await rows.allInnerTexts();
  const row = (queueNumber: string, kind: string) => texts.find((text) => text.includes(queueNumber) && text.includes(kind)) ?? '';
  expect(row(corrected.queueNumber, 'Memperbaiki data (UBAH DATA)')).toContain('Diperbaiki');
  expect(row(looked.queueNumber, 'Melihat data (DATA SAYA)')).toContain('Dijawab');
  expect(row(looked.queueNumber, 'Menghapus data (HAPUS DATA)')).toContain('Ditolak: pendaftaran masih berjalan');
  for (const text of texts) expect(text).toContain('Ya, seketika');
  expect(await page.locator('.data-requests-summary').innerText()).toBe(`${texts.length} permintaan, semuanya dijawab dalam 3 × 24 jam.`);
  // No sideways scrolling on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  await keepScreenshot(page, `admin-data-requests-${name}.png`);

  // The corrected registration's page: the consent and the correction, and the correction in the history.
  await page.locator(`tr.data-request a`, { hasText: corrected.queueNumber }).first().click();
  const panel = page.locator('.panel-personal-data');
  await panel.waitFor();
  const consent = await panel.locator('.consent').innerText();
  expect(consent).toContain(`versi pemberitahuan ${PRIVACY_NOTICE_VERSION}`);
  expect(consent).toMatch(/^Disetujui \S/);
  expect(await panel.locator('.data-requests').innerText()).toContain('Memperbaiki data (UBAH DATA): Diperbaiki');
  expect(await page.locator('.panel-history').innerText()).toContain('Memperbaiki data (UBAH DATA)');
  expect(await page.locator('.panel-history').innerText()).toContain('Nama: Ahmad Budiman → Nama Yang Benar');
  await panel.scrollIntoViewIfNeeded();
  await keepScreenshot(page, `admin-registration-consent-${name}.png`);
});
