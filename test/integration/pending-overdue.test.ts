/**
 * The hourly backlog check against DynamoDB Local: PENDING registrations older than 24 hours, counted
 * through the by-status index, and the PendingOverdue count it reports (zero included).
 */
import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../lambdas/adapters/dynamodb-client';
import { DynamoDbPendingBacklog } from '../../lambdas/adapters/dynamodb-pending-backlog';
import { registrationItem } from '../../lambdas/adapters/registration-items';
import type { Registration, RegistrationStatus } from '../../lambdas/domain/registration';
import { METRICS } from '../../lambdas/metric-names';
import { checkPendingOverdue } from '../../lambdas/use-cases/check-pending-overdue';
import { ensureTable, localClient } from '../../local/dynamodb-local';

const NOW = new Date('2026-11-10T03:00:00.000Z');
const HOUR = 60 * 60 * 1000;
const tableName = `pending-${randomUUID()}`;
let client: DynamoDBDocumentClient;

function registration(queueNumber: string, status: RegistrationStatus, ageHours: number): Registration {
  return {
    queueNumber,
    name: 'Pemohon Uji',
    placeOfBirth: 'Kerinci',
    dateOfBirth: '1990-01-01',
    nik: `15010101019000${queueNumber.slice(-2)}`,
    phone: '6281234567890',
    serviceId: 1,
    status,
    createdAt: new Date(NOW.getTime() - ageHours * HOUR).toISOString(),
    ownerKey: `62812${queueNumber.slice(-3)}`,
    draftId: `draft-${queueNumber}`,
    documentsMode: 'web',
    flags: [],
    rescheduled: false,
  };
}

async function put(registrations: Registration[]): Promise<void> {
  for (let start = 0; start < registrations.length; start += 25) {
    await client.send(
      new BatchWriteCommand({
        RequestItems: { [tableName]: registrations.slice(start, start + 25).map((r) => ({ PutRequest: { Item: registrationItem(r) } })) },
      }),
    );
  }
}

function check(backlog = new DynamoDbPendingBacklog(client, tableName)) {
  const counted: Array<{ name: string; value: number | undefined }> = [];
  const result = checkPendingOverdue({ backlog, clock: { now: () => NOW }, metrics: { count: (name, value) => void counted.push({ name, value }) } });
  return { result, counted };
}

beforeAll(async () => {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('DYNAMODB_ENDPOINT is not set: run through jest (global setup starts DynamoDB Local)');
  const raw = localClient(endpoint);
  await ensureTable(raw, tableName);
  raw.destroy();
  client = documentClient({ endpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
});

afterAll(() => client.destroy());

it('reports zero on an empty table, so the alarm sees the backlog clear', async () => {
  const { result, counted } = check();
  await expect(result).resolves.toEqual({ overdue: 0, cutoff: '2026-11-09T03:00:00.000Z' });
  expect(counted).toEqual([{ name: METRICS.pendingOverdue, value: 0 }]);
});

it('counts only PENDING registrations created more than 24 hours ago', async () => {
  await put([
    registration('KRC-001', 'PENDING', 25),
    registration('KRC-002', 'PENDING', 48),
    registration('KRC-003', 'PENDING', 23.9),
    registration('KRC-004', 'DIKONFIRMASI', 72),
    registration('KRC-005', 'PERLU_PERBAIKAN', 72),
    registration('KRC-006', 'PENDING', 0.5),
  ]);
  const { result, counted } = check();
  await expect(result).resolves.toMatchObject({ overdue: 2 });
  expect(counted).toEqual([{ name: METRICS.pendingOverdue, value: 2 }]);
});

it('counts across pages of the index (Select COUNT stops at 1 MB a page)', async () => {
  const many = Array.from({ length: 400 }, (_, index) => ({
    ...registration(`OLD-${String(index).padStart(3, '0')}`, 'PENDING', 30 + index),
    // A few KB each, so that 400 of them span more than one 1 MB page.
    name: `Pemohon ${index} ${'x'.repeat(3000)}`,
  }));
  await put(many);
  let queries = 0;
  const counting = { send: (command: Parameters<DynamoDBDocumentClient['send']>[0]) => ((queries += 1), client.send(command)) };
  const { result } = check(new DynamoDbPendingBacklog(counting as unknown as DynamoDBDocumentClient, tableName));
  await expect(result).resolves.toMatchObject({ overdue: 402 });
  expect(queries).toBeGreaterThan(1);
});
