/**
 * The office's real days on the officers' pages in headless Chromium (1366×768 and 390×844): the
 * reminder's *Datang* on the review screen and the day page, a closed day's moved applicants on its day
 * page and, a day later, on the dashboard to phone. Any CSP violation or script error fails the test.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Officer } from '../../lambdas/admin/officer-api';
import { addDays } from '../../lambdas/domain/calendar';
import { registerApplicant } from '../support/applicant';
import { launchBrowser } from '../support/browser';
import { officerApi, workingDay } from '../support/officer-api';
import { newPerson } from '../support/registration-lines';
import { startTestServer, type TestServer } from '../support/test-server';

const OFFICE = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const officer: Officer = { username: 'admin', role: 'admin' };
const SHOTS = process.env.SIM_SCREENSHOT_DIR ?? '/tmp';

jest.setTimeout(90_000);

let server: TestServer;
let browser: Browser;
let officers: ReturnType<typeof officerApi>;
const problems: string[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  officers = officerApi(server);
}, 60_000);
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

async function confirmed(date: string, name: string) {
  const applicant = await registerApplicant(server, { person: newPerson({ name }) });
  expect((await officers.api.act(applicant.queueNumber, 'confirm', { date, time: '09:00' }, officer)).status).toBe(200);
  await server.queue.drained();
  return applicant;
}

it('shows who answered Datang to the reminder on the review screen and the day page', async () => {
  const date = workingDay(3);
  const coming = await confirmed(date, 'Sipulan Akan Datang');
  const silent = await confirmed(date, 'Sipulan Diam Saja');
  await fetch(`${server.url}/_local/jobs/reminders?date=${addDays(date, -1)}`, { method: 'POST' });
  await server.queue.drained();
  await server.sendMessage(coming.waId, { choice: { id: `datang:${coming.queueNumber}`, title: 'Datang' }, list: false });
  await server.queue.drained();

  for (const [viewport, suffix] of [
    [OFFICE, '1366'],
    [PHONE, '390'],
  ] as const) {
    const page = await newPage(viewport);
    await page.goto(`${server.url}/admin/registrations/${coming.queueNumber}`);
    expect(await page.locator('.fact.attendance dd').textContent()).toBe('Akan datang');
    await page.screenshot({ path: `${SHOTS}/admin-review-attendance-${suffix}.png`, fullPage: true });
    await page.goto(`${server.url}/admin/day?date=${date}`);
    expect(await page.locator('tr', { hasText: coming.queueNumber }).locator('.attendance-badge').textContent()).toBe('Akan datang');
    expect(await page.locator('tr', { hasText: silent.queueNumber }).locator('.attendance-badge').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/admin-day-attendance-${suffix}.png`, fullPage: true });
  }
});

it("shows a closed day's moved applicants, who chose and who has not answered, and the dashboard lists them to phone", async () => {
  const date = workingDay(4);
  const chooser = await confirmed(date, 'Sipulan Sudah Pilih');
  const waiting = await confirmed(date, 'Sipulan Belum Jawab');
  expect((await officers.api.putDay(date, { closed: true, reason: 'Listrik padam' }, officer)).status).toBe(200);
  await server.queue.drained();
  const offer = server.fakeGraph.sentTo(chooser.waId).at(-1)?.payload as unknown as {
    interactive: { action: { sections: { rows: { id: string; title: string }[] }[] } };
  };
  const first = offer.interactive.action.sections[0]!.rows[0]!;
  await server.sendMessage(chooser.waId, { choice: { id: first.id, title: first.title } });
  await server.queue.drained();

  for (const [viewport, suffix] of [
    [OFFICE, '1366'],
    [PHONE, '390'],
  ] as const) {
    const page = await newPage(viewport);
    await page.goto(`${server.url}/admin/day?date=${date}`);
    const moved = page.locator('.rebooked-panel');
    expect(await moved.locator('tr', { hasText: chooser.queueNumber }).locator('.rebooking-badge-chosen').textContent()).toBe('Sudah memilih');
    expect(await moved.locator('tr', { hasText: waiting.queueNumber }).locator('.rebooking-badge-waiting').textContent()).toBe('Belum menjawab');
    await page.screenshot({ path: `${SHOTS}/admin-day-closed-${suffix}.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
  }

  // A day later, the dashboard lists the one who has not answered, with the number to phone.
  const page = await newPage(OFFICE);
  const store = officers.store;
  const current = await store.getVersioned(waiting.queueNumber);
  const askedAt = new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString();
  const registration = current!.registration;
  const result = await store.applyOutcome({
    outcome: {
      registration: { ...registration, rebooking: { ...registration.rebooking!, askedAt } },
      audit: { action: 'test', detail: 'sehari kemudian' },
      releaseNik: false,
    },
    version: current!.version,
    actor: 'test',
    now: new Date(),
    dayCapacity: () => 20,
  });
  expect(result).toBe('applied');
  await page.reload();
  const toCall = page.locator('[aria-labelledby="rebooking-call-title"]');
  expect(await toCall.locator('tr', { hasText: waiting.queueNumber }).locator('a[href^="tel:"]').count()).toBe(1);
  expect(await toCall.locator('tr', { hasText: chooser.queueNumber }).count()).toBe(0);
  await page.screenshot({ path: `${SHOTS}/admin-dashboard-rebooking-1366.png`, fullPage: true });
});
