/**
 * The day of the interview in headless Chromium: the day page lists today's appointments as a queue with
 * their state (expected, checked in at, being served) and the day's check-in code for admins; *Panggil*
 * sends "Giliran Anda" with the counter; the daily report page shows the day's figures. At 390×844 and
 * 1366×768; any CSP violation or script error fails the test.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Officer } from '../../lambdas/admin/officer-api';
import { documentClient } from '../../lambdas/adapters/dynamodb-client';
import { registrationItem } from '../../lambdas/adapters/registration-items';
import { jakartaDate } from '../../lambdas/domain/calendar';
import { keepScreenshot, launchBrowser } from '../support/browser';
import { registerApplicant, say } from '../support/journey';
import { officerApi, workingDay } from '../support/officer-api';
import { newPerson } from '../support/registration-lines';
import { startTestServer, textOf, type TestServer } from '../support/test-server';

jest.setTimeout(120_000);

const OFFICE = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const officer: Officer = { username: 'petugas1', role: 'petugas' };

let server: TestServer;
let browser: Browser;
let officers: ReturnType<typeof officerApi>;
const problems: string[] = [];
const contexts: BrowserContext[] = [];
let arrived: { waId: string; queueNumber: string };
let expected: { waId: string; queueNumber: string };
let code: string;

/** Registered and confirmed as officers do it, then its appointment moved to today (nobody can book today itself). */
async function confirmedForToday(name: string, time: string) {
  const applicant = await registerApplicant(server, { person: newPerson({ name }) });
  const before = server.fakeGraph.sentTo(applicant.waId).length;
  expect((await officers.api.act(applicant.queueNumber, 'confirm', { date: workingDay(2), time }, officer)).status).toBe(200);
  await server.waitForSent(applicant.waId, before + 1);
  const current = await officers.store.getVersioned(applicant.queueNumber);
  const client = documentClient({ endpoint: server.dynamoEndpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
  await client.send(
    new PutCommand({
      TableName: server.config.TABLE_NAME,
      Item: registrationItem({ ...current!.registration, appointmentDate: jakartaDate(new Date()) }, current!.version),
    }),
  );
  client.destroy();
  return applicant;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  officers = officerApi(server);
  code = ((await officers.api.dayCode({ date: jakartaDate(new Date()) })).body as { code: string }).code;
  arrived = await confirmedForToday('Sudah Di Ruang Tunggu', '09:00');
  expected = await confirmedForToday('Masih Di Jalan', '09:30');
  await say(server, arrived.waId, `HADIR ${code}`);
}, 90_000);
afterAll(async () => {
  officers?.close();
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

const rowOf = (page: Page, queueNumber: string) => page.locator('table.day-queue tr', { hasText: queueNumber });

it('shows the queue with each state and the day code on a phone (390×844)', async () => {
  const page = await newPage(PHONE);
  await page.goto(`${server.url}/admin/day`);
  await page.locator('h3', { hasText: 'Antrean hari ini' }).waitFor();
  expect(await page.locator('[data-day-code]').innerText()).toBe(code);
  expect(await rowOf(page, arrived.queueNumber).innerText()).toMatch(/Hadir \d{2}\.\d{2}/);
  expect(await rowOf(page, expected.queueNumber).innerText()).toContain('Ditunggu');
  await keepScreenshot(page, 'admin-day-queue-390.png');
});

it('calls the one waiting to counter 2: "Giliran Anda" reaches them and the row shows them being served (1366×768)', async () => {
  const page = await newPage(OFFICE);
  await page.goto(`${server.url}/admin/day`);
  const row = rowOf(page, arrived.queueNumber);
  await row.locator('input[name="counter"]').fill('2');
  const before = server.fakeGraph.sentTo(arrived.waId).length;
  await row.locator('button', { hasText: 'Panggil' }).click();
  await rowOf(page, arrived.queueNumber).locator('.queue-state', { hasText: 'Dilayani di Loket 2' }).waitFor();
  const [called] = (await server.waitForSent(arrived.waId, before + 1)).slice(before);
  expect(textOf(called)).toContain('*Giliran Anda*');
  expect(textOf(called)).toContain('Loket 2');
  await keepScreenshot(page, 'admin-day-queue-1366.png');
});

it.each([
  ['office', OFFICE, 'admin-daily-report-1366.png'],
  ['phone', PHONE, 'admin-daily-report-390.png'],
] as const)('shows the daily report from the navigation (%s)', async (_name, viewport, screenshot) => {
  const page = await newPage(viewport);
  const link = page.locator('a[href$="/reports/daily"]').first();
  if (!(await link.isVisible())) await page.locator('.menu-toggle').click();
  await link.click();
  await page.locator('h1', { hasText: 'Laporan harian' }).waitFor();
  const value = (key: string) => page.locator(`[data-figure="${key}"] .report-value`).innerText();
  expect(await value('booked')).toBe('2');
  expect(await value('checkedIn')).toBe('1');
  expect(await value('satisfaction')).toBe('—');
  const month = page.locator('[data-satisfaction-month]');
  await month.scrollIntoViewIfNeeded();
  expect(await month.locator('h2').innerText()).toMatch(/^Kepuasan pemohon [A-Z][a-z]+ \d{4}$/);
  expect(await month.locator('tr.total').textContent()).toContain('Semua layanan');
  await keepScreenshot(page, screenshot);
  if (process.env.SIM_SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SIM_SCREENSHOT_DIR}/full-${screenshot}`, fullPage: true });
});
