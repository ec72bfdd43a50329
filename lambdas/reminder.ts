/**
 * AWS entry of the daily reminder job, invoked by EventBridge Scheduler at the configured hour in
 * Asia/Jakarta. `{ "date": "YYYY-MM-DD" }` in the payload runs it as if today were that date (replays).
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod/mini';
import { DynamoDbHeartbeat } from './adapters/dynamodb-heartbeat';
import { DynamoDbDeliveryStore } from './adapters/dynamodb-delivery-store';
import { DynamoDbRegistrationStore } from './adapters/dynamodb-registration-store';
import { DynamoDbSessionStore } from './adapters/dynamodb-session-store';
import { logger } from './adapters/logger';
import { documentClient } from './adapters/dynamodb-client';
import { SqsEventQueue } from './adapters/sqs-event-queue';
import { sdkSqs } from './adapters/sqs-sdk';
import { requireEnv } from './config';
import { messagingLimit } from './env';
import { NO_METRICS } from './metric-names';
import { jakartaDate } from './domain/calendar';
import { runReminders } from './use-cases/run-reminders';

// Not through composition-root.ts, which wires the worker and would bundle pdf-lib here.
const dynamo = documentClient();
const tableName = requireEnv(process.env, 'TABLE_NAME');
const registrations = new DynamoDbRegistrationStore(dynamo, tableName);
const heartbeat = new DynamoDbHeartbeat(dynamo, tableName);
const sessions = new DynamoDbSessionStore(dynamo, tableName);
const deliveries = new DynamoDbDeliveryStore(dynamo, tableName);
const limit = messagingLimit(process.env);
const queue = new SqsEventQueue(sdkSqs(new SQSClient({})), requireEnv(process.env, 'QUEUE_URL'));
const payloadSchema = z.optional(z.object({ date: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))) }));

export const handler = async (payload: unknown): Promise<{ queued: number; appointmentDate: string }> => {
  const parsed = payloadSchema.safeParse(payload ?? undefined);
  const today = (parsed.success && parsed.data?.date) || jakartaDate(new Date());
  const run = await runReminders(today, {
    registrations,
    queue,
    heartbeat: (r) => heartbeat.record(r),
    clock: { now: () => new Date() },
    messagingLimit: limit,
    sessions,
    deliveries,
    metrics: NO_METRICS,
    log: logger,
  });
  logger.info('reminders queued', { today: run.today, appointmentDate: run.appointmentDate, queued: run.queued, heldBack: run.heldBack });
  return { queued: run.queued, appointmentDate: run.appointmentDate };
};
