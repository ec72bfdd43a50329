/** A person on the simulator page: types, taps, and reads the bot's replies as bubbles. */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { TINY_JPEG, TINY_PDF } from '../support/documents';
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

/** The privacy notice before the first service: the person taps *Setuju*. */
async function agree(): Promise<void> {
  const notice = page.locator('.bubble.in', { hasText: 'PERSETUJUAN DATA PRIBADI' }).last();
  await notice.getByRole('button', { name: 'Setuju', exact: true }).click();
}

it('carries a person from a greeting to the requirement list of service 1', async () => {
  await openAs('6281311112222', 'Siti Aminah');
  await type('Assalamualaikum');
  await page.getByText('Selamat datang di SI BAPAO').waitFor();
  expect(await page.locator('.bubble.in').first().textContent()).toContain('1. BAP Paspur Hilang');
  await type('1');
  await agree();
  const requirements = page.locator('.bubble.in', { hasText: 'Anda memilih Layanan 1 BAP Paspor Hilang' });
  await requirements.waitFor();
  expect(await requirements.textContent()).toContain('SURAT KETERANGAN KEHILANGAN DARI KEPOLISIAN');
  const link = requirements.locator('a');
  expect(await link.getAttribute('href')).toMatch(new RegExp(`^${server.url}/upload/`));
  expect(await page.locator('.bubble.out').allTextContents()).toEqual([
    expect.stringContaining('Assalamualaikum'),
    expect.stringContaining('1'),
    expect.stringContaining('Setuju'),
  ]);
});

it('lets a person tap a service in the interactive list', async () => {
  await openAs('6281322223333', 'Andi');
  await type('halo');
  await page.locator('button.option', { hasText: 'Paspor Rusak' }).first().click();
  await agree();
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

it('carries a person from a greeting through the upload page to a queue number', async () => {
  await openAs('6281344445555', 'Rina Marlina');
  await type('Assalamualaikum');
  await page.getByText('Selamat datang di SI BAPAO').waitFor();
  await type('2');
  await agree();
  const requirements = page.locator('.bubble.in', { hasText: 'Anda memilih Layanan 2 BAP Paspor Rusak' });
  await requirements.waitFor();
  const uploadUrl = (await requirements.locator('a').getAttribute('href')) ?? '';

  const upload = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await upload.goto(uploadUrl);
  for (const requirement of ['ktp', 'kk', 'akta', 'paspor-rusak']) {
    const field = upload.locator(`#field-${requirement}`);
    await field.locator('input[data-pick="file"]').setInputFiles([{ name: `${requirement}.pdf`, mimeType: 'application/pdf', buffer: TINY_PDF }]);
    await field.locator('.file').first().waitFor();
  }
  await upload.click('#submit');
  await upload.getByText('Berkas anda sudah terupload/terekam silakan kembali ke whatsapp dan ketik SELESAI').waitFor();
  await upload.close();

  await type('SELESAI');
  await page.locator('.bubble.in', { hasText: 'Untuk pendaftaran layanan BAP silakan ketik' }).waitFor();
  await type('DAFTAR/Rina Marlina/KERINCI/02-03-1985/3201234203850007/0812 3456 7890');
  const success = page.locator('.bubble.in', { hasText: 'Pendaftaran Antrian Berhasil' });
  await success.waitFor();
  expect(await success.textContent()).toMatch(/Nomor Antrian: KRC-\d{3}/);
  expect(await success.textContent()).toContain('Status: PENDING (Menunggu konfirmasi Petugas)');
});

describe('in chat mode', () => {
  let chatServer: TestServer;
  beforeAll(async () => {
    chatServer = await startTestServer({ UPLOAD_MODE: 'chat' });
  });
  afterAll(async () => chatServer?.cleanUp());

  it('lets a person attach photos and PDFs in the chat, with a caption naming the document', async () => {
    await page.goto(`${chatServer.url}/sim`);
    await page.fill('#wa-id', '6281355556666');
    await page.dispatchEvent('#wa-id', 'change');
    await type('halo');
    await page.getByText('Selamat datang di SI BAPAO').waitFor();
    await type('1');
    await agree();
    await page
      .locator('.bubble.in', { hasText: 'Silakan kirim *KTP*' })
      .or(page.locator('.bubble.in', { hasText: 'Silakan kirim KTP' }))
      .first()
      .waitFor();
    await page.fill('#message', 'kartu keluarga');
    await page.setInputFiles('#attachment', { name: 'kk.jpg', mimeType: 'image/jpeg', buffer: TINY_JPEG });
    await page.locator('.bubble.in', { hasText: 'KK diterima (halaman 1)' }).waitFor();
    await page.setInputFiles('#attachment', { name: 'ktp.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await page.locator('.bubble.in', { hasText: 'KTP diterima (halaman 1)' }).waitFor();
    expect(await page.locator('.bubble.out').last().textContent()).toContain('ktp.pdf');
  });
});
