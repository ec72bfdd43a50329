/**
 * An officer's morning in headless Chromium (issue 17): `n` PENDING registrations with four documents
 * each, walked from the list to confirmed the way an officer works: Enter on the oldest in the list, →
 * until every document has been on screen (on this 1366 px screen two side by side, so one → for four),
 * *Simpan & berikutnya*. Every click and key press is counted, and the time from the action to the next
 * registration's review screen (its documents on screen drawn, the decision enabled) is measured.
 */
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { LocalServer } from '../local/server';
import { addPendingRegistrations } from '../test/support/pending';
import type { LocalBench } from './local';
import { median, now, percentile, progress, round } from './stats';

/**
 * How long the officer looks at a registration (documents, data, flag) before deciding. An officer takes
 * longer; one second is enough for work the screen started meanwhile (the next page fetched ahead) to be
 * done, as it is at a real desk, instead of measuring it racing against the click.
 */
const LOOK_MS = 1_000;

export interface OfficerFigures {
  readonly officerRegistrations: number;
  readonly officerActions: number;
  readonly officerActionsPerRegistration: number;
  readonly officerClicks: number;
  readonly officerKeys: number;
  readonly officerPageMs: number;
  readonly officerPageP95Ms: number;
  /** Of that, the review page's HTML: request sent → last byte (median of the pages not fetched ahead). */
  readonly officerPageServerMs: number;
  /** Review pages the browser had fetched ahead (speculation rules), so with no server time on the way. */
  readonly officerPagesPrefetched: number;
  /** Of that, the decision's POST before the next page is asked for (median). */
  readonly officerSaveMs: number;
  readonly officerConfirmed: number;
}

export async function benchOfficer(local: LocalBench, options: { registrations: number }): Promise<OfficerFigures> {
  return local.withServer('officer', {}, (server) => walk(server, options.registrations));
}

async function walk(server: LocalServer, count: number): Promise<OfficerFigures> {
  progress(`officer: ${count} PENDING registrations, list → confirmed in Chromium`);
  const queue = await addPendingRegistrations(server, { firstNumber: 100, count, image: cardPng(), hoursAgo: 20, stepMinutes: 10 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addInitScript(REVIEW_READY_WATCH);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.url}/admin/login`);
    await page.fill('input[name="username"]', 'admin');
    await page.fill('input[name="password"]', server.adminPassword);
    await page.click('#login-form button[type="submit"]');
    await page.waitForURL(`${server.url}/admin/`);

    // The walk starts on the list of what needs checking, oldest first.
    await page.goto(`${server.url}/admin/registrations?status=PENDING`);
    let clicks = 0;
    let keys = 0;
    const pageMs: number[] = [];
    const serverMs: number[] = [];
    const beforeMs: number[] = [];
    let prefetched = 0;
    const timed = async (action: () => Promise<void>, url: string) => {
      const started = now();
      const startedAt = Date.now();
      await Promise.all([page.waitForURL(url, { waitUntil: 'load' }), action()]);
      await reviewReady(page);
      // The screen's own record of when it was ready (see REVIEW_READY_WATCH): what the officer sees, without
      // the time this script's polling takes to notice it.
      const marks = await page.evaluate(() => {
        const at = (window as unknown as { reviewReadyAt?: number }).reviewReadyAt;
        return { readyAt: at === undefined ? undefined : performance.timeOrigin + at, inputAt: Number(sessionStorage.getItem('bench:inputAt')) || undefined };
      });
      pageMs.push(marks.readyAt === undefined || marks.inputAt === undefined ? now() - started : Math.max(0, marks.readyAt - marks.inputAt));
      // Before the next page was asked for: the decision's POST (nothing for Enter on the list).
      beforeMs.push(Math.max(0, (await page.evaluate(() => performance.timeOrigin)) - startedAt));
      // The page's own answer time (request sent → last byte), to tell the server's share from the browser's;
      // a page the browser fetched ahead (speculation rules) has none on the way: it is counted apart.
      const navigation = await page.evaluate(() => {
        const [entry] = performance.getEntriesByType('navigation') as Array<PerformanceNavigationTiming & { deliveryType?: string }>;
        return { prefetched: entry?.deliveryType === 'navigational-prefetch', serverMs: entry ? entry.responseEnd - entry.requestStart : Number.NaN };
      });
      if (navigation.prefetched) prefetched += 1;
      else serverMs.push(navigation.serverMs);
    };

    await timed(async () => {
      keys += 1;
      await page.keyboard.press('Enter');
    }, `${server.url}/admin/registrations/${queue[0]}`);
    for (const [index, queueNumber] of queue.entries()) {
      // → until every document has been on screen (two at a time on this wide screen), each drawn.
      const documents = await page.locator('.viewer-item').count();
      const seen = new Set(await shownDocuments(page));
      while (seen.size < documents) {
        keys += 1;
        await page.keyboard.press('ArrowRight');
        await documentsDrawn(page);
        for (const shown of await shownDocuments(page)) seen.add(shown);
      }
      // The officer reads what is on screen before deciding: not counted in the times measured.
      await page.waitForTimeout(LOOK_MS);
      const next = queue[index + 1];
      const save = async () => {
        clicks += 1;
        await page.click('form[data-action="confirm"] [data-then="next"]');
      };
      if (next) await timed(save, `${server.url}/admin/registrations/${next}`);
      else await Promise.all([page.waitForURL(`${server.url}/admin/registrations?status=PENDING&done=1`), save()]);
      if (index % 5 === 4) progress(`officer: ${index + 1}/${queue.length} (${queueNumber})`);
    }
    const confirmed = await page.evaluate(async (root) => {
      const response = await fetch(`${root}/admin/api/registrations?status=DIKONFIRMASI`, { credentials: 'same-origin' });
      return ((await response.json()) as unknown[]).length;
    }, server.url);
    const actions = clicks + keys;
    return {
      officerRegistrations: queue.length,
      officerActions: actions,
      officerActionsPerRegistration: round(actions / queue.length, 2),
      officerClicks: clicks,
      officerKeys: keys,
      officerPageMs: round(median(pageMs), 0),
      officerPageP95Ms: round(percentile(pageMs, 95), 0),
      officerPageServerMs: round(median(serverMs), 0),
      officerPagesPrefetched: prefetched,
      officerSaveMs: round(median(beforeMs.slice(1)), 0),
      officerConfirmed: confirmed,
    };
  } finally {
    await browser.close();
  }
}

/**
 * Runs in every page. The officer's click or key press is recorded when the page receives it, and on each
 * frame until it holds the review screen checks whether it is ready (its documents on screen drawn, the decision enabled) and
 * records the moment in `window.reviewReadyAt`: the time measured is the officer's, from their action to
 * the screen, without the time this script's driver takes to deliver the click and to notice the result.
 */
const REVIEW_READY_WATCH = `(() => {
  const ready = () => {
    const shown = Array.from(document.querySelectorAll('.viewer-item:not([hidden])'));
    const drawn = shown.length > 0 && shown.every((item) => {
      const image = item.querySelector('img');
      return image ? image.complete && image.naturalWidth > 0 : Boolean(item.querySelector('iframe')?.getAttribute('src'));
    });
    const save = document.querySelector('form[data-action="confirm"] [data-then="next"]');
    return drawn && Boolean(save && !save.disabled);
  };
  // The officer's last click or key press, kept across the navigation it starts (this tab's session storage).
  const remember = (event) => event.isTrusted && sessionStorage.setItem('bench:inputAt', String(performance.timeOrigin + event.timeStamp));
  document.addEventListener('click', remember, true);
  document.addEventListener('keydown', remember, true);
  const watch = () => {
    if (document.readyState !== 'loading' && ready()) window.reviewReadyAt = performance.now();
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
})();`;

/**
 * The review screen is there when the documents on screen are drawn (pictures decoded, a PDF's frame
 * loaded) and the decision can be taken (*Simpan & berikutnya* there and enabled).
 */
async function reviewReady(page: Page): Promise<void> {
  // The page's own watcher (REVIEW_READY_WATCH) holds the test: one definition of "ready".
  await page.waitForFunction(() => (window as unknown as { reviewReadyAt?: number }).reviewReadyAt !== undefined);
}

async function documentsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const shown = Array.from(document.querySelectorAll('.viewer-item:not([hidden])'));
    return (
      shown.length > 0 &&
      shown.every((item) => {
        const image = item.querySelector('img');
        return image ? image.complete && image.naturalWidth > 0 : Boolean(item.querySelector('iframe')?.getAttribute('src'));
      })
    );
  });
}

async function shownDocuments(page: Page): Promise<string[]> {
  return page.locator('.viewer-item:not([hidden])').evaluateAll((items) => items.map((item) => item.getAttribute('data-index') ?? ''));
}

/** A 640×400 PNG of a card, the size of a phone photo of a KTP after the upload page shrinks it. */
export function cardPng(): Buffer {
  const png = new PNG({ width: 640, height: 400 });
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const offset = (png.width * y + x) << 2;
      const photo = x > 470 && x < 610 && y > 120 && y < 300;
      const line = y % 30 < 3 && x > 24 && x < 440 && y > 90;
      png.data[offset] = photo ? 217 : line ? 31 : 191 + (x * 40) / 640;
      png.data[offset + 1] = photo ? 83 : line ? 59 : 227;
      png.data[offset + 2] = photo ? 79 : line ? 87 : 245;
      png.data[offset + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}
