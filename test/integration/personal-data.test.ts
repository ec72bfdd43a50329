/**
 * Personal data: what the table keeps carries its own end. Conversation sessions, processed-event records
 * (longer than Meta's 7 days of retries), officers' login sessions, draft documents and delivery states all
 * have a TTL in `expiresAt`. (The logs of every integration file are scanned by test/support/log-capture.ts.)
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../lambdas/adapters/dynamodb-client';
import { signedRequest, statusEnvelope } from '../../local/meta-envelope';
import { adminSession } from '../support/admin-client';
import { registerApplicant } from '../support/journey';
import { workingDay } from '../support/officer-api';
import { testOffice } from '../support/office';
import { tallyFor } from '../support/tally';
import { scanTable } from '../support/table-scan';
import { startTestServer, type TestServer } from '../support/test-server';

const DAY_S = 24 * 3600;
const tally = tallyFor(__filename);
jest.setTimeout(60_000);

let server: TestServer;
let table: ReturnType<typeof documentClient>;

beforeAll(async () => {
  server = await startTestServer();
  table = documentClient({ endpoint: server.dynamoEndpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
});
afterAll(async () => {
  table?.destroy();
  await server?.cleanUp();
});

const itemsStartingWith = (prefix: string) => scanTable(table, server.config.TABLE_NAME, prefix);

it('gives sessions, processed events, officer sessions, draft documents and delivery states a TTL', async () => {
  const started = Math.floor(Date.now() / 1000);
  const { waId } = await registerApplicant(server);
  await adminSession(server);
  // Meta reports the first reply delivered: its delivery state is recorded.
  const [first] = server.fakeGraph.sentTo(waId);
  const { payload, signature } = signedRequest(
    statusEnvelope(server.config.WHATSAPP_PHONE_NUMBER_ID, waId, first?.id ?? '', 'delivered'),
    server.secrets.WHATSAPP_APP_SECRET,
  );
  expect((await server.postWebhook(payload, signature)).status).toBe(200);
  await server.queue.drained();

  const expectations: Array<[string, string, number, number]> = [
    ['conversation sessions (≈ 30 days)', 'APPLICANT#', 29 * DAY_S, 31 * DAY_S],
    ['processed-event records (≥ 8 days: Meta retries for 7)', 'EVENT#', 8 * DAY_S, 10 * DAY_S],
    ['officer login sessions (8 hours)', 'SESSION#', 7 * 3600, 9 * 3600],
    ['draft documents (≈ 30 days)', 'DRAFT#', 29 * DAY_S, 31 * DAY_S],
    ['delivery states (≈ 90 days)', 'MSG#', 89 * DAY_S, 91 * DAY_S],
  ];
  for (const [what, prefix, min, max] of expectations) {
    const items = (await itemsStartingWith(prefix)).filter((item) => prefix !== 'DRAFT#' || String(item.sk).startsWith('DOC#'));
    expect([what, items.length > 0]).toEqual([what, true]);
    const lifetimes = items.map((item) => Number(item.expiresAt) - started);
    const held = lifetimes.filter((lifetime) => lifetime >= min && lifetime <= max + 120).length;
    tally.add('personal data', `TTL on ${what}`, items.length, held);
    expect([what, held]).toEqual([what, items.length]);
  }
  const session = await table.send(
    new QueryCommand({ TableName: server.config.TABLE_NAME, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `APPLICANT#${waId}` } }),
  );
  expect(session.Items?.[0]?.expiresAt).toEqual(expect.any(Number));
});

it("deletes a closed registration's documents, proofs and data RETENTION_DAYS after its close, and nothing of an open one", async () => {
  const closing = await registerApplicant(server);
  const open = await registerApplicant(server);
  const admin = await adminSession(server);
  const confirmed = await admin.request('POST', `/api/registrations/${closing.queueNumber}/confirm`, { body: { date: workingDay(3), time: '09:00' } });
  expect(confirmed.status).toBe(200);
  await server.queue.drained();
  const cancelled = await admin.request('POST', `/api/registrations/${closing.queueNumber}/cancel`, { body: { reason: 'Pemohon tidak jadi mengurus' } });
  expect(cancelled.status).toBe(200);
  await server.queue.drained();
  const closedAt = Date.now();

  const draftOf = async (queueNumber: string) =>
    String(
      (
        await table.send(
          new QueryCommand({
            TableName: server.config.TABLE_NAME,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': `REG#${queueNumber}` },
          }),
        )
      ).Items?.find((item) => item.sk === 'REG')?.draftId,
    );
  const [closingDraft, openDraft] = [await draftOf(closing.queueNumber), await draftOf(open.queueNumber)];
  const closingDocuments = await server.drafts.listDocuments(closingDraft);
  const openDocuments = await server.drafts.listDocuments(openDraft);
  expect(closingDocuments.length).toBeGreaterThan(0);

  const sweep = async (daysAfterClose: number) => {
    const response = await fetch(`${server.url}/_local/jobs/purge?now=${new Date(closedAt + daysAfterClose * DAY_S * 1000).toISOString()}`, { method: 'POST' });
    expect(response.status).toBe(200);
    return (await response.json()) as { registrations: number; files: number };
  };
  const retention = testOffice().retentionDays;

  // A day before the period ends: nothing goes.
  expect(await sweep(retention - 1)).toMatchObject({ registrations: 0, files: 0 });
  expect(await server.blobs.head(closingDocuments[0]?.key ?? '')).toBeDefined();

  // A day after: the documents, the PDF proof, the registration, its audit trail and the draft go.
  const purged = await sweep(retention + 1);
  const gone = {
    registrations: purged.registrations,
    filesIncludingTheProof: purged.files >= closingDocuments.length + 1,
    documentsLeft: (await Promise.all(closingDocuments.map((document) => server.blobs.head(document.key)))).filter(Boolean).length,
    itemsLeft: (await itemsStartingWith(`REG#${closing.queueNumber}`)).length + (await itemsStartingWith(`DRAFT#${closingDraft}`)).length,
    apiAnswer: (await admin.request('GET', `/api/registrations/${closing.queueNumber}`)).status,
  };
  const kept = {
    apiAnswer: (await admin.request('GET', `/api/registrations/${open.queueNumber}`)).status,
    documentsLeft: (await Promise.all(openDocuments.map((document) => server.blobs.head(document.key)))).filter(Boolean).length,
  };
  const held =
    gone.registrations === 1 &&
    gone.filesIncludingTheProof &&
    gone.documentsLeft === 0 &&
    gone.itemsLeft === 0 &&
    gone.apiAnswer === 404 &&
    kept.apiAnswer === 200 &&
    kept.documentsLeft === openDocuments.length;
  tally.check('personal data', `closed registration's documents and data deleted RETENTION_DAYS (${retention}) after its close, open ones kept`, held);
  expect({ gone, kept }).toEqual({
    gone: { registrations: 1, filesIncludingTheProof: true, documentsLeft: 0, itemsLeft: 0, apiAnswer: 404 },
    kept: { apiAnswer: 200, documentsLeft: openDocuments.length },
  });
});

it("tags the worker's log lines with correlation ids: the event, the applicant as a keyed hash (never the number), the queue number", async () => {
  const lines: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    lines.push(
      ...String(chunk)
        .split('\n')
        .filter((line) => line.includes('"service":"si-bapao"')),
    );
    return (write as (chunk: unknown, ...more: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  let registered: Awaited<ReturnType<typeof registerApplicant>>;
  try {
    registered = await registerApplicant(server);
    await server.queue.drained();
  } finally {
    process.stdout.write = write;
  }
  const sent = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.message === 'reply sent');
  expect(sent.length).toBeGreaterThan(3);
  const tags = new Set(sent.map((line) => line.applicant));
  expect(tags.size).toBe(1);
  expect([...tags][0]).toMatch(/^[0-9a-f]{12}$/);
  expect(sent.every((line) => typeof line.eventId === 'string' && String(line.eventId).startsWith('wamid.'))).toBe(true);
  const created = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.message === 'registration created');
  expect(created).toMatchObject({ queueNumber: registered.queueNumber, applicant: [...tags][0] });
  const mentionsNumber = lines.filter((line) => line.includes(registered.waId)).length;
  tally.add('personal data', 'worker log lines with the applicant as a keyed hash, never the phone number', lines.length, lines.length - mentionsNumber);
  expect(mentionsNumber).toBe(0);
});
