/**
 * Issue 6: messages the system starts reach the applicant exactly once through Meta's transient errors
 * (130429, 131056, 500, timeouts), and what can never be sent is listed for officers to follow up by
 * phone: refused for good, failed after sending, or given up after every retry (then replayed).
 */
import type { Officer } from '../../lambdas/admin/officer-api';
import type { GraphError } from '../../local/fake-graph-api';
import { signedRequest, statusEnvelope } from '../../local/meta-envelope';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../lambdas/adapters/dynamodb-client';
import { DynamoDbDeliveryStore } from '../../lambdas/adapters/dynamodb-delivery-store';
import { keys } from '../../lambdas/adapters/table-design';
import { addDays } from '../../lambdas/domain/calendar';
import { registerApplicant } from '../support/journey';
import { officerApi, workingDay } from '../support/officer-api';
import { tallyFor } from '../support/tally';
import { startTestServer, waitFor, type TestServer } from '../support/test-server';
import { isProofMessage, proofMessage } from '../support/proof-message';

const tally = tallyFor(__filename);

const officer: Officer = { username: 'petugas1', role: 'petugas' };
const TWO_DAYS_AGO = () => new Date(Date.now() - 2 * 24 * 3600_000);
let server: TestServer;
let officers: ReturnType<typeof officerApi>;

beforeAll(async () => {
  server = await startTestServer({
    // Meta's delays (1 s, 4 s, 16 s…) shrunk a hundredfold, and a quick timeout for Graph calls.
    QUEUE_RETRY_SCALE: '0.01',
    QUEUE_RETRY_MAX_MS: '1000',
    WHATSAPP_TIMEOUT_MS: '300',
  });
  officers = officerApi(server);
});
afterAll(async () => {
  server.fakeGraph.scriptFailures(undefined);
  officers.close();
  await server.cleanUp();
});
afterEach(() => server.fakeGraph.scriptFailures(undefined));

type Payload = { template?: { name: string }; text?: { body: string }; interactive?: { body?: { text: string } } };

/** What kind of system-started message this is, whatever its form (free-form or template). */
function kindOf(message: { type: string; payload: Record<string, unknown> }): 'confirmation' | 'reminder' | 'other' {
  const payload = message.payload as Payload;
  if (payload.template?.name === 'jadwal_dikonfirmasi' || (isProofMessage(message) && proofMessage(message).filename.startsWith('bukti-antrian')))
    return 'confirmation';
  if (
    payload.template?.name === 'pengingat_kedatangan' ||
    // Inside the window the reminder is the same text with the reply buttons Datang / Ubah jadwal / Batal.
    ((message.type === 'text' || message.type === 'interactive') &&
      /besok/i.test(payload.text?.body ?? payload.interactive?.body?.text ?? '') &&
      /Pengingat|PENGINGAT/.test(payload.text?.body ?? payload.interactive?.body?.text ?? ''))
  ) {
    return 'reminder';
  }
  return 'other';
}

const TRANSIENT: readonly (GraphError | 'timeout')[] = [
  { httpStatus: 400, code: 130429, message: '(#130429) Rate limit hit' },
  { httpStatus: 400, code: 131056, message: '(#131056) (Business Account, Consumer Account) pair rate limit hit' },
  { httpStatus: 500, code: 1, message: 'An unknown error occurred' },
  { httpStatus: 503, code: 0, message: 'Service temporarily unavailable' },
  'timeout',
];

it('delivers every confirmation and reminder exactly once while Meta fails a third of the sends with transient errors', async () => {
  const applicants: Awaited<ReturnType<typeof registerApplicant>>[] = [];
  for (let index = 0; index < 6; index += 1) {
    // Half of them wrote more than 24 hours ago: their messages go as templates.
    applicants.push(await registerApplicant(server, index % 2 === 0 ? { sentAt: TWO_DAYS_AGO() } : {}));
  }
  const dates = [workingDay(2), workingDay(3)];
  const sentBefore = new Map(applicants.map(({ waId }) => [waId, server.fakeGraph.sentTo(waId).length]));

  // Deterministic "random": about a third of the message sends fail, never more than twice in a row
  // for one applicant, so every message succeeds within the queue's five attempts.
  let call = 0;
  const failedInARow = new Map<string, number>();
  const failures = new Map<string, number>();
  server.fakeGraph.scriptFailures((request) => {
    if (request.kind !== 'message' || !request.to || !sentBefore.has(request.to)) return undefined;
    call += 1;
    const streak = failedInARow.get(request.to) ?? 0;
    if (call % 3 !== 0 || streak >= 2) {
      failedInARow.set(request.to, 0);
      return undefined;
    }
    failedInARow.set(request.to, streak + 1);
    const failure = TRANSIENT[(call / 3) % TRANSIENT.length] ?? 'timeout';
    const label = failure === 'timeout' ? 'timeout' : String(failure.code);
    failures.set(label, (failures.get(label) ?? 0) + 1);
    return failure;
  });

  for (const [index, { queueNumber }] of applicants.entries()) {
    const outcome = await officers.api.act(queueNumber, 'confirm', { date: dates[index % 2] ?? '', time: '09:00' }, officer);
    expect(outcome.status).toBe(200);
  }
  await server.queue.drained();
  for (const date of dates) {
    const response = await fetch(`${server.url}/_local/jobs/reminders?date=${addDays(date, -1)}`, { method: 'POST' });
    expect(response.status).toBe(200);
  }
  await server.queue.drained();

  const delivered = { confirmations: 0, reminders: 0, templates: 0 };
  for (const [index, { waId }] of applicants.entries()) {
    const sent = server.fakeGraph.sentTo(waId).slice(sentBefore.get(waId));
    const kinds = sent.map(kindOf);
    tally.check(
      'faults',
      "confirmation and reminder delivered exactly once through Meta's transient errors (130429, 131056, 1, 503, timeouts)",
      kinds.filter((kind) => kind === 'confirmation').length === 1 && kinds.filter((kind) => kind === 'reminder').length === 1,
    );
    expect({
      waId,
      confirmations: kinds.filter((kind) => kind === 'confirmation').length,
      reminders: kinds.filter((kind) => kind === 'reminder').length,
    }).toEqual({
      waId,
      confirmations: 1,
      reminders: 1,
    });
    const templates = sent.filter((message) => message.type === 'template').length;
    // Outside the window both go as templates; inside, both free-form.
    expect(templates).toBe(index % 2 === 0 ? 2 : 0);
    delivered.confirmations += 1;
    delivered.reminders += 1;
    delivered.templates += templates;
  }
  // Every kind of transient failure really happened, and none left anything for officers to chase.
  expect([...failures.keys()].sort()).toEqual(['0', '1', '130429', '131056', 'timeout']);
  expect(server.queue.deadLetters()).toEqual([]);
  const listed = (await officers.api.failedSends()).body as { queueNumber?: string }[];
  expect(listed.filter((failure) => applicants.some((applicant) => applicant.queueNumber === failure.queueNumber))).toEqual([]);
  process.stdout.write(`send failures: ${JSON.stringify(Object.fromEntries(failures))} → delivered ${JSON.stringify(delivered)}, each exactly once\n`);
});

it('lists a confirmation Meta refuses for good (131026) for officers, with the number to call, and does not retry it', async () => {
  const { waId, queueNumber, person } = await registerApplicant(server);
  let attempts = 0;
  server.fakeGraph.scriptFailures((request) => {
    if (request.to !== waId || request.kind !== 'message') return undefined;
    attempts += 1;
    return { httpStatus: 400, code: 131026, message: 'Message undeliverable' };
  });
  await officers.api.act(queueNumber, 'confirm', { date: workingDay(2), time: '10:00' }, officer);
  await server.queue.drained();
  expect(attempts).toBe(1);
  const listed = (await officers.api.failedSends()).body as Record<string, unknown>[];
  expect(listed.find((failure) => failure.queueNumber === queueNumber)).toMatchObject({
    reason: 'refused',
    code: 131026,
    what: 'Konfirmasi jadwal + PDF',
    name: person.name,
    kind: 'confirmed',
  });
  const summary = (await officers.api.summary()).body as { recentFailedSends: number };
  expect(summary.recentFailedSends).toBeGreaterThanOrEqual(1);
});

it('lists a reminder Meta accepted and later reported failed, once however often the status comes', async () => {
  const { waId, queueNumber } = await registerApplicant(server);
  const date = workingDay(4);
  await officers.api.act(queueNumber, 'confirm', { date, time: '13:00' }, officer);
  await server.queue.drained();
  await fetch(`${server.url}/_local/jobs/reminders?date=${addDays(date, -1)}`, { method: 'POST' });
  await server.queue.drained();
  const reminder = server.fakeGraph.sentTo(waId).find((message) => kindOf(message) === 'reminder');
  expect(reminder).toBeDefined();
  for (let delivery = 0; delivery < 2; delivery += 1) {
    const { payload, signature } = signedRequest(
      statusEnvelope(server.config.WHATSAPP_PHONE_NUMBER_ID, waId, reminder?.id ?? '', 'failed', 131049),
      server.secrets.WHATSAPP_APP_SECRET,
    );
    expect((await server.postWebhook(payload, signature)).status).toBe(200);
    await server.queue.drained();
  }
  const listed = ((await officers.api.failedSends()).body as Record<string, unknown>[]).filter((failure) => failure.queueNumber === queueNumber);
  expect(listed).toEqual([expect.objectContaining({ reason: 'failed-after-sending', code: 131049, kind: 'reminder' })]);
});

it("gives up after the last attempt: the notification goes to the dead-letter queue and the officers' list, and a replay delivers it once", async () => {
  const { waId, queueNumber } = await registerApplicant(server);
  const before = server.fakeGraph.sentTo(waId).length;
  let attempts = 0;
  server.fakeGraph.scriptFailures((request) => {
    if (request.to !== waId || request.kind !== 'message') return undefined;
    attempts += 1;
    return { httpStatus: 500, code: 2, message: 'Service temporarily unavailable' };
  });
  await officers.api.act(queueNumber, 'confirm', { date: workingDay(2), time: '14:00' }, officer);
  await server.queue.drained();
  // Bounded: the local queue's five attempts, then the dead-letter file.
  expect(attempts).toBe(5);
  expect(server.queue.deadLetters().map((letter) => JSON.parse(letter.body).queueNumber)).toContain(queueNumber);
  const listed = ((await officers.api.failedSends()).body as Record<string, unknown>[]).filter((failure) => failure.queueNumber === queueNumber);
  expect(listed).toEqual([expect.objectContaining({ reason: 'gave-up', code: 2, kind: 'confirmed' })]);

  server.fakeGraph.scriptFailures(undefined);
  const replay = await fetch(`${server.url}/_local/jobs/replay-dead-letters`, { method: 'POST' });
  expect(await replay.json()).toEqual({ replayed: 1 });
  await server.queue.drained();
  await waitFor(
    () => (server.fakeGraph.sentTo(waId).length > before ? true : undefined),
    10_000,
    () => 'the replayed confirmation',
  );
  expect(server.fakeGraph.sentTo(waId).slice(before).map(kindOf)).toEqual(['confirmation']);
  expect(server.queue.deadLetters()).toEqual([]);
});

describe("Meta's messaging limit (250 people a day outside their window for a new account)", () => {
  it('reminds whoever the tier allows, earliest appointment first, and lists the rest for officers to call, once', async () => {
    const date = workingDay(5);
    const closed: Awaited<ReturnType<typeof registerApplicant>>[] = [];
    for (const time of ['08:00', '09:00', '10:00']) {
      const applicant = await registerApplicant(server, { sentAt: TWO_DAYS_AGO() });
      await officers.api.act(applicant.queueNumber, 'confirm', { date, time }, officer);
      closed.push(applicant);
    }
    const open = await registerApplicant(server);
    await officers.api.act(open.queueNumber, 'confirm', { date, time: '11:00' }, officer);
    await server.queue.drained();

    // Earlier template sends today leave room for exactly one more person outside their window.
    const client = documentClient({ endpoint: server.dynamoEndpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
    const deliveries = new DynamoDbDeliveryStore(client, server.config.TABLE_NAME);
    const sentSoFar = await deliveries.templateSendsInLast24Hours(new Date());
    expect(sentSoFar).toBeGreaterThanOrEqual(3);
    await client.send(
      new UpdateCommand({
        TableName: server.config.TABLE_NAME,
        Key: keys.outreachHour(new Date().toISOString().slice(0, 13)),
        UpdateExpression: 'ADD sends :n',
        ExpressionAttributeValues: { ':n': 250 - sentSoFar - 1 },
      }),
    );

    const before = new Map([...closed, open].map(({ waId }) => [waId, server.fakeGraph.sentTo(waId).length]));
    for (let run = 0; run < 2; run += 1) {
      const response = await fetch(`${server.url}/_local/jobs/reminders?date=${addDays(date, -1)}`, { method: 'POST' });
      expect(await response.json()).toMatchObject({ queued: 2, heldBack: 2 });
      await server.queue.drained();
    }
    const reminded = (waId: string) =>
      server.fakeGraph
        .sentTo(waId)
        .slice(before.get(waId))
        .filter((message) => kindOf(message) === 'reminder').length;
    const remindedPerApplicant = [...closed, open].map(({ waId }) => reminded(waId));
    tally.check(
      'faults',
      'messaging limit: reminders within the tier sent once, the rest held back and listed (two runs)',
      remindedPerApplicant.join() === '1,0,0,1',
    );
    expect(remindedPerApplicant).toEqual([1, 0, 0, 1]);

    const listed = ((await officers.api.failedSends()).body as Record<string, unknown>[]).filter((failure) => failure.reason === 'messaging-limit');
    expect(listed.map((failure) => failure.queueNumber).sort()).toEqual([closed[1]?.queueNumber, closed[2]?.queueNumber].sort());
    expect(listed[0]).toMatchObject({ kind: 'reminder', what: 'Pengingat H-1' });
    client.destroy();
  });
});
