/**
 * Stages 6–8 through signed webhooks, the officers' API and the local reminder job on the real local
 * server: a full reschedule round, each refusal, BATAL and STATUS, and reminders exactly once.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Officer } from '../../lambdas/admin/officer-api';
import { documentClient } from '../../lambdas/adapters/dynamodb-client';
import { registrationItem } from '../../lambdas/adapters/registration-items';
import { loadOfficeProfile } from '../../lambdas/config';
import { addDays, formatDayDate, jakartaDate } from '../../lambdas/domain/calendar';
import { messages } from '../../lambdas/domain/texts';
import type { Registration } from '../../lambdas/domain/registration';
import { newPerson } from '../support/registration-lines';
import { registerApplicant, say } from '../support/journey';
import { nextSaturday, officerApi, workingDay } from '../support/officer-api';
import { startTestServer, textOf, waitFor, type TestServer } from '../support/test-server';
import { ADVANCE_BUTTONS, proofMessage } from '../support/proof-message';

const officer: Officer = { username: 'petugas1', role: 'petugas' };
let server: TestServer;
let officers: ReturnType<typeof officerApi>;

beforeAll(async () => {
  server = await startTestServer({ WHATSAPP_MESSAGING_LIMIT: '10000' });
  officers = officerApi(server);
});
afterAll(async () => {
  officers.close();
  await server.cleanUp();
});

async function confirmedApplicant(date: string, name = 'Sipulan Bin Fulan') {
  const applicant = await registerApplicant(server, { person: newPerson({ name }) });
  const before = server.fakeGraph.sentTo(applicant.waId).length;
  expect((await officers.api.act(applicant.queueNumber, 'confirm', { date, time: '09:00' }, officer)).status).toBe(200);
  await server.waitForSent(applicant.waId, before + 1);
  return applicant;
}

async function runReminderJob(today: string): Promise<{ queued: number }> {
  const response = await fetch(`${server.url}/_local/jobs/reminders?date=${today}`, { method: 'POST' });
  expect(response.status).toBe(200);
  return (await response.json()) as { queued: number };
}

const remindersTo = (waId: string) =>
  server.fakeGraph
    .sentTo(waId)
    .filter(
      (message) =>
        textOf(message).startsWith('🔔 *PENGINGAT KEDATANGAN BESOK*') ||
        (message.payload as { template?: { name?: string } }).template?.name === 'pengingat_kedatangan',
    );

describe('stages 6 and 7', () => {
  it('takes a request for a new date, lets the officer set it, and sends the stage 7 text with both dates', async () => {
    const confirmedDate = workingDay(2);
    const { waId, queueNumber } = await confirmedApplicant(confirmedDate, 'Sipulan');
    const [rules = ''] = await say(server, waId, '6');
    expect(rules.split('\n')[0]).toBe('Anda memilih Layanan Perubahan Jadwal BAP Paspur, Berikut Ketentuan Perubahan Jadwal!!');
    expect(rules).toContain(`📅 Jadwal Anda: ${queueNumber} Sipulan, ${formatDayDate(confirmedDate)}, 09.00 WIB`);
    const requested = workingDay(4);
    const [dd, mm, yyyy] = [requested.slice(8), requested.slice(5, 7), requested.slice(0, 4)];
    expect(await say(server, waId, `Ubah jadwal: sipulan / ${dd}-${mm}-${yyyy}`)).toEqual([messages.rescheduleRequested(requested)]);
    const detail = await officers.api.get(queueNumber, officer);
    expect(detail.body).toMatchObject({ status: 'PERUBAHAN_DIMINTA', requestedDate: requested, appointmentDate: confirmedDate });

    const before = server.fakeGraph.sentTo(waId).length;
    expect(await officers.api.act(queueNumber, 'reschedule', { date: requested, time: '10:30' }, officer)).toMatchObject({
      status: 200,
      body: { status: 'DIKONFIRMASI', appointmentDate: requested, rescheduled: true },
    });
    const [changed] = (await server.waitForSent(waId, before + 1)).slice(before);
    const proof = proofMessage(changed);
    expect(proof.buttons).toEqual(ADVANCE_BUTTONS);
    const caption = proof.text;
    expect(caption).toContain(`📅 Jadwal Lama: ${formatDayDate(confirmedDate)}`);
    expect(caption).toContain(`📅 Jadwal Baru: ${formatDayDate(requested)}`);

    expect(await say(server, waId, `Ubah jadwal: Sipulan/${dd}-${mm}-${yyyy}`)).toEqual([messages.selfService.rescheduleAlreadyUsed(queueNumber)]);
  });

  it('refuses each date that breaks a rule and says what would be accepted', async () => {
    const confirmedDate = workingDay(2);
    const { waId } = await confirmedApplicant(confirmedDate, 'Rahmat Hidayat');
    const line = (date: string) => `Ubah jadwal: Rahmat Hidayat/${date.slice(8)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
    const [same] = await say(server, waId, line(confirmedDate));
    expect(same).toContain('Tanggal baru harus setelah jadwal Anda');
    const [far] = await say(server, waId, line(addDays(confirmedDate, 40)));
    expect(far).toContain('paling lambat');
    const saturday = nextSaturday(new Date(`${confirmedDate}T02:00:00Z`));
    const [weekend] = await say(server, waId, line(saturday));
    expect(weekend).toContain('bukan hari layanan (Sabtu/Minggu)');
    const [nobody] = await say(server, waId, `Ubah jadwal: Orang Lain/${line(workingDay(3)).split('/')[1]}`);
    expect(nobody).toContain('Tidak ada pendaftaran berstatus DIKONFIRMASI atas nama Orang Lain');
    const [format] = await say(server, waId, 'Ubah jadwal: Rahmat Hidayat besok');
    expect(format).toBe(messages.selfService.rescheduleFormat);
  });
});

describe('BATAL and STATUS', () => {
  it('shows where each registration stands, and cancels one after one confirmation question, freeing its day', async () => {
    const date = workingDay(3);
    const { waId, queueNumber } = await confirmedApplicant(date, 'Budi Hartono');
    const [status] = await say(server, waId, 'STATUS');
    expect(status).toContain(`📄 ${queueNumber} — Budi Hartono`);
    expect(status).toContain(`Jadwal: ${formatDayDate(date)}, 09.00 WIB`);
    const booked = ((await officers.api.getDay(date)).body as { booked: number }).booked;
    expect(await say(server, waId, 'batal')).toEqual([messages.selfService.confirmCancel(queueNumber, 'Budi Hartono')]);
    expect(await say(server, waId, 'YA')).toEqual([messages.selfService.cancelled(queueNumber, 'Budi Hartono')]);
    const detail = (await officers.api.get(queueNumber, officer)).body as { status: string; history: { actor: string; action: string }[] };
    expect(detail.status).toBe('DIBATALKAN');
    expect(detail.history).toEqual(expect.arrayContaining([expect.objectContaining({ actor: 'pemohon', action: 'cancelled-by-applicant' })]));
    expect(((await officers.api.getDay(date)).body as { booked: number }).booked).toBe(booked - 1);
  });
});

describe('reminders (stage 8)', () => {
  it('reminds once the day before, however often the job runs, and not two days before', async () => {
    const date = workingDay(3);
    const { waId, queueNumber, person } = await confirmedApplicant(date, 'Wati Susanti');
    await runReminderJob(addDays(date, -2));
    await server.queue.drained();
    expect(remindersTo(waId)).toHaveLength(0);

    const today = addDays(date, -1);
    const runs = await Promise.all([runReminderJob(today), runReminderJob(today)]);
    expect(runs.map((run) => run.queued).every((queued) => queued >= 1)).toBe(true);
    await runReminderJob(today);
    await server.queue.drained();
    const reminders = remindersTo(waId);
    expect(reminders).toHaveLength(1);
    expect(textOf(reminders[0])).toBe(
      messages.reminder({ queueNumber, name: person.name, nik: (await officers.store.get(queueNumber))!.nik, date, time: '09:00' }, loadOfficeProfile({})),
    );
  });

  it("reminds a confirmation for tomorrow made after today's run at once", async () => {
    const tomorrow = workingDay(1);
    const lateNow = new Date(`${addDays(tomorrow, -1)}T05:00:00Z`); // 12:00 WIB, after the 08:00 run
    const late = officerApi(server, () => lateNow);
    try {
      const { waId, queueNumber } = await registerApplicant(server);
      const before = server.fakeGraph.sentTo(waId).length;
      expect((await late.api.act(queueNumber, 'confirm', { date: tomorrow, time: '14:00' }, officer)).status).toBe(200);
      await server.waitForSent(waId, before + 2);
      expect(remindersTo(waId)).toHaveLength(1);
    } finally {
      late.close();
    }
  });

  it('reminds 2,000 registrations confirmed for one day, each exactly once', async () => {
    const date = addDays(jakartaDate(new Date()), 30);
    const client = documentClient({ endpoint: server.dynamoEndpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
    const registrations: Registration[] = Array.from({ length: 2000 }, (_, index) => ({
      queueNumber: `BLK-${String(index + 1).padStart(4, '0')}`,
      name: `Pemohon ${index}`,
      placeOfBirth: 'Kerinci',
      dateOfBirth: '1990-01-01',
      nik: `1501010101900${String(index).padStart(3, '0')}`,
      phone: '6281234567890',
      serviceId: 1,
      status: 'DIKONFIRMASI',
      createdAt: new Date().toISOString(),
      ownerKey: `62899${String(index).padStart(8, '0')}`,
      ownerWaId: `62899${String(index).padStart(8, '0')}`,
      draftId: `bulk-${index}`,
      documentsMode: 'web',
      flags: [],
      rescheduled: false,
      appointmentDate: date,
      appointmentTime: '09:00',
    }));
    for (let start = 0; start < registrations.length; start += 25) {
      await client.send(
        new BatchWriteCommand({
          RequestItems: {
            [server.config.TABLE_NAME]: registrations
              .slice(start, start + 25)
              .map((registration) => ({ PutRequest: { Item: registrationItem(registration) } })),
          },
        }),
      );
    }
    client.destroy();
    const [first, second] = await Promise.all([runReminderJob(addDays(date, -1)), runReminderJob(addDays(date, -1))]);
    expect([first.queued, second.queued]).toEqual([2000, 2000]);
    await waitFor(
      () => (server.queue.depth === 0 ? true : undefined),
      120_000,
      () => `queue depth ${server.queue.depth}`,
    );
    await server.queue.drained();
    const counts = new Map<string, number>();
    for (const message of server.fakeGraph.sent) {
      // These applicants never wrote: their window is closed, so the reminder goes as the template.
      const reminder = textOf(message).startsWith('🔔') || (message.payload as { template?: { name?: string } }).template?.name === 'pengingat_kedatangan';
      if (message.to.startsWith('62899') && reminder) counts.set(message.to, (counts.get(message.to) ?? 0) + 1);
    }
    expect(counts.size).toBe(2000);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
  }, 180_000);
});
