/**
 * Faults: the fake Graph API fails 30% of sends (500 and code 1/131000, 429-style 130429/80007, and
 * requests it never answers) while DynamoDB Local is cut off for two seconds behind a proxy. Every reply
 * still reaches its applicant exactly once and in order; retries are bounded by the queue's receive count;
 * what can never be delivered ends in the dead-letter file, and Meta's permanent refusals are recorded.
 *
 * The outage can fall between a send Meta took and the write that marks it sent (issue 14: a greeting of
 * three messages instead of two, now and then). As in production, Meta's status webhooks come (the fake
 * Graph API posts them), and the retry settles such a send from its status instead of sending it again.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { GraphError } from '../../local/fake-graph-api';
import { documentClient } from '../../lambdas/adapters/dynamodb-client';
import { messages } from '../../lambdas/domain/texts';
import { consentTexts } from '../../lambdas/domain/texts/consent-and-corrections';
import { adminSession } from '../support/admin-client';
import { startFlakyProxy, type FlakyProxy } from '../support/flaky-proxy';
import { newWaId, registerApplicant } from '../support/journey';
import { workingDay } from '../support/officer-api';
import { testOffice } from '../support/office';
import { tallyFor } from '../support/tally';
import { startTestServer, textOf, waitFor, type TestServer } from '../support/test-server';

const tally = tallyFor(__filename);
jest.setTimeout(180_000);

let proxy: FlakyProxy;
let server: TestServer;

beforeAll(async () => {
  proxy = await startFlakyProxy(process.env.DYNAMODB_ENDPOINT ?? '');
  server = await startTestServer({ DYNAMODB_ENDPOINT: proxy.endpoint, SIM_STATUS_WEBHOOKS: 'true' });
});
afterAll(async () => {
  await server?.cleanUp();
  await proxy?.close();
});

/** A small seeded generator, so a failing run can be repeated. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const TRANSIENT: readonly GraphError[] = [
  { httpStatus: 500, code: 1, message: 'An unknown error occurred' },
  { httpStatus: 500, code: 131000, message: 'Something went wrong' },
  { httpStatus: 429, code: 130429, message: '(#130429) Rate limit hit' },
  { httpStatus: 429, code: 80007, message: 'Rate limit issues' },
];

it('delivers every reply exactly once, in order, through 30% failed sends and a DynamoDB outage', async () => {
  const next = random(20_260_512);
  const attempts = new Map<string, number>();
  const injectedTo = new Map<string, number>();
  const failedInARow = new Map<string, number>();
  let injected = 0;
  let timeouts = 0;
  /**
   * 30% of sends fail. Each event has five receives (SQS's maxReceiveCount, the local queue's too), so an
   * event is never failed five times in all: during the outage (which may cost a greeting three receives)
   * a recipient's sends fail at most once; afterwards at most three times in a row.
   */
  let outagePhase = true;
  server.fakeGraph.scriptFailures((request) => {
    if (request.kind !== 'message' || !request.to) return undefined;
    attempts.set(request.to, (attempts.get(request.to) ?? 0) + 1);
    const allowed = outagePhase ? (injectedTo.get(request.to) ?? 0) < 1 : (failedInARow.get(request.to) ?? 0) < 3;
    if (next() >= 0.3 || !allowed) {
      failedInARow.set(request.to, 0);
      return undefined;
    }
    failedInARow.set(request.to, (failedInARow.get(request.to) ?? 0) + 1);
    injectedTo.set(request.to, (injectedTo.get(request.to) ?? 0) + 1);
    injected += 1;
    if (!outagePhase && timeouts < 2 && next() < 0.2) {
      timeouts += 1;
      return 'timeout';
    }
    return TRANSIENT[Math.floor(next() * TRANSIENT.length)];
  });

  const applicants = Array.from({ length: 20 }, () => newWaId());
  const greeted = applicants.map((waId) => server.sendMessage(waId, { text: 'Assalamualaikum' }));
  // DynamoDB goes away while the greetings are being handled, and comes back two seconds later.
  await new Promise((resolve) => setTimeout(resolve, 100));
  proxy.down();
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  proxy.up();
  expect((await Promise.all(greeted)).map((sent) => sent.status)).toEqual(applicants.map(() => 200));
  await server.queue.drained();
  for (const waId of applicants) {
    const held = server.fakeGraph.sentTo(waId).length === 2;
    tally.check('faults', 'greeting answered (menu + list) despite the outage', held);
    expect([waId, server.fakeGraph.sentTo(waId).length]).toEqual([waId, 2]);
  }
  outagePhase = false;
  await Promise.all(applicants.map((waId) => server.sendMessage(waId, { text: '1' })));
  await server.queue.drained();
  // The privacy notice came; each applicant agrees.
  await Promise.all(applicants.map((waId) => server.sendMessage(waId, { text: 'SETUJU' })));
  await server.queue.drained();
  server.fakeGraph.scriptFailures(undefined);

  const welcome = messages.welcome(testOffice());
  const notice = consentTexts.notice(testOffice());
  for (const waId of applicants) {
    const texts = server.fakeGraph.sentTo(waId).map(textOf);
    const held =
      texts.length === 4 &&
      texts[0] === welcome &&
      texts[1] === messages.menuList.body &&
      texts[2] === notice &&
      texts[3]?.includes('Anda memilih Layanan 1') === true;
    tally.check('faults', 'applicant got every reply exactly once, in order', held);
    expect([waId, texts.length, texts[0], texts[1], texts[2]]).toEqual([waId, 4, welcome, messages.menuList.body, notice]);
    expect(texts[3]).toContain('Anda memilih Layanan 1');
    // Four messages, each with at most five receives of its event.
    const bounded = (attempts.get(waId) ?? 0) <= 4 * 5;
    tally.check('faults', 'send attempts bounded (≤ 5 receives per event)', bounded);
    expect(bounded).toBe(true);
  }
  tally.add('faults', 'injected send failures recovered (500, 429-style, timeouts)', injected, injected);
  tally.add('faults', 'DynamoDB connections cut or refused, recovered', proxy.refused, proxy.refused);
  expect(injected).toBeGreaterThan(10);
  expect(server.queue.deadLetters()).toEqual([]);
});

it('gives up on a reply that always fails after five receives, into the dead-letter file', async () => {
  const waId = newWaId();
  let tries = 0;
  server.fakeGraph.scriptFailures((request) => {
    if (request.to !== waId) return undefined;
    tries += 1;
    return { httpStatus: 500, code: 131000, message: 'Something went wrong' };
  });
  try {
    const { id } = await server.sendMessage(waId, { text: 'halo' });
    await waitFor(
      () => (server.queue.deadLetters().some((dead) => dead.groupId === waId) ? true : undefined),
      60_000,
      () => `no dead letter for ${waId} after ${tries} tries`,
    );
    const dead = server.queue.deadLetters().filter((letter) => letter.groupId === waId);
    const held = dead.length === 1 && JSON.parse(dead[0]?.body ?? '{}').eventId === id && tries === 5;
    tally.check('faults', 'undeliverable reply in the dead-letter file after exactly 5 tries', held);
    expect({ dead: dead.length, eventId: JSON.parse(dead[0]?.body ?? '{}').eventId, tries }).toEqual({ dead: 1, eventId: id, tries: 5 });
  } finally {
    server.fakeGraph.scriptFailures(undefined);
  }
  // The applicant's stream is not blocked: the next message is answered.
  const before = server.fakeGraph.sentTo(waId).length;
  await server.sendMessage(waId, { text: 'MENU' });
  await server.waitForSent(waId, before + 2);
});

it("records a permanent refusal of an officer's notification (131026) instead of retrying it", async () => {
  const { waId, queueNumber } = await registerApplicant(server);
  let tries = 0;
  server.fakeGraph.scriptFailures((request) => {
    if (request.to !== waId) return undefined;
    tries += 1;
    return { httpStatus: 400, code: 131026, message: 'Message undeliverable' };
  });
  try {
    const admin = await adminSession(server);
    const confirmed = await admin.request('POST', `/admin/api/registrations/${queueNumber}/confirm`.replace('/admin', ''), {
      body: { date: workingDay(3), time: '09:00' },
    });
    expect(confirmed.status).toBe(200);
    await server.queue.drained();
  } finally {
    server.fakeGraph.scriptFailures(undefined);
  }
  const client = documentClient({ endpoint: server.dynamoEndpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
  try {
    const failed = await client.send(
      new QueryCommand({ TableName: server.config.TABLE_NAME, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'FAILED_SENDS' } }),
    );
    const mine = (failed.Items ?? []).filter((item) => item.queueNumber === queueNumber);
    const held = tries === 1 && mine.length === 1 && mine[0]?.code === 131026;
    tally.check('faults', 'permanent refusal (131026) recorded once, not retried', held);
    expect({ tries, recorded: mine.map((item) => item.code) }).toEqual({ tries: 1, recorded: [131026] });
  } finally {
    client.destroy();
  }
  expect(server.queue.deadLetters().filter((letter) => letter.groupId === waId)).toEqual([]);
});

it("shows what could not be delivered (the dead-lettered reply, the refused confirmation) on the admin page's failed sends list", async () => {
  const admin = await adminSession(server);
  const api = await admin.request('GET', '/api/failed-sends');
  expect(api.status).toBe(200);
  const failures = api.body as { reason: string; kind: string; code: number; waId?: string; queueNumber?: string }[];
  const gaveUp = failures.filter((failure) => failure.reason === 'gave-up' && failure.kind === 'reply');
  const refused = failures.filter((failure) => failure.reason === 'refused' && failure.code === 131026 && failure.queueNumber);
  const held = gaveUp.length === 1 && refused.length === 1;
  tally.check('faults', 'dead letter and permanent refusal listed for officers on the admin page', held);
  expect({ gaveUp: gaveUp.length, refused: refused.length }).toEqual({ gaveUp: 1, refused: 1 });
  const page = await admin.request('GET', '/failed-sends');
  expect(page.status).toBe(200);
  expect(String(page.body)).toContain('Gagal setelah dicoba berulang kali');
  expect(String(page.body)).toContain('Ditolak WhatsApp');
  expect(String(page.body)).toContain(`+${gaveUp[0]?.waId ?? ''}`);
});
