/**
 * AWS entry of the officers' admin app (Function URL, auth NONE: the app authenticates officers itself):
 * wiring built once per container, then the shared handler. The first officer comes from the secret's
 * optional ADMIN_USERNAME/ADMIN_PASSWORD, or from `npm run officers -- add`. The S3 client (document
 * links) and the SQS client (a decision's notification) load on first use.
 */
import { deriveSessionKey } from './admin/auth';
import { createRegistrationsApi } from './admin/registrations-api';
import { documentClient } from './adapters/dynamodb-client';
import { DynamoDbDeliveryStore } from './adapters/dynamodb-delivery-store';
import { DynamoDbDraftStore } from './adapters/dynamodb-draft-store';
import { DynamoDbOfficerStore } from './adapters/dynamodb-officer-store';
import { DynamoDbRegistrationStore } from './adapters/dynamodb-registration-store';
import { logger } from './adapters/logger';
import { emfMetrics, withMetrics } from './adapters/metrics';
import { proofKeysFrom } from './adapters/proof-keys';
import { lazyS3BlobStore } from './adapters/lazy-s3-blob-store';
import { secretsManagerSource } from './adapters/secrets-manager';
import { SqsEventQueue } from './adapters/sqs-event-queue';
import { lazySdkSqs } from './adapters/lazy-sqs';
import { loadHolidays, loadOfficeProfile, requireEnv } from './config';
import { arrivalTimes } from './domain/schedule';
import { createAdminHandler } from './handlers/admin-handler';

const tableName = requireEnv(process.env, 'TABLE_NAME');
const dynamo = documentClient();
const secrets = secretsManagerSource(requireEnv(process.env, 'SECRET_ARN'));
const office = loadOfficeProfile(process.env);
const clock = { now: () => new Date() };

const metrics = emfMetrics(process.env.POWERTOOLS_SERVICE_NAME);

// Failed logins are counted for the guessing alarm; the wrapper counts cold starts for the dashboard.
export const handler = withMetrics(metrics, createAdminHandler({
  officers: new DynamoDbOfficerStore(dynamo, tableName),
  registrations: createRegistrationsApi({
    store: new DynamoDbRegistrationStore(dynamo, tableName),
    drafts: new DynamoDbDraftStore(dynamo, tableName),
    deliveries: new DynamoDbDeliveryStore(dynamo, tableName),
    blobs: lazyS3BlobStore(requireEnv(process.env, 'BUCKET_NAME')),
    queue: new SqsEventQueue(lazySdkSqs(), requireEnv(process.env, 'QUEUE_URL')),
    office,
    holidays: loadHolidays(),
    clock,
    proofKeys: async () => proofKeysFrom(await secrets.get()).all,
    log: logger,
  }),
  sessionKey: async () => deriveSessionKey((await secrets.get()).LINK_SIGNING_KEY),
  clock,
  // The Function URL serves the app at its root; cookies go to Path=/ and are always Secure there.
  basePath: '',
  log: logger,
  metrics,
  firstOfficer: async () => {
    const { ADMIN_USERNAME, ADMIN_PASSWORD } = await secrets.get();
    return ADMIN_PASSWORD ? { username: ADMIN_USERNAME ?? 'admin', password: ADMIN_PASSWORD } : undefined;
  },
  arrivalTimes: arrivalTimes(office),
}));
