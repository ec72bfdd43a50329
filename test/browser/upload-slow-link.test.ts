/**
 * Issue 16, problem 5: the upload page on a slow prepaid link, in Chromium at 390×844 with the network
 * emulated through CDP: a camera photo is resized in the browser before it leaves the phone, each file
 * shows a progress bar, a dropped connection resumes by itself, and the success page leads back to
 * WhatsApp.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { signUploadToken } from '../../lambdas/adapters/upload-links';
import { launchBrowser } from '../support/browser';
import { TINY_PDF as PDF } from '../support/documents';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let browser: Browser;
let page: Page;
let cdp: CDPSession;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.cleanUp();
});
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
});
afterEach(async () => page.close());

/** 1 Mbit/s up, 300 ms round trip: a prepaid link in the hills. */
async function slowLink(): Promise<void> {
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 300,
    downloadThroughput: (2 * 1024 * 1024) / 8,
    uploadThroughput: (1024 * 1024) / 8,
  });
}

function link(): { draftId: string; url: string } {
  const draftId = randomUUID();
  const token = signUploadToken({ serviceId: 1, expiresAt: Date.now() + 86_400_000, draftId }, server.secrets.LINK_SIGNING_KEY);
  return { draftId, url: `${server.url}/upload/${token}` };
}

/** A 4000×3000 camera-like JPEG (gradients and grain) of a few megabytes, made by Chromium itself. */
async function cameraPhoto(): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 4000;
    canvas.height = 3000;
    const context = canvas.getContext('2d')!;
    const image = context.createImageData(4000, 3000);
    let seed = 7;
    for (let index = 0; index < image.data.length; index += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const pixel = index / 4;
      const grain = (seed >> 16) & 15;
      image.data[index] = ((pixel % 4000) / 16 + grain) & 255;
      image.data[index + 1] = (Math.floor(pixel / 4000) / 12 + grain) & 255;
      image.data[index + 2] = (grain * 3) & 255;
      image.data[index + 3] = 255;
    }
    context.putImageData(image, 0, 0);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((made) => resolve(made!), 'image/jpeg', 0.9));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
    return btoa(binary);
  });
  return Buffer.from(base64, 'base64');
}

/** Width and height from a JPEG's start-of-frame marker. */
function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  let offset = 2;
  while (offset < bytes.length) {
    const marker = bytes[offset + 1]!;
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (marker >= 0xc0 && marker <= 0xc2) {
      return { height: (bytes[offset + 5]! << 8) | bytes[offset + 6]!, width: (bytes[offset + 7]! << 8) | bytes[offset + 8]! };
    }
    offset += 2 + length;
  }
  throw new Error('no start-of-frame in the JPEG');
}

it('resizes a camera photo to 1600 px before upload, shows a progress bar, and resumes after the connection drops', async () => {
  const { url, draftId } = link();
  await page.goto(url);
  const photo = await cameraPhoto();
  expect(photo.length).toBeGreaterThan(2 * 1024 * 1024);
  expect(photo.length).toBeLessThan(5 * 1024 * 1024);

  await slowLink();
  // The line drops during the first try of the file (the browser reports a lost connection), then works.
  let puts = 0;
  await page.route('**/_s3/**', async (route) => {
    if (route.request().method() !== 'PUT') return route.continue();
    puts += 1;
    return puts === 1 ? route.abort('internetdisconnected') : route.continue();
  });
  const ktp = page.locator('#field-ktp');
  await ktp.locator('input[data-pick="file"]').setInputFiles([{ name: 'IMG_20261206_101500.jpg', mimeType: 'image/jpeg', buffer: photo }]);
  const bar = ktp.locator('.field-progress');
  await bar.waitFor({ state: 'visible' });
  await ktp.locator('.field-status', { hasText: 'dilanjutkan otomatis' }).waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => Number((document.querySelector('#field-ktp .field-progress') as HTMLProgressElement).value) > 0);
  await page.screenshot({ path: '/tmp/upload-slow-progress.png' });
  await ktp.locator('.file').first().waitFor({ timeout: 60_000 });
  expect(puts).toBe(2);
  expect(await bar.isHidden()).toBe(true);

  const [stored] = await server.drafts.listDocuments(draftId);
  expect(stored).toMatchObject({ requirement: 'ktp', contentType: 'image/jpeg', filename: 'IMG_20261206_101500.jpg' });
  expect(stored!.size).toBeLessThan(photo.length / 3);
  const bytes = await server.blobs.get(stored!.key);
  const { width, height } = jpegSize(bytes);
  expect(Math.max(width, height)).toBe(1600);
  expect(width / height).toBeCloseTo(4 / 3, 2);
});

it('makes the next photo smaller while the one before it is uploading, and says it is waiting its turn', async () => {
  const { url, draftId } = link();
  await page.goto(url);
  const photo = await cameraPhoto();
  // Picked from disk, as a phone's picker hands them over (no megabytes through the DevTools protocol between the two picks).
  const folder = await mkdtemp(join(tmpdir(), 'si-bapao-photos-'));
  const [first, second] = [join(folder, 'IMG_1.jpg'), join(folder, 'IMG_2.jpg')];
  await Promise.all([writeFile(first, photo), writeFile(second, photo)]);
  // The first photo's upload is held until the second field says its photo is ready: the two overlap for sure.
  let releaseFirstUpload!: () => void;
  const firstUploadHeld = new Promise<void>((resolve) => (releaseFirstUpload = resolve));
  let puts = 0;
  await page.route('**/_s3/**', async (route) => {
    if (route.request().method() !== 'PUT') return route.continue();
    puts += 1;
    if (puts === 1) await firstUploadHeld;
    return route.continue();
  });
  try {
    const ktp = page.locator('#field-ktp');
    const kk = page.locator('#field-kk');
    await ktp.locator('input[data-pick="camera"]').setInputFiles(first);
    await kk.locator('input[data-pick="camera"]').setInputFiles(second);
    await kk.locator('.field-status', { hasText: 'IMG_2.jpg siap, menunggu giliran diunggah…' }).waitFor({ timeout: 30_000 });
    expect(await ktp.locator('.field-status').textContent()).toMatch(/^Mengunggah IMG_1\.jpg… \d+%$/);
    expect(await ktp.locator('.files .file').count()).toBe(0);
    expect(puts).toBe(1);
    await page.screenshot({ path: '/tmp/upload-pipelined-390.png' });
    releaseFirstUpload();
    await ktp.locator('.field-status', { hasText: 'IMG_1.jpg berhasil diunggah.' }).waitFor({ timeout: 30_000 });
    await kk.locator('.field-status', { hasText: 'IMG_2.jpg berhasil diunggah.' }).waitFor({ timeout: 30_000 });
  } finally {
    releaseFirstUpload();
    await rm(folder, { recursive: true, force: true });
  }
  const stored = await server.drafts.listDocuments(draftId);
  expect(stored.map((document) => document.requirement).sort()).toEqual(['kk', 'ktp']);
  for (const document of stored) {
    const { width, height } = jpegSize(await server.blobs.get(document.key));
    expect(Math.max(width, height)).toBe(1600);
  }
});

it('sends PDFs as they are and leads back to WhatsApp with SELESAI from the success page', async () => {
  const { url } = link();
  await page.goto(url);
  for (const requirement of ['ktp', 'kk', 'akta', 'surat-kehilangan']) {
    await page
      .locator(`#field-${requirement} input[data-pick="file"]`)
      .setInputFiles([{ name: `${requirement}.pdf`, mimeType: 'application/pdf', buffer: PDF }]);
    await page.locator(`#field-${requirement} .file`).first().waitFor();
  }
  await page.click('#submit');
  const back = page.locator('#success a.back-to-whatsapp');
  await back.waitFor();
  expect(await back.textContent()).toBe('Kembali ke WhatsApp');
  expect(await back.getAttribute('href')).toBe('https://wa.me/6285126730544?text=SELESAI');
  await page.screenshot({ path: '/tmp/upload-success-390.png', fullPage: true });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: '/tmp/upload-success-1366.png', fullPage: true });
});
