/**
 * The confirmation on the simulator page, as a person on a phone or a laptop meets it: the PDF proof, the
 * stage 5 text under it and the button *Majukan jadwal* in one bubble; tapping the button puts them on
 * the waitlist, as typing MAJUKAN does.
 */
import type { Browser } from 'playwright-core';
import type { Officer } from '../../lambdas/admin/officer-api';
import { formatDayDate } from '../../lambdas/domain/calendar';
import { registerApplicant } from '../support/applicant';
import { registerApplicant as registerApplicantAt } from '../support/journey';
import { keepScreenshot, launchBrowser } from '../support/browser';
import { officerApi, workingDay } from '../support/officer-api';
import { startTestServer, type TestServer } from '../support/test-server';

const officer: Officer = { username: 'petugas1', role: 'petugas' };
const admin: Officer = { username: 'admin', role: 'admin' };
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

it('shows templates (after 24 hours) in their approved words with their quick replies as buttons that answer', async () => {
  const { waId, queueNumber } = await registerApplicantAt(server, { sentAt: new Date(Date.now() - 2 * 24 * 3600_000) });
  const closed = workingDay(7);
  expect((await officers.api.act(queueNumber, 'confirm', { date: closed, time: '09:00' }, officer)).status).toBe(200);
  expect((await officers.api.putDay(closed, { closed: true, reason: 'Listrik padam' }, admin)).status).toBe(200);
  await server.queue.drained();
  const problems: string[] = [];
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  page.on('pageerror', (error) => problems.push(error.message));
  try {
    await page.goto(`${server.url}/sim`);
    await page.fill('#wa-id', waId);
    await page.dispatchEvent('#wa-id', 'change');
    await page.fill('#profile-name', 'Pemohon');
    // The confirmation template: its PDF header, the stage 5 words and the quick reply by its label.
    const confirmation = page.locator('.bubble.in', { hasText: 'Jadwal Antrian Dikonfirmasi' });
    await confirmation.waitFor();
    expect(await confirmation.locator('a.document').textContent()).toBe(`bukti-antrian-${queueNumber}.pdf`);
    expect(await confirmation.textContent()).toContain(`Nomor: ${queueNumber}`);
    expect(await confirmation.getByRole('button').allTextContents()).toEqual(['Majukan jadwal']);
    // The closed-day template: the date, the reason, and Pilih tanggal, which brings the dates.
    const dayClosed = page.locator('.bubble.in', { hasText: 'JADWAL PERLU DIUBAH' });
    await dayClosed.waitFor();
    expect(await dayClosed.textContent()).toContain(`Mohon maaf, kantor tutup pada ${formatDayDate(closed)} (jadwal Anda 09.00 WIB).`);
    expect(await dayClosed.textContent()).toContain('Alasan: Listrik padam');
    expect(await dayClosed.getByRole('button').allTextContents()).toEqual(['Pilih tanggal']);
    await dayClosed.getByRole('button', { name: 'Pilih tanggal' }).scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'simulator-template-day-closed-390.png');
    await dayClosed.getByRole('button', { name: 'Pilih tanggal' }).click();
    const dates = page.locator('.bubble.in', { hasText: 'Silakan pilih tanggal baru di bawah ini' });
    await dates.waitFor();
    expect(await dates.getByRole('button').last().textContent()).toContain('Pilih tanggal lain');
    await dates.getByRole('button').first().click();
    const moved = page.locator('.bubble.in', { hasText: 'Jadwal Baru:' });
    await moved.waitFor();
    expect(await moved.getByRole('button').allTextContents()).toEqual(['Majukan jadwal']);
    await keepScreenshot(page, 'simulator-template-day-closed-moved-390.png');
    expect((await officers.api.get(queueNumber, officer)).body).toMatchObject({ status: 'DIKONFIRMASI', rescheduled: false });
    expect(problems).toEqual([]);
  } finally {
    await page.close();
  }
});
