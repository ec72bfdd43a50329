/**
 * The worker's SQS batches as Lambda hands them over: a batch never times out as a whole (records not
 * started in time go back untried and are answered later), and an event that reaches the dead-letter queue
 * without ever being tried (held back behind an applicant's failing event) is listed for officers.
 */
import { documentClient } from '../../lambdas/adapters/dynamodb-client';
import { staticSecrets } from '../../lambdas/adapters/secrets';
import { toQueueEvents } from '../../lambdas/adapters/webhook-schema';
import { workerDeps } from '../../lambdas/wiring/worker';
import { createConversationHandler, type ConversationHandler } from '../../lambdas/handlers/conversation-handler';
import { NO_METRICS } from '../../lambdas/metric-names';
import type { QueueEvent } from '../../lambdas/queue-events';
import { messageEnvelope } from '../../local/meta-envelope';
import { officerApi } from '../support/officer-api';
import { sqsEvent } from '../support/sqs-event';
import { startTestServer, textOf, type TestServer } from '../support/test-server';

const MAX_RECEIVE_COUNT = 8;
let server: TestServer;
let officers: ReturnType<typeof officerApi>;
let worker: ConversationHandler;
const retried: Array<{ messageId: string; delaySeconds: number }> = [];

beforeAll(async () => {
  server = await startTestServer();
  officers = officerApi(server);
  const dynamo = documentClient({ endpoint: server.dynamoEndpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
  worker = createConversationHandler(
    workerDeps({
      env: { WHATSAPP_API_URL: `${server.url}/_graph/v25.0`, WHATSAPP_PHONE_NUMBER_ID: server.config.WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_TIMEOUT_MS: '2000' },
      secrets: staticSecrets(server.secrets),
      dynamo,
      blobs: server.blobs,
      tableName: server.config.TABLE_NAME,
      uploadBaseUrl: `${server.url}/upload`,
      metrics: NO_METRICS,
    }),
    {
      maxReceiveCount: MAX_RECEIVE_COUNT,
      timeReserveMs: 7_000,
      retries: { retryAfter: async (record, delaySeconds) => void retried.push({ messageId: record.messageId, delaySeconds }) },
    },
  );
});
afterAll(async () => {
  server.fakeGraph.scriptFailures(undefined);
  officers.close();
  await server.cleanUp();
});
afterEach(() => {
  server.fakeGraph.scriptFailures(undefined);
  retried.length = 0;
});

/** An applicant's message as the webhook queues it. */
function greeting(waId: string, text = 'Assalamualaikum'): QueueEvent {
  const { body } = messageEnvelope(server.config.WHATSAPP_PHONE_NUMBER_ID, { waId, name: 'Pemohon' }, { text });
  const [event] = toQueueEvents(body, server.config.WHATSAPP_PHONE_NUMBER_ID)?.events ?? [];
  if (!event) throw new Error('the envelope queued nothing');
  return event;
}

/** Lambda's clock for one invocation, `ms` long, that advances only as the worker reads it. */
function invocationWith(remaining: number[]): { getRemainingTimeInMillis(): number } {
  return { getRemainingTimeInMillis: () => remaining.shift() ?? 0 };
}

it('starts no record with too little time left: the rest go back untried, visible at once, and are answered on the next invocation', async () => {
  const applicants = ['6281277770001', '6281277770002', '6281277770003'];
  const events = applicants.map((waId) => greeting(waId));
  const batch = sqsEvent(events);

  // Enough time for the first record only: Lambda would stop the invocation during the second.
  const first = await worker(batch, invocationWith([30_000, 3_000, 2_500]));
  expect(first.batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual(batch.Records.slice(1).map((record) => record.messageId));
  expect(retried).toEqual(batch.Records.slice(1).map((record) => ({ messageId: record.messageId, delaySeconds: 0 })));
  expect(server.fakeGraph.sentTo(applicants[0] ?? '').length).toBeGreaterThan(0);
  expect(server.fakeGraph.sentTo(applicants[1] ?? '')).toEqual([]);
  expect(server.fakeGraph.sentTo(applicants[2] ?? '')).toEqual([]);

  // SQS hands the two back; with time enough, each applicant gets the same greeting as the first.
  const second = await worker(sqsEvent(events.slice(1), 2), invocationWith([30_000, 29_000]));
  expect(second.batchItemFailures).toEqual([]);
  const greetingOf = (waId: string) => server.fakeGraph.sentTo(waId).map(textOf);
  expect(greetingOf(applicants[1] ?? '')).toEqual(greetingOf(applicants[0] ?? ''));
  expect(greetingOf(applicants[2] ?? '')).toEqual(greetingOf(applicants[0] ?? ''));
});

it('lists for officers an event that reaches the dead-letter queue without being tried, held back behind a failing one', async () => {
  const waId = '6281277770009';
  const events = [greeting(waId, 'halo'), greeting(waId, 'MENU')];
  server.fakeGraph.scriptFailures((request) => (request.to === waId ? { httpStatus: 500, code: 2, message: 'Service temporarily unavailable' } : undefined));

  // Both records on their last receive: the first fails (tried), the second is held back (never tried).
  const result = await worker(sqsEvent(events, MAX_RECEIVE_COUNT), invocationWith([30_000, 30_000]));
  expect(result.batchItemFailures).toHaveLength(2);

  const listed = ((await officers.api.failedSends()).body as Array<Record<string, unknown>>).filter((failure) => failure.waId === waId);
  expect(listed).toEqual(
    expect.arrayContaining([expect.objectContaining({ reason: 'gave-up', kind: 'reply' }), expect.objectContaining({ reason: 'held-back', kind: 'reply' })]),
  );
  expect(listed).toHaveLength(2);
});

it('does not list a held-back event while it has attempts left', async () => {
  const waId = '6281277770010';
  const events = [greeting(waId, 'halo'), greeting(waId, 'MENU')];
  server.fakeGraph.scriptFailures((request) => (request.to === waId ? { httpStatus: 500, code: 2, message: 'Service temporarily unavailable' } : undefined));

  const result = await worker(sqsEvent(events, 3), invocationWith([30_000, 30_000]));
  expect(result.batchItemFailures).toHaveLength(2);
  const listed = ((await officers.api.failedSends()).body as Array<Record<string, unknown>>).filter((failure) => failure.waId === waId);
  expect(listed).toEqual([]);
});
