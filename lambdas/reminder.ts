/**
 * AWS entry of the daily reminder job, invoked by EventBridge Scheduler at the configured hour in
 * Asia/Jakarta. `{ "date": "YYYY-MM-DD" }` in the payload runs it as if today were that date (replays).
 */
import { DynamoDbHeartbeat } from './adapters/dynamodb-heartbeat';
import { DynamoDbDeliveryStore } from './adapters/dynamodb-delivery-store';
import { DynamoDbRegistrationStore } from './adapters/dynamodb-registration-store';
import { DynamoDbSessionStore } from './adapters/dynamodb-session-store';
import { logger } from './adapters/logger';
import { documentClient } from './adapters/dynamodb-client';
import { emfMetrics, withMetrics } from './adapters/metrics';
import { SqsEventQueue } from './adapters/sqs-event-queue';
import { lazySdkSqs } from './adapters/lazy-sqs';
import { requireEnv } from './config';
import { messagingLimit } from './env';
import { createReminderHandler } from './handlers/reminder-handler';
import { lazyS3BlobStore } from './adapters/lazy-s3-blob-store';
import { loadOfficeProfile } from './config';
import { purgeClosedRegistrations } from './use-cases/purge-closed-registrations';
import { runReminders } from './use-cases/run-reminders';

// Not through composition-root.ts, which wires the worker and would bundle pdf-lib here.
const dynamo = documentClient();
const tableName = requireEnv(process.env, 'TABLE_NAME');
const registrations = new DynamoDbRegistrationStore(dynamo, tableName);
const heartbeat = new DynamoDbHeartbeat(dynamo, tableName);
const sessions = new DynamoDbSessionStore(dynamo, tableName);
const deliveries = new DynamoDbDeliveryStore(dynamo, tableName);
const limit = messagingLimit(process.env);
// The S3 client (retention sweep) and the SQS client (reminders to queue) load when a run first needs them.
const blobs = lazyS3BlobStore(requireEnv(process.env, 'BUCKET_NAME'));
const retentionDays = loadOfficeProfile(process.env).retentionDays;
const queue = new SqsEventQueue(lazySdkSqs(), requireEnv(process.env, 'QUEUE_URL'));
const clock = { now: () => new Date() };
const metrics = emfMetrics(process.env.POWERTOOLS_SERVICE_NAME);

export const handler = withMetrics(
  metrics,
  createReminderHandler({
    run: (today) =>
      runReminders(today, {
        registrations,
        queue,
        heartbeat: (r) => heartbeat.record(r),
        clock,
        messagingLimit: limit,
        sessions,
        deliveries,
        metrics,
        log: logger,
      }),
    purge: () => purgeClosedRegistrations({ registrations, blobs, retentionDays, clock, log: logger }),
    clock,
    metrics,
    log: logger,
  }),
);
