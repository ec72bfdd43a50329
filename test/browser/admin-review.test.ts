/**
 * An officer clearing the morning's queue in headless Chromium (issue 17): the review screen (documents in
 * a viewer on the page, the data and flags beside them, the decision on the same screen), the date
 * buttons with their free places, "Simpan & berikutnya", the list's keys, Indonesian on every admin page,
 * the phone layout at 390×844 and the verify page without a camera. Any CSP violation or script error
 * fails the test.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode } from 'uqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { documentClient } from '../../lambdas/adapters/dynamodb-client';
import { DynamoDbDeliveryStore } from '../../lambdas/adapters/dynamodb-delivery-store';
import { proofKeysFrom } from '../../lambdas/adapters/proof-keys';
import { addDays, dayOfWeek, formatDayDate } from '../../lambdas/domain/calendar';
import { signProofCode } from '../../lambdas/domain/proof-code';
import { launchBrowser } from '../support/browser';
import { officerApi, workingDay } from '../support/officer-api';
import { addPendingRegistrations } from '../support/pending';
import { startTestServer, type TestServer } from '../support/test-server';

const OFFICE = { width: 1366, height: 768 };
/** Just below the width from which two documents stand side by side: one at a time, as on a phone. */
const NARROW_OFFICE = { width: 1199, height: 768 };
const PHONE = { width: 390, height: 844 };
const ADMIN = { username: 'admin', role: 'admin' as const };
/** The English words and raw codes the issue found on admin pages. */
const NOT_INDONESIAN: ReadonlyArray<[string, RegExp]> = [
  ['delivery state in English', /\b(accepted|delivered|read|failed|sent)\b/i],
  ["the browser's own validation message", /Please fill|Please match|Please enter|fill out this field/i],
  ['an American date placeholder', /mm\/dd\/yyyy/i],
  ['a raw flag code', /NIK_TANGGAL_LAHIR_BERBEDA/],
  ["Meta's English error title", /Re-engagement message|Message undeliverable|Rate limit hit/i],
  ['an ISO date', /\b\d{4}-\d{2}-\d{2}\b/],
  ['a size in thousands of KB', /\b\d{4,} KB\b/],
];

jest.setTimeout(120_000);

let server: TestServer;
let browser: Browser;
let officers: ReturnType<typeof officerApi>;
let ktpImage: Buffer;
const problems: string[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  officers = officerApi(server);
  ktpImage = await drawCard(browser);
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

async function newPage(viewport: { width: number; height: number }, options: { init?: () => void } = {}): Promise<Page> {
  const mobile = viewport.width < 500;
  const context = await browser.newContext({ viewport, ...(mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
  contexts.push(context);
  const page = await context.newPage();
  if (options.init) await page.addInitScript(options.init);
  page.setDefaultTimeout(10_000);
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return page;
}

async function logIn(page: Page): Promise<void> {
  await page.goto(`${server.url}/admin/`);
  await page.fill('input[name="username"]', 'admin');
  await page.fill('input[name="password"]', server.adminPassword);
  await page.click('#login-form button[type="submit"]');
  await page.locator('h1', { hasText: 'Beranda' }).waitFor();
}

const typed = (date: string) => date.split('-').reverse().join('-');

/** Every PENDING registration confirmed or cancelled by the API, so that a test starts with its own queue. */
async function clearPending(): Promise<void> {
  const result = await officers.api.list({ status: 'PENDING' });
  for (const registration of result.body as Array<{ queueNumber: string }>) {
    await officers.api.act(registration.queueNumber, 'cancel', { reason: 'Data uji dibersihkan.' }, ADMIN);
  }
}

async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
  });
}

it('shows the documents one at a time below 1200 px in a viewer on the page with ← → zoom and rotate, the data and the flag beside them, and groups views in the history', async () => {
  await clearPending();
  const [queueNumber] = await addPendingRegistrations(server, {
    firstNumber: 500,
    count: 1,
    image: ktpImage,
    pdfPadding: 2_500_000,
    flags: () => ['NIK_TANGGAL_LAHIR_BERBEDA'],
  });
  const page = await newPage(NARROW_OFFICE);
  await logIn(page);
  await page.goto(`${server.url}/admin/registrations/${queueNumber}`);
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLImageElement>('.viewer-item img')).every((img) => img.complete && img.naturalWidth > 0),
  );

  // The first document is on screen at once, beside the data, the flag in words and the decision.
  const viewer = page.locator('[data-viewer]');
  expect(await viewer.locator('.viewer-count').textContent()).toBe('Berkas 1 dari 4');
  expect(await viewer.locator('.viewer-item:visible').getAttribute('data-requirement')).toBe('ktp');
  expect(await inViewport(page, '.viewer-item:not([hidden]) img')).toBe(true);
  expect(await inViewport(page, '.panel-applicant')).toBe(true);
  expect(await page.locator('.warning.flag').textContent()).toContain('Tgl lahir ≠ NIK. Tanggal lahir pada NIK berbeda');
  // (That the decision is in view beside the documents without scrolling is checked at 1366 px below.)
  const viewerBox = await viewer.boundingBox();
  const sideBox = await page.locator('.review-side').boundingBox();
  expect((sideBox?.x ?? 0) >= (viewerBox?.x ?? 0) + (viewerBox?.width ?? 0)).toBe(true);
  await page.screenshot({ path: '/tmp/admin-review-1366.png' });

  // → to the next document; + zooms, R turns it, 0 puts it back; ← back to the first.
  await page.keyboard.press('ArrowRight');
  expect(await viewer.locator('.viewer-count').textContent()).toBe('Berkas 2 dari 4');
  expect(await viewer.locator('.viewer-item:visible').getAttribute('data-requirement')).toBe('kk');
  const image = viewer.locator('.viewer-item:visible img');
  // Pictures after the first load when shown: measure once this one is decoded, not its empty box.
  await image.evaluate((img: HTMLImageElement) => img.decode());
  const before = (await image.boundingBox())?.width ?? 0;
  // Zoom and rotation animate (a CSS transition): measure the box once they have finished.
  const settled = () =>
    image.evaluate((img: HTMLImageElement) => Promise.all(img.getAnimations().map((animation) => animation.finished)).then(() => undefined));
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await settled();
  expect((await image.boundingBox())?.width ?? 0).toBeGreaterThan(before * 1.9);
  await page.keyboard.press('r');
  expect(await image.evaluate((img: HTMLImageElement) => img.style.transform)).toBe('rotate(90deg)');
  await page.keyboard.press('0');
  expect(await image.evaluate((img: HTMLImageElement) => img.style.transform)).toBe('');
  await settled();
  expect((await image.boundingBox())?.width).toBeCloseTo(before, 0);
  await page.click('[data-viewer-action="rotate"]');
  expect(await viewer.getAttribute('data-turn')).toBe('90');

  // The PDF opens in the page too, with its size as the upload page writes it.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await viewer.locator('.viewer-count').textContent()).toBe('Berkas 4 dari 4');
  const frame = viewer.locator('.viewer-item:visible iframe');
  expect(await frame.getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_s3\//);
  expect(await viewer.locator('.viewer-item:visible figcaption').textContent()).toContain('2,4 MB');
  for (let back = 0; back < 3; back += 1) await page.keyboard.press('ArrowLeft');
  expect(await viewer.locator('.viewer-count').textContent()).toBe('Berkas 1 dari 4');
  expect(page.context().pages()).toHaveLength(1);

  // Three more looks today: one history line for the officer, not four.
  for (let look = 0; look < 3; look += 1) await page.reload();
  const views = page.locator('.history li', { hasText: 'Melihat berkas' });
  expect(await views.count()).toBe(1);
  expect(await views.textContent()).toContain('admin · Melihat berkas 4×');
});

it('shows two documents side by side on an office screen and → moves by two; on a phone one at a time without sideways scrolling', async () => {
  await clearPending();
  const [queueNumber] = await addPendingRegistrations(server, { firstNumber: 550, count: 1, image: ktpImage });
  const page = await newPage(OFFICE);
  await logIn(page);
  await page.goto(`${server.url}/admin/registrations/${queueNumber}`);
  const viewer = page.locator('[data-viewer]');
  const shown = () => viewer.locator('.viewer-item:visible').evaluateAll((items) => items.map((item) => item.getAttribute('data-requirement')));
  const drawn = () =>
    page.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>('.viewer-item:not([hidden]) img')).every((img) => img.complete && img.naturalWidth > 0),
    );

  // KTP and KK at once, beside each other, each drawn at a readable width, beside the decision.
  await drawn();
  expect(await viewer.locator('.viewer-count').textContent()).toBe('Berkas 1–2 dari 4');
  expect(await shown()).toEqual(['ktp', 'kk']);
  const [left, right] = await Promise.all([0, 1].map((index) => viewer.locator('.viewer-item:visible img').nth(index).boundingBox()));
  expect(left?.width ?? 0).toBeGreaterThanOrEqual(330);
  expect(right?.width ?? 0).toBeGreaterThanOrEqual(330);
  expect(right?.x ?? 0).toBeGreaterThan((left?.x ?? 0) + (left?.width ?? 0));
  expect(Math.abs((right?.y ?? 0) - (left?.y ?? 0))).toBeLessThan(2);
  expect(await inViewport(page, '.viewer-item:not([hidden]) img >> nth=1')).toBe(true);
  expect(await inViewport(page, 'form[data-action="confirm"] [data-then="next"]')).toBe(true);
  const viewerBox = await viewer.boundingBox();
  const sideBox = await page.locator('.review-side').boundingBox();
  expect((sideBox?.x ?? 0) >= (viewerBox?.x ?? 0) + (viewerBox?.width ?? 0)).toBe(true);
  expect(await viewer.locator('.viewer-tab[aria-pressed="true"]').allTextContents()).toEqual([expect.stringContaining('KTP'), expect.stringContaining('KK')]);

  // One → shows the other two: every document seen with one key; → again goes round, ← back.
  await page.keyboard.press('ArrowRight');
  expect(await viewer.locator('.viewer-count').textContent()).toBe('Berkas 3–4 dari 4');
  expect(await shown()).toEqual(['akta', 'surat-kehilangan']);
  expect(await viewer.locator('.viewer-item:visible iframe').getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_s3\//);
  await page.keyboard.press('ArrowRight');
  expect(await shown()).toEqual(['ktp', 'kk']);
  await page.keyboard.press('ArrowLeft');
  expect(await viewer.locator('.viewer-count').textContent()).toBe('Berkas 3–4 dari 4');

  // Zoom and rotate act on the document clicked (outlined), not on both.
  await page.locator('.viewer-tab[data-requirement="kk"]').click();
  expect(await shown()).toEqual(['ktp', 'kk']);
  await drawn();
  await viewer.locator('.viewer-item:visible').nth(0).click();
  await page.keyboard.press('r');
  const turns = () => viewer.locator('.viewer-item:visible img').evaluateAll((images) => images.map((image) => (image as HTMLImageElement).style.transform));
  expect(await turns()).toEqual(['rotate(90deg)', '']);
  expect(await viewer.locator('.viewer-item.current').getAttribute('data-requirement')).toBe('ktp');

  // The same screen on a phone: one document at a time, → by one, nothing wider than the screen.
  const phone = await newPage(PHONE);
  await logIn(phone);
  await phone.goto(`${server.url}/admin/registrations/${queueNumber}`);
  const phoneViewer = phone.locator('[data-viewer]');
  expect(await phoneViewer.locator('.viewer-count').textContent()).toBe('Berkas 1 dari 4');
  expect(await phoneViewer.locator('.viewer-item:visible').count()).toBe(1);
  await phone.locator('[data-viewer-action="next"]').click();
  expect(await phoneViewer.locator('.viewer-count').textContent()).toBe('Berkas 2 dari 4');
  expect(await phoneViewer.locator('.viewer-item:visible').getAttribute('data-requirement')).toBe('kk');
  await phone.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLImageElement>('.viewer-item:not([hidden]) img')).every((img) => img.complete && img.naturalWidth > 0),
  );
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  const phoneImage = await phoneViewer.locator('.viewer-item:visible img').boundingBox();
  expect(phoneImage?.width ?? 0).toBeGreaterThanOrEqual(300);
});

it('fetches the next PENDING registration ahead: "Simpan & berikutnya" opens it from the prefetch, records the look only once shown, with free places and time taken again', async () => {
  await clearPending();
  const [first, second] = await addPendingRegistrations(server, { firstNumber: 560, count: 2, image: ktpImage, hoursAgo: 2, stepMinutes: 10 });
  const page = await newPage(OFFICE);
  const ready = new Set<string>();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Preload.enable');
  cdp.on('Preload.prefetchStatusUpdated', (event: { prefetchUrl: string; status: string }) => {
    if (event.status === 'Ready') ready.add(event.prefetchUrl);
  });
  await logIn(page);
  await page.goto(`${server.url}/admin/registrations/${first}`);
  const confirm = page.locator('form[data-action="confirm"]');
  const firstDay = await confirm.locator('input[name="date"]').inputValue();
  const firstTime = await confirm.locator('select[name="time"]').inputValue();

  // The next page is fetched while the officer looks at this one; fetched, it is no look at its documents.
  const nextUrl = `${server.url}/admin/registrations/${second}`;
  for (let waited = 0; !ready.has(nextUrl) && waited < 100; waited += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  expect([...ready]).toContain(nextUrl);
  const looks = async (queueNumber: string) => (await officers.store.history(queueNumber)).filter((entry) => entry.action === 'documents-viewed').length;
  expect(await looks(second ?? '')).toBe(0);

  // The decision's answer hands the day buttons over: the next screen asks the server for no days.
  const dayRequests: string[] = [];
  page.on('request', (request) => {
    if (/\/admin\/api\/days(\?|$)/.test(request.url())) dayRequests.push(request.url());
  });
  const lookRecorded = page.waitForResponse((response) => response.url().endsWith(`/admin/api/registrations/${second}/viewed`));
  await confirm.locator('[data-then="next"]').click();
  await page.waitForURL(nextUrl);
  expect(
    await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming & { deliveryType?: string }).deliveryType),
  ).toBe('navigational-prefetch');
  await page.locator('.flash', { hasText: `${first}: Jadwal dikonfirmasi` }).waitFor();
  const save = page.locator('form[data-action="confirm"] [data-then="next"]');
  await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('form[data-action="confirm"] [data-then="next"]')?.disabled);
  // Shown: one look recorded; the day's free places and the next free time count the decision just made.
  expect((await lookRecorded).status()).toBe(200);
  expect(await looks(second ?? '')).toBe(1);
  expect(dayRequests).toEqual([]);
  // Its pictures were fetched while the officer looked at the first one: they come from the browser's cache.
  const pictures = await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.initiatorType === 'img' && entry.name.includes('/_s3/'))
      .map((entry) => entry.transferSize),
  );
  expect(pictures.length).toBeGreaterThan(0);
  expect(pictures.every((transferred) => transferred === 0)).toBe(true);
  expect(await page.locator('form[data-action="confirm"] input[name="date"]').inputValue()).toBe(firstDay);
  expect(await page.locator('form[data-action="confirm"] select[name="time"]').inputValue()).not.toBe(firstTime);
  const [year, month, day] = firstDay.split('-').reverse();
  expect(await page.locator(`.day-pick[data-date="${year}-${month}-${day}"]`).textContent()).toMatch(/ · 19 sisa$/);
  // The page was made while the first was still waiting: it now goes on to the end of the queue, not back to it.
  await save.click();
  await page.waitForURL('**/admin/registrations?status=PENDING&done=1');
  expect(((await officers.api.get(second ?? '', ADMIN)).body as { status: string }).status).toBe('DIKONFIRMASI');
  // Their places go back, so that the next test's day starts at 08.00 again.
  for (const queueNumber of [first, second])
    expect((await officers.api.act(queueNumber ?? '', 'cancel', { reason: 'Data uji dibersihkan.' }, ADMIN)).status).toBe(200);
});

it('offers the next open days as buttons with their free places, sets the next free time, and refuses a wrong date in Indonesian', async () => {
  await clearPending();
  const [closed, full, partly, open] = [workingDay(1), workingDay(2), workingDay(3), workingDay(4)];
  // One day closed, one full, one with a place taken at 08:00.
  expect((await officers.api.putDay(closed, { closed: true, reason: 'Rapat kantor' }, ADMIN)).status).toBe(200);
  const booked = await addPendingRegistrations(server, { firstNumber: 600, count: 2, image: ktpImage, hoursAgo: 30 });
  expect((await officers.api.act(booked[0] ?? '', 'confirm', { date: full, time: '08:00' }, ADMIN)).status).toBe(200);
  expect((await officers.api.putDay(full, { capacity: 1 }, ADMIN)).status).toBe(200);
  expect((await officers.api.act(booked[1] ?? '', 'confirm', { date: partly, time: '08:00' }, ADMIN)).status).toBe(200);
  const [queueNumber] = await addPendingRegistrations(server, { firstNumber: 610, count: 1, image: ktpImage });

  const page = await newPage(OFFICE);
  await logIn(page);
  await page.goto(`${server.url}/admin/registrations/${queueNumber}`);
  const confirm = page.locator('form[data-action="confirm"]');
  const buttons = confirm.locator('.day-pick');
  const dates = await buttons.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-date') ?? ''));
  expect(dates.length).toBeGreaterThanOrEqual(5);
  expect(dates).not.toContain(closed);
  expect(dates.filter((date) => [0, 6].includes(dayOfWeek(date)))).toEqual([]);
  expect(dates[0]).toBe(full);
  const fullButton = confirm.locator(`.day-pick[data-date="${full}"]`);
  expect(await fullButton.isDisabled()).toBe(true);
  expect(await fullButton.textContent()).toMatch(/^\w{3} \d{1,2} \w{3} · penuh$/);
  expect(await confirm.locator(`.day-pick[data-date="${partly}"]`).textContent()).toMatch(/^(Sen|Sel|Rab|Kam|Jum) \d{1,2} \w{3} · 19 sisa$/);
  expect(await confirm.locator(`.day-pick[data-date="${open}"]`).textContent()).toMatch(/ · 20 sisa$/);

  // The first day with a place is chosen, at its next free time; the date field says its day.
  expect(await confirm.locator(`.day-pick[data-date="${partly}"]`).getAttribute('aria-pressed')).toBe('true');
  expect(await confirm.locator('input[name="date"]').inputValue()).toBe(typed(partly));
  expect(await confirm.locator('.date-echo').textContent()).toBe(formatDayDate(partly));
  expect(await confirm.locator('select[name="time"]').inputValue()).toBe('08:15');
  await confirm.locator(`.day-pick[data-date="${open}"]`).click();
  expect(await confirm.locator('input[name="date"]').inputValue()).toBe(typed(open));
  expect(await confirm.locator('select[name="time"]').inputValue()).toBe('08:00');
  expect(await confirm.locator('.date-echo').textContent()).toBe(formatDayDate(open));

  // Typed dates: an impossible one and an empty field are stopped here, in Indonesian.
  const date = confirm.locator('input[name="date"]');
  await date.fill('31-02-2027');
  expect(await confirm.locator('.date-echo').textContent()).toBe('');
  await confirm.getByRole('button', { name: 'Konfirmasi', exact: true }).click();
  await confirm.locator('.form-error', { hasText: 'Tanggal 31-02-2027 tidak ada di kalender.' }).waitFor();
  await date.fill('');
  await confirm.getByRole('button', { name: 'Konfirmasi', exact: true }).click();
  await confirm.locator('.form-error', { hasText: 'Tanggal (DD-MM-YYYY): wajib diisi.' }).waitFor();
  // The browser never shows its own (English) bubble: the form is checked by the page.
  expect(await confirm.evaluate((form: HTMLFormElement) => form.noValidate)).toBe(true);
  await date.fill('12/07/2026');
  await confirm.getByRole('button', { name: 'Konfirmasi', exact: true }).click();
  // 12/07/2026 is read the Indonesian way: 12 July, a Sunday (or past), which the rules refuse.
  await confirm.locator('.form-error', { hasText: /Kantor tidak melayani|paling cepat/ }).waitFor();

  // A weekend typed by hand echoes its day, and the rule's answer comes back beside the form.
  let saturday = addDays(partly, 1);
  while (dayOfWeek(saturday) !== 6) saturday = addDays(saturday, 1);
  await date.fill(typed(saturday));
  expect(await confirm.locator('.date-echo').textContent()).toBe(formatDayDate(saturday));
  await confirm.getByRole('button', { name: 'Konfirmasi', exact: true }).click();
  await confirm.locator('.form-error', { hasText: 'Kantor tidak melayani' }).waitFor();
  expect(await page.locator('#status .badge').textContent()).toBe('PENDING');
});

it('lists the queue oldest first with documents, flags and waiting time; j/k and Enter open one; "Simpan & berikutnya" walks to the end', async () => {
  await clearPending();
  const queue = await addPendingRegistrations(server, {
    firstNumber: 700,
    count: 3,
    image: ktpImage,
    hoursAgo: 3,
    stepMinutes: 20,
    flags: (index) => (index === 1 ? ['NIK_TANGGAL_LAHIR_BERBEDA'] : []),
  });
  const page = await newPage(OFFICE);
  await logIn(page);
  await page.goto(`${server.url}/admin/registrations?status=PENDING`);
  const rows = page.locator('table[data-keys] tbody tr');
  expect(await rows.locator('.queue').allTextContents()).toEqual(queue);
  expect(await rows.nth(0).locator('.doc-count').textContent()).toBe('4 berkas');
  expect(await rows.nth(1).locator('.flags').textContent()).toContain('Tgl lahir ≠ NIK');
  expect(await rows.nth(0).locator('.age').textContent()).toBe('3 jam');
  expect(await page.locator('thead th', { hasText: 'Menunggu' }).count()).toBe(1);

  // j, j, k: the second row; Enter opens it.
  expect(await rows.nth(0).getAttribute('aria-selected')).toBe('true');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  expect(await rows.nth(1).getAttribute('aria-selected')).toBe('true');
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/admin/registrations/${queue[1]}`);
  await page.goBack();

  // From the list, Enter on the oldest; each "Simpan & berikutnya" confirms and opens the next one.
  await page.locator('table[data-keys] tbody tr[aria-selected="true"]').waitFor();
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/admin/registrations/${queue[0]}`);
  for (const [index, queueNumber] of queue.entries()) {
    const next = queue[index + 1];
    await page.locator('form[data-action="confirm"] [data-then="next"]').click();
    await page.waitForURL(next ? `**/admin/registrations/${next}` : '**/admin/registrations?status=PENDING&done=1');
    const note = page.locator('.flash');
    await note.waitFor();
    expect(await note.textContent()).toMatch(
      new RegExp(`^${queueNumber}: Jadwal dikonfirmasi, (Senin|Selasa|Rabu|Kamis|Jumat), \\d{1,2} \\w+ \\d{4} 08\\.\\d{2} WIB\\.`),
    );
    expect(await inViewport(page, '.flash')).toBe(true);
    const saved = (await officers.api.get(queueNumber, ADMIN)).body as { status: string; appointmentTime: string };
    expect(saved.status).toBe('DIKONFIRMASI');
  }
  expect(await page.locator('.flash').textContent()).toContain('Semua pendaftaran yang menunggu sudah diperiksa.');
  expect(await page.locator('table[data-keys] tbody tr').count()).toBe(0);
  // Confirmed one after another on the same first free day, each at the next free time.
  const times = await Promise.all(
    queue.map(async (queueNumber) => ((await officers.api.get(queueNumber, ADMIN)).body as { appointmentTime: string }).appointmentTime),
  );
  expect(new Set(times).size).toBe(queue.length);

  // Ctrl+Enter does the same from the keyboard.
  const [last] = await addPendingRegistrations(server, { firstNumber: 710, count: 1, image: ktpImage });
  await page.goto(`${server.url}/admin/registrations/${last}`);
  await page.keyboard.press('Control+Enter');
  await page.waitForURL('**/admin/registrations?status=PENDING&done=1');
  expect(((await officers.api.get(last ?? '', ADMIN)).body as { status: string }).status).toBe('DIKONFIRMASI');
});

it('speaks Indonesian on every admin page: no English delivery states, Meta titles, raw codes, ISO dates or browser messages', async () => {
  await clearPending();
  const [flagged, failed] = await addPendingRegistrations(server, {
    firstNumber: 800,
    count: 2,
    image: ktpImage,
    pdfPadding: 2_500_000,
    flags: (index) => (index === 0 ? ['NIK_TANGGAL_LAHIR_BERBEDA'] : []),
  });
  const date = workingDay(5);
  expect((await officers.api.act(failed ?? '', 'confirm', { date, time: '10:00' }, ADMIN)).status).toBe(200);
  const verifyContent = signProofCode({ queueNumber: failed ?? '', appointmentDate: date }, proofKeysFrom(server.secrets).signing);
  await recordDeliveries(failed ?? '');

  const page = await newPage(OFFICE);
  await page.goto(`${server.url}/admin/login`);
  const found: string[] = [];
  const scan = async (label: string) => {
    const text = await page.evaluate(() => {
      const attributes = Array.from(document.querySelectorAll('[placeholder], [title], [aria-label]')).map((element) =>
        ['placeholder', 'title', 'aria-label'].map((name) => element.getAttribute(name) ?? '').join(' '),
      );
      return `${document.body.innerText}\n${attributes.join('\n')}`;
    });
    for (const [what, pattern] of NOT_INDONESIAN) {
      const match = pattern.exec(text);
      if (match) found.push(`${label}: ${what} "${match[0]}"`);
    }
    const browserChecked = await page.evaluate(() => document.querySelectorAll('form:not([novalidate]) [required], input[type="date"]').length);
    if (browserChecked > 0) found.push(`${label}: ${browserChecked} fields the browser checks in its own language`);
  };
  await scan('login');
  // An empty login: our message, not the browser's.
  await page.click('#login-form button[type="submit"]');
  await page.locator('#login-form .form-error', { hasText: 'Nama pengguna: wajib diisi.' }).waitFor();
  await logIn(page);
  const paths = [
    '/admin/',
    '/admin/registrations',
    ...['PENDING', 'PERLU_PERBAIKAN', 'DIKONFIRMASI', 'PERUBAHAN_DIMINTA', 'DIBATALKAN', 'SELESAI', 'TIDAK_HADIR'].map(
      (status) => `/admin/registrations?status=${status}`,
    ),
    `/admin/registrations/${flagged}`,
    `/admin/registrations/${failed}`,
    `/admin/day?date=${date}`,
    '/admin/days',
    '/admin/officers',
    '/admin/failed-sends',
    '/admin/verify',
  ];
  for (const path of paths) {
    await page.goto(`${server.url}${path}`);
    await scan(path);
  }
  // The verify result and an empty check.
  await page.click('#verify-form button[type="submit"]');
  await page.locator('#verify-form .form-error', { hasText: 'Isi kode QR: wajib diisi.' }).waitFor();
  await page.fill('#verify-form textarea', verifyContent);
  await page.click('#verify-form button[type="submit"]');
  await page.locator('#verify-result.verdict-valid').waitFor();
  expect(await page.locator('#verify-result [data-field="appointment"]').textContent()).toBe(`${formatDayDate(date)} 10.00 WIB`);
  await scan('verify result');
  expect(found).toEqual([]);

  // What the failed message means, and what to do, in Indonesian.
  await page.goto(`${server.url}/admin/registrations/${failed}`);
  const deliveries = page.locator('.panel-deliveries');
  expect(await deliveries.locator('.badge').allTextContents()).toEqual(expect.arrayContaining(['Gagal', 'Dibaca']));
  expect(await deliveries.locator('.meta-error').first().textContent()).toMatch(
    /^(Lebih dari 24 jam sejak pemohon terakhir membalas|Pesan tidak dapat diantar)/,
  );
  await page.goto(`${server.url}/admin/failed-sends`);
  expect(await page.locator('tr.failed-send').first().textContent()).toContain('Hubungi pemohon lewat telepon atau SMS.');
});

it('fits a phone at 390×844: full-width panels, a folded menu, documents before the decision, every target at least 44 px', async () => {
  await clearPending();
  const [queueNumber] = await addPendingRegistrations(server, { firstNumber: 900, count: 1, image: ktpImage, flags: () => ['NIK_TANGGAL_LAHIR_BERBEDA'] });
  const page = await newPage(PHONE);
  await logIn(page);

  // The menu is one button; open, it lists every page.
  const header = await page.locator('.topbar').boundingBox();
  expect(header?.height ?? 0).toBeLessThanOrEqual(72);
  expect(await page.locator('#main-nav').isVisible()).toBe(false);
  await page.click('[data-menu-toggle]');
  expect(await page.locator('#main-nav').isVisible()).toBe(true);
  await page.click('#main-nav a[href="/admin/registrations"]');
  await page.waitForURL('**/admin/registrations');

  const small: string[] = [];
  const wide: string[] = [];
  const narrowPanels: string[] = [];
  for (const path of [
    '/admin/',
    '/admin/registrations?status=PENDING',
    `/admin/registrations/${queueNumber}`,
    `/admin/day?date=${workingDay(2)}`,
    '/admin/days',
    '/admin/officers',
    '/admin/verify',
    '/admin/failed-sends',
  ]) {
    await page.goto(`${server.url}${path}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > PHONE.width) wide.push(`${path}: ${width}`);
    small.push(
      ...(await page.evaluate(() => {
        const targets = Array.from(document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary'));
        return targets.flatMap((element) => {
          // A checkbox is tapped through its label; hidden and skip links are not targets.
          const target = element instanceof HTMLInputElement && element.type === 'checkbox' ? (element.closest('label') ?? element) : element;
          const box = target.getBoundingClientRect();
          if (box.width === 0 || box.height === 0 || target.closest('.skip, [hidden], .visually-hidden') || getComputedStyle(target).visibility === 'hidden')
            return [];
          return box.width < 44 || box.height < 44
            ? [
                `${location.pathname}: ${target.tagName.toLowerCase()} "${(target.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
              ]
            : [];
        });
      })),
    );
    narrowPanels.push(
      ...(await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.panel'))
          .filter((panel) => panel.offsetParent !== null && Math.round(panel.getBoundingClientRect().width) !== window.innerWidth)
          .map((panel) => `${location.pathname}: ${panel.className} ${Math.round(panel.getBoundingClientRect().width)}`),
      )),
    );
  }
  expect(wide).toEqual([]);
  expect(small).toEqual([]);
  expect(narrowPanels).toEqual([]);

  // On the review screen the documents come first, the decision after them.
  await page.goto(`${server.url}/admin/registrations/${queueNumber}`);
  const viewer = await page.locator('[data-viewer]').boundingBox();
  const decision = await page.locator('.panel-actions').boundingBox();
  expect((viewer?.y ?? Infinity) < (decision?.y ?? 0)).toBe(true);
  await page.screenshot({ path: '/tmp/admin-review-390.png' });
});

it('verifies a proof without a camera: says so in Indonesian and takes the pasted content', async () => {
  const page = await newPage(OFFICE, {
    init: () => Object.defineProperty(navigator, 'mediaDevices', { value: undefined, configurable: true }),
  });
  await logIn(page);
  await page.goto(`${server.url}/admin/verify`);
  expect(await page.locator('[data-camera-start]').isVisible()).toBe(false);
  expect(await page.locator('.camera-status').textContent()).toBe('Kamera tidak tersedia di perangkat ini. Tempel isi kode QR di kotak, atau pakai pemindai.');
  const content = signProofCode({ queueNumber: 'KRC-404', appointmentDate: workingDay(2) }, proofKeysFrom(server.secrets).signing);
  await page.fill('#verify-form textarea', content.replace('KRC-404', 'KRC-405'));
  await page.press('#verify-form textarea', 'Enter');
  await page.locator('#verify-result.verdict-forged .verdict-title', { hasText: 'TIDAK SAH' }).waitFor();

  // A browser that has the camera API but no camera (this headless one): the button says why it cannot.
  const withApi = await newPage(OFFICE);
  await logIn(withApi);
  await withApi.goto(`${server.url}/admin/verify`);
  await withApi.click('[data-camera-start]');
  await withApi.locator('.camera-status', { hasText: /Kamera tidak tersedia|Izin kamera ditolak/ }).waitFor();
  expect(await withApi.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  expect(await withApi.locator('[data-camera-start]').isVisible()).toBe(true);
});

it("verifies a proof held up to the camera: Chromium's camera plays a video of the proof's QR code", async () => {
  const date = workingDay(6);
  const content = signProofCode({ queueNumber: 'KRC-808', appointmentDate: date }, proofKeysFrom(server.secrets).signing);
  const video = join(mkdtempSync(join(tmpdir(), 'si-bapao-camera-')), 'qr.y4m');
  writeFileSync(video, qrVideo(content));
  const withCamera = await launchBrowser([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
  try {
    const context = await withCamera.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    await context.grantPermissions(['camera']);
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`${server.url}/admin/login`);
    await page.fill('input[name="username"]', 'admin');
    await page.fill('input[name="password"]', server.adminPassword);
    await page.click('#login-form button[type="submit"]');
    await page.waitForURL(`${server.url}/admin/`);
    await page.goto(`${server.url}/admin/verify`);
    await page.click('[data-camera-start]');
    // Decoded from the camera's frames and checked at once: the proof of an unknown number is genuine.
    await page.locator('#verify-result.verdict-warn, #verify-result.verdict-valid').waitFor({ timeout: 20_000 });
    expect(await page.locator('#verify-form textarea').inputValue()).toBe(content);
    expect(await page.locator('.camera-view').isVisible()).toBe(false);
  } finally {
    await withCamera.close();
  }
});

/** A Y4M video (one 480×480 grey frame, which Chromium loops) of `content` as a QR code. */
function qrVideo(content: string): Buffer {
  const side = 480;
  const matrix = encode(content, { ecc: 'M', border: 4 });
  const scale = Math.floor(side / matrix.size);
  const offset = Math.floor((side - matrix.size * scale) / 2);
  const luma = Buffer.alloc(side * side, 235);
  for (let y = 0; y < matrix.size * scale; y += 1) {
    for (let x = 0; x < matrix.size * scale; x += 1) {
      if (matrix.data[Math.floor(y / scale)]?.[Math.floor(x / scale)]) luma[(y + offset) * side + x + offset] = 16;
    }
  }
  const chroma = Buffer.alloc((side / 2) * (side / 2) * 2, 128);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${side} H${side} F10:1 Ip A1:1 C420jpeg\n`), Buffer.from('FRAME\n'), luma, chroma]);
}

/** A delivery that WhatsApp failed (outside the 24-hour window) and one read, and a failed send. */
async function recordDeliveries(queueNumber: string): Promise<void> {
  const client = documentClient({ endpoint: server.dynamoEndpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
  const deliveries = new DynamoDbDeliveryStore(client, server.config.TABLE_NAME);
  try {
    const at = new Date().toISOString();
    const [failedId, readId] = [`wamid.${randomUUID()}`, `wamid.${randomUUID()}`];
    const phone = `62812${queueNumber.slice(4).padStart(7, '0')}`;
    await deliveries.recordSent({ messageId: failedId, queueNumber, kind: 'reminder', at });
    await deliveries.recordStatus({ messageId: failedId, status: 'failed', at, recipientKey: phone, errorCode: 131047, errorTitle: 'Re-engagement message' });
    await deliveries.recordSent({ messageId: readId, queueNumber, kind: 'confirmed', at });
    await deliveries.recordStatus({ messageId: readId, status: 'read', at, recipientKey: phone });
    await deliveries.recordFailedSend({
      applicantKey: phone,
      waId: phone,
      outboxId: failedId,
      reason: 'refused',
      code: 131026,
      title: 'Message undeliverable',
      at,
      queueNumber,
      kind: 'reminder',
    });
  } finally {
    client.destroy();
  }
}

/** A 640×400 card, drawn by Chromium. */
async function drawCard(chromium: Browser): Promise<Buffer> {
  const page = await chromium.newPage();
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 400;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    context.fillStyle = '#cfe8f7';
    context.fillRect(0, 0, 640, 400);
    context.fillStyle = '#1f3b57';
    context.font = 'bold 24px sans-serif';
    context.fillText('KARTU TANDA PENDUDUK', 150, 50);
    context.font = '18px monospace';
    ['NIK : 1501011508900500', 'Nama : PEMOHON', 'Tempat/Tgl Lahir : SUNGAI PENUH, 15-08-1990'].forEach((row, index) =>
      context.fillText(row, 30, 120 + index * 40),
    );
    return canvas.toDataURL('image/png').split(',')[1] ?? '';
  });
  await page.close();
  return Buffer.from(base64, 'base64');
}
