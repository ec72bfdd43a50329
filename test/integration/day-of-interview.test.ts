/**
 * The day of the interview on the real local server: `HADIR <code>` by signed webhooks with the code the
 * officers' API gives for the poster, the queue place it answers, *Panggil* reaching the applicant through
 * the fake Graph API, and completing from being served.
 */
import { DEFAULT_SERVICES } from '../../lambdas/domain/services';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Officer } from '../../lambdas/admin/officer-api';
import { documentClient } from '../../lambdas/adapters/dynamodb-client';
import { loadOfficeProfile } from '../../lambdas/config';
import { registrationItem } from '../../lambdas/adapters/registration-items';
import { addDays, formatDayDate, jakartaDate } from '../../lambdas/domain/calendar';
import { DAY_OF_TEXTS, SATISFACTION_TEXTS } from '../../lambdas/domain/texts/day-of';
import { AdminClient } from '../support/admin-client';
import { scanPdfQr } from '../support/pdf-qr';
import { newPerson, registrationLine } from '../support/registration-lines';
import { queueNumberIn, registerApplicant, say, uploadDocuments } from '../support/journey';
import { officerApi, workingDay } from '../support/officer-api';
import { startTestServer, textOf, type TestServer } from '../support/test-server';

const officer: Officer = { username: 'petugas1', role: 'petugas' };
let server: TestServer;
let officers: ReturnType<typeof officerApi>;
let today: string;

beforeAll(async () => {
  server = await startTestServer({ WHATSAPP_MESSAGING_LIMIT: '10000' });
  officers = officerApi(server);
  today = jakartaDate(new Date());
});
afterAll(async () => {
  officers.close();
  await server.cleanUp();
});

/** Registered and confirmed as officers do it, then its appointment moved to today (nobody can book today itself). */
async function confirmedForToday(options: { waId?: string; name: string; time: string }) {
  const applicant = options.waId
    ? await registerAnother(options.waId, options.name)
    : await registerApplicant(server, { person: newPerson({ name: options.name }) });
  const before = server.fakeGraph.sentTo(applicant.waId).length;
  // Not tomorrow: a confirmation for tomorrow after the reminder hour brings the reminder at once too.
  expect((await officers.api.act(applicant.queueNumber, 'confirm', { date: workingDay(2), time: options.time }, officer)).status).toBe(200);
  await server.waitForSent(applicant.waId, before + 1);
  await moveAppointment(applicant.queueNumber, today);
  return applicant;
}

/** A second person registered from an account that registered before: the service, documents, SELESAI, DAFTAR. */
async function registerAnother(waId: string, name: string) {
  const [requirements = ''] = await say(server, waId, '1');
  await uploadDocuments(server, requirements);
  await say(server, waId, 'SELESAI');
  const [success = ''] = await say(server, waId, registrationLine(newPerson({ name })));
  return { waId, queueNumber: queueNumberIn(success) };
}

async function moveAppointment(queueNumber: string, date: string): Promise<void> {
  const current = await officers.store.getVersioned(queueNumber);
  if (!current) throw new Error(`${queueNumber} not found`);
  const client = documentClient({ endpoint: server.dynamoEndpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
  await client.send(
    new PutCommand({ TableName: server.config.TABLE_NAME, Item: registrationItem({ ...current.registration, appointmentDate: date }, current.version) }),
  );
  client.destroy();
}

async function codeOf(date: string): Promise<string> {
  const answer = await officers.api.dayCode({ date });
  expect(answer).toMatchObject({ status: 200, body: { date } });
  return (answer.body as { code: string }).code;
}

describe('check-in with the day code', () => {
  it("answers a place in today's queue with today's code, refuses yesterday's, and changes nothing the second time", async () => {
    const first = await confirmedForToday({ name: 'Pertama Datang', time: '10:00' });
    const second = await confirmedForToday({ name: 'Kedua Datang', time: '09:00' });
    const code = await codeOf(today);
    expect(code).toMatch(/^[ACDEFHJKMNPRTUVWXY3479]{5}$/);

    expect(await say(server, first.waId, `HADIR ${await codeOf(addDays(today, -1))}`)).toEqual([DAY_OF_TEXTS.codeStale]);
    expect((await officers.api.get(first.queueNumber, officer)).body).not.toHaveProperty('checkedInAt');

    const [answer = ''] = await say(server, first.waId, `hadir ${code.toLowerCase()}`);
    expect(answer).toContain(`${first.queueNumber} — Pertama Datang`);
    expect(answer).toContain('Urutan ke-1 dalam antrean hari ini; tidak ada yang menunggu sebelum Anda.');
    const checkedIn = (await officers.api.get(first.queueNumber, officer)).body as { status: string; checkedInAt?: string };
    expect(checkedIn.status).toBe('DIKONFIRMASI');
    expect(checkedIn.checkedInAt).toEqual(expect.any(String));

    // An earlier appointment time goes first, though it came later.
    const [secondAnswer = ''] = await say(server, second.waId, `HADIR ${code}`);
    expect(secondAnswer).toContain('Urutan ke-1 dalam antrean hari ini');
    const [again = ''] = await say(server, first.waId, `HADIR ${code}`);
    expect(again).toContain('Urutan ke-2 dalam antrean hari ini; 1 orang sebelum Anda.');
    expect(((await officers.api.get(first.queueNumber, officer)).body as { checkedInAt?: string }).checkedInAt).toBe(checkedIn.checkedInAt);
  });

  it('says why when the code is wrong, the appointment is another day, or nothing is confirmed', async () => {
    const code = await codeOf(today);
    const other = await registerApplicant(server, { person: newPerson({ name: 'Besok Saja' }) });
    expect(await say(server, other.waId, `HADIR ${code}`)).toEqual([DAY_OF_TEXTS.noConfirmedToday]);
    expect((await officers.api.act(other.queueNumber, 'confirm', { date: workingDay(2), time: '09:00' }, officer)).status).toBe(200);
    await server.waitForSent(other.waId, server.fakeGraph.sentTo(other.waId).length + 1);
    const [notToday = ''] = await say(server, other.waId, `HADIR ${code}`);
    expect(notToday).toContain('Jadwal kedatangan Anda bukan hari ini:');
    expect(notToday).toContain(other.queueNumber);
    expect(await say(server, other.waId, 'HADIR AAAAA')).toEqual([DAY_OF_TEXTS.codeWrong]);
    expect(await say(server, other.waId, 'HADIR')).toEqual([DAY_OF_TEXTS.codeMissing]);
  });

  it('checks in a family registered from one account with one message', async () => {
    const parent = await confirmedForToday({ name: 'Ibu Keluarga', time: '13:00' });
    const waId = parent.waId;
    const child = await confirmedForToday({ waId, name: 'Anak Keluarga', time: '13:00' });
    const [answer = ''] = await say(server, waId, `HADIR ${await codeOf(today)}`);
    expect(answer.split('\n')[0]).toBe('Terima kasih, kehadiran Anda semua sudah tercatat.');
    expect(answer).toContain(`${parent.queueNumber} — Ibu Keluarga`);
    expect(answer).toContain(`${child.queueNumber} — Anak Keluarga`);
    for (const queueNumber of [parent.queueNumber, child.queueNumber]) {
      expect((await officers.api.get(queueNumber, officer)).body).toHaveProperty('checkedInAt');
    }
  });
});

describe('call and finish', () => {
  it('sends "Giliran Anda" with the counter, marks the registration being served, and completes it from there', async () => {
    const applicant = await confirmedForToday({ name: 'Dipanggil Loket', time: '11:00' });
    await say(server, applicant.waId, `HADIR ${await codeOf(today)}`);
    const before = server.fakeGraph.sentTo(applicant.waId).length;
    expect(await officers.api.act(applicant.queueNumber, 'call', { counter: '3' }, officer)).toMatchObject({
      status: 200,
      body: { status: 'DILAYANI', counter: '3', calledAt: expect.any(String) },
    });
    const [called] = (await server.waitForSent(applicant.waId, before + 1)).slice(before);
    expect(textOf(called)).toBe(DAY_OF_TEXTS.called(applicant.queueNumber, 'Dipanggil Loket', '3'));
    expect(textOf(called)).toContain('Loket 3');
    expect(await officers.api.act(applicant.queueNumber, 'complete', { attended: true }, officer)).toMatchObject({ status: 200, body: { status: 'SELESAI' } });
  });

  it('asks the applicant once SELESAI how satisfied they are (a list of five), then for a comment, and keeps both', async () => {
    const applicant = await confirmedForToday({ name: 'Ditanya Kepuasan', time: '11:30' });
    await say(server, applicant.waId, `HADIR ${await codeOf(today)}`);
    expect((await officers.api.act(applicant.queueNumber, 'call', { counter: 1 }, officer)).status).toBe(200);
    const before = server.fakeGraph.sentTo(applicant.waId).length + 1;
    await server.waitForSent(applicant.waId, before);
    expect((await officers.api.act(applicant.queueNumber, 'complete', { attended: true }, officer)).status).toBe(200);
    const [question] = (await server.waitForSent(applicant.waId, before + 1)).slice(before);
    const interactive = (question?.payload as { interactive: { type: string; action: { sections: { rows: { id: string; title: string }[] }[] } } }).interactive;
    expect(interactive.type).toBe('list');
    const rows = interactive.action.sections.flatMap((section) => section.rows);
    expect(rows.map((row) => row.title)).toEqual(['1. Sangat tidak puas', '2. Tidak puas', '3. Cukup', '4. Puas', '5. Sangat puas']);

    const count = server.fakeGraph.sentTo(applicant.waId).length;
    expect((await server.sendMessage(applicant.waId, { choice: rows[3]! })).status).toBe(200);
    const [askComment] = (await server.waitForSent(applicant.waId, count + 1)).slice(count);
    expect(textOf(askComment)).toBe(SATISFACTION_TEXTS.askComment);
    expect(await say(server, applicant.waId, 'Petugasnya ramah, antrean cepat')).toEqual([SATISFACTION_TEXTS.thanks]);
    expect((await officers.store.get(applicant.queueNumber))?.satisfaction).toBe(4);
    expect((await officers.store.get(applicant.queueNumber))?.satisfactionComment).toBe('Petugasnya ramah, antrean cepat');
  });

  it('refuses to call an applicant whose appointment is not today', async () => {
    const applicant = await registerApplicant(server, { person: newPerson({ name: 'Belum Hari Ini' }) });
    const before = server.fakeGraph.sentTo(applicant.waId).length;
    expect((await officers.api.act(applicant.queueNumber, 'confirm', { date: workingDay(2), time: '09:00' }, officer)).status).toBe(200);
    await server.waitForSent(applicant.waId, before + 1);
    expect(await officers.api.act(applicant.queueNumber, 'call', {}, officer)).toMatchObject({ status: 422, body: { error: 'not-today' } });
  });
});

describe('the end of the day', () => {
  it('marks only those who never checked in TIDAK_HADIR, tells them once, frees their NIK, and lets an officer correct it the same day', async () => {
    const code = await codeOf(today);
    const arrived = await confirmedForToday({ name: 'Sudah Hadir', time: '14:00' });
    await say(server, arrived.waId, `HADIR ${code}`);
    const served = await confirmedForToday({ name: 'Sudah Selesai', time: '14:00' });
    expect((await officers.api.act(served.queueNumber, 'complete', { attended: true }, officer)).status).toBe(200);
    const absent = await confirmedForToday({ name: 'Tidak Datang', time: '14:00' });
    const nik = ((await officers.api.get(absent.queueNumber, officer)).body as { nik: string }).nik;
    const before = server.fakeGraph.sentTo(absent.waId).length;

    const closeDay = async () => {
      const response = await fetch(`${server.url}/_local/jobs/close-day?date=${today}`, { method: 'POST' });
      expect(response.status).toBe(200);
      return (await response.json()) as { noShows: number; marked: string[] };
    };
    expect(await closeDay()).toMatchObject({ noShows: 1, marked: [absent.queueNumber] });
    expect((await officers.api.get(arrived.queueNumber, officer)).body).toMatchObject({ status: 'DIKONFIRMASI' });
    expect((await officers.api.get(served.queueNumber, officer)).body).toMatchObject({ status: 'SELESAI' });
    expect((await officers.api.get(absent.queueNumber, officer)).body).toMatchObject({ status: 'TIDAK_HADIR' });
    const [notice] = (await server.waitForSent(absent.waId, before + 1)).slice(before);
    expect(textOf(notice)).toBe(DAY_OF_TEXTS.noShow(absent.queueNumber, 'Tidak Datang', formatDayDate(today)));
    expect(await officers.store.findOpenByNik(nik)).toBeUndefined();

    // Run again (a retry, or twice by hand): nobody is marked or told twice.
    expect(await closeDay()).toMatchObject({ noShows: 0, marked: [] });
    expect(await officers.api.act(absent.queueNumber, 'complete', { attended: true }, officer)).toMatchObject({ status: 200, body: { status: 'SELESAI' } });
    // The correction's one message is the satisfaction question: no second no-show notice.
    const after = await server.waitForSent(absent.waId, before + 2);
    expect(after.slice(before + 1).map((message) => (message.payload as { type: string }).type)).toEqual(['interactive']);
    expect(after.filter((message) => textOf(message).includes('TIDAK HADIR'))).toHaveLength(1);
  });
});

describe('the poster', () => {
  it("prints an A4 PDF whose QR code opens WhatsApp to the office's number with HADIR and today's code", async () => {
    const admin = new AdminClient(server);
    expect((await admin.login(server.config.ADMIN_USERNAME, server.adminPassword)).status).toBe(200);
    const code = await admin.request('GET', `/api/day-code?date=${today}`);
    expect(code).toMatchObject({ status: 200, body: { date: today, code: await codeOf(today) } });

    const response = await fetch(`${admin.base}/poster.pdf`, { headers: { cookie: admin.cookie ?? '' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const number = loadOfficeProfile({}).whatsappNumber.replace(/^0/, '62');
    expect(scanPdfQr(pdf)).toBe(`https://wa.me/${number}?text=HADIR%20${(code.body as { code: string }).code}`);
  });
});

describe('the daily report', () => {
  it("gives numbers equal to those counted from the day's registrations", async () => {
    const noShow = await confirmedForToday({ name: 'Laporan Absen', time: '15:00' });
    expect((await officers.api.act(noShow.queueNumber, 'complete', { attended: false }, officer)).status).toBe(200);
    const report = await officers.api.dailyReport({ date: today });
    expect(report.status).toBe(200);

    const day = (await officers.store.listByDay(today)).filter((registration) => registration.status !== 'DIBATALKAN');
    const waits = day.flatMap((registration) =>
      registration.checkedInAt && registration.calledAt ? [(Date.parse(registration.calledAt) - Date.parse(registration.checkedInAt)) / 60_000] : [],
    );
    const pending = await officers.store.listByStatus('PENDING');
    const answers = day.flatMap((registration) => (registration.satisfaction === undefined ? [] : [registration.satisfaction]));
    expect(report.body).toEqual({
      date: today,
      booked: day.length,
      checkedIn: day.filter((registration) => registration.checkedInAt).length,
      served: day.filter((registration) => registration.status === 'SELESAI').length,
      noShows: day.filter((registration) => registration.status === 'TIDAK_HADIR').length,
      averageWaitMinutes: Math.round((waits.reduce((sum, wait) => sum + wait, 0) / waits.length) * 10) / 10,
      satisfaction: answers.length === 0 ? null : Math.round((answers.reduce((sum, answer) => sum + answer, 0) / answers.length) * 100) / 100,
      pendingOver24h: pending.filter((registration) => Date.parse(registration.createdAt) < Date.now() - 24 * 60 * 60 * 1000).length,
      failedSends: 0,
    });
    // What this file's earlier tests left on the day: every kind is there to count.
    expect(report.body).toMatchObject({ served: expect.any(Number), noShows: 1 });
    expect((report.body as { booked: number }).booked).toBeGreaterThanOrEqual(10);
    expect((report.body as { served: number }).served).toBeGreaterThanOrEqual(3);
    expect(waits.length).toBeGreaterThanOrEqual(1);
    expect(answers).toEqual([4]);
  });

  it("gives the month's satisfaction figure per service, equal to the served registrations' answers", async () => {
    const month = today.slice(0, 7);
    const answer = await officers.api.monthlySatisfaction({ month });
    expect(answer.status).toBe(200);
    const served = (await officers.store.listByStatus('SELESAI')).filter(
      (registration) => registration.appointmentDate?.startsWith(`${month}-`) && registration.satisfaction !== undefined,
    );
    const figure = (registrations: typeof served) => ({
      answers: registrations.length,
      satisfaction:
        registrations.length === 0
          ? null
          : Math.round((registrations.reduce((sum, registration) => sum + (registration.satisfaction ?? 0), 0) / registrations.length) * 100) / 100,
    });
    expect(answer.body).toEqual({
      month,
      ...figure(served),
      byService: DEFAULT_SERVICES.map((service) => ({
        serviceId: service.id,
        service: service.name,
        ...figure(served.filter((registration) => registration.serviceId === service.id)),
      })),
    });
    expect((answer.body as { answers: number }).answers).toBeGreaterThanOrEqual(1);
    expect((await officers.api.monthlySatisfaction({ month: '2026-13' })).status).toBe(400);
  });
});
