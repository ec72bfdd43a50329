/**
 * The conversation worker's wiring: its dependencies built once per container from the validated
 * configuration. The AWS entry (`awsWorker`), the local server, the benchmark and the tests all build the
 * worker here; they differ only in the parts they hand in (DynamoDB endpoint, blob store, secrets, clock).
 * The S3 client, pdf-lib and the SQS client load on first use (a file, a proof, a delayed retry): most
 * events need none.
 */
import { randomUUID } from 'node:crypto';
import { documentClient } from '../adapters/dynamodb-client';
import { DynamoDbDeliveryStore } from '../adapters/dynamodb-delivery-store';
import { DynamoDbSessionStore } from '../adapters/dynamodb-session-store';
import { GraphApiClient } from '../adapters/graph-api-client';
import { logger } from '../adapters/logger';
import { PacingRateLimiter, rateLimitedMessenger } from '../adapters/rate-limited-messenger';
import type { SecretSource } from '../adapters/secrets';
import { deriveDayCodeKey } from '../domain/day-code';
import { proofKeysFrom } from '../adapters/proof-keys';
import { shortCode, signUploadToken, UPLOAD_LINK_LIFETIME_MS } from '../adapters/upload-links';
import { DynamoDbShortLinkStore } from '../adapters/dynamodb-short-link-store';
import { publishProof } from '../use-cases/publish-proof';
import {
  loadGraphConfig,
  lazyNationalHolidays,
  loadOfficeProfile,
  messagesPerSecond,
  officeDirectory,
  processEnvironment,
  seedOffice,
  workerConfig,
  type OfficeDirectory,
} from '../config';
import { DynamoDbOfficeStore } from '../adapters/dynamodb-office-store';
import { ofOffice } from '../adapters/office-events';
import type { OfficeProfile } from '../domain/office';
import { holidaysOf, registryProfile, type Office } from '../domain/offices';
import type { Registration } from '../domain/registration';
import type { BlobStore, Metrics } from '../ports';
import { NO_METRICS, officeMetrics } from '../metric-names';
import type { EventHandlingDeps } from '../use-cases/handle-queue-event';
import { DynamoDbDraftStore } from '../adapters/dynamodb-draft-store';
import { DynamoDbRegistrationStore } from '../adapters/dynamodb-registration-store';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { emfMetrics } from '../adapters/metrics';
import { lazyS3BlobStore } from '../adapters/lazy-s3-blob-store';
import { secretsManagerSource } from '../adapters/secrets-manager';
import { lazySqsRetryScheduler } from '../adapters/lazy-sqs';
import { createConversationHandler, type ConversationHandlerOptions } from '../handlers/conversation-handler';
import { lambdaEntry } from './lambda-entry';

type Env = Parameters<typeof workerConfig>[0];

export interface WorkerWiring {
  readonly env: Env;
  readonly secrets: SecretSource;
  readonly dynamo: DynamoDBDocumentClient;
  readonly blobs: BlobStore;
  readonly tableName: string;
  readonly uploadBaseUrl: string;
  readonly now?: () => Date;
  readonly fetch?: typeof fetch;
  /** EMF in AWS; nothing by default (the local run and tests that do not look). */
  readonly metrics?: Metrics;
  /** The offices (the local server shares its own); by default the seed and the table's registry. */
  readonly offices?: OfficeDirectory;
}

export function workerDeps(wiring: WorkerWiring): EventHandlingDeps {
  const graph = loadGraphConfig(wiring.env);
  const now = wiring.now ?? (() => new Date());
  const perSecond = messagesPerSecond(wiring.env);
  const limiter = perSecond ? new PacingRateLimiter(perSecond) : undefined;
  const nationalHolidays = lazyNationalHolidays();
  // What differs per office: its profile, its number, its days and lists, its proofs.
  const partsOf = (office: OfficeProfile, officeId: string, phoneNumberId: string, registryOffice?: Office) => {
    const graphClient = new GraphApiClient({
      apiUrl: graph.apiUrl,
      phoneNumberId,
      timeoutMs: graph.timeoutMs,
      accessToken: async () => (await wiring.secrets.get()).WHATSAPP_ACCESS_TOKEN,
      onTokenExpired: () => wiring.secrets.invalidate(),
      ...(wiring.fetch ? { fetch: wiring.fetch } : {}),
    });
    return {
      office,
      metrics: officeMetrics(wiring.metrics ?? NO_METRICS, officeId),
      holidays: registryOffice ? holidaysOf(nationalHolidays, registryOffice) : nationalHolidays,
      sessions: new DynamoDbSessionStore(wiring.dynamo, wiring.tableName, registryOffice?.id),
      messenger: limiter ? rateLimitedMessenger(graphClient, limiter) : graphClient,
      media: graphClient,
      registrations: new DynamoDbRegistrationStore(wiring.dynamo, wiring.tableName, registryOffice?.id),
      proofs: (registration: Registration, version: number, previousDate: string | undefined) =>
        publishProof(registration, version, previousDate, {
          blobs: wiring.blobs,
          office,
          now,
          signingKey: async () => proofKeysFrom(await wiring.secrets.get()).signing,
        }),
    } satisfies Partial<EventHandlingDeps>;
  };
  const profile = loadOfficeProfile(wiring.env);
  const seed = seedOffice({ ...wiring.env, WHATSAPP_PHONE_NUMBER_ID: graph.phoneNumberId }, profile);
  const offices = wiring.offices ?? officeDirectory({ seed, registry: new DynamoDbOfficeStore(wiring.dynamo, wiring.tableName) });
  const built = new WeakMap<Office, Partial<EventHandlingDeps>>();
  const shortLinks = new DynamoDbShortLinkStore(wiring.dynamo, wiring.tableName);
  const defaultParts = partsOf(profile, offices.defaultOffice.id, graph.phoneNumberId);
  return {
    ...defaultParts,
    routeToOffice: async (event) => {
      const office = event.toPhoneNumberId ? await offices.byPhoneNumberId(event.toPhoneNumberId) : undefined;
      if (!office) {
        logger.info('message for a number of no office ignored', { eventId: event.eventId });
        return undefined;
      }
      const { toPhoneNumberId: _routed, ...rest } = event;
      return office.id === offices.defaultOffice.id ? rest : ofOffice(rest, office.id);
    },
    forOffice: async (officeId) => {
      if (officeId === undefined || officeId === offices.defaultOffice.id) return {};
      const office = await offices.byId(officeId);
      if (!office) throw new Error(`event for an office not in the registry: ${officeId}`);
      let parts = built.get(office);
      if (!parts) {
        parts = partsOf(registryProfile(office), office.id, office.phoneNumberId, office);
        built.set(office, parts);
      }
      return parts;
    },
    deliveries: new DynamoDbDeliveryStore(wiring.dynamo, wiring.tableName, now),
    drafts: new DynamoDbDraftStore(wiring.dynamo, wiring.tableName),
    blobs: wiring.blobs,
    clock: { now },
    ids: { newId: () => randomUUID() },
    uploadLinks: async () => {
      const key = (await wiring.secrets.get()).LINK_SIGNING_KEY;
      const issued: { code: string; token: string; expiresAt: number }[] = [];
      return {
        // The applicant reads `<upload root>/u/<code>`; the code stands for the signed token (saved below).
        link: (serviceId, draftId, only, expiresAt, note) => {
          const until = expiresAt ?? now().getTime() + UPLOAD_LINK_LIFETIME_MS;
          // Issued a lifetime before it ends: a link given again keeps its time, so it stays the same link.
          const token = signUploadToken(
            { draftId, serviceId, issuedAt: until - UPLOAD_LINK_LIFETIME_MS, expiresAt: until, ...(only ? { only } : {}), ...(note ? { note } : {}) },
            key,
          );
          const code = shortCode(token, key);
          issued.push({ code, token, expiresAt: until });
          return `${wiring.uploadBaseUrl}/u/${code}`;
        },
        persist: async () => {
          for (const link of issued.splice(0)) await shortLinks.save(link.code, link.token, link.expiresAt);
        },
      };
    },
    log: logger,
    logHashSecret: async () => (await wiring.secrets.get()).LINK_SIGNING_KEY,
    dayCodeKey: async () => deriveDayCodeKey((await wiring.secrets.get()).LINK_SIGNING_KEY),
  };
}

export function workerHandler(wiring: WorkerWiring, options: ConversationHandlerOptions = {}) {
  return createConversationHandler(workerDeps(wiring), options);
}

/** The AWS entry's worker: SQS FIFO → this Lambda, partial batch responses, retries by ChangeMessageVisibility. */
export function awsWorker(env = processEnvironment()) {
  const config = workerConfig(env);
  const metrics = emfMetrics(config.serviceName);
  return lambdaEntry(
    metrics,
    workerHandler(
      {
        env,
        secrets: secretsManagerSource(env, config.secretArn),
        dynamo: documentClient({}),
        blobs: lazyS3BlobStore(config.bucketName),
        tableName: config.tableName,
        uploadBaseUrl: config.uploadBaseUrl,
        metrics,
      },
      {
        retries: lazySqsRetryScheduler(config.queueUrl),
        maxReceiveCount: config.maxReceiveCount,
        // Room for one more Graph API call at its time-out and the save after it.
        timeReserveMs: config.graph.timeoutMs + 5_000,
      },
    ),
  );
}
