/**
 * Issue 21's messages the office starts, to an applicant whose last message is more than 24 hours old
 * (real signed webhooks, the officers' API, the fake Graph API checking each template send against the
 * approved definitions): a closed day arrives as the `hari_kedatangan_ditutup` template, whose *Pilih
 * tanggal* answers with the dates; a freed earlier place as `jadwal_lebih_awal_tersedia`, whose *Ambil*
 * takes it. Either way the move ends with the stage 7 text and a new PDF.
 */
import type { Officer } from '../../lambdas/admin/officer-api';
import { formatDayDate } from '../../lambdas/domain/calendar';
import type { SentMessage } from '../../local/fake-graph-api';
import { registerApplicant } from '../support/journey';
import { officerApi, workingDay } from '../support/officer-api';
import { proofMessage } from '../support/proof-message';
import { startTestServer, type TestServer } from '../support/test-server';

const officer: Officer = { username: 'petugas1', role: 'petugas' };
const admin: Officer = { username: 'admin', role: 'admin' };
const TWO_DAYS_AGO = () => new Date(Date.now() - 2 * 24 * 3600_000);
let server: TestServer;
let officers: ReturnType<typeof officerApi>;

beforeAll(async () => {
  server = await startTestServer();
  officers = officerApi(server);
});
afterAll(async () => {
  officers.close();
  await server.cleanUp();
});

interface TemplateSend {
  template: {
    name: string;
    components: { type: string; sub_type?: string; index?: string; parameters: { type: string; text?: string; payload?: string }[] }[];
  };
}

function templateOf(message: SentMessage | undefined) {
  expect(message?.type).toBe('template');
  const { template } = message?.payload as unknown as TemplateSend;
  return {
    name: template.name,
    body: template.components.find((component) => component.type === 'body')?.parameters.map((parameter) => parameter.text) ?? [],
    payloads: template.components.filter((component) => component.type === 'button').map((component) => component.parameters[0]?.payload),
  };
}

/** What the applicant is sent after doing `act`, once everything queued has run. */
async function sentAfter(waId: string, act: () => Promise<unknown>): Promise<SentMessage[]> {
  const before = server.fakeGraph.sentTo(waId).length;
  await act();
  await server.queue.drained();
  return server.fakeGraph.sentTo(waId).slice(before);
}

async function expectPdf(link: string): Promise<void> {
  const pdf = await fetch(link);
  expect(pdf.status).toBe(200);
  expect(
    Buffer.from(await pdf.arrayBuffer())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
}

it('tells a closed day with its template, answers Pilih tanggal with the dates, and moves to the date tapped with a new PDF', async () => {
  const { waId, queueNumber } = await registerApplicant(server, { sentAt: TWO_DAYS_AGO() });
  const closed = workingDay(5);
  const confirmation = await sentAfter(waId, () => officers.api.act(queueNumber, 'confirm', { date: closed, time: '09:00' }, officer));
  expect(templateOf(confirmation[0]).name).toBe('jadwal_dikonfirmasi');

  const told = await sentAfter(waId, () => officers.api.putDay(closed, { closed: true, reason: 'Listrik padam' }, admin));
  expect(told).toHaveLength(1);
  const template = templateOf(told[0]);
  expect(template).toEqual({
    name: 'hari_kedatangan_ditutup',
    body: [queueNumber, expect.any(String), formatDayDate(closed), '09.00 WIB', 'Listrik padam'],
    payloads: [`jadwal-ulang:${queueNumber}:pilih`],
  });

  // The tap opens the window: the dates come as the message inside it would have had them.
  const [choices, ...more] = await sentAfter(waId, () => server.sendMessage(waId, { button: { payload: template.payloads[0] ?? '', text: 'Pilih tanggal' } }));
  expect(more).toEqual([]);
  const list = (
    choices?.payload as { interactive: { type: string; body: { text: string }; action: { sections: { rows: { id: string; title: string }[] }[] } } }
  ).interactive;
  expect(list.type).toBe('list');
  expect(list.body.text).toContain('*JADWAL PERLU DIUBAH*');
  expect(list.body.text).toContain('Alasan: Listrik padam');
  const rows = list.action.sections[0]!.rows;
  expect(rows.map((row) => row.title).at(-1)).toBe('Pilih tanggal lain');
  expect(rows).toHaveLength(4);
  const date = rows[0]!.id.slice(-10);
  expect(date).not.toBe(closed);

  const [moved, ...rest] = await sentAfter(waId, () => server.sendMessage(waId, { choice: { id: rows[0]!.id, title: rows[0]!.title } }));
  expect(rest).toEqual([]);
  const proof = proofMessage(moved);
  expect(proof.filename).toBe(`bukti-antrian-${queueNumber}.pdf`);
  expect(proof.text).toContain(`📅 Jadwal Lama: ${formatDayDate(closed)}`);
  expect(proof.text).toContain(`📅 Jadwal Baru: ${formatDayDate(date)}`);
  await expectPdf(proof.link);
  expect((await officers.api.get(queueNumber, officer)).body).toMatchObject({ status: 'DIKONFIRMASI', appointmentDate: date, rescheduled: false });
});

it('offers a freed earlier place with its template, whose Ambil takes it and sends the new PDF', async () => {
  const earlier = workingDay(9);
  const later = workingDay(11);
  expect((await officers.api.putDay(earlier, { capacity: 1 }, admin)).status).toBe(200);
  const holder = await registerApplicant(server);
  await sentAfter(holder.waId, () => officers.api.act(holder.queueNumber, 'confirm', { date: earlier, time: '10:00' }, officer));
  const { waId, queueNumber } = await registerApplicant(server, { sentAt: TWO_DAYS_AGO() });
  await sentAfter(waId, () => officers.api.act(queueNumber, 'confirm', { date: later, time: '10:00' }, officer));
  // Joined the waitlist two days ago, and silent since: the window has closed.
  await sentAfter(waId, () => server.sendMessage(waId, { text: 'MAJUKAN' }, { timestamp: TWO_DAYS_AGO() }));
  expect((await officers.api.get(queueNumber, officer)).body).toMatchObject({ waitlisted: true });

  const offered = await sentAfter(waId, () => officers.api.act(holder.queueNumber, 'cancel', { reason: 'Permintaan pemohon' }, officer));
  expect(offered).toHaveLength(1);
  const template = templateOf(offered[0]);
  expect(template).toEqual({
    name: 'jadwal_lebih_awal_tersedia',
    body: [queueNumber, expect.any(String), formatDayDate(earlier), '10.00 WIB', formatDayDate(later)],
    payloads: [`ambil:${queueNumber}:${earlier}`],
  });

  const [moved, ...rest] = await sentAfter(waId, () => server.sendMessage(waId, { button: { payload: template.payloads[0] ?? '', text: 'Ambil' } }));
  expect(rest).toEqual([]);
  const proof = proofMessage(moved);
  expect(proof.text).toContain(`📅 Jadwal Lama: ${formatDayDate(later)}`);
  expect(proof.text).toContain(`📅 Jadwal Baru: ${formatDayDate(earlier)}`);
  await expectPdf(proof.link);
  expect((await officers.api.get(queueNumber, officer)).body).toMatchObject({ appointmentDate: earlier, waitlisted: false, rescheduled: false });
  expect((await officers.api.getDay(earlier)).body).toMatchObject({ booked: 1, capacity: 1 });
});
