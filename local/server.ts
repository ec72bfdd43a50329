/**
 * The one-machine run: the same handlers as in AWS behind one HTTP server, with DynamoDB Local, the
 * durable local queue, the fake Graph API and the WhatsApp simulator (docs/contract.md "Local server").
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { SQSEvent } from 'aws-lambda';
import { ensureFirstOfficer } from '../lambdas/admin/auth';
import { generatePassword } from '../lambdas/admin/passwords';
import { documentClient } from '../lambdas/adapters/dynamodb-client';
import { DynamoDbOfficerStore } from '../lambdas/adapters/dynamodb-officer-store';
import { messagingLimit, loadOfficeProfile } from '../lambdas/config';
import { NO_METRICS } from '../lambdas/metric-names';
import { DynamoDbDraftStore } from '../lambdas/adapters/dynamodb-draft-store';
import { S3BlobStore } from '../lambdas/adapters/s3-blob-store';
import { logger } from '../lambdas/adapters/logger';
import { staticSecrets, type AppSecrets } from '../lambdas/adapters/secrets';
import { adminHandler } from '../lambdas/wiring/admin';
import { dailyJobs } from '../lambdas/wiring/reminder';
import { uploadHandler } from '../lambdas/wiring/upload';
import { webhookHandler } from '../lambdas/wiring/webhook';
import { WEBHOOK_PATH } from '../lambdas/handlers/webhook-handler';
import { workerHandler } from '../lambdas/wiring/worker';
import { messageGroupOf } from '../lambdas/message-groups';
import type { EventQueue } from '../lambdas/ports';
import { loadLocalConfig, localEnvironment, SIMULATOR_DEFAULTS, type LocalConfig } from './config';
import { ensureTable, localClient, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local';
import { DurableQueue, RetryLaterError, type QueuedMessage } from './durable-queue';
import { FakeGraphApi } from './fake-graph-api';
import { serveMounts } from './http-events';
import { LOCAL_BUCKET, localS3Client, proxyToS3, S3_PROXY_PREFIX, startS3Local, type S3Local } from './s3-local';
import { signedRequest } from './meta-envelope';
import { Simulator } from './simulator';
import { localToolsApp } from './tools-app';
import { localOffices, type LocalOffices } from './offices';

export interface LocalServer {
  readonly url: string;
  readonly port: number;
  readonly config: LocalConfig;
  readonly secrets: AppSecrets;
  readonly fakeGraph: FakeGraphApi;
  readonly queue: DurableQueue;
  readonly dynamoEndpoint: string;
  readonly blobs: S3BlobStore;
  readonly drafts: DynamoDbDraftStore;
  /** The applicants' ordered streams, as the AWS functions see SQS. */
  readonly eventQueue: EventQueue;
  /** The first officer's password in effect (ADMIN_PASSWORD, or the generated one in DATA_DIR/admin-password). */
  readonly adminPassword: string;
  /** The WhatsApp simulator and `/_local/jobs/…` answer only when the server listens on loopback. */
  readonly localToolsEnabled: boolean;
  /** False when the embedded DynamoDB Local listens on every interface (no JDK for its loopback launcher). */
  readonly dynamoLoopbackOnly: boolean;
  /** The seed office and the registry's (OFFICES_FILE loaded at start). */
  readonly offices: LocalOffices;
  stop(): Promise<void>;
}

type Env = Record<string, string | undefined>;

export async function startLocalServer(env: Env = localEnvironment()): Promise<LocalServer> {
  const config = loadLocalConfig(env);
  if (config.LOG_LEVEL === 'SILENT') logger.setLogLevel('SILENT');
  else logger.setLogLevel(config.LOG_LEVEL);
  const dataDir = resolve(config.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });

  let ready = false;
  let route: (request: IncomingMessage, response: ServerResponse) => Promise<void> = async (_request, response) => {
    response.writeHead(503, { 'content-type': 'text/plain' }).end('starting');
  };
  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      logger.error('local server error', { error: (error as Error).message });
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('Internal error');
    });
  });
  server.keepAliveTimeout = 60_000;
  await listen(server, config.PORT, config.HOST);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
  // The simulator posts signed webhooks for anyone who asks, and the job routes run jobs: neither has a
  // login, so neither exists once the server is reachable from other machines.
  const localToolsEnabled = isLoopback(config.HOST);
  const publicUrl = (config.PUBLIC_URL ?? url).replace(/\/$/, '');
  const apiUrl = config.WHATSAPP_API_URL ?? `${url}/_graph/${SIMULATOR_DEFAULTS.graphVersion}`;

  let dynamo: DynamoDbLocal | undefined;
  let s3: S3Local | undefined;
  let queue: DurableQueue | undefined;
  try {
    [dynamo, s3] = await Promise.all([
      config.DYNAMODB_ENDPOINT ? undefined : startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb') }),
      startS3Local(join(dataDir, 's3')),
    ]);
    const s3Endpoint = s3.endpoint;
    const dynamoEndpoint = config.DYNAMODB_ENDPOINT ?? dynamo?.endpoint ?? '';
    const rawClient = localClient(dynamoEndpoint);
    await ensureTable(rawClient, config.TABLE_NAME);

    const secrets: AppSecrets = {
      WHATSAPP_ACCESS_TOKEN: config.WHATSAPP_ACCESS_TOKEN,
      WHATSAPP_APP_SECRET: config.WHATSAPP_APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: config.WHATSAPP_VERIFY_TOKEN,
      LINK_SIGNING_KEY: config.LINK_SIGNING_KEY ?? persistentKey(join(dataDir, 'link-signing-key')),
    };
    const secretSource = staticSecrets(secrets);
    // Any WhatsApp Business Account id is answered unless WHATSAPP_WABA_ID names the one.
    const fakeGraph = new FakeGraphApi(
      config.WHATSAPP_PHONE_NUMBER_ID,
      config.WHATSAPP_ACCESS_TOKEN,
      `${url}/_graph/download`,
      env.WHATSAPP_WABA_ID || undefined,
    );
    const dynamoDocs = documentClient({
      endpoint: dynamoEndpoint,
      region: 'ap-southeast-3',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });

    const s3Internal = localS3Client(s3Endpoint);
    const s3Public = localS3Client(`${publicUrl}${S3_PROXY_PREFIX}`);
    const blobs = new S3BlobStore(s3Internal, LOCAL_BUCKET, s3Public);
    const drafts = new DynamoDbDraftStore(dynamoDocs, config.TABLE_NAME);

    const offices = await localOffices({
      env: { ...env, WHATSAPP_PHONE_NUMBER_ID: config.WHATSAPP_PHONE_NUMBER_ID },
      dynamo: dynamoDocs,
      tableName: config.TABLE_NAME,
      fakeGraph,
    });
    const LOCAL_MAX_RECEIVE_COUNT = 5;
    // The worker's chosen delay per failed record, given to the queue with the failure.
    const requestedDelaySeconds = new Map<string, number>();
    const conversation = workerHandler(
      {
        blobs,
        env: { ...env, WHATSAPP_API_URL: apiUrl, WHATSAPP_PHONE_NUMBER_ID: config.WHATSAPP_PHONE_NUMBER_ID },
        secrets: secretSource,
        dynamo: dynamoDocs,
        tableName: config.TABLE_NAME,
        uploadBaseUrl: `${publicUrl}/upload`,
        offices: offices.directory,
      },
      {
        maxReceiveCount: LOCAL_MAX_RECEIVE_COUNT,
        retries: {
          retryAfter: async (record, delaySeconds) => {
            requestedDelaySeconds.set(record.messageId, delaySeconds);
          },
        },
      },
    );
    // Retries wait the worker's delay (Meta's 4^X seconds, back-off with jitter: ≈ 8–15 s over the five
    // receives), so a DynamoDB or Graph API hiccup of a few seconds does not dead-letter a message here.
    const durableQueue = new DurableQueue({
      dir: join(dataDir, 'queue'),
      maxReceiveCount: LOCAL_MAX_RECEIVE_COUNT,
      retryBaseMs: 1_000,
      retryMaxMs: config.QUEUE_RETRY_MAX_MS,
    });
    queue = durableQueue;
    await durableQueue.open();
    const eventQueue: EventQueue = {
      enqueue: (events) =>
        durableQueue.send(events.map((event) => ({ groupId: messageGroupOf(event), deduplicationId: event.eventId, body: JSON.stringify(event) }))),
    };
    const webhook = webhookHandler({
      phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID,
      // `OFFICE_ROUTING=worker`: as in AWS, the webhook reads no table and the worker routes other numbers.
      otherOffices: env.OFFICE_ROUTING === 'worker' ? () => 'route-in-worker' : offices.routes,
      secrets: secretSource,
      queue: eventQueue,
      metrics: NO_METRICS,
    });
    if (config.SIM_STATUS_WEBHOOKS) {
      fakeGraph.postStatusesTo(async (body) => {
        const { payload, signature } = signedRequest(body, config.WHATSAPP_APP_SECRET);
        // Over HTTP to the real /webhook, signed with the app secret, like Meta's own.
        const answer = await fetch(`${url}/webhook`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
          body: payload,
        });
        await answer.arrayBuffer();
        return answer.status;
      });
    }
    const office = loadOfficeProfile(env);
    const upload = uploadHandler({
      dynamo: dynamoDocs,
      tableName: config.TABLE_NAME,
      blobs,
      secrets: secretSource,
      office,
      basePath: '/upload',
      // Presigned links go through the same-origin `/_s3` proxy.
      s3Origin: new URL(publicUrl).origin,
    });
    // The officers' admin app, mounted at /admin; the first officer exists before `npm start` says where its password is.
    const clock = { now: () => new Date() };
    const officers = new DynamoDbOfficerStore(dynamoDocs, config.TABLE_NAME);
    const adminPassword = config.ADMIN_PASSWORD ?? persistentKey(join(dataDir, 'admin-password'), generatePassword);
    await ensureFirstOfficer({ officers, clock }, { username: config.ADMIN_USERNAME, password: adminPassword });
    const jobs = dailyJobs({
      dynamo: dynamoDocs,
      tableName: config.TABLE_NAME,
      blobs,
      queue: eventQueue,
      messagingLimit: messagingLimit(env),
      retentionDays: office.retentionDays,
      offices: offices.directory,
    });
    const admin = adminHandler({
      dynamo: dynamoDocs,
      tableName: config.TABLE_NAME,
      blobs,
      queue: eventQueue,
      secrets: secretSource,
      office,
      offices: offices.directory,
      basePath: '/admin',
    });
    const simulator = new Simulator({
      fakeGraph,
      appSecret: config.WHATSAPP_APP_SECRET,
      phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID,
      webhookUrl: `${url}/webhook`,
      offices: async () =>
        (await offices.directory.all())
          .filter((office) => !office.disabled)
          .map((office) => ({ id: office.id, name: office.officeName, phoneNumberId: office.phoneNumberId })),
    });

    // The same apps AWS runs, mounted at their paths, then the local server's own.
    const tools = localToolsApp({
      ready: () => ready,
      queueDepth: () => durableQueue.depth,
      jobs,
      replayDeadLetters: () => durableQueue.replayDeadLetters(),
      fakeGraph,
      toolsEnabled: localToolsEnabled,
    });
    const mounts = serveMounts([
      { at: WEBHOOK_PATH, paths: 'exact', app: webhook, routeKey: (method) => `${method} ${WEBHOOK_PATH}` },
      { at: '/upload', app: upload },
      { at: '/admin', app: admin },
      { at: S3_PROXY_PREFIX, paths: 'below', node: (request, response) => proxyToS3(s3Endpoint, request, response) },
      {
        at: '/sim',
        node: async (request, response, path) => {
          // Like the job routes: no login, so only on loopback.
          if (localToolsEnabled) await simulator.handle(request, response, path);
          else response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        },
      },
      { at: '', app: tools },
    ]);
    route = (request, response) => mounts(request, response, new URL(request.url ?? '/', 'http://localhost').pathname);

    durableQueue.start(async (message) => {
      const result = await conversation(sqsEventOf(message));
      const delaySeconds = requestedDelaySeconds.get(message.messageId);
      requestedDelaySeconds.delete(message.messageId);
      if (result.batchItemFailures.length === 0) return;
      if (delaySeconds === undefined) throw new Error('event failed; it will be retried');
      throw new RetryLaterError(delaySeconds * 1000 * config.QUEUE_RETRY_SCALE);
    });
    ready = true;

    return {
      url,
      port,
      config,
      secrets,
      fakeGraph,
      queue: durableQueue,
      dynamoEndpoint,
      blobs,
      drafts,
      eventQueue,
      adminPassword,
      localToolsEnabled,
      dynamoLoopbackOnly: dynamo?.loopbackOnly ?? true,
      offices,
      async stop() {
        ready = false;
        fakeGraph.close();
        await new Promise<void>((resolveClose) => {
          server.close(() => resolveClose());
          server.closeAllConnections();
        });
        await durableQueue.close();
        dynamoDocs.destroy();
        rawClient.destroy();
        s3Internal.destroy();
        s3Public.destroy();
        await Promise.all([dynamo?.stop(), s3?.stop()]);
      },
    };
  } catch (error) {
    server.close();
    await queue?.close();
    await Promise.all([dynamo?.stop(), s3?.stop()]);
    throw error;
  }
}

/** The record SQS would hand the worker for this message. */
function sqsEventOf(message: QueuedMessage): SQSEvent {
  return {
    Records: [
      {
        messageId: message.messageId,
        receiptHandle: `local-${message.seq}-${message.receiveCount}`,
        body: message.body,
        attributes: {
          ApproximateReceiveCount: String(message.receiveCount),
          SentTimestamp: String(message.sentAt),
          SenderId: 'local',
          ApproximateFirstReceiveTimestamp: String(Date.now()),
          MessageGroupId: message.groupId,
          MessageDeduplicationId: message.deduplicationId,
          SequenceNumber: String(message.seq),
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:local:000000000000:si-bapao-events.fifo',
        awsRegion: 'local',
      },
    ],
  };
}

function persistentKey(path: string, generate: () => string = () => randomBytes(32).toString('base64url')): string {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const key = generate();
  writeFileSync(path, key, { mode: 0o600 });
  return key;
}

/** 127.0.0.0/8, ::1 and `localhost`: only this machine can connect. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
}
