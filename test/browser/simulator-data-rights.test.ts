/**
 * DATA SAYA and HAPUS DATA on the simulator page, as a person on a phone or a laptop meets them: what is
 * held, shown as a bubble; the erasure question's two buttons; Tidak keeps, Ya, hapus erases.
 */
import type { Browser } from 'playwright-core';
import { keepScreenshot, launchBrowser } from '../support/browser';
import { uploadDocuments } from '../support/journey';
import { startTestServer, textOf, type TestServer } from '../support/test-server';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.cleanUp();
});

it.each([
  ['phone', { width: 390, height: 844 }, '6281377790001'],
  ['laptop', { width: 1366, height: 768 }, '6281377790002'],
])('shows what is held and asks before erasing, with buttons, on a %s', async (size, viewport, waId) => {
  const page = await browser.newPage({ viewport });
  try {
    await page.goto(`${server.url}/sim`);
    await page.fill('#wa-id', waId);
    await page.dispatchEvent('#wa-id', 'change');
    await page.fill('#profile-name', 'Rina Marlina');
    const type = async (text: string) => {
      await page.fill('#message', text);
      await page.click('#send');
    };
    await type('halo');
    await page.getByText('Ketik DATA SAYA untuk melihat data Anda').waitFor();
    await keepScreenshot(page, `simulator-menu-${size === 'phone' ? 390 : 1366}.png`);
    await type('1');
    // The privacy notice with its two buttons, before anything personal is asked for.
    const notice = page.locator('.bubble.in', { hasText: 'PERSETUJUAN DATA PRIBADI' });
    await notice.getByRole('button', { name: 'Tidak setuju' }).waitFor();
    expect(await notice.getByRole('button').allTextContents()).toEqual([expect.stringContaining('Setuju'), expect.stringContaining('Tidak setuju')]);
    expect(await notice.textContent()).not.toContain('/upload/');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await notice.getByRole('button', { name: 'Tidak setuju' }).scrollIntoViewIfNeeded();
    await keepScreenshot(page, `simulator-consent-${size === 'phone' ? 390 : 1366}.png`);
    await notice.getByRole('button', { name: 'Setuju', exact: true }).click();
    const requirements = page.locator('.bubble.in', { hasText: 'Anda memilih Layanan 1' });
    await requirements.waitFor();
    await uploadDocuments(server, textOf(server.fakeGraph.sentTo(waId).at(-1)), ['ktp', 'kk']);

    await type('data saya');
    const held = page.locator('.bubble.in', { hasText: 'DATA ANDA DI SI BAPAO' });
    await held.waitFor();
    expect(await held.textContent()).toMatch(/Layanan 1 .*KTP, KK/);

    await type('hapus data');
    const question = page.locator('.bubble.in', { hasText: 'HAPUS DATA' }).last();
    await question.getByRole('button', { name: 'Tidak' }).waitFor();
    expect(await question.getByRole('button').allTextContents()).toEqual([expect.stringContaining('Ya, hapus'), expect.stringContaining('Tidak')]);
    await keepScreenshot(page, `simulator-erase-question-${size === 'phone' ? 390 : 1366}.png`);
    // No horizontal scroll on the phone: the buttons fit.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await question.getByRole('button', { name: 'Tidak' }).click();
    await page.locator('.bubble.in', { hasText: 'data Anda tidak dihapus' }).waitFor();

    await type('hapus data');
    await page.locator('.bubble.in', { hasText: 'Penghapusan tidak dapat dibatalkan' }).nth(1).waitFor();
    await page.locator('.bubble.in', { hasText: 'Penghapusan tidak dapat dibatalkan' }).last().getByRole('button', { name: 'Ya, hapus' }).click();
    await page.locator('.bubble.in', { hasText: 'Data Anda telah dihapus' }).waitFor();
    await keepScreenshot(page, `simulator-erased-${size === 'phone' ? 390 : 1366}.png`);
  } finally {
    await page.close();
  }
});
