/** A person on the simulator page: types, taps, and reads the bot's replies as bubbles. */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.cleanUp();
});
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
});
afterEach(async () => {
  await page.close();
});

async function openAs(waId: string, name: string): Promise<void> {
  await page.goto(`${server.url}/sim`);
  await page.fill('#wa-id', waId);
  await page.dispatchEvent('#wa-id', 'change');
  await page.fill('#profile-name', name);
}

async function type(text: string): Promise<void> {
  await page.fill('#message', text);
  await page.click('#send');
}

it('carries a person from a greeting to the requirement list of service 1', async () => {
  await openAs('6281311112222', 'Siti Aminah');
  await type('Assalamualaikum');
  await page.getByText('Selamat datang di SI BAPAO').waitFor();
  expect(await page.locator('.bubble.in').first().textContent()).toContain('1. BAP Paspur Hilang');
  await type('1');
  const requirements = page.locator('.bubble.in', { hasText: 'Anda memilih Layanan 1 BAP Paspor Hilang' });
  await requirements.waitFor();
  expect(await requirements.textContent()).toContain('SURAT KETERANGAN KEHILANGAN DARI KEPOLISIAN');
  const link = requirements.locator('a');
  expect(await link.getAttribute('href')).toMatch(new RegExp(`^${server.url}/upload/`));
  expect(await page.locator('.bubble.out').allTextContents()).toEqual([
    expect.stringContaining('Assalamualaikum'),
    expect.stringContaining('1'),
  ]);
});

it('lets a person tap a service in the interactive list', async () => {
  await openAs('6281322223333', 'Andi');
  await type('halo');
  await page.locator('button.option', { hasText: 'Paspor Rusak' }).first().click();
  await page.locator('.bubble.in', { hasText: 'Anda memilih Layanan 2 BAP Paspor Rusak' }).waitFor();
  expect(await page.locator('.bubble.in').last().textContent()).toContain('PASPOR YANG RUSAK');
});

it('shows what a person typed as text, never as HTML', async () => {
  await openAs('6281333334444', '<img src=x onerror="window.__hacked=1">');
  await type('<b>hai</b>');
  await page.getByText('Selamat datang di SI BAPAO').waitFor();
  expect(await page.locator('.bubble.out').first().textContent()).toContain('<b>hai</b>');
  expect(await page.evaluate(() => (window as unknown as { __hacked?: number }).__hacked)).toBeUndefined();
});
