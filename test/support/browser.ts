/** Headless Debian Chromium driven by playwright-core (no browser download: docs/toolchain.md). */
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `extraArgs`: e.g. Chromium's fake camera for the verify page. */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** Keeps what the person saw when SIM_SCREENSHOT_DIR is set (README and docs/screenshots use them). */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SIM_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: join(dir, name) });
}
