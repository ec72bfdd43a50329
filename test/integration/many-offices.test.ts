/**
 * Many offices, one deployment, on the real local server: a second office in WITA loaded from
 * OFFICES_FILE, both offices' applicants registering at once through signed webhooks to their own
 * numbers, officers confirming, and the hourly reminder run picking each office at its own local hour.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Officer } from '../../lambdas/admin/officer-api';
import { addDays } from '../../lambdas/domain/calendar';
import { newPerson } from '../support/registration-lines';
import { registerApplicant, say } from '../support/journey';
import { MATARAM, officesFile, throughNumber } from '../support/offices';
import { officerApi, workingDay } from '../support/officer-api';
import { startTestServer, textOf, waitFor, type TestServer } from '../support/test-server';

const officer: Officer = { username: 'petugas1', role: 'petugas' };
let server: TestServer;
let kerinci: TestServer;
let mataram: TestServer;
let officers: ReturnType<typeof officerApi>;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'si-bapao-offices-'));
  server = await startTestServer({ OFFICES_FILE: officesFile(dataDir, [MATARAM]) });
  kerinci = throughNumber(server, server.config.WHATSAPP_PHONE_NUMBER_ID);
  mataram = throughNumber(server, MATARAM.phoneNumberId);
  officers = officerApi(server);
});
afterAll(async () => {
  officers.close();
  await server.cleanUp();
});

async function runHourlyReminders(at: string): Promise<{ office: string; queued: number; appointmentDate: string }[]> {
  const response = await fetch(`${server.url}/_local/jobs/reminders?at=${encodeURIComponent(at)}`, { method: 'POST' });
  expect(response.status).toBe(200);
  return ((await response.json()) as { offices: { office: string; queued: number; appointmentDate: string }[] }).offices;
}

const remindersTo = (view: TestServer, waId: string) =>
  view.fakeGraph.sentTo(waId).filter((message) => textOf(message).startsWith('🔔 *PENGINGAT KEDATANGAN BESOK*'));

describe('two offices in one deployment', () => {
  it('registers applicants of both at once, each with its own prefix, texts, number, zone and reminder hour', async () => {
    const [atKerinci, atMataram] = await Promise.all([
      registerApplicant(kerinci, { person: newPerson({ name: 'Sipulan Kerinci' }) }),
      registerApplicant(mataram, { person: newPerson({ name: 'Baiq Mataram' }) }),
    ]);
    expect(atKerinci.queueNumber).toMatch(/^KRC-\d{3}$/);
    expect(atMataram.queueNumber).toBe('MTR-001');

    // Each office answers from its own number, with its own name.
    const toMataram = server.fakeGraph.sentTo(atMataram.waId);
    expect(toMataram.length).toBeGreaterThan(0);
    expect(toMataram.every((sent) => sent.fromPhoneNumberId === MATARAM.phoneNumberId)).toBe(true);
    expect(server.fakeGraph.sentTo(atKerinci.waId).every((sent) => sent.fromPhoneNumberId === server.config.WHATSAPP_PHONE_NUMBER_ID)).toBe(true);
    const mataramTexts = toMataram.map(textOf).join('\n');
    expect(mataramTexts).toContain(MATARAM.name);
    expect(mataramTexts).not.toContain('Kerinci');
    expect((await officers.store.get(atMataram.queueNumber))?.office).toEqual({ id: MATARAM.id, name: MATARAM.name });
    expect((await officers.store.get(atKerinci.queueNumber))?.office).toBeUndefined();

    // Confirmed for the same day, each told in its own zone, from its own number.
    // Not tomorrow: a confirmation for tomorrow after the reminder hour is reminded at once.
    const date = workingDay(2);
    for (const [view, applicant] of [
      [kerinci, atKerinci],
      [mataram, atMataram],
    ] as const) {
      const before = view.fakeGraph.sentTo(applicant.waId).length;
      expect((await officers.api.act(applicant.queueNumber, 'confirm', { date, time: '09:00' }, officer)).status).toBe(200);
      await view.waitForSent(applicant.waId, before + 1);
    }
    const confirmation = (view: TestServer, waId: string) =>
      JSON.stringify(view.fakeGraph.sentTo(waId).find((sent) => JSON.stringify(sent.payload).includes('Jadwal Antrian Dikonfirmasi'))?.payload);
    expect(confirmation(mataram, atMataram.waId)).toContain('Jam Kedatangan: 09.00 WITA');
    expect(confirmation(kerinci, atKerinci.waId)).toContain('Jam Kedatangan: 09.00 WIB');

    // 00:30 UTC the day before: 08:30 in Mataram (WITA, its reminder hour 8), 07:30 in Kerinci.
    const dayBefore = addDays(date, -1);
    expect(await runHourlyReminders(`${dayBefore}T00:30:00Z`)).toEqual([{ office: MATARAM.id, queued: 1, appointmentDate: date }]);
    const [reminder] = await waitFor(
      () => (remindersTo(mataram, atMataram.waId).length > 0 ? remindersTo(mataram, atMataram.waId) : undefined),
      20_000,
      () => 'no reminder to the Mataram applicant',
    );
    expect(textOf(reminder)).toContain(` Waktu: 09.00 WITA`);
    expect(textOf(reminder)).toContain(` ${MATARAM.name}\n ${MATARAM.address}`);
    expect(textOf(reminder)).toContain(` WhatsApp: ${MATARAM.displayPhoneNumber}`);
    expect(remindersTo(kerinci, atKerinci.waId)).toHaveLength(0);

    // An hour later it is 08:30 in Kerinci: its office's turn, and Mataram's is not run again.
    expect(await runHourlyReminders(`${dayBefore}T01:30:00Z`)).toEqual([{ office: 'kerinci', queued: 1, appointmentDate: date }]);
    await waitFor(
      () => (remindersTo(kerinci, atKerinci.waId).length > 0 ? true : undefined),
      20_000,
      () => 'no reminder to the Kerinci applicant',
    );
    expect(textOf(remindersTo(kerinci, atKerinci.waId)[0])).toContain(' Waktu: 09.00 WIB');
    expect(remindersTo(mataram, atMataram.waId)).toHaveLength(1);
  });

  it('keeps two conversations for one phone that writes to both offices', async () => {
    const { waId, queueNumber } = await registerApplicant(kerinci, { person: newPerson({ name: 'Dua Kantor' }) });
    // The same phone greets Mataram: a new conversation there, its menu, nothing of the Kerinci registration.
    const [welcome] = await say(mataram, waId, 'Assalamualaikum', 2);
    expect(welcome).toContain(`Selamat datang di SI BAPAO (Registrasi BAP Paspur Online) ${MATARAM.name}`);
    const [status] = await say(mataram, waId, 'STATUS');
    expect(status).not.toContain(queueNumber);
    const [atHome] = await say(kerinci, waId, 'STATUS');
    expect(atHome).toContain(queueNumber);
  });

  it('still ignores a number that is no office of the registry', async () => {
    const waId = '6281599999001';
    const { status } = await server.sendMessage(waId, { text: 'halo' }, { phoneNumberId: '9988776655443' });
    expect(status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(server.fakeGraph.sentTo(waId)).toHaveLength(0);
  });
});
