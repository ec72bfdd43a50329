/**
 * The head of office's summary at closing time, on the real local server: the end-of-day job (the default
 * office's `close-day`, a registry office's hourly run at its own closing time) sends one `ringkasan_harian`
 * template, from the office's own number, to the head's number, with the figures of `GET api/reports/daily`;
 * a rerun sends nothing more, and an office without a head's number sends nothing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { Officer } from '../../lambdas/admin/officer-api';
import { documentClient } from '../../lambdas/adapters/dynamodb-client';
import { registrationItem } from '../../lambdas/adapters/registration-items';
import { keys } from '../../lambdas/adapters/table-design';
import { loadOfficeProfile } from '../../lambdas/config';
import { formatDayDate, jakartaDate } from '../../lambdas/domain/calendar';
import { officeToday } from '../../lambdas/domain/offices';
import type { SentMessage } from '../../local/fake-graph-api';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { AdminClient, adminSession } from '../support/admin-client';
import { registerApplicant } from '../support/journey';
import { MATARAM, officesFile } from '../support/offices';
import { officerApi, workingDay } from '../support/officer-api';
import { newPerson } from '../support/registration-lines';
import { startTestServer, type TestServer } from '../support/test-server';

const HEAD = '6281200000001';
const MATARAM_HEAD = '6281200000002';
/** A second WITA office without a head's number: its day closes with Mataram's, and nothing is sent for it. */
const BIMA = { ...MATARAM, id: 'bima', name: 'Kantor Imigrasi Kelas II TPI Bima', phoneNumberId: '3344556677889', queuePrefix: 'BMA' };
const officer: Officer = { username: 'petugas1', role: 'petugas' };

let server: TestServer;
let officers: ReturnType<typeof officerApi>;
let superadmin: AdminClient;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'si-bapao-summary-'));
  server = await startTestServer({
    WHATSAPP_MESSAGING_LIMIT: '10000',
    HEAD_OF_OFFICE_WA_ID: HEAD,
    OFFICES_FILE: officesFile(dataDir, [{ ...MATARAM, headOfOfficeWaId: MATARAM_HEAD }, BIMA]),
  });
  officers = officerApi(server);
  superadmin = await adminSession(server);
});
afterAll(async () => {
  officers.close();
  await server.cleanUp();
});

interface Report {
  readonly date: string;
  readonly booked: number;
  readonly checkedIn: number;
  readonly served: number;
  readonly noShows: number;
  readonly averageWaitMinutes: number | null;
  readonly satisfaction: number | null;
  readonly pendingOver24h: number;
  readonly failedSends: number;
}

const summariesTo = (waId: string) =>
  server.fakeGraph.sentTo(waId).filter((message) => message.type === 'template' && templateOf(message).name === 'ringkasan_harian');

function templateOf(message: SentMessage) {
  return (message.payload as { template: { name: string; language: { code: string }; components: { type: string; parameters: { text: string }[] }[] } })
    .template;
}

/** What the head reads, in the template's order: the office, the date and the report's figures. */
function parametersOf(officeName: string, report: Report): string[] {
  const decimal = (value: number) => String(value).replace('.', ',');
  return [
    officeName,
    formatDayDate(report.date),
    String(report.booked),
    String(report.checkedIn),
    String(report.served),
    String(report.noShows),
    report.averageWaitMinutes === null ? '-' : `${decimal(report.averageWaitMinutes)} menit`,
    report.satisfaction === null ? '-' : decimal(report.satisfaction),
    String(report.pendingOver24h),
    String(report.failedSends),
  ];
}

async function closeDay(date: string): Promise<{ noShows: number; summary: string }> {
  const response = await fetch(`${server.url}/_local/jobs/close-day?date=${date}`, { method: 'POST' });
  expect(response.status).toBe(200);
  return (await response.json()) as { noShows: number; summary: string };
}

/**
 * Everything queued for the head before now has been handled once the head's own message is answered: the
 * summary and the head's messages share one ordered stream.
 */
async function headStreamSettled(waId: string, phoneNumberId?: string): Promise<void> {
  const before = server.fakeGraph.sentTo(waId).length;
  await server.sendMessage(waId, { text: 'MENU' }, phoneNumberId ? { phoneNumberId } : {});
  await server.waitForSent(waId, before + 1);
}

async function confirmedForToday(name: string, today: string) {
  const applicant = await registerApplicant(server, { person: newPerson({ name }) });
  const before = server.fakeGraph.sentTo(applicant.waId).length;
  expect((await officers.api.act(applicant.queueNumber, 'confirm', { date: workingDay(2), time: '10:00' }, officer)).status).toBe(200);
  await server.waitForSent(applicant.waId, before + 1);
  const current = await officers.store.getVersioned(applicant.queueNumber);
  if (!current) throw new Error(`${applicant.queueNumber} not found`);
  const client = documentClient({ endpoint: server.dynamoEndpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
  await client.send(
    new PutCommand({ TableName: server.config.TABLE_NAME, Item: registrationItem({ ...current.registration, appointmentDate: today }, current.version) }),
  );
  client.destroy();
  return applicant;
}

describe("the head of office's summary at closing time", () => {
  it("sends the default office's day once, as the ringkasan_harian template with the daily report's figures", async () => {
    const today = jakartaDate(new Date());
    const served = await confirmedForToday('Ringkas Selesai', today);
    expect((await officers.api.act(served.queueNumber, 'complete', { attended: true }, officer)).status).toBe(200);
    await confirmedForToday('Ringkas Absen', today);

    expect(await closeDay(today)).toMatchObject({ noShows: 1, summary: 'queued' });
    const [summary] = await server.waitForSent(HEAD, 1);
    const report = await superadmin.request('GET', `/api/reports/daily?date=${today}`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ booked: 2, served: 1, noShows: 1 });
    expect(summary?.fromPhoneNumberId).toBe(server.config.WHATSAPP_PHONE_NUMBER_ID);
    const template = summary && templateOf(summary);
    expect(template?.name).toBe('ringkasan_harian');
    expect(template?.language.code).toBe('id');
    expect(template?.components.find((component) => component.type === 'body')?.parameters.map((p) => p.text)).toEqual(
      parametersOf(loadOfficeProfile({}).officeName, report.body as Report),
    );

    // Run again: the mark of the day holds it back.
    expect(await closeDay(today)).toMatchObject({ noShows: 0, summary: 'already-queued' });
    await headStreamSettled(HEAD);
    expect(summariesTo(HEAD)).toHaveLength(1);

    // The job stopped after queueing and before its mark: the same event again, sent once all the same.
    const client = documentClient({ endpoint: server.dynamoEndpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
    await client.send(new DeleteCommand({ TableName: server.config.TABLE_NAME, Key: keys.dailySummary('kerinci', today) }));
    client.destroy();
    expect(await closeDay(today)).toMatchObject({ summary: 'queued' });
    await headStreamSettled(HEAD);
    expect(summariesTo(HEAD)).toHaveLength(1);
  });

  it("sends a registry office's summary from its own number to its own head at its closing time, and nothing for an office without a head", async () => {
    const date = officeToday(new Date(), MATARAM);
    // 17:30 in WITA: an hour after the last arrival (16:00) both WITA offices close their day.
    const at = `${date}T09:30:00.000Z`;
    const response = await fetch(`${server.url}/_local/jobs/hourly?at=${encodeURIComponent(at)}`, { method: 'POST' });
    expect(response.status).toBe(200);
    const closed = ((await response.json()) as { closedDays: { office: string; date: string; summary: string }[] }).closedDays;
    expect(closed.sort((a, b) => a.office.localeCompare(b.office))).toEqual([
      { office: 'bima', date, noShows: 0, summary: 'no-head' },
      { office: 'mataram', date, noShows: 0, summary: 'queued' },
    ]);

    const [summary] = await server.waitForSent(MATARAM_HEAD, 1);
    expect(summary?.fromPhoneNumberId).toBe(MATARAM.phoneNumberId);
    const report = await superadmin.request('GET', `/api/reports/daily?date=${date}&office=${MATARAM.id}`);
    expect(report.status).toBe(200);
    expect(
      summary &&
        templateOf(summary)
          .components.find((component) => component.type === 'body')
          ?.parameters.map((p) => p.text),
    ).toEqual(parametersOf(MATARAM.name, report.body as Report));

    // The hour's run again: nothing more to the head; and nobody was sent Bima's summary.
    const again = await fetch(`${server.url}/_local/jobs/hourly?at=${encodeURIComponent(at)}`, { method: 'POST' });
    expect(((await again.json()) as { closedDays: { summary: string }[] }).closedDays.map((run) => run.summary).sort()).toEqual(['already-queued', 'no-head']);
    await headStreamSettled(MATARAM_HEAD, MATARAM.phoneNumberId);
    expect(summariesTo(MATARAM_HEAD)).toHaveLength(1);
    expect(server.fakeGraph.sent.filter((message) => message.fromPhoneNumberId === BIMA.phoneNumberId && message.type === 'template')).toEqual([]);
  });
});
