/**
 * Issue 6 (part): messages the system starts reach the applicant whether or not the 24-hour window is
 * open: free-form inside it, the approved template outside it, and the template when Meta answers 131047.
 */
import type { Officer } from '../../lambdas/admin/officer-api';
import { registerApplicant } from '../support/journey';
import { ADVANCE_BUTTONS, isProofMessage, proofMessage } from '../support/proof-message';
import { officerApi, workingDay } from '../support/officer-api';
import { startTestServer, type TestServer } from '../support/test-server';

const officer: Officer = { username: 'petugas1', role: 'petugas' };
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

async function nextMessage(waId: string, before: number) {
  const sent = await server.waitForSent(waId, before + 1);
  return sent[before];
}

it('sends the confirmation as the jadwal_dikonfirmasi template, PDF in the header, when the window has closed', async () => {
  const { waId, queueNumber } = await registerApplicant(server, { sentAt: TWO_DAYS_AGO() });
  const before = server.fakeGraph.sentTo(waId).length;
  await officers.api.act(queueNumber, 'confirm', { date: workingDay(2), time: '09:00' }, officer);
  const message = await nextMessage(waId, before);
  expect(message?.type).toBe('template');
  const template = (message?.payload as { template: { name: string; components: { type: string; parameters: { type: string; text?: string }[] }[] } }).template;
  expect(template.name).toBe('jadwal_dikonfirmasi');
  expect(template.components.find((component) => component.type === 'header')?.parameters[0]?.type).toBe('document');
  expect(template.components.find((component) => component.type === 'body')?.parameters.map((p) => p.text)).toContain(queueNumber);
  // Its one quick reply *Majukan jadwal* carries the word MAJUKAN: tapping it joins the waitlist.
  expect(template.components.filter((component) => component.type === 'button')).toEqual([
    { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'MAJUKAN' }] },
  ]);
  const beforeTap = server.fakeGraph.sentTo(waId).length;
  await server.sendMessage(waId, { button: { payload: 'MAJUKAN', text: 'Majukan jadwal' } });
  const joined = await nextMessage(waId, beforeTap);
  expect((joined?.payload as { text: { body: string } }).text.body).toContain(`Nomor Antrian ${queueNumber} masuk daftar tunggu jadwal lebih awal`);
  expect((await officers.api.get(queueNumber, officer)).body).toMatchObject({ waitlisted: true });
});

it('sends the confirmation free-form inside the window, and as the template when Meta answers 131047 anyway', async () => {
  const { waId, queueNumber } = await registerApplicant(server);
  server.fakeGraph.scriptFailures((request) =>
    request.to === waId && isProofMessage(request) ? { httpStatus: 400, code: 131047, message: 'Re-engagement message' } : undefined,
  );
  try {
    const before = server.fakeGraph.sentTo(waId).length;
    await officers.api.act(queueNumber, 'confirm', { date: workingDay(2), time: '10:00' }, officer);
    const message = await nextMessage(waId, before);
    expect(message?.type).toBe('template');
    expect((message?.payload as { template: { name: string } }).template.name).toBe('jadwal_dikonfirmasi');
    await server.queue.drained();
    expect(server.fakeGraph.sentTo(waId)).toHaveLength(before + 1);
  } finally {
    server.fakeGraph.scriptFailures(undefined);
  }
});

it('reminds outside the window with the pengingat_kedatangan template and its three quick replies', async () => {
  const { waId, queueNumber } = await registerApplicant(server, { sentAt: TWO_DAYS_AGO() });
  const date = workingDay(3);
  await officers.api.act(queueNumber, 'confirm', { date, time: '09:00' }, officer);
  const before = server.fakeGraph.sentTo(waId).length + 1;
  await server.waitForSent(waId, before);
  const dayBefore = new Date(`${date}T00:00:00Z`);
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
  await fetch(`${server.url}/_local/jobs/reminders?date=${dayBefore.toISOString().slice(0, 10)}`, { method: 'POST' });
  const reminder = await nextMessage(waId, before);
  const template = (reminder?.payload as { template: { name: string; components: { type: string; sub_type?: string; parameters: { payload?: string }[] }[] } })
    .template;
  expect(template.name).toBe('pengingat_kedatangan');
  expect(template.components.filter((component) => component.type === 'button').map((component) => component.parameters[0]?.payload)).toEqual([
    `datang:${queueNumber}`,
    `ubah:${queueNumber}`,
    `batal:${queueNumber}`,
  ]);
});

it("answers the reminder's quick replies: Datang thanks, Ubah jadwal shows the stage 6 rules, Batal asks once then cancels", async () => {
  const { waId, queueNumber } = await registerApplicant(server);
  await officers.api.act(queueNumber, 'confirm', { date: workingDay(2), time: '09:00' }, officer);
  await server.queue.drained();
  const tap = async (payload: string, text: string) => {
    const before = server.fakeGraph.sentTo(waId).length;
    await server.sendMessage(waId, { button: { payload, text } });
    const message = await nextMessage(waId, before);
    return (message?.payload as { text: { body: string } }).text.body;
  };
  expect(await tap(`datang:${queueNumber}`, 'Datang')).toContain(`Nomor Antrian ${queueNumber} kami tunggu`);
  expect(await tap(`ubah:${queueNumber}`, 'Ubah jadwal')).toContain('Berikut Ketentuan Perubahan Jadwal');
  expect(await tap(`batal:${queueNumber}`, 'Batal')).toContain(`Batalkan pendaftaran Nomor Antrian ${queueNumber}`);
  await server.sendMessage(waId, { text: 'YA' });
  await server.queue.drained();
  expect((await officers.api.get(queueNumber, officer)).body).toMatchObject({ status: 'DIBATALKAN' });
});

it('re-sends a confirmation as the template, once, when a failed status with 131047 arrives later', async () => {
  const { statusEnvelope, signedRequest } = await import('../../local/meta-envelope');
  const { waId, queueNumber } = await registerApplicant(server);
  const before = server.fakeGraph.sentTo(waId).length;
  await officers.api.act(queueNumber, 'confirm', { date: workingDay(2), time: '11:00' }, officer);
  const freeForm = await nextMessage(waId, before);
  expect(proofMessage(freeForm)).toMatchObject({ shape: 'document-with-buttons', buttons: ADVANCE_BUTTONS });
  await server.queue.drained();
  for (let delivery = 0; delivery < 2; delivery += 1) {
    const { payload, signature } = signedRequest(
      statusEnvelope(server.config.WHATSAPP_PHONE_NUMBER_ID, waId, freeForm!.id, 'failed', 131047),
      server.secrets.WHATSAPP_APP_SECRET,
    );
    expect((await server.postWebhook(payload, signature)).status).toBe(200);
    await server.queue.drained();
  }
  const after = server.fakeGraph.sentTo(waId).slice(before + 1);
  expect(after.map((message) => (message.payload as { template?: { name: string } }).template?.name)).toEqual(['jadwal_dikonfirmasi']);
});
