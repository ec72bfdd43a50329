/**
 * Officers of two offices on the admin pages in headless Chromium: each sees only their own office's
 * registrations, another office's review screen is "not found", and the superadmin adds an office with
 * the offices page's form (390×844 and 1366×768 screenshots when SIM_SCREENSHOT_DIR is set).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { registerApplicant } from '../support/journey';
import { adminSession } from '../support/admin-client';
import { keepScreenshot, launchBrowser } from '../support/browser';
import { MATARAM, officesFile, throughNumber } from '../support/offices';
import { OFFICE_TEXTS } from '../../lambdas/domain/texts/offices';
import { formatDayDate } from '../../lambdas/domain/calendar';
import { newPerson } from '../support/registration-lines';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(90_000);

const PASSWORD = 'rahasia-kantor-1';
let server: TestServer;
let browser: Browser;
let kerinciNumber: string;
let mataramNumber: string;
const problems: string[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'si-bapao-offices-pages-'));
  [server, browser] = await Promise.all([startTestServer({ OFFICES_FILE: officesFile(dir, [MATARAM]) }), launchBrowser()]);
  const [atKerinci, atMataram] = await Promise.all([
    registerApplicant(throughNumber(server, server.config.WHATSAPP_PHONE_NUMBER_ID), { person: newPerson({ name: 'Halaman Kerinci' }) }),
    registerApplicant(throughNumber(server, MATARAM.phoneNumberId), { person: newPerson({ name: 'Halaman Mataram' }) }),
  ]);
  kerinciNumber = atKerinci.queueNumber;
  mataramNumber = atMataram.queueNumber;
  const superadmin = await adminSession(server);
  const added = await superadmin.request('POST', '/api/officers', {
    body: { username: 'petugas-mtr', password: PASSWORD, role: 'petugas', office: MATARAM.id },
  });
  expect(added.status).toBe(201);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.cleanUp();
});
afterEach(() => expect(problems.splice(0)).toEqual([]));

async function loggedIn(username: string, password: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(`${server.url}/admin/`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await page.click('#login-form button[type="submit"]');
  await page.locator('h1', { hasText: 'Beranda' }).waitFor();
  return page;
}

describe('the admin pages of one office', () => {
  it('show an officer only their own office’s registrations, and not another office’s review screen', async () => {
    const page = await loggedIn('petugas-mtr', PASSWORD);
    await page.goto(`${server.url}/admin/registrations`);
    const listed = await page.locator('td.queue a').allTextContents();
    expect(listed).toContain(mataramNumber);
    expect(listed).not.toContain(kerinciNumber);
    await keepScreenshot(page, 'offices-mataram-registrations.png');

    const other = await page.goto(`${server.url}/admin/registrations/${kerinciNumber}`);
    expect(other?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Tidak ditemukan');
    const own = await page.goto(`${server.url}/admin/registrations/${mataramNumber}`);
    expect(own?.status()).toBe(200);
    await expect(page.locator('body').textContent()).resolves.toContain('Halaman Mataram');
    expect((await page.goto(`${server.url}/admin/offices`))?.status()).toBe(403);
    await page.context().close();
  });

  it("let the superadmin give an office its head's WhatsApp number for the day's summary, shown in the list and api/offices", async () => {
    const page = await loggedIn(server.config.ADMIN_USERNAME, server.adminPassword, { width: 390, height: 844 });
    await page.goto(`${server.url}/admin/offices`);
    const edit = page.locator('details.office-edit', { hasText: MATARAM.name });
    await edit.locator('summary').click();
    const form = edit.locator('form');
    const head = form.locator('input[name="headOfOfficeWaId"]');
    await expect(head.inputValue()).resolves.toBe('');
    await head.fill('0812-3456');
    await form.locator('button[type="submit"]').click();
    const refusal = form.locator('.form-error');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toBe(`${OFFICE_TEXTS.fieldHeadOfOffice}: format tidak sesuai.`);
    const superadmin = await adminSession(server);
    // The API checks it too (a script, or a browser without the page's checks).
    const refused = await superadmin.request('PUT', `/api/offices/${MATARAM.id}`, { body: { ...MATARAM, headOfOfficeWaId: '0812-3456' } });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('headOfOfficeWaId: must be digits with the country code');

    await head.fill('6281234567890');
    await head.scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'offices-head-of-office-form-390.png');
    await form.locator('button[type="submit"]').click();
    await page.locator('.offices-table td', { hasText: 'Ringkasan harian ke 6281234567890' }).waitFor();
    const offices = (await superadmin.request('GET', '/api/offices')).body as { id: string; headOfOfficeWaId?: string }[];
    expect(offices.find((office) => office.id === MATARAM.id)?.headOfOfficeWaId).toBe('6281234567890');
    expect(offices.find((office) => office.id === 'kerinci')).not.toHaveProperty('headOfOfficeWaId');
    await expect(page.locator('details.office-edit', { hasText: MATARAM.name }).locator('input[name="headOfOfficeWaId"]').inputValue()).resolves.toBe(
      '6281234567890',
    );
    await page.context().close();
    // The form sends only its own fields: the office's short name (not on it) is put back for the tests after this one.
    expect((await superadmin.request('PUT', `/api/offices/${MATARAM.id}`, { body: { ...MATARAM, headOfOfficeWaId: '6281234567890' } })).status).toBe(200);
  });

  it('let the superadmin add an office with the offices page’s form', async () => {
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1366, height: 768 },
    ]) {
      const page = await loggedIn(server.config.ADMIN_USERNAME, server.adminPassword, viewport);
      await page.goto(`${server.url}/admin/offices`);
      await expect(page.locator('h1').textContent()).resolves.toBe('Kantor');
      await keepScreenshot(page, `offices-page-${viewport.width}.png`);
      await page.context().close();
    }
    const page = await loggedIn(server.config.ADMIN_USERNAME, server.adminPassword);
    await page.goto(`${server.url}/admin/offices`);
    const form = page.locator('#add-office');
    await form.locator('input[name="id"]').fill('ambon');
    await form.locator('input[name="name"]').fill('Kantor Imigrasi Kelas I TPI Ambon');
    await form.locator('input[name="address"]').fill('Jl. Dr. Kayadoe, Kota Ambon');
    await form.locator('input[name="phoneNumberId"]').fill('6677889900112');
    await form.locator('input[name="displayPhoneNumber"]').fill('0911352235');
    await form.locator('input[name="queuePrefix"]').fill('AMQ');
    await form.locator('select[name="timezone"]').selectOption('Asia/Jayapura');
    await form.locator('button[type="submit"]').click();
    await page.locator('.offices-table td', { hasText: 'Kantor Imigrasi Kelas I TPI Ambon' }).waitFor();
    await expect(page.locator('.offices-table tbody tr').count()).resolves.toBe(3);
    await page.context().close();
  });
});

describe('the review screen of an office in another zone (Mataram, WITA)', () => {
  const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
  /** What an instant reads on a wall clock in Mataram: UTC+8, an hour after Jakarta's. */
  const inWita = (iso: string) => {
    const local = new Date(Date.parse(iso) + 8 * 3_600_000);
    const clock = `${String(local.getUTCHours()).padStart(2, '0')}.${String(local.getUTCMinutes()).padStart(2, '0')}`;
    return `${local.getUTCDate()} ${SHORT_MONTHS[local.getUTCMonth()] ?? ''} ${local.getUTCFullYear()} ${clock} WITA`;
  };

  it("shows its officer the time field, the appointment and the history in the office's own zone, never WIB", async () => {
    const page = await loggedIn('petugas-mtr', PASSWORD);
    await page.goto(`${server.url}/admin/registrations/${mataramNumber}`);
    const confirm = page.locator('form[data-action="confirm"]');
    await expect(
      confirm
        .locator('label.field', { has: page.locator('select[name="time"]') })
        .locator('span')
        .first()
        .textContent(),
    ).resolves.toBe('Jam (WITA)');
    await confirm.locator('select[name="time"]').selectOption('09:00');
    await confirm.locator('button[type="submit"]:not([data-then])').click();
    const note = page.locator('.flash');
    await note.waitFor();
    expect(await note.textContent()).toMatch(new RegExp(`^${mataramNumber}: Jadwal dikonfirmasi, \\S+, \\d{1,2} \\w+ \\d{4} 09\\.00 WITA\\.`));

    await page.goto(`${server.url}/admin/registrations/${mataramNumber}`);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('09.00 WITA');
    expect(main).not.toContain('WIB');
    const saved = (await (await adminSession(server)).request('GET', `/api/registrations/${mataramNumber}?office=${MATARAM.id}`)).body as {
      status: string;
      appointmentDate: string;
      createdAt: string;
    };
    expect(saved.status).toBe('DIKONFIRMASI');
    expect(main).toContain(`${formatDayDate(saved.appointmentDate)} 09.00 WITA`);
    expect(main).toContain(inWita(saved.createdAt));
    const times = await page
      .locator('.panel-history time[datetime]')
      .evaluateAll((elements) => elements.map((element) => ({ at: element.getAttribute('datetime') ?? '', shown: element.textContent ?? '' })));
    expect(times.length).toBeGreaterThan(1);
    expect(times.map((time) => time.shown)).toEqual(times.map((time) => inWita(time.at)));
    await keepScreenshot(page, 'offices-mataram-review-1366.png');
    await page.setViewportSize({ width: 390, height: 844 });
    await keepScreenshot(page, 'offices-mataram-review-390.png');
    await page.locator('.panel-history').scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'offices-mataram-review-history-390.png');
    await page.context().close();

    // The superadmin looking at Mataram's registration reads Mataram's clock too.
    const superadmin = await loggedIn(server.config.ADMIN_USERNAME, server.adminPassword);
    await superadmin.goto(`${server.url}/admin/registrations/${mataramNumber}?office=${MATARAM.id}`);
    const seen = (await superadmin.locator('main').textContent()) ?? '';
    expect(seen).toContain(`${formatDayDate(saved.appointmentDate)} 09.00 WITA`);
    expect(seen).not.toContain('WIB');
    await superadmin.context().close();
  });
});

describe('the officers page of a superadmin', () => {
  it("adds an officer to another office, who then sees that office's registrations only", async () => {
    const page = await loggedIn(server.config.ADMIN_USERNAME, server.adminPassword);
    await page.goto(`${server.url}/admin/officers`);
    await expect(page.locator('.officers-table tr', { hasText: 'petugas-mtr' }).textContent()).resolves.toContain(MATARAM.shortName);
    const form = page.locator('#add-officer');
    await form.locator('input[name="username"]').fill('admin-mtr');
    await form.locator('input[name="password"]').fill(PASSWORD);
    await form.locator('select[name="role"]').selectOption('admin');
    await form.locator('select[name="office"]').selectOption(MATARAM.id);
    await keepScreenshot(page, 'officers-add-to-office-1366.png');
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/admin/api/officers') && response.request().method() === 'POST'),
      form.locator('button[type="submit"]').click(),
    ]);
    expect(answer.status()).toBe(201);
    await page.context().close();

    const added = await loggedIn('admin-mtr', PASSWORD);
    await added.goto(`${server.url}/admin/registrations`);
    const listed = await added.locator('td.queue a').allTextContents();
    expect(listed).toContain(mataramNumber);
    expect(listed).not.toContain(kerinciNumber);
    await added.context().close();
  });
});

describe('the simulator with many offices', () => {
  it('lets the person choose which office to write to, each with its own conversation', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`${server.url}/sim`);
    await page.fill('#wa-id', '6281377778888');
    await page.dispatchEvent('#wa-id', 'change');
    const choice = page.locator('#office');
    await choice.locator('option', { hasText: MATARAM.name }).waitFor({ state: 'attached' });
    await choice.selectOption(MATARAM.phoneNumberId);
    await page.fill('#message', 'Assalamualaikum');
    await page.click('#send');
    await page.locator('.bubble.in', { hasText: `Selamat datang di SI BAPAO (Registrasi BAP Paspur Online) ${MATARAM.name}` }).waitFor();
    await keepScreenshot(page, 'offices-simulator-390.png');

    // The other office: an empty chat of its own, and its own welcome.
    await choice.selectOption(server.config.WHATSAPP_PHONE_NUMBER_ID);
    await expect(page.locator('.bubble').count()).resolves.toBe(0);
    await page.fill('#message', 'Assalamualaikum');
    await page.click('#send');
    await page.locator('.bubble.in', { hasText: 'Kantor Imigrasi Kelas II Non TPI Kerinci' }).first().waitFor();
    expect(await page.locator('.bubble.in', { hasText: MATARAM.name }).count()).toBe(0);
    await page.close();
  });
});
