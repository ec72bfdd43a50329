/**
 * Issue 14: the fault exactly where it hurts, between a send Meta took and the record that says so.
 * Either the write that marks the outbox entry sent fails (DynamoDB's own 500, on the wire, for the chosen
 * entry only), or Meta takes the message and the answer never reaches the worker (a cut connection, a
 * timeout). The fake Graph API posts Meta's `sent` status webhook with the outbox id, as Meta does. Each
 * reply (text, several parts, the PDF proof, the reminder, a template fallback) reaches the applicant
 * once, in order, and the conversation goes on as if nothing had happened.
 */
import type { Officer } from '../../lambdas/admin/officer-api';
import { messages } from '../../lambdas/domain/texts';
import { consentTexts } from '../../lambdas/domain/texts/consent-and-corrections';
import type { SentMessage } from '../../local/fake-graph-api';
import { signedRequest, statusEnvelope } from '../../local/meta-envelope';
import { outboxEntryMarkedSent, startDynamoFaultProxy, type DynamoFaultProxy } from '../support/dynamo-fault-proxy';
import { newWaId, registerApplicant, say, sayOnly, uploadDocuments } from '../support/journey';
import { officerApi, workingDay } from '../support/officer-api';
import { testOffice } from '../support/office';
import { tallyFor } from '../support/tally';
import { startTestServer, textOf, type TestServer } from '../support/test-server';
import { ADVANCE_BUTTONS, isProofMessage, proofMessage } from '../support/proof-message';

const tally = tallyFor(__filename);
jest.setTimeout(120_000);

const officer: Officer = { username: 'petugas1', role: 'petugas' };
/** The DynamoDB client tries a call four times (its default): failing four in a row fails the worker's attempt. */
const SDK_ATTEMPTS = 4;

let dynamo: DynamoFaultProxy;
let server: TestServer;
let officers: ReturnType<typeof officerApi>;

beforeAll(async () => {
  dynamo = await startDynamoFaultProxy(process.env.DYNAMODB_ENDPOINT ?? '');
  server = await startTestServer({
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    SIM_STATUS_WEBHOOKS: 'true',
    // The wait before an unsettled send may go again: 30 s in AWS, 6 s here.
    QUEUE_RETRY_SCALE: '0.2',
    WHATSAPP_TIMEOUT_MS: '1000',
  });
  officers = officerApi(server);
});
afterAll(async () => {
  officers?.close();
  await server?.cleanUp();
  await dynamo?.close();
});
afterEach(() => {
  dynamo.failWhen(undefined);
  server.fakeGraph.scriptFailures(undefined);
});

/** The mark of each chosen outbox entry fails (every SDK attempt) the first time it is written. */
function failMarkOf(chosen: (outboxId: string) => boolean): { readonly entries: Set<string> } {
  const failures = new Map<string, number>();
  const entries = new Set<string>();
  dynamo.failWhen((call) => {
    const outboxId = outboxEntryMarkedSent(call);
    if (!outboxId || !chosen(outboxId)) return false;
    const count = failures.get(outboxId) ?? 0;
    if (count >= SDK_ATTEMPTS) return false;
    failures.set(outboxId, count + 1);
    entries.add(outboxId);
    return true;
  });
  return { entries };
}

/** Meta takes the chosen messages and the answer is lost (once per outbox entry). */
function loseAnswerOf(chosen: (outboxId: string) => boolean, how: 'cut' | 'timeout'): { readonly entries: Set<string> } {
  const entries = new Set<string>();
  server.fakeGraph.scriptFailures((request) => {
    if (request.kind !== 'message' || !request.callbackData || !chosen(request.callbackData) || entries.has(request.callbackData)) return undefined;
    entries.add(request.callbackData);
    return { afterAccepting: how };
  });
  return { entries };
}

function describeAll(sent: readonly SentMessage[]): string[] {
  return sent.map((message) => {
    const template = (message.payload as { template?: { name: string } }).template;
    if (template) return `template:${template.name}`;
    if (isProofMessage(message)) return `document:${proofMessage(message).filename}`;
    return textOf(message).slice(0, 40);
  });
}

function record(what: string, held: boolean): void {
  tally.check('faults', what, held);
}

it('sends a text reply once when the mark that it was sent fails, and the conversation goes on', async () => {
  const waId = newWaId();
  await say(server, waId, 'Assalamualaikum', 2);
  await sayOnly(server, waId, '1'); // the privacy notice
  const id = `wamid.SENDTHENFAIL${Date.now()}`;
  const injected = failMarkOf((outboxId) => outboxId.startsWith(`${id}#`));
  const { status } = await server.sendMessage(waId, { text: 'SETUJU' }, { id });
  expect(status).toBe(200);
  await server.queue.drained();
  expect([...injected.entries]).toEqual([`${id}#0`]);

  const texts = server.fakeGraph.sentTo(waId).map(textOf);
  const once = texts.length === 4 && texts[3]?.includes('Anda memilih Layanan 1') === true;
  record('send-then-fail: text reply reached the applicant once', once);
  expect(texts.slice(0, 3)).toEqual([messages.welcome(testOffice()), messages.menuList.body, consentTexts.notice(testOffice())]);
  expect(texts).toHaveLength(4);
  // The conversation continues from the requirement list: documents, SELESAI, the registration line.
  await uploadDocuments(server, texts[3] ?? '');
  const [instruction] = await say(server, waId, 'SELESAI', 1);
  expect(instruction).toBe(messages.registrationInstruction());
  await server.queue.drained();
  expect(server.fakeGraph.sentTo(waId)).toHaveLength(5);
});

it("sends a reply of several parts once each, in order, when the first part's answer is lost and the second part's mark fails", async () => {
  const waId = newWaId();
  const id = `wamid.SENDTHENFAILMULTI${Date.now()}`;
  const lost = loseAnswerOf((outboxId) => outboxId === `${id}#0`, 'cut');
  const injected = failMarkOf((outboxId) => outboxId === `${id}#1`);
  const { status } = await server.sendMessage(waId, { text: 'Assalamualaikum' }, { id });
  expect(status).toBe(200);
  await server.queue.drained();
  expect([...lost.entries, ...injected.entries]).toEqual([`${id}#0`, `${id}#1`]);

  const texts = server.fakeGraph.sentTo(waId).map(textOf);
  const once = texts.length === 2 && texts[0] === messages.welcome(testOffice()) && texts[1] === messages.menuList.body;
  record('send-then-fail: reply of several parts reached the applicant once each, in order', once);
  expect(texts).toEqual([messages.welcome(testOffice()), messages.menuList.body]);
  const [requirements] = await say(server, waId, '1', 1);
  expect(requirements).toContain('Anda memilih Layanan 1');
  await server.queue.drained();
  // The greeting's two parts, the privacy notice, the requirement list.
  expect(server.fakeGraph.sentTo(waId)).toHaveLength(4);
});

it("sends the PDF proof once when the mark after the officer's confirmation fails, and STATUS answers after it", async () => {
  const { waId, queueNumber } = await registerApplicant(server);
  const before = server.fakeGraph.sentTo(waId).length;
  const injected = failMarkOf((outboxId) => outboxId.startsWith(`notify:${queueNumber}:`));
  await officers.api.act(queueNumber, 'confirm', { date: workingDay(2), time: '09:00' }, officer);
  await server.queue.drained();
  expect(injected.entries.size).toBe(1);

  const after = describeAll(server.fakeGraph.sentTo(waId).slice(before));
  const once = after.length === 1 && after[0]?.startsWith('document:') === true;
  record('send-then-fail: PDF proof reached the applicant once', once);
  expect(after).toHaveLength(1);
  expect(after[0]).toMatch(/^document:.*\.pdf$/);
  const [status] = await say(server, waId, 'STATUS', 1);
  expect(status).toContain(queueNumber);
  expect(status).toContain('Jadwal kedatangan sudah dikonfirmasi');
  await server.queue.drained();
  expect(server.fakeGraph.sentTo(waId)).toHaveLength(before + 2);
});

it('sends the reminder once when Meta takes it and the answer times out, and its Datang button is answered', async () => {
  const { waId, queueNumber } = await registerApplicant(server);
  const date = workingDay(3);
  await officers.api.act(queueNumber, 'confirm', { date, time: '10:00' }, officer);
  await server.queue.drained();
  const before = server.fakeGraph.sentTo(waId).length;
  const lost = loseAnswerOf((outboxId) => outboxId.startsWith(`reminder:${queueNumber}:`), 'timeout');
  const dayBefore = new Date(`${date}T00:00:00Z`);
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
  const run = await fetch(`${server.url}/_local/jobs/reminders?date=${dayBefore.toISOString().slice(0, 10)}`, { method: 'POST' });
  expect(run.status).toBe(200);
  await server.queue.drained();
  expect(lost.entries.size).toBe(1);

  const after = server.fakeGraph.sentTo(waId).slice(before);
  const once = after.length === 1 && textOf(after[0]).includes(queueNumber);
  record('send-then-fail: reminder reached the applicant once', once);
  expect(after).toHaveLength(1);
  expect(textOf(after[0])).toContain(queueNumber);
  const answer = await server.sendMessage(waId, { button: { payload: `datang:${queueNumber}`, text: 'Datang' } });
  expect(answer.status).toBe(200);
  const [thanks] = (await server.waitForSent(waId, before + 2)).slice(before + 1).map(textOf);
  expect(thanks).toContain(`Nomor Antrian ${queueNumber} kami tunggu`);
  await server.queue.drained();
  expect(server.fakeGraph.sentTo(waId)).toHaveLength(before + 2);
});

it('sends the template fallback once when Meta answers 131047, then takes the template and the answer is lost', async () => {
  const { waId, queueNumber } = await registerApplicant(server);
  const before = server.fakeGraph.sentTo(waId).length;
  const templates = new Set<string>();
  server.fakeGraph.scriptFailures((request) => {
    if (request.kind !== 'message' || request.to !== waId) return undefined;
    if (isProofMessage(request)) return { httpStatus: 400, code: 131047, message: 'Re-engagement message' };
    if (request.type === 'template' && request.callbackData && !templates.has(request.callbackData)) {
      templates.add(request.callbackData);
      return { afterAccepting: 'cut' };
    }
    return undefined;
  });
  await officers.api.act(queueNumber, 'confirm', { date: workingDay(2), time: '11:00' }, officer);
  await server.queue.drained();
  expect(templates.size).toBe(1);

  const after = describeAll(server.fakeGraph.sentTo(waId).slice(before));
  const once = after.length === 1 && after[0] === 'template:jadwal_dikonfirmasi';
  record('send-then-fail: template fallback (131047 at once) reached the applicant once', once);
  expect(after).toEqual(['template:jadwal_dikonfirmasi']);
  server.fakeGraph.scriptFailures(undefined);
  const [status] = await say(server, waId, 'STATUS', 1);
  expect(status).toContain(queueNumber);
  await server.queue.drained();
  expect(server.fakeGraph.sentTo(waId)).toHaveLength(before + 2);
});

it('sends the template for a confirmation Meta later reports failed (131047) once when its mark fails', async () => {
  const { waId, queueNumber } = await registerApplicant(server);
  const before = server.fakeGraph.sentTo(waId).length;
  await officers.api.act(queueNumber, 'confirm', { date: workingDay(2), time: '13:00' }, officer);
  const [freeForm] = (await server.waitForSent(waId, before + 1)).slice(before);
  expect(proofMessage(freeForm)).toMatchObject({ shape: 'document-with-buttons', buttons: ADVANCE_BUTTONS });
  await server.queue.drained();
  const injected = failMarkOf((outboxId) => outboxId.startsWith(`${freeForm?.id ?? ''}:failed#`));
  const { payload, signature } = signedRequest(
    statusEnvelope(server.config.WHATSAPP_PHONE_NUMBER_ID, waId, freeForm?.id ?? '', 'failed', 131047),
    server.secrets.WHATSAPP_APP_SECRET,
  );
  expect((await server.postWebhook(payload, signature)).status).toBe(200);
  await server.queue.drained();
  expect(injected.entries.size).toBe(1);

  const after = describeAll(server.fakeGraph.sentTo(waId).slice(before));
  const once = after.length === 2 && after[1] === 'template:jadwal_dikonfirmasi';
  record('send-then-fail: template fallback (failed status later) reached the applicant once', once);
  expect(after).toEqual([after[0], 'template:jadwal_dikonfirmasi']);
  const [status] = await say(server, waId, 'STATUS', 1);
  expect(status).toContain(queueNumber);
  await server.queue.drained();
  expect(server.fakeGraph.sentTo(waId)).toHaveLength(before + 3);
});
