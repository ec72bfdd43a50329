/**
 * An officer on the admin page in headless Chromium, at an office screen (1366×768) and on a phone
 * (390×844): log in, find a registration made through WhatsApp, see its documents, confirm a date, and
 * never run what an applicant typed. Any CSP violation or script error fails the test.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { documentClient } from '../../lambdas/adapters/dynamodb-client';
import { proofKeysFrom } from '../../lambdas/adapters/proof-keys';
import { registrationItem } from '../../lambdas/adapters/registration-items';
import { signProofCode } from '../../lambdas/domain/proof-code';
import { registerApplicant, type RegisteredApplicant } from '../support/applicant';
import { launchBrowser } from '../support/browser';
import { nextSaturday, workingDay } from '../support/officer-api';
import { startTestServer, type TestServer } from '../support/test-server';

const PROFILE_NAME = '<img src=x onerror=window.__xss=1>"><script>window.__xss=2</script><svg onload=window.__xss=3>';
const NOTE = '"><script>window.__xss=4</script> javascript:window.__xss=5 <img src=x onerror=window.__xss=6> <svg onload=window.__xss=7> Bawa paspor lama';
const OFFICE = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

jest.setTimeout(90_000);

let server: TestServer;
let browser: Browser;
let applicant: RegisteredApplicant;
const problems: string[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const ktp = await drawKtp(browser);
  applicant = await registerApplicant(server, {
    profileName: PROFILE_NAME,
    documents: {
      ktp: { bytes: ktp, contentType: 'image/png', filename: 'ktp <b>depan</b>.png' },
      kk: { bytes: ktp, contentType: 'image/png', filename: 'kartu-keluarga.png' },
    },
  });
  await addStalePending(server);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.cleanUp();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  expect(problems.splice(0)).toEqual([]);
});

/** A new browser context with the viewport, watching the console for CSP reports and script errors. */
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
  return page;
}

async function logIn(page: Page): Promise<void> {
  await page.goto(`${server.url}/admin/`);
  await page.fill('input[name="username"]', 'admin');
  await page.fill('input[name="password"]', server.adminPassword);
  await page.click('#login-form button[type="submit"]');
  await page.locator('h1', { hasText: 'Beranda' }).waitFor();
}

/** `2026-12-07` as an officer types it: `07-12-2026`. */
function typed(date: string): string {
  return date.split('-').reverse().join('-');
}

/** The page's scroll width: more than the viewport means it scrolls sideways. */
async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

async function xssFired(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
}

it('refuses a wrong password with the message beside the form, then logs in at 1366×768', async () => {
  const page = await newPage(OFFICE);
  await page.goto(`${server.url}/admin/`);
  await page.fill('input[name="username"]', 'admin');
  await page.fill('input[name="password"]', 'bukan-kata-sandinya');
  await page.click('#login-form button[type="submit"]');
  await page.locator('#login-form .form-error', { hasText: 'Nama pengguna atau kata sandi salah.' }).waitFor();
  await page.screenshot({ path: '/tmp/admin-login-1366.png' });

  // One failure makes this (account, address) wait 1 s before its next attempt (README "For officers"):
  // a person retyping takes longer; the test waits the same second instead of racing the throttle.
  await page.waitForTimeout(1_100);
  await page.fill('input[name="password"]', server.adminPassword);
  await page.click('#login-form button[type="submit"]');
  await page.locator('h1', { hasText: 'Beranda' }).waitFor();
  expect(await page.locator('meta[name="csrf-token"]').getAttribute('content')).toMatch(/^[A-Za-z0-9_-]{43}$/);
});

it('shows counts per status and the PENDING registrations past 24 hours in red on the dashboard', async () => {
  const page = await newPage(OFFICE);
  await logIn(page);
  const pendingCard = page.locator('.count-card.status-card-pending');
  expect(Number(await pendingCard.locator('.count').textContent())).toBeGreaterThanOrEqual(2);
  expect(await pendingCard.getAttribute('class')).toContain('alert');
  const overdue = page.locator('.panel-alert tr.overdue', { hasText: 'KRC-900' });
  await overdue.waitFor();
  expect(await overdue.locator('.overdue-badge').textContent()).toBe('Lewat 24 jam');
  expect(await overdue.evaluate((row) => getComputedStyle(row).backgroundColor)).toBe('rgb(253, 236, 234)');
  expect(await page.locator('.panel-alert tr', { hasText: applicant.queueNumber }).count()).toBe(0);
  await page.screenshot({ path: '/tmp/admin-dashboard-1366.png', fullPage: true });
});

it('finds a WhatsApp registration, shows its documents, keeps applicant text inert, and confirms a date', async () => {
  const page = await newPage(OFFICE);
  await logIn(page);
  await page.click('nav a[href="/admin/registrations"]');
  await page.click('.tabs a[href$="status=PENDING"]');
  await page.click(`a[href="/admin/registrations/${applicant.queueNumber}"]`);
  await page.locator('.queue-big', { hasText: applicant.queueNumber }).waitFor();

  // The profile name is text, exactly as WhatsApp sent it; nothing it contains ran or became markup.
  expect(await page.locator('.profile-name dd').textContent()).toBe(PROFILE_NAME);
  expect(await page.locator('#status .badge').textContent()).toBe('PENDING');

  // Every document shows on the page: an image at once, a PDF in a frame of the same page; a new tab only on request.
  const image = page.locator('.viewer-item[data-requirement="ktp"] img');
  await image.waitFor();
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLImageElement>('.viewer-item img')).every((img) => img.complete && img.naturalWidth > 0),
  );
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
  expect(await page.locator('.viewer-item[data-requirement="ktp"] figcaption').textContent()).toContain('ktp <b>depan</b>.png');
  const pdf = page.locator('.viewer-item[data-requirement="akta"] iframe');
  expect(await pdf.getAttribute('data-src')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_s3\//);
  const openTab = page.locator('.viewer .open-tab');
  expect(await openTab.getAttribute('target')).toBe('_blank');
  expect(await openTab.getAttribute('rel')).toBe('noopener noreferrer');

  // Confirm: a working day a few days ahead, 09:30, a note full of markup.
  const date = workingDay(3);
  const confirm = page.locator('form[data-action="confirm"]');
  expect(await confirm.locator('select[name="time"] option').allTextContents()).toEqual(expect.arrayContaining(['08.00', '08.15', '12.45', '16.00']));
  expect(await confirm.locator('select[name="time"] option[value]:not([value=""])').count()).toBe(33);
  await confirm.locator('input[name="date"]').fill(typed(date));
  await confirm.locator('select[name="time"]').selectOption('09:30');
  await confirm.locator('input[name="note"]').fill(NOTE);
  await confirm.getByRole('button', { name: 'Konfirmasi', exact: true }).click();
  await page.locator('#status .badge', { hasText: 'DIKONFIRMASI' }).waitFor();

  expect(await page.locator('.fact.note dd').textContent()).toBe(NOTE);
  expect(await page.locator('.history', { hasText: 'Mengonfirmasi jadwal' }).count()).toBe(1);
  expect(await page.locator('.history-detail', { hasText: NOTE }).count()).toBe(1);
  expect(await page.locator('form[data-action="reschedule"]').count()).toBe(1);
  expect(await page.locator('form[data-action="confirm"]').count()).toBe(0);
  expect(await page.locator('.flash', { hasText: `${applicant.queueNumber}: Jadwal dikonfirmasi` }).count()).toBe(1);
  expect(
    await page.evaluate(
      () =>
        document.querySelectorAll(
          'img[src="x"], svg[onload], a[href^="javascript:"], script:not([src]):not([type="application/json"]):not([type="speculationrules"])',
        ).length,
    ),
  ).toBe(0);
  // Besides the page's data, the one inline script is the viewer's speculation rule set (JSON, never run; CSP 'inline-speculation-rules').
  expect(await page.evaluate(() => document.querySelectorAll('script[type="speculationrules"]').length)).toBeLessThanOrEqual(1);
  expect(await xssFired(page)).toBeUndefined();
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLImageElement>('.viewer-item img')).every((img) => img.complete && img.naturalWidth > 0),
  );
  await page.screenshot({ path: '/tmp/admin-detail-1366.png', fullPage: true });

  // The day's list shows who comes.
  await page.goto(`${server.url}/admin/day?date=${date}`);
  const row = page.locator('tr', { hasText: applicant.queueNumber });
  expect(await row.locator('.time').textContent()).toBe('09.30 WIB');
  expect(await page.locator('.capacity').textContent()).toContain('Terisi 1 dari 20');
  expect(await xssFired(page)).toBeUndefined();
});

it("shows the API's message next to the form when a rule refuses the action (422)", async () => {
  const other = await registerApplicant(server, { profileName: 'Siti' });
  const page = await newPage(OFFICE);
  await logIn(page);
  await page.goto(`${server.url}/admin/registrations/${other.queueNumber}`);
  const confirm = page.locator('form[data-action="confirm"]');
  await confirm.locator('input[name="date"]').fill(typed(nextSaturday()));
  await confirm.locator('select[name="time"]').selectOption('10:00');
  await confirm.getByRole('button', { name: 'Konfirmasi', exact: true }).click();
  const error = confirm.locator('.form-error');
  await error.locator('text=Kantor tidak melayani').waitFor();
  expect(await error.isVisible()).toBe(true);
  expect(await page.locator('#status .badge').textContent()).toBe('PENDING');

  await page.locator('.fix-zone summary').click();
  const fix = page.locator('form[data-action="request-fix"]');
  await fix.locator('input[value="ktp"]').check();
  await fix.locator('textarea[name="note"]').fill('Foto KTP buram, mohon foto ulang dengan cahaya cukup.');
  await fix.getByRole('button', { name: 'Kirim permintaan perbaikan' }).click();
  await page.locator('#status .badge', { hasText: 'PERLU_PERBAIKAN' }).waitFor();
  expect(await page.locator('.fact.note dd').textContent()).toBe('Foto KTP buram, mohon foto ulang dengan cahaya cukup.');
});

it('checks a proof: a signed QR content is genuine, an edited one is not', async () => {
  const page = await newPage(OFFICE);
  await logIn(page);
  await page.click('nav a[href="/admin/verify"]');
  const date = workingDay(3);
  const genuine = signProofCode({ queueNumber: applicant.queueNumber, appointmentDate: date }, proofKeysFrom(server.secrets).signing);
  await page.fill('#verify-form textarea', genuine);
  await page.click('#verify-form button[type="submit"]');
  const result = page.locator('#verify-result.verdict-valid');
  await result.waitFor();
  expect(await result.locator('[data-field="queueNumber"]').textContent()).toBe(applicant.queueNumber);
  expect(await result.locator('[data-field="status"]').textContent()).toBe('DIKONFIRMASI');

  await page.fill('#verify-form textarea', genuine.replace(applicant.queueNumber, 'KRC-777'));
  await page.press('#verify-form textarea', 'Enter');
  await page.locator('#verify-result.verdict-forged .verdict-title', { hasText: 'TIDAK SAH' }).waitFor();
});

it('lets an admin add an officer, who then logs in without the admin pages', async () => {
  const page = await newPage(OFFICE);
  await logIn(page);
  await page.click('nav a[href="/admin/officers"]');
  const form = page.locator('#add-officer');
  await form.locator('input[name="username"]').fill('Salah Besar');
  await form.locator('input[name="password"]').fill('kata-sandi-petugas');
  await form.locator('button[type="submit"]').click();
  await form.locator('.form-error', { hasText: 'Nama pengguna harus 3–32 karakter' }).waitFor();
  await form.locator('input[name="username"]').fill('rina');
  await form.locator('button[type="submit"]').click();
  await page.locator('.officers-table tr', { hasText: 'rina' }).waitFor();

  const officer = await newPage(OFFICE);
  await officer.goto(`${server.url}/admin/`);
  await officer.fill('input[name="username"]', 'rina');
  await officer.fill('input[name="password"]', 'kata-sandi-petugas');
  await officer.click('#login-form button[type="submit"]');
  await officer.locator('h1', { hasText: 'Beranda' }).waitFor();
  expect(await officer.locator('nav a[href="/admin/officers"]').count()).toBe(0);
  const forbidden = await officer.goto(`${server.url}/admin/days`);
  expect(forbidden?.status()).toBe(403);

  await officer.click('[data-logout]');
  await officer.waitForURL(`${server.url}/admin/login`);
  const after = await officer.goto(`${server.url}/admin/registrations`);
  expect(after?.url()).toContain('/admin/login?next=');
});

it('fits a 390-px phone: no page scrolls sideways, and the forms stay usable', async () => {
  const page = await newPage(PHONE);
  await page.goto(`${server.url}/admin/`);
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  await logIn(page);
  await page.screenshot({ path: '/tmp/admin-dashboard-390.png', fullPage: true });
  const date = workingDay(3);
  const tooWide: Array<{ path: string; scrollWidth: number }> = [];
  for (const path of [
    '/admin/',
    '/admin/registrations',
    '/admin/registrations?status=PENDING',
    `/admin/registrations/${applicant.queueNumber}`,
    `/admin/day?date=${date}`,
    '/admin/days',
    '/admin/officers',
    '/admin/verify',
  ]) {
    await page.goto(`${server.url}${path}`);
    const scrollWidth = await pageWidth(page);
    if (scrollWidth > PHONE.width) tooWide.push({ path, scrollWidth });
  }
  expect(tooWide).toEqual([]);
  await page.goto(`${server.url}/admin/registrations/${applicant.queueNumber}`);
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLImageElement>('.viewer-item img')).every((img) => img.complete && img.naturalWidth > 0),
  );
  expect(await page.locator('.profile-name dd').textContent()).toBe(PROFILE_NAME);
  expect(await xssFired(page)).toBeUndefined();
  const submit = page.locator('.panel-actions form button[type="submit"]').first();
  expect((await submit.boundingBox())?.height).toBeGreaterThanOrEqual(44);
  await page.screenshot({ path: '/tmp/admin-detail-390.png', fullPage: true });
});

/** A 640×400 PNG that looks like the front of a KTP, drawn by Chromium. */
async function drawKtp(chromium: Browser): Promise<Buffer> {
  const page = await chromium.newPage();
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 400;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    const gradient = context.createLinearGradient(0, 0, 640, 400);
    gradient.addColorStop(0, '#bfe3f5');
    gradient.addColorStop(1, '#e9f6fc');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 640, 400);
    context.fillStyle = '#1f3b57';
    context.font = 'bold 22px sans-serif';
    context.textAlign = 'center';
    context.fillText('PROVINSI JAMBI', 320, 36);
    context.fillText('KABUPATEN KERINCI', 320, 62);
    context.textAlign = 'left';
    context.font = 'bold 20px monospace';
    context.fillText('NIK : 3201231508900001', 24, 104);
    context.font = '16px sans-serif';
    const rows = [
      'Nama : AHMAD BUDIMAN',
      'Tempat/Tgl Lahir : SUNGAI PENUH, 15-08-1990',
      'Jenis Kelamin : LAKI-LAKI',
      'Alamat : JL. IMAM BONJOL',
      'Agama : ISLAM',
      'Pekerjaan : WIRASWASTA',
      'Kewarganegaraan : WNI',
    ];
    rows.forEach((row, index) => context.fillText(row, 24, 140 + index * 30));
    context.fillStyle = '#d9534f';
    context.fillRect(470, 120, 140, 180);
    context.fillStyle = '#fff';
    context.font = 'bold 14px sans-serif';
    context.fillText('FOTO', 518, 215);
    return canvas.toDataURL('image/png').split(',')[1] ?? '';
  });
  await page.close();
  return Buffer.from(base64, 'base64');
}

/** A PENDING registration made 30 hours ago, as the byStatus index lists it. */
async function addStalePending(testServer: TestServer): Promise<void> {
  const client = documentClient({ endpoint: testServer.dynamoEndpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
  try {
    await client.send(
      new PutCommand({
        TableName: testServer.config.TABLE_NAME,
        Item: registrationItem({
          queueNumber: 'KRC-900',
          name: 'Rahmat Hidayat',
          placeOfBirth: 'SUNGAI PENUH',
          dateOfBirth: '1985-04-12',
          nik: '1501011204850003',
          phone: '6281234567890',
          serviceId: 2,
          status: 'PENDING',
          createdAt: new Date(Date.now() - 30 * 3600_000).toISOString(),
          ownerKey: '6281234567890',
          ownerWaId: '6281234567890',
          profileName: 'Rahmat',
          draftId: 'draft-stale',
          documentsMode: 'web',
          flags: ['NIK_TANGGAL_LAHIR_BERBEDA'],
          rescheduled: false,
        }),
      }),
    );
  } finally {
    client.destroy();
  }
}
