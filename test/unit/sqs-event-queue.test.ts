/** The SQS adapter against the SDK's request shapes (no SQS stand-in runs here: docs/architecture.md). */
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { deduplicationId, SqsEventQueue } from '../../lambdas/adapters/sqs-event-queue';
import { sdkSqs } from '../../lambdas/adapters/sqs-sdk';
import { reminderEvent } from '../../lambdas/notice-events';
import type { QueueEvent } from '../../lambdas/queue-events';

const sqs = mockClient(SQSClient);
beforeEach(() => sqs.reset());

const inbound = (key: string, id: string): QueueEvent => ({
  type: 'inbound',
  eventId: id,
  applicant: { key },
  sentAt: '2026-01-01T00:00:00.000Z',
  content: { kind: 'text', text: 'halo' },
});

it('sends events in batches of ten, grouped by applicant and deduplicated by event id', async () => {
  sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
  const events = Array.from({ length: 25 }, (_, index) => reminderEvent({ queueNumber: `KRC-${100 + index}`, ownerKey: `62812${index}` }, '2026-01-30'));
  await new SqsEventQueue(sdkSqs(new SQSClient({ region: 'ap-southeast-3' })), 'https://sqs/q.fifo').enqueue(events);
  const calls = sqs.commandCalls(SendMessageBatchCommand);
  expect(calls.map((call) => call.args[0].input.Entries?.length)).toEqual([10, 10, 5]);
  expect(calls[0]?.args[0].input.Entries?.[0]).toMatchObject({
    MessageGroupId: '628120',
    MessageDeduplicationId: 'reminder:KRC-100:2026-01-30',
    MessageBody: JSON.stringify(events[0]),
  });
});

it("queues status webhooks apart from the applicant's stream, except failed ones (they may send the template)", async () => {
  sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
  const status = (state: string): QueueEvent => ({
    type: 'status',
    eventId: `wamid.9:${state}`,
    applicant: { key: '62813' },
    messageId: 'wamid.9',
    status: state,
    at: '2026-01-01T00:00:00.000Z',
  });
  await new SqsEventQueue(sdkSqs(new SQSClient({ region: 'ap-southeast-3' })), 'https://sqs/q.fifo').enqueue([
    inbound('62813', 'wamid.8'),
    status('sent'),
    status('delivered'),
    status('failed'),
  ]);
  const entries = sqs.commandCalls(SendMessageBatchCommand).flatMap((call) => call.args[0].input.Entries ?? []);
  expect(entries.map((entry) => entry.MessageGroupId)).toEqual(['62813', 'statuses:62813', 'statuses:62813', '62813']);
});

it("keeps one applicant's events in order, one batch after the other", async () => {
  const order: string[] = [];
  sqs.on(SendMessageBatchCommand).callsFake(async (input: { Entries: { MessageDeduplicationId: string }[] }) => {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
    order.push(...input.Entries.map((entry) => entry.MessageDeduplicationId));
    return { Successful: [], Failed: [] };
  });
  const events = Array.from({ length: 30 }, (_, index) => inbound('62811', `wamid.${String(index).padStart(2, '0')}`));
  await new SqsEventQueue(sdkSqs(new SQSClient({ region: 'ap-southeast-3' })), 'https://sqs/q.fifo').enqueue(events);
  expect(order).toEqual(events.map((event) => event.eventId));
});

it('fails loudly when SQS refuses part of a batch, so the webhook answers 5xx and Meta retries', async () => {
  sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [{ Id: '0', Code: 'InternalError', SenderFault: false }] });
  await expect(new SqsEventQueue(sdkSqs(new SQSClient({ region: 'ap-southeast-3' })), 'https://sqs/q.fifo').enqueue([inbound('1', 'wamid.1')])).rejects.toThrow(
    'SQS refused 1 of 1 events: InternalError',
  );
});

it('hashes an event id SQS would not take as a deduplication id', () => {
  expect(deduplicationId('wamid.HBgN683A=')).toBe('wamid.HBgN683A=');
  expect(deduplicationId('x'.repeat(200))).toMatch(/^[0-9a-f]{64}$/);
  expect(deduplicationId('wamid.é')).toMatch(/^[0-9a-f]{64}$/);
});
