/**
 * `npx tsx scripts/admin-screenshots.ts`: the officers' screens in headless Chromium, at an office screen
 * (1366×768) and a phone (390×844), into docs/screenshots/ for the README. A local server on its own
 * DynamoDB Local and temp folder, with a morning's queue of PENDING registrations; nothing else is touched.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { startDynamoDbLocal } from '../local/dynamodb-local';
import { startLocalServer } from '../local/server';
import { addPendingRegistrations } from '../test/support/pending';

const OUT = join(__dirname, '..', 'docs', 'screenshots');

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'si-bapao-shots-'));
  const dynamo = await startDynamoDbLocal();
  const server = await startLocalServer({ PORT: '0', DATA_DIR: dir, DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: 'shots', LOG_LEVEL: 'SILENT' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const [first] = await addPendingRegistrations(server, {
      firstNumber: 101,
      count: 6,
      image: card(),
      hoursAgo: 26,
      stepMinutes: 95,
      flags: (index) => (index === 0 || index === 3 ? ['NIK_TANGGAL_LAHIR_BERBEDA'] : []),
    });
    const shoot = async (viewport: { width: number; height: number }, run: (page: Page) => Promise<void>) => {
      const mobile = viewport.width < 500;
      const context = await browser.newContext({ viewport, ...(mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
      const page = await context.newPage();
      await page.goto(`${server.url}/admin/login`);
      await page.fill('input[name="username"]', 'admin');
      await page.fill('input[name="password"]', server.adminPassword);
      await page.click('#login-form button[type="submit"]');
      await page.waitForURL(`${server.url}/admin/`);
      await run(page);
      await context.close();
    };
    const imagesDrawn = (page: Page) =>
      page.waitForFunction(() =>
        Array.from(document.querySelectorAll<HTMLImageElement>('.viewer-item:not([hidden]) img')).every((img) => img.complete && img.naturalWidth > 0),
      );

    await shoot({ width: 1366, height: 768 }, async (page) => {
      await page.goto(`${server.url}/admin/registrations?status=PENDING`);
      await page.keyboard.press('j');
      await page.screenshot({ path: join(OUT, 'admin-list-1366.png') });
      await page.goto(`${server.url}/admin/registrations/${first}`);
      await imagesDrawn(page);
      await page.screenshot({ path: join(OUT, 'admin-review-1366.png') });
    });
    await shoot({ width: 390, height: 844 }, async (page) => {
      await page.goto(`${server.url}/admin/registrations/${first}`);
      await imagesDrawn(page);
      await page.screenshot({ path: join(OUT, 'admin-review-390.png') });
      await page.locator('.panel-actions').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(OUT, 'admin-decision-390.png') });
      await page.click('[data-menu-toggle]');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(OUT, 'admin-menu-390.png') });
      await page.goto(`${server.url}/admin/verify`);
      await page.screenshot({ path: join(OUT, 'admin-verify-390.png') });
    });
  } finally {
    await browser.close();
    await server.stop();
    await dynamo.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A 640×400 card with a photo box and text lines: a stand-in for a photographed KTP. */
function card(): Buffer {
  const png = new PNG({ width: 640, height: 400 });
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const offset = (png.width * y + x) << 2;
      const photo = x > 470 && x < 610 && y > 120 && y < 300;
      const line = y % 30 < 4 && x > 24 && x < 300 + ((y * 7) % 140) && y > 90 && y < 330;
      const title = y > 24 && y < 44 && x > 180 && x < 460;
      png.data[offset] = photo ? 217 : line || title ? 31 : 200;
      png.data[offset + 1] = photo ? 83 : line || title ? 59 : 229;
      png.data[offset + 2] = photo ? 79 : line || title ? 87 : 246;
      png.data[offset + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
