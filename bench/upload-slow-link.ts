/**
 * Issue 16: the four documents of service 1 as 4–5 MB camera photos, through the upload page in headless
 * Chromium with the network emulated over CDP at 1 Mbit/s up and 300 ms round trip, until the success
 * line. `uploadSlowLinkS` is that time; `uploadBytesSent` the bytes of the four files as stored (what
 * crossed the slow link as file bodies). Alone: `npx tsx bench/upload-slow-link.ts`.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { signUploadToken } from '../lambdas/adapters/upload-links';
import type { LocalServer } from '../local/server';
import { LocalBench } from './local';
import { progress, round } from './stats';

export interface UploadSlowLinkFigures {
  readonly uploadSlowLinkS: number;
  readonly uploadBytesSent: number;
  readonly photoBytes: number;
}

const REQUIREMENTS = ['ktp', 'kk', 'akta', 'surat-kehilangan'];

export async function benchUploadSlowLink(local: LocalBench): Promise<UploadSlowLinkFigures> {
  return local.withServer('upload-slow-link', {}, (server) => run(server));
}

async function run(server: LocalServer): Promise<UploadSlowLinkFigures> {
  // The photos are picked from files on disk, as a phone's picker hands them over: given as buffers, Playwright
  // would stream each 4.7 MB through the DevTools protocol as base64, 5–6 s a photo on a busy machine, inside
  // the measured time and nothing the page does.
  const photoDir = await mkdtemp(join(tmpdir(), 'si-bapao-photos-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const draftId = randomUUID();
    const token = signUploadToken({ draftId, serviceId: 1, expiresAt: Date.now() + 86_400_000 }, server.secrets.LINK_SIGNING_KEY);
    await page.goto(`${server.url}/upload/${token}`);
    const photos: Buffer[] = [];
    const photoPaths: string[] = [];
    for (let index = 0; index < REQUIREMENTS.length; index += 1) {
      const photo = await cameraPhoto(page, index + 3);
      const path = join(photoDir, `IMG_${index}.jpg`);
      await writeFile(path, photo);
      photos.push(photo);
      photoPaths.push(path);
    }
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 300,
      downloadThroughput: (1024 * 1024) / 8,
      uploadThroughput: (1024 * 1024) / 8,
    });
    progress(`upload on a slow link: ${photos.map((photo) => (photo.length / 2 ** 20).toFixed(1)).join(', ')} MB photos at 1 Mbit/s`);
    const started = Date.now();
    for (const [index, requirement] of REQUIREMENTS.entries()) {
      await page.locator(`#field-${requirement} input[data-pick="camera"]`).setInputFiles(photoPaths[index]!);
    }
    await page.click('#submit');
    await page.locator('#success .success-text', { hasText: 'SELESAI' }).waitFor({ timeout: 600_000 });
    const seconds = (Date.now() - started) / 1000;
    const documents = await server.drafts.listDocuments(draftId);
    return {
      uploadSlowLinkS: round(seconds, 1),
      uploadBytesSent: documents.reduce((sum, document) => sum + document.size, 0),
      photoBytes: photos.reduce((sum, photo) => sum + photo.length, 0),
    };
  } finally {
    await browser.close();
    await rm(photoDir, { recursive: true, force: true });
  }
}

/** A 4000×3000 camera-like JPEG (gradients and grain) of 4–5 MB, made by Chromium itself. */
async function cameraPhoto(page: import('playwright-core').Page, seed: number): Promise<Buffer> {
  const base64 = await page.evaluate(async (start) => {
    const canvas = document.createElement('canvas');
    canvas.width = 4000;
    canvas.height = 3000;
    const context = canvas.getContext('2d')!;
    const image = context.createImageData(4000, 3000);
    let state = start;
    for (let index = 0; index < image.data.length; index += 4) {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      const pixel = index / 4;
      const grain = (state >> 16) & 15;
      image.data[index] = ((pixel % 4000) / 16 + grain) & 255;
      image.data[index + 1] = (Math.floor(pixel / 4000) / 12 + grain) & 255;
      image.data[index + 2] = (grain * 3 + start * 20) & 255;
      image.data[index + 3] = 255;
    }
    context.putImageData(image, 0, 0);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((made) => resolve(made!), 'image/jpeg', 0.94));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
    return btoa(binary);
  }, seed);
  return Buffer.from(base64, 'base64');
}

if (require.main === module) {
  void (async () => {
    const local = await LocalBench.start();
    try {
      const figures = await benchUploadSlowLink(local);
      process.stdout.write(`${JSON.stringify(figures)}\n`);
    } finally {
      await local.stop();
    }
  })();
}
