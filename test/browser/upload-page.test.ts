/** An applicant on a phone-sized upload page in headless Chromium: files in, red fields, the success line. */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { signUploadToken, type UploadGrant } from '../../lambdas/adapters/upload-links';
import { launchBrowser } from '../support/browser';
import { TINY_JPEG as JPEG, TINY_PDF as PDF, TINY_PNG as PNG } from '../support/documents';
import { startTestServer, type TestServer } from '../support/test-server';

const RED = 'rgb(211, 47, 47)';

let server: TestServer;
let browser: Browser;
let page: Page;
let cspViolations: string[];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.cleanUp();
});
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  cspViolations = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
});
afterEach(async () => {
  await page.close();
  expect(cspViolations).toEqual([]);
});

function link(grant: Partial<UploadGrant> = {}): { draftId: string; url: string } {
  const draftId = randomUUID();
  const token = signUploadToken({ serviceId: 1, expiresAt: Date.now() + 86_400_000, ...grant, draftId }, server.secrets.LINK_SIGNING_KEY);
  return { draftId, url: `${server.url}/upload/${token}` };
}

const field = (requirement: string) => page.locator(`#field-${requirement}`);

async function attach(requirement: string, files: Array<{ name: string; mimeType: string; buffer: Buffer }>): Promise<void> {
  const before = await field(requirement).locator('.file').count();
  await field(requirement).locator('input[data-pick="file"]').setInputFiles(files);
  await field(requirement)
    .locator('.file')
    .nth(before + files.length - 1)
    .waitFor();
}

it('marks the empty fields red with *BERKAS ANDA BELUM LENGKAP*, then confirms once every field has a file', async () => {
  const { url, draftId } = link({ serviceId: 1 });
  await page.goto(url);
  await page.locator('#limits', { hasText: 'maksimal 5 MB per file' }).waitFor();
  expect(await page.locator('html').getAttribute('class')).toBe('js');

  await page.click('#submit');
  const notice = page.locator('#notice');
  await notice.locator('strong', { hasText: 'BERKAS ANDA BELUM LENGKAP' }).waitFor();
  expect(await notice.textContent()).not.toContain('*');
  for (const requirement of ['ktp', 'kk', 'akta', 'surat-kehilangan']) {
    expect(await field(requirement).getAttribute('class')).toContain('missing');
    expect(await field(requirement).evaluate((element) => getComputedStyle(element).borderTopColor)).toBe(RED);
    expect(await field(requirement).locator('.field-error').isVisible()).toBe(true);
  }
  expect(await notice.locator('li').allTextContents()).toEqual([
    'KTP',
    'KK',
    'Akta kelahiran/ijazah/buku nikah/akta perkawinan/surat baptis',
    'Surat keterangan kehilangan dari kepolisian',
  ]);

  await attach('ktp', [{ name: 'ktp.jpg', mimeType: 'image/jpeg', buffer: JPEG }]);
  await attach('kk', [
    { name: 'kk-halaman-1.png', mimeType: 'image/png', buffer: PNG },
    { name: 'kk-halaman-2.png', mimeType: 'image/png', buffer: PNG },
  ]);
  expect(await field('ktp').getAttribute('class')).not.toContain('missing');
  expect(await field('akta').getAttribute('class')).toContain('missing');
  expect(await notice.locator('li').allTextContents()).toEqual([
    'Akta kelahiran/ijazah/buku nikah/akta perkawinan/surat baptis',
    'Surat keterangan kehilangan dari kepolisian',
  ]);
  await page.screenshot({ path: '/tmp/upload-page.png', fullPage: true });

  await attach('akta', [{ name: 'akta.pdf', mimeType: 'application/pdf', buffer: PDF }]);
  await attach('surat-kehilangan', [{ name: 'surat polisi.pdf', mimeType: 'application/pdf', buffer: PDF }]);
  await page.click('#submit');
  const success = page.locator('#success');
  await success.waitFor();
  expect(await success.textContent()).toContain('Berkas anda sudah terupload/terekam silakan kembali ke whatsapp dan ketik SELESAI');
  expect(await page.locator('#upload-form').isVisible()).toBe(false);
  expect(await page.locator('#notice').isVisible()).toBe(false);

  const documents = await server.drafts.listDocuments(draftId);
  expect(documents.map((document) => `${document.requirement}:${document.filename}:${document.contentType}`).sort()).toEqual([
    'akta:akta.pdf:application/pdf',
    'kk:kk-halaman-1.png:image/png',
    'kk:kk-halaman-2.png:image/png',
    'ktp:ktp.jpg:image/jpeg',
    'surat-kehilangan:surat polisi.pdf:application/pdf',
  ]);
  const ktp = documents.find((document) => document.requirement === 'ktp');
  expect(Buffer.from(await server.blobs.get(ktp?.key ?? ''))).toEqual(JPEG);
});

it('waits for uploads still running before answering Kirim', async () => {
  const { url } = link({ serviceId: 1, only: ['ktp'] });
  await page.goto(url);
  await field('ktp')
    .locator('input[data-pick="file"]')
    .setInputFiles([{ name: 'ktp.jpg', mimeType: 'image/jpeg', buffer: JPEG }]);
  await page.click('#submit');
  await page.locator('#success').waitFor();
  expect(await field('ktp').locator('.file-name').allTextContents()).toEqual(['ktp.jpg']);
});

it('says why a file that is not what it claims was refused, and keeps the field empty', async () => {
  const { url, draftId } = link({ serviceId: 2 });
  await page.goto(url);
  await field('ktp')
    .locator('input[data-pick="file"]')
    .setInputFiles([{ name: 'ktp.png', mimeType: 'image/png', buffer: Buffer.from('this text says it is a PNG') }]);
  const status = field('ktp').locator('.field-status.error');
  await status.waitFor();
  expect(await status.textContent()).toMatch(/^ktp\.png: File ini bukan foto JPG\/PNG atau PDF yang sah/);
  expect(await field('ktp').locator('.file').count()).toBe(0);
  expect(await server.drafts.listDocuments(draftId)).toEqual([]);
});

it('refuses a type the office does not take before uploading anything', async () => {
  const { url, draftId } = link();
  await page.goto(url);
  await field('kk')
    .locator('input[data-pick="file"]')
    .setInputFiles([{ name: 'kk.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK') }]);
  await field('kk').locator('.field-status.error', { hasText: 'Format file tidak didukung' }).waitFor();
  expect(await server.drafts.listDocuments(draftId)).toEqual([]);
});

it('removes every page of a field after a confirmation', async () => {
  const { url, draftId } = link();
  await page.goto(url);
  await attach('ktp', [{ name: 'salah.jpg', mimeType: 'image/jpeg', buffer: JPEG }]);
  page.once('dialog', (dialog) => void dialog.accept());
  await field('ktp').locator('button.clear').click();
  await field('ktp').locator('.files-empty').waitFor();
  expect(await field('ktp').locator('.file').count()).toBe(0);
  expect(await server.drafts.listDocuments(draftId)).toEqual([]);
});

it('still shows the requirements, and says JavaScript is needed, without JavaScript', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto(link().url);
  expect(await noScript.locator('.field-title').allTextContents()).toEqual([
    'KTP',
    'KK',
    'Akta kelahiran/ijazah/buku nikah/akta perkawinan/surat baptis',
    'Surat keterangan kehilangan dari kepolisian',
  ]);
  expect(await noScript.locator('.noscript').textContent()).toContain('membutuhkan JavaScript');
  expect(await noScript.locator('#submit').isVisible()).toBe(false);
  expect(await noScript.locator('.pick').first().isVisible()).toBe(false);
  await context.close();
});

it('turns a photo over 5 MB into a smaller JPEG before uploading it', async () => {
  const { url, draftId } = link({ serviceId: 1, only: ['ktp'] });
  await page.goto(url);
  // Noise does not compress: a 1800×1400 PNG of it is far over 5 MB.
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 1800;
    canvas.height = 1400;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    const image = context.createImageData(canvas.width, canvas.height);
    for (let index = 0; index < image.data.length; index += 1) image.data[index] = (index % 4 === 3 ? 255 : Math.random() * 256) | 0;
    context.putImageData(image, 0, 0);
    return canvas.toDataURL('image/png').split(',')[1] ?? '';
  });
  const photo = Buffer.from(base64, 'base64');
  expect(photo.length).toBeGreaterThan(5 * 1024 * 1024);
  await attach('ktp', [{ name: 'foto-ktp.png', mimeType: 'image/png', buffer: photo }]);
  expect(await field('ktp').locator('.file-name').allTextContents()).toEqual(['foto-ktp.jpg']);
  const [stored] = await server.drafts.listDocuments(draftId);
  expect(stored).toEqual(expect.objectContaining({ filename: 'foto-ktp.jpg', contentType: 'image/jpeg' }));
  expect(stored?.size).toBeLessThanOrEqual(5 * 1024 * 1024);
});
