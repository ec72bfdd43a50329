/**
 * REGISTRATION_FORM=flow on the simulator page: the bot's flow message shows its button, the button opens
 * the Flow's screen as a form (the fields, a date picker, the helper texts), and submitting it posts a
 * signed `nfm_reply` webhook that registers the applicant.
 */
import type { Browser } from 'playwright-core';
import { keepScreenshot, launchBrowser } from '../support/browser';
import { uploadDocuments } from '../support/journey';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ REGISTRATION_FORM: 'flow' }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.cleanUp();
});

it.each([
  ['phone', { width: 390, height: 844 }, '6281377770001'],
  ['laptop', { width: 1366, height: 768 }, '6281377770002'],
])('shows the registration Flow as a form on a %s, and submitting it registers', async (size, viewport, waId) => {
  // An Indonesian phone: the date picker shows day/month/year.
  const page = await browser.newPage({ viewport, locale: 'id-ID' });
  try {
    await page.goto(`${server.url}/sim`);
    await page.fill('#wa-id', waId);
    await page.dispatchEvent('#wa-id', 'change');
    await page.fill('#profile-name', 'Rina Marlina');
    const type = async (text: string) => {
      await page.fill('#message', text);
      await page.click('#send');
    };
    await type('1');
    await page.locator('.bubble.in', { hasText: 'PERSETUJUAN DATA PRIBADI' }).getByRole('button', { name: 'Setuju', exact: true }).click();
    const requirements = page.locator('.bubble.in', { hasText: 'Anda memilih Layanan 1' });
    await requirements.waitFor();
    await uploadDocuments(server, (await requirements.textContent()) ?? '');
    await type('SELESAI');

    const invitation = page.locator('.bubble.in', { hasText: 'tekan tombol Isi formulir' });
    await invitation.waitFor();
    await keepScreenshot(page, `simulator-flow-message-${viewport.width}x${viewport.height}.png`);
    await invitation.getByRole('button', { name: 'Isi formulir' }).click();

    const sheet = page.getByRole('dialog', { name: 'Pendaftaran BAP' });
    await sheet.waitFor();
    expect(await sheet.locator('.flow-field > span').allTextContents()).toEqual(['Nama lengkap', 'Tempat lahir', 'Tanggal lahir', 'NIK', 'Nomor HP']);
    expect(await sheet.locator('input[name="tanggal_lahir"]').getAttribute('type')).toBe('date');
    expect(await sheet.locator('input[name="nik"]').getAttribute('maxlength')).toBe('16');
    await expect(sheet.getByText('16 angka, lihat KTP/KK').isVisible()).resolves.toBe(true);

    await sheet.getByLabel('Nama lengkap').fill('Rina Marlina');
    await sheet.getByLabel('Tempat lahir').fill('KERINCI');
    await sheet.getByLabel('Tanggal lahir').fill('1985-03-02');
    await sheet.getByLabel('NIK').fill(`32012342038500${size === 'phone' ? '07' : '08'}`);
    await sheet.getByLabel('Nomor HP').fill('081234567890');
    await keepScreenshot(page, `simulator-flow-${viewport.width}x${viewport.height}.png`);
    await sheet.getByRole('button', { name: 'Kirim' }).click();

    const success = page.locator('.bubble.in', { hasText: 'Pendaftaran Antrian Berhasil' });
    await success.waitFor();
    expect(await success.textContent()).toContain('Nama: Rina Marlina');
    expect(await page.locator('.bubble.out').last().textContent()).toContain('Pendaftaran BAP: terkirim');
    await expect(sheet.count()).resolves.toBe(0);
  } finally {
    await page.close();
  }
});
