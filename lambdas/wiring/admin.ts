/**
 * The officers' admin app's wiring. In AWS (Function URL, auth NONE: the app authenticates officers
 * itself) the first officer comes from the secret's optional ADMIN_USERNAME/ADMIN_PASSWORD, or from
 * `npm run officers -- add`; the S3 client (document links) and the SQS client (a decision's
 * notification) load on first use. The local server builds the same handler with its own parts.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { deriveSessionKey, type FirstOfficer } from '../admin/auth';
import { createRegistrationsApi } from '../admin/registrations-api';
import { documentClient } from '../adapters/dynamodb-client';
import { DynamoDbDeliveryStore } from '../adapters/dynamodb-delivery-store';
import { DynamoDbDraftStore } from '../adapters/dynamodb-draft-store';
import { DynamoDbOfficerStore } from '../adapters/dynamodb-officer-store';
import { DynamoDbRegistrationStore } from '../adapters/dynamodb-registration-store';
import { logger } from '../adapters/logger';
import { emfMetrics } from '../adapters/metrics';
import { proofKeysFrom } from '../adapters/proof-keys';
import { lazyS3BlobStore } from '../adapters/lazy-s3-blob-store';
import type { SecretSource } from '../adapters/secrets';
import { secretsManagerSource } from '../adapters/secrets-manager';
import { SqsEventQueue } from '../adapters/sqs-event-queue';
import { lazySdkSqs } from '../adapters/lazy-sqs';
import { deriveDayCodeKey } from '../domain/day-code';
import { adminConfig, lazyNationalHolidays, officeDirectory, processEnvironment, seedOffice, type OfficeDirectory } from '../config';
import { DynamoDbOfficeStore } from '../adapters/dynamodb-office-store';
import { holidaysOf, officeRef, registryProfile, type Office, type OfficeRef } from '../domain/offices';
import type { HolidayCalendar } from '../domain/schedule';
import type { RegistrationsApi } from '../admin/officer-api';
import type { OfficeProfile } from '../domain/office';
import { arrivalTimes } from '../domain/schedule';
import { createAdminHandler } from '../handlers/admin-handler';
import type { BlobStore, EventQueue, Metrics } from '../ports';
import { lambdaEntry } from './lambda-entry';

export interface AdminParts {
  readonly dynamo: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly blobs: BlobStore;
  readonly queue: EventQueue;
  readonly secrets: Pick<SecretSource, 'get'>;
  readonly office: OfficeProfile;
  /** Where the admin root is mounted: `/admin` locally, `` at a Function URL's root (cookies Path=/, Secure). */
  readonly basePath: string;
  /** Failed logins are counted for the guessing alarm. @default none */
  readonly metrics?: Metrics;
  /** The first account, created at the first request when no officer exists. @default none */
  readonly firstOfficer?: () => Promise<FirstOfficer | undefined>;
  /** Many offices: the seed and the registry (the local server shares its own). @default one office */
  readonly offices?: OfficeDirectory;
}

export function adminHandler(parts: AdminParts) {
  const clock = { now: () => new Date() };
  const national = lazyNationalHolidays();
  const registrationsApi = (office: OfficeProfile, holidays: HolidayCalendar, officeId?: string, ref?: OfficeRef) =>
    createRegistrationsApi({
      store: new DynamoDbRegistrationStore(parts.dynamo, parts.tableName, officeId),
      drafts: new DynamoDbDraftStore(parts.dynamo, parts.tableName),
      deliveries: new DynamoDbDeliveryStore(parts.dynamo, parts.tableName),
      blobs: parts.blobs,
      queue: parts.queue,
      office,
      holidays,
      clock,
      proofKeys: async () => proofKeysFrom(await parts.secrets.get()).all,
      dayCodeKey: async () => deriveDayCodeKey((await parts.secrets.get()).LINK_SIGNING_KEY),
      log: logger,
      ...(officeId ? { officeId } : {}),
      ...(ref ? { officeRef: ref } : {}),
    });
  const directory = parts.offices;
  const built = new WeakMap<Office, RegistrationsApi>();
  return createAdminHandler({
    officers: new DynamoDbOfficerStore(parts.dynamo, parts.tableName),
    registrations: registrationsApi(parts.office, national, undefined, directory ? officeRef(directory.defaultOffice) : undefined),
    ...(directory
      ? {
          offices: { directory, registry: new DynamoDbOfficeStore(parts.dynamo, parts.tableName), log: logger },
          officeRegistrations: async (officeId: string) => {
            const office = await directory.byId(officeId);
            if (!office) return undefined;
            let api = built.get(office);
            if (!api) built.set(office, (api = registrationsApi(registryProfile(office), holidaysOf(national, office), office.id, officeRef(office))));
            return api;
          },
        }
      : {}),
    sessionKey: async () => deriveSessionKey((await parts.secrets.get()).LINK_SIGNING_KEY),
    clock,
    basePath: parts.basePath,
    log: logger,
    ...(parts.metrics ? { metrics: parts.metrics } : {}),
    ...(parts.firstOfficer ? { firstOfficer: parts.firstOfficer } : {}),
    arrivalTimes: arrivalTimes(parts.office),
  });
}

export function awsAdmin(env = processEnvironment()) {
  const config = adminConfig(env);
  const secrets = secretsManagerSource(env, config.secretArn);
  const metrics = emfMetrics(config.serviceName);
  // One client, one connection pool: the office registry's reads share it.
  const dynamo = documentClient();
  return lambdaEntry(
    metrics,
    adminHandler({
      dynamo,
      tableName: config.tableName,
      blobs: lazyS3BlobStore(config.bucketName),
      queue: new SqsEventQueue(lazySdkSqs(), config.queueUrl),
      secrets,
      office: config.office,
      offices: officeDirectory({ seed: seedOffice(env, config.office), registry: new DynamoDbOfficeStore(dynamo, config.tableName) }),
      basePath: '',
      metrics,
      firstOfficer: async () => {
        const { ADMIN_USERNAME, ADMIN_PASSWORD } = await secrets.get();
        return ADMIN_PASSWORD ? { username: ADMIN_USERNAME ?? 'admin', password: ADMIN_PASSWORD } : undefined;
      },
    }),
  );
}
