/**
 * Personal data: what the table keeps carries its own end. Conversation sessions, processed-event records
 * (longer than Meta's 7 days of retries), officers' login sessions, draft documents and delivery states all
 * have a TTL in `expiresAt`. (The logs of every integration file are scanned by test/support/log-capture.ts.)
 */
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../lambdas/adapters/dynamodb-client';
import { signedRequest, statusEnvelope } from '../../local/meta-envelope';
import { adminSession } from '../support/admin-client';
import { registerApplicant } from '../support/journey';
import { tallyFor } from '../support/tally';
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

async function itemsStartingWith(prefix: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.send(new ScanCommand({ TableName: server.config.TABLE_NAME, FilterExpression: 'begins_with(pk, :p)', ExpressionAttributeValues: { ':p': prefix }, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

it('gives sessions, processed events, officer sessions, draft documents and delivery states a TTL', async () => {
  const started = Math.floor(Date.now() / 1000);
  const { waId } = await registerApplicant(server);
  await adminSession(server);
  // Meta reports the first reply delivered: its delivery state is recorded.
  const [first] = server.fakeGraph.sentTo(waId);
  const { payload, signature } = signedRequest(statusEnvelope(server.config.WHATSAPP_PHONE_NUMBER_ID, waId, first?.id ?? '', 'delivered'), server.secrets.WHATSAPP_APP_SECRET);
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
  const session = await table.send(new QueryCommand({ TableName: server.config.TABLE_NAME, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `APPLICANT#${waId}` } }));
  expect(session.Items?.[0]?.expiresAt).toEqual(expect.any(Number));
});

// Defect found, not fixed on this branch: nothing deletes a closed registration's documents and data
// RETENTION_DAYS after it closes (REG# items carry no expiresAt; the bucket's lifecycle backstop counts
// retention + 30 days from the upload, not from the close).
it.todo('deletes documents and registration data RETENTION_DAYS after the registration closes');
