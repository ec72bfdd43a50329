/**
 * The code really emits each metric an alarm watches: the alarms are read from the synthesized template,
 * then the real handlers (webhook, conversation worker, reminder job, backlog check) run against DynamoDB
 * Local and the fake Graph API with the real EMF adapter, and what Powertools writes to stdout is read
 * back as CloudWatch would: namespace, dimension set and metric name.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentClient } from '../../lambdas/adapters/dynamodb-client';
import { DynamoDbHeartbeat } from '../../lambdas/adapters/dynamodb-heartbeat';
import { DynamoDbPendingBacklog } from '../../lambdas/adapters/dynamodb-pending-backlog';
import { DynamoDbDeliveryStore } from '../../lambdas/adapters/dynamodb-delivery-store';
import { DynamoDbSessionStore } from '../../lambdas/adapters/dynamodb-session-store';
import type { Registration } from '../../lambdas/domain/registration';
import { emfMetrics, withMetrics } from '../../lambdas/adapters/metrics';
import { staticSecrets } from '../../lambdas/adapters/secrets';
import { workerDeps } from '../../lambdas/wiring/worker';
import { createConversationHandler } from '../../lambdas/handlers/conversation-handler';
import { createAdminHandler } from '../../lambdas/handlers/admin-handler';
import type { RegistrationsApi } from '../../lambdas/admin/officer-api';
import { DynamoDbOfficerStore } from '../../lambdas/adapters/dynamodb-officer-store';
import { createReminderHandler } from '../../lambdas/handlers/reminder-handler';
import { createWebhookHandler } from '../../lambdas/handlers/webhook-handler';
import { METRIC_NAMESPACE, METRICS } from '../../lambdas/metric-names';
import { stageNames } from '../../lib/deploy-config';
import type { QueueEvent } from '../../lambdas/queue-events';
import { checkPendingOverdue } from '../../lambdas/use-cases/check-pending-overdue';
import { runReminders } from '../../lambdas/use-cases/run-reminders';
import { buildApp } from '../../lib/app';
import { testDeployConfig } from '../support/deploy-config';
import { messageEnvelope, signedRequest, statusEnvelope } from '../../local/meta-envelope';
import { sqsEvent } from '../support/sqs-event';
import { startTestServer, type TestServer } from '../support/test-server';
import { MATARAM } from '../support/offices';
import { officeDirectory, seedOffice, type OfficeDirectory } from '../../lambdas/config';

interface EmfLine {
  _aws: { CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string }> }> };
  [key: string]: unknown;
}

/** What the test stage's functions are told to call themselves (POWERTOOLS_SERVICE_NAME), as the alarms expect. */
const SERVICE = stageNames(testDeployConfig().stage).metricService;

function alarmMetricNames(): string[] {
  const cdkJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  const built = buildApp(new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } }), testDeployConfig());
  const alarms = Object.values(Template.fromStack(built.stateless).findResources('AWS::CloudWatch::Alarm')) as Array<{
    Properties: { Namespace?: string; MetricName?: string };
  }>;
  return [...new Set(alarms.filter((a) => a.Properties.Namespace === METRIC_NAMESPACE).map((a) => String(a.Properties.MetricName)))].sort();
}

/** Metric names written on the series alarms watch: our namespace, the dimension set `[service]`. */
function alarmSeries(lines: readonly EmfLine[]): Set<string> {
  const names = new Set<string>();
  for (const line of lines) {
    if (line.service !== SERVICE) continue;
    for (const directive of line._aws.CloudWatchMetrics) {
      const serviceOnly = directive.Dimensions.some((set) => set.length === 1 && set[0] === 'service');
      if (directive.Namespace === METRIC_NAMESPACE && serviceOnly) for (const metric of directive.Metrics) names.add(metric.Name);
    }
  }
  return names;
}

function webhookPost(payload: string, signature: string): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /webhook',
    rawPath: '/webhook',
    rawQueryString: '',
    headers: { 'x-hub-signature-256': signature },
    requestContext: { http: { method: 'POST', path: '/webhook' } } as APIGatewayProxyEventV2['requestContext'],
    body: payload,
    isBase64Encoded: false,
  };
}

let server: TestServer;
const written: string[] = [];
let stdout: jest.SpyInstance;
const initializationType = process.env.AWS_LAMBDA_INITIALIZATION_TYPE;

beforeAll(async () => {
  server = await startTestServer();
  // Powertools counts a cold start only in on-demand containers, as Lambda says through this variable.
  process.env.AWS_LAMBDA_INITIALIZATION_TYPE = 'on-demand';
  stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
});

afterAll(async () => {
  stdout.mockRestore();
  if (initializationType === undefined) delete process.env.AWS_LAMBDA_INITIALIZATION_TYPE;
  else process.env.AWS_LAMBDA_INITIALIZATION_TYPE = initializationType;
  await server.cleanUp();
});

function emitted(): EmfLine[] {
  return written
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{"_aws"'))
    .map((line) => JSON.parse(line) as EmfLine);
}

/**
 * The webhook entry and the conversation worker as lambdas/webhook.ts and lambdas/conversation.ts wire
 * them, each with the real EMF adapter (the queue between them kept here instead of SQS), sending to the
 * fake Graph API; `offices`: a registry, routed in the worker as in AWS. Resolves when the worker is done.
 */
function webhookThenWorker(dynamo: ReturnType<typeof documentClient>, offices?: OfficeDirectory): (body: Record<string, unknown>) => Promise<void> {
  const phoneNumberId = server.config.WHATSAPP_PHONE_NUMBER_ID;
  const secrets = staticSecrets(server.secrets);
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const queued: QueueEvent[] = [];
  const webhookMetrics = emfMetrics(SERVICE);
  const webhook = withMetrics(
    webhookMetrics,
    createWebhookHandler({
      phoneNumberId,
      ...(offices ? { otherOffices: () => 'route-in-worker' as const } : {}),
      secrets,
      queue: { enqueue: async (events) => void queued.push(...events) },
      metrics: webhookMetrics,
      log,
    }),
  );
  const workerMetrics = emfMetrics(SERVICE);
  const worker = withMetrics(
    workerMetrics,
    createConversationHandler(
      workerDeps({
        env: { WHATSAPP_API_URL: `${server.url}/_graph/v25.0`, WHATSAPP_PHONE_NUMBER_ID: phoneNumberId },
        secrets,
        dynamo,
        blobs: server.blobs,
        tableName: server.config.TABLE_NAME,
        uploadBaseUrl: `${server.url}/upload`,
        metrics: workerMetrics,
        ...(offices ? { offices } : {}),
      }),
    ),
  );
  return async (body) => {
    const { payload, signature } = signedRequest(body, server.secrets.WHATSAPP_APP_SECRET);
    expect((await webhook(webhookPost(payload, signature), { functionName: 'webhook' })).statusCode).toBe(200);
    expect((await worker(sqsEvent(queued.splice(0)), { functionName: 'conversation' })).batchItemFailures).toEqual([]);
  };
}

it('emits, on the service series, every metric an alarm in the template watches', async () => {
  const dynamo = documentClient({ endpoint: server.dynamoEndpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
  const tableName = server.config.TABLE_NAME;
  const phoneNumberId = server.config.WHATSAPP_PHONE_NUMBER_ID;
  const clock = { now: () => new Date() };
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const waId = '6281299990001';

  const deliver = webhookThenWorker(dynamo);

  // An applicant writes; the bot answers; Meta then reports that answer failed.
  await deliver(messageEnvelope(phoneNumberId, { waId, name: 'Budi' }, { text: 'Assalamualaikum' }).body);
  const [reply] = server.fakeGraph.sentTo(waId);
  expect(reply).toBeDefined();
  await deliver(statusEnvelope(phoneNumberId, waId, reply?.id ?? '', 'failed', 131026));

  // The reminder job, as lambdas/reminder.ts wires it, on a day Meta's messaging limit (250) is used up
  // and one applicant outside their window is due tomorrow.
  const reminderMetrics = emfMetrics(SERVICE);
  const deliveries = new DynamoDbDeliveryStore(dynamo, tableName);
  const due: Registration = {
    queueNumber: 'KRC-901',
    name: 'Siti Aminah',
    placeOfBirth: 'Sungai Penuh',
    dateOfBirth: '1990-05-17',
    nik: '1501015705900001',
    phone: '6281299990002',
    serviceId: 1,
    status: 'DIKONFIRMASI',
    createdAt: '2026-11-01T01:00:00.000Z',
    ownerKey: '6281299990002',
    ownerWaId: '6281299990002',
    draftId: 'draft-901',
    documentsMode: 'web',
    flags: [],
    appointmentDate: '2026-11-11',
    appointmentTime: '09:00',
    rescheduled: false,
  };
  const reminder = withMetrics(
    reminderMetrics,
    createReminderHandler({
      run: (today) =>
        runReminders(today, {
          registrations: { listByDay: async (date) => (date === due.appointmentDate ? [due] : []) },
          queue: { enqueue: async () => undefined },
          heartbeat: (run) => new DynamoDbHeartbeat(dynamo, tableName).record(run),
          clock,
          messagingLimit: 250,
          sessions: new DynamoDbSessionStore(dynamo, tableName),
          deliveries: {
            templateSendsInLast24Hours: async () => 250,
            recordFailedSend: (failure) => deliveries.recordFailedSend(failure),
            reminderSlots: (date) => deliveries.reminderSlots(date),
            reserveReminderSlots: (date, numbers, at) => deliveries.reserveReminderSlots(date, numbers, at),
          },
          metrics: reminderMetrics,
          log,
        }),
      clock,
      metrics: reminderMetrics,
      log,
    }),
  );
  await reminder({ date: '2026-11-10' }, { functionName: 'reminder' });

  // The hourly backlog check, as lambdas/pending-check.ts wires it.
  const checkMetrics = emfMetrics(SERVICE);
  await withMetrics(checkMetrics, () => checkPendingOverdue({ backlog: new DynamoDbPendingBacklog(dynamo, tableName), clock, metrics: checkMetrics }))(
    undefined,
    { functionName: 'pending-check' },
  );
  // The admin app, as lambdas/admin.ts wires it: a wrong password is a failed login.
  const adminMetrics = emfMetrics(SERVICE);
  const admin = withMetrics(
    adminMetrics,
    createAdminHandler({
      officers: new DynamoDbOfficerStore(dynamo, tableName),
      registrations: {} as RegistrationsApi,
      sessionKey: async () => 'a-session-key-for-the-metrics-test',
      clock,
      basePath: '',
      log: { ...log, error: () => undefined },
      metrics: adminMetrics,
    }),
  );
  const wrongLogin: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/api/login',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    requestContext: { http: { method: 'POST', path: '/api/login', sourceIp: '203.0.113.9' } } as APIGatewayProxyEventV2['requestContext'],
    body: JSON.stringify({ username: 'admin', password: 'bukan-kata-sandinya' }),
    isBase64Encoded: false,
  };
  expect((await admin(wrongLogin, { functionName: 'admin' })).statusCode).toBe(401);
  dynamo.destroy();

  const watched = alarmMetricNames();
  expect(watched).toEqual(expect.arrayContaining([METRICS.failedSends, METRICS.reminderRunCompleted, METRICS.pendingOverdue]));
  const series = alarmSeries(emitted());
  const missing = watched.filter((name) => !series.has(name));
  expect(missing).toEqual([]);
});

it('also emits what the dashboard breaks down (statuses and failures by code) as properties of service-only lines, and no cold-start series', () => {
  const lines = emitted();
  const series = alarmSeries(lines);
  for (const name of [METRICS.inboundMessages, METRICS.messageStatuses, METRICS.remindersQueued]) expect(series.has(name)).toBe(true);
  const withProperty = (metric: string, property: string) =>
    lines.filter((line) => line._aws.CloudWatchMetrics.some((d) => d.Metrics.some((m) => m.Name === metric)) && property in line);
  expect(withProperty(METRICS.failedSends, 'ErrorCode').map((line) => line.ErrorCode)).toEqual(['131026']);
  expect(withProperty(METRICS.messageStatuses, 'Status').map((line) => line.Status)).toEqual(['failed']);
  // Each name one paid series at most: no line has a dimension set beyond the service.
  expect(lines.flatMap((line) => line._aws.CloudWatchMetrics.flatMap((d) => d.Dimensions)).filter((set) => set.join() !== 'service')).toEqual([]);
  expect(lines.filter((line) => line._aws.CloudWatchMetrics.some((d) => d.Metrics.some((m) => m.Name === 'ColdStart')))).toEqual([]);
});

it("names the office on each count the worker makes for it, so the dashboard's per-office table counts each office apart", async () => {
  const dynamo = documentClient({ endpoint: server.dynamoEndpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
  const phoneNumberId = server.config.WHATSAPP_PHONE_NUMBER_ID;
  const offices = officeDirectory({ seed: seedOffice({ WHATSAPP_PHONE_NUMBER_ID: phoneNumberId }), registry: { list: async () => [MATARAM] } });
  // Meta knows the second office's number (the local server registers its offices' numbers the same way).
  server.fakeGraph.otherPhoneNumberIds.add(MATARAM.phoneNumberId);
  // As in AWS: the webhook reads no registry, the worker routes a message to the office of its number.
  const deliver = webhookThenWorker(dynamo, offices);
  const from = emitted().length;
  // One applicant writes to each office; Meta reports each office's answer failed.
  for (const [number, waId, code] of [
    [MATARAM.phoneNumberId, '6281299990011', 131026],
    [phoneNumberId, '6281299990012', 131049],
  ] as const) {
    await deliver(messageEnvelope(number, { waId, name: 'Rina' }, { text: 'Halo' }).body);
    const [reply] = server.fakeGraph.sentTo(waId);
    await deliver(statusEnvelope(number, waId, reply?.id ?? '', 'failed', code));
  }
  dynamo.destroy();

  const lines = emitted().slice(from);
  const byOffice = (metric: string) =>
    lines
      .filter((line) => line._aws.CloudWatchMetrics.some((d) => d.Metrics.some((m) => m.Name === metric)))
      .map((line) => `${String(line.Office)} ${String(line.ErrorCode ?? line.Status)}`);
  expect(byOffice(METRICS.failedSends)).toEqual(['mataram 131026', 'kerinci 131049']);
  expect(byOffice(METRICS.messageStatuses)).toEqual(['mataram failed', 'kerinci failed']);
  // Still one paid series per name: the office is a property of the line, never a dimension.
  expect(lines.flatMap((line) => line._aws.CloudWatchMetrics.flatMap((d) => d.Dimensions)).filter((set) => set.join() !== 'service')).toEqual([]);
});
