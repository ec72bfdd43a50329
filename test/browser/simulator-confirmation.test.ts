/**
 * The confirmation on the simulator page, as a person on a phone or a laptop meets it: the PDF proof, the
 * stage 5 text under it and the button *Majukan jadwal* in one bubble; tapping the button puts them on
 * the waitlist, as typing MAJUKAN does.
 */
import type { Browser } from 'playwright-core';
import type { Officer } from '../../lambdas/admin/officer-api';
import { registerApplicant } from '../support/applicant';
import { keepScreenshot, launchBrowser } from '../support/browser';
import { officerApi, workingDay } from '../support/officer-api';
import { startTestServer, type TestServer } from '../support/test-server';

const officer: Officer = { username: 'petugas1', role: 'petugas' };
let server: TestServer;
let browser: Browser;
let officers: ReturnType<typeof officerApi>;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  officers = officerApi(server);
});
afterAll(async () => {
  officers?.close();
  await browser?.close();
  await server?.cleanUp();
});

it.each([
  ['phone', { width: 390, height: 844 }],
  ['laptop', { width: 1366, height: 768 }],
])('shows the confirmed PDF with its text and the button Majukan jadwal, which joins the waitlist, on a %s', async (size, viewport) => {
  const { waId, queueNumber } = await registerApplicant(server);
  expect((await officers.api.act(queueNumber, 'confirm', { date: workingDay(6), time: '09:00' }, officer)).status).toBe(200);
  await server.queue.drained();
  const problems: string[] = [];
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (error) => problems.push(error.message));
  try {
    await page.goto(`${server.url}/sim`);
    await page.fill('#wa-id', waId);
    await page.dispatchEvent('#wa-id', 'change');
    await page.fill('#profile-name', 'Ahmad Budiman');
    const confirmation = page.locator('.bubble.in', { hasText: 'Jadwal Antrian Dikonfirmasi' });
    await confirmation.waitFor();
    const proof = confirmation.locator('a.document');
    expect(await proof.textContent()).toBe(`bukti-antrian-${queueNumber}.pdf`);
    const pdf = await fetch((await proof.getAttribute('href')) ?? '');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(await confirmation.textContent()).toContain(`Nomor: ${queueNumber}`);
    expect(await confirmation.getByRole('button').allTextContents()).toEqual(['Majukan jadwal']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await confirmation.getByRole('button', { name: 'Majukan jadwal' }).scrollIntoViewIfNeeded();
    await keepScreenshot(page, `simulator-confirmation-${size === 'phone' ? 390 : 1366}.png`);

    await confirmation.getByRole('button', { name: 'Majukan jadwal' }).click();
    await page.locator('.bubble.in', { hasText: `Nomor Antrian ${queueNumber} masuk daftar tunggu jadwal lebih awal` }).waitFor();
    expect((await officers.api.get(queueNumber, officer)).body).toMatchObject({ waitlisted: true });
    await keepScreenshot(page, `simulator-confirmation-joined-${size === 'phone' ? 390 : 1366}.png`);
    expect(problems).toEqual([]);
  } finally {
    await page.close();
  }
});
