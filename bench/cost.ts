/**
 * An estimate of the AWS bill for a month of registrations (2,000 by default; the README also states
 * 50,000), from the resources in the synthesized
 * templates (functions and their memory, queues, table, buckets, secrets, schedules, keys) and a usage
 * model whose every assumption is a named constant below. Prices: ap-southeast-3 (Jakarta), where the
 * service is deployed, on-demand list prices; the free amounts AWS gives every account for ever (not the
 * 12-month offers) are counted, each named below: they are the account's, shared with anything else in it.
 * Meta's per-message charges are estimated apart (`estimateMetaCharges`), from the templates the service
 * sends outside the 24-hour window.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { loadOfficeProfile } from '../lambdas/config';
import { METRICS } from '../lambdas/metric-names';
import { buildApp } from '../lib/app';
import { testDeployConfig } from '../test/support/deploy-config';
import { round } from './stats';

/**
 * USD, ap-southeast-3 (Jakarta), from AWS's public price pages for that region as read in 2026: check the
 * AWS Pricing Calculator before quoting a budget. Lambda's, Secrets Manager's and CloudWatch's metric,
 * alarm and dashboard prices are the same as us-east-1's; DynamoDB, S3, API Gateway, Logs and transfer
 * cost more in Jakarta.
 */
export const PRICES = {
  lambdaArmGbSecond: 0.0000133334,
  lambdaX86GbSecond: 0.0000166667,
  lambdaPerMillionRequests: 0.2,
  /** Always free, every account: 1 M requests and 400,000 GB-seconds a month. */
  lambdaFreeRequests: 1_000_000,
  lambdaFreeGbSeconds: 400_000,
  httpApiPerMillion: 1.2,
  sqsFifoPerMillion: 0.5,
  /** Always free, every account: the first 1 M SQS requests a month (standard and FIFO together). */
  sqsFreeRequests: 1_000_000,
  dynamoPerMillionWrites: 0.7125,
  dynamoPerMillionReads: 0.1425,
  dynamoGbMonth: 0.285,
  /** Always free, every account: 25 GB of table storage. */
  dynamoFreeGb: 25,
  dynamoPitrGbMonth: 0.228,
  s3GbMonth: 0.025,
  s3PerThousandPuts: 0.005,
  s3PerThousandGets: 0.0004,
  secretPerMonth: 0.4,
  secretPer10kCalls: 0.05,
  logsIngestGb: 0.67,
  logsStoreGbMonth: 0.033,
  /** Always free, every account: 5 GB of logs a month (ingested, archived, scanned by Logs Insights). */
  logsFreeGb: 5,
  kmsKeyPerMonth: 1.0,
  /** The first 14 million invocations a month are free for every account. */
  schedulerPerMillionAfter14M: 1.0,
  /** The first 100 GB out to the internet a month are free for every account. */
  transferOutGbAfter100: 0.12,
  /** Per custom metric (a name and dimension set) a month; the first 10 are free for every account. */
  cloudWatchMetricMonth: 0.3,
  cloudWatchFreeMetrics: 10,
  /** Per standard-resolution alarm a month; the first 10 are free for every account. */
  cloudWatchAlarmMonth: 0.1,
  cloudWatchFreeAlarms: 10,
  /** Per dashboard a month; the first 3 of an account are free (counted here as if this were the only one). */
  cloudWatchDashboardMonth: 3.0,
  cloudWatchFreeDashboards: 3,
} as const;

/**
 * Meta's charge for one delivered utility template to an Indonesian number (+62), USD. Source: Meta's
 * WhatsApp Business Platform rate card, Indonesia utility rate USD 0.0200 (in force from 1 August 2024, as
 * reprinted by Haptik, haptik.ai/blog/whatsapp-pricing-authentication-solution-charges, read 2026). Since 1 July
 * 2025 Meta charges per delivered template, utility templates inside an open 24-hour window are free, and
 * volume tiers lower the utility rate: no tier discount is assumed. Check the current rate card
 * (developers.facebook.com/docs/whatsapp/pricing) before quoting a budget.
 */
export const META_UTILITY_TEMPLATE_USD_INDONESIA = 0.02;

/** Templates the service sends outside the customer service window, per registration. */
export const META_USAGE = {
  /** The H-1 reminder: the applicant rarely wrote in the last 24 hours. */
  reminder: { perRegistration: 1, outsideWindowShare: 0.95 },
  /** The officer's decision (confirmation with the PDF, fix request, cancellation): often more than 24 hours after the applicant's last message. */
  decision: { perRegistration: 1.3, outsideWindowShare: 0.5 },
  /** Date moves by officers (stage 7). */
  reschedule: { perRegistration: 0.1, outsideWindowShare: 0.8 },
} as const;

export interface MetaCharges {
  readonly registrationsPerMonth: number;
  readonly templatesPerMonth: number;
  readonly usdPerTemplate: number;
  readonly monthlyUsd: number;
}

export function estimateMetaCharges(registrationsPerMonth: number): MetaCharges {
  const perRegistration = Object.values(META_USAGE).reduce((sum, use) => sum + use.perRegistration * use.outsideWindowShare, 0);
  const templatesPerMonth = Math.round(registrationsPerMonth * perRegistration);
  return {
    registrationsPerMonth,
    templatesPerMonth,
    usdPerTemplate: META_UTILITY_TEMPLATE_USD_INDONESIA,
    monthlyUsd: round(templatesPerMonth * META_UTILITY_TEMPLATE_USD_INDONESIA, 2),
  };
}

/** The usage model, per registration unless named otherwise. */
export const USAGE = {
  registrationsPerMonth: 2000,
  /** Conversations that end without a registration (questions, abandoned), as extra traffic. */
  extraConversationShare: 0.3,
  inboundMessages: 8,
  outboundMessages: 8,
  /** Meta's status callbacks per outbound message: sent, delivered, read. */
  statusesPerOutbound: 3,
  /** A status event: one or two conditional updates of the delivery record, no read, no Graph call (handleStatus). */
  dynamoWritesPerStatus: 2,
  statusMs: 40,
  /** Officer decisions and the reminder: notify and reminder events on the applicant's stream. */
  otherEvents: 3,
  uploadRequests: 16,
  adminRequests: 30,
  documentsMb: 2,
  documentPuts: 6,
  objectGets: 20,
  webhookMs: 30,
  /** Dominated by the Graph API's answer (≈ 200–400 ms from AWS to Meta). */
  conversationMs: 350,
  uploadMs: 80,
  adminMs: 120,
  reminderMs: 3000,
  pendingCheckMs: 200,
  dynamoReadsPerEvent: 4,
  /** Transactions cost two write units an item; index copies one more each. */
  dynamoWritesPerEvent: 8,
  /** Registration, session, audit, delivery and idempotency items: 0.5 GB at 2,000 registrations a month. */
  tableGbPerRegistration: 0.5 / 2000,
  /** Lambda's SQS pollers with long polling on an idle queue: about 5 × 3 requests a minute. */
  sqsIdlePollsPerMonth: 5 * 3 * 60 * 24 * 30,
  secretCallsPerMonth: 10_000,
  /** At INFO: the function's own lines and Lambda's START/END/REPORT. */
  logKbPerInvocation: 1.5,
  /** At WARN (the default, deploy configuration `logLevel`): Lambda's START/END/REPORT and the EMF lines. */
  logKbPerInvocationAtWarn: 0.6,
  /** The HTTP API's access log line per webhook request. */
  accessLogKbPerRequest: 0.3,
} as const;

export interface CostFigures {
  readonly monthlyUsd: number;
  readonly region: string;
  readonly lines: { item: string; usd: number; basis: string }[];
  readonly resources: Record<string, number>;
}

type Resource = { Type: string; Properties?: Record<string, unknown> };

export function estimateCost(options: { dynamoCallsPerStep?: number; registrationsPerMonth?: number; logLevel?: 'INFO' | 'WARN' } = {}): CostFigures {
  // cdk.json's feature flags, as `cdk synth` applies them; no bundling (sizes are measured apart).
  const cdkJson = JSON.parse(readFileSync(join(__dirname, '..', 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  const built = buildApp(app, testDeployConfig());
  const resources: [string, Resource][] = [built.stateful, built.stateless].flatMap((stack) =>
    Object.entries((Template.fromStack(stack).toJSON() as { Resources: Record<string, Resource> }).Resources),
  );
  const count = (type: string) => resources.filter(([, resource]) => resource.Type === type).length;
  const functions = resources
    .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function')
    .map(([id, resource]) => ({
      id,
      memoryGb: Number(resource.Properties?.MemorySize ?? 128) / 1024,
      arm: JSON.stringify(resource.Properties?.Architectures ?? []).includes('arm64'),
    }));

  const u = USAGE;
  const registrations = options.registrationsPerMonth ?? u.registrationsPerMonth;
  const traffic = 1 + u.extraConversationShare;
  const webhooks = registrations * traffic * (u.inboundMessages + u.outboundMessages * u.statusesPerOutbound);
  const statusEvents = registrations * traffic * u.outboundMessages * u.statusesPerOutbound;
  const events = webhooks + registrations * u.otherEvents;
  const messageEvents = events - statusEvents;
  const invocations: Record<string, { count: number; ms: number }> = {
    Webhook: { count: webhooks, ms: u.webhookMs },
    Conversation: { count: events, ms: (messageEvents * u.conversationMs + statusEvents * u.statusMs) / events },
    Upload: { count: registrations * u.uploadRequests, ms: u.uploadMs },
    Admin: { count: registrations * u.adminRequests, ms: u.adminMs },
    // The daily reminders (3 s each), the end of the day and the hourly job (offices' own hours, waitlist offers: ≈ the backlog check's 200 ms).
    Reminder: { count: 30 + 30 + 24 * 30, ms: (30 * u.reminderMs + (30 + 24 * 30) * u.pendingCheckMs) / (30 + 30 + 24 * 30) },
    PendingCheck: { count: 24 * 30, ms: u.pendingCheckMs },
  };

  const lines: { item: string; usd: number; basis: string }[] = [];
  let lambdaGbSeconds = 0;
  let lambdaRequests = 0;
  const described: string[] = [];
  for (const fn of functions) {
    const name = Object.keys(invocations).find((prefix) => fn.id.startsWith(prefix));
    if (!name) continue; // CDK's own helpers (custom resources) run at deploy time only
    const usage = invocations[name];
    if (!usage) continue;
    lambdaGbSeconds += usage.count * (usage.ms / 1000) * fn.memoryGb;
    lambdaRequests += usage.count;
    described.push(
      `${name} ${usage.count >= 1000 ? `${Math.round(usage.count / 1000)}k` : usage.count} × ${Math.round(usage.ms)} ms × ${fn.memoryGb * 1024} MB${fn.arm ? ' arm64' : ''}`,
    );
  }
  // Every function is arm64 (SiBapaoFunction).
  const lambdaUsd =
    Math.max(0, lambdaGbSeconds - PRICES.lambdaFreeGbSeconds) * PRICES.lambdaArmGbSecond +
    (Math.max(0, lambdaRequests - PRICES.lambdaFreeRequests) / 1e6) * PRICES.lambdaPerMillionRequests;
  lines.push({
    item: 'Lambda',
    usd: lambdaUsd,
    basis: `${described.join('; ')}: ${Math.round(lambdaGbSeconds / 1000)}k GB-s and ${Math.round(lambdaRequests / 1000)}k requests (400k GB-s and 1 M requests free)`,
  });

  const httpApis = count('AWS::ApiGatewayV2::Api');
  lines.push({
    item: 'API Gateway (HTTP API)',
    usd: httpApis > 0 ? (webhooks / 1e6) * PRICES.httpApiPerMillion : 0,
    basis: `${Math.round(webhooks / 1000)}k webhook requests`,
  });

  const fifoQueues = resources.filter(([, resource]) => resource.Type === 'AWS::SQS::Queue' && resource.Properties?.FifoQueue === true).length;
  const sqsRequests = events * 3 + webhooks + u.sqsIdlePollsPerMonth;
  lines.push({
    item: 'SQS FIFO',
    usd: fifoQueues > 0 ? (Math.max(0, sqsRequests - PRICES.sqsFreeRequests) / 1e6) * PRICES.sqsFifoPerMillion : 0,
    basis: `${fifoQueues} FIFO queues; send, receive, delete per event plus idle long polling ≈ ${round(sqsRequests / 1e6, 2)} M requests (1 M free)`,
  });

  const tableGb = registrations * u.tableGbPerRegistration;
  const dynamoReads = messageEvents * u.dynamoReadsPerEvent;
  const dynamoWrites = messageEvents * u.dynamoWritesPerEvent + statusEvents * u.dynamoWritesPerStatus;
  const pitr = resources.some(
    ([, resource]) => resource.Type === 'AWS::DynamoDB::Table' && JSON.stringify(resource.Properties ?? {}).includes('"PointInTimeRecoveryEnabled":true'),
  );
  lines.push({
    item: 'DynamoDB (on demand)',
    usd:
      (dynamoReads / 1e6) * PRICES.dynamoPerMillionReads +
      (dynamoWrites / 1e6) * PRICES.dynamoPerMillionWrites +
      Math.max(0, tableGb - PRICES.dynamoFreeGb) * PRICES.dynamoGbMonth +
      tableGb * (pitr ? PRICES.dynamoPitrGbMonth : 0),
    basis:
      `${Math.round(dynamoReads / 1000)}k reads, ${Math.round(dynamoWrites / 1000)}k write units (status events 2 each, the rest ${u.dynamoWritesPerEvent})` +
      `${options.dynamoCallsPerStep ? ` (a step makes ${options.dynamoCallsPerStep} calls, measured)` : ''}, ${round(tableGb, 1)} GB (25 GB free)${pitr ? ', PITR on all of it' : ''}`,
  });

  const retentionDays = loadOfficeProfile({}).retentionDays;
  const retentionMonths = retentionDays / 30;
  const storedGb = (registrations * u.documentsMb * retentionMonths) / 1024;
  lines.push({
    item: 'S3',
    usd:
      storedGb * PRICES.s3GbMonth +
      ((registrations * u.documentPuts) / 1000) * PRICES.s3PerThousandPuts +
      ((registrations * u.objectGets) / 1000) * PRICES.s3PerThousandGets,
    basis: `${count('AWS::S3::Bucket')} buckets; ${round(storedGb, 1)} GB of documents kept ${retentionDays} days; ${u.documentPuts} PUT and ${u.objectGets} GET per registration`,
  });

  const secrets = count('AWS::SecretsManager::Secret');
  lines.push({
    item: 'Secrets Manager',
    usd: secrets * PRICES.secretPerMonth + (u.secretCallsPerMonth / 10_000) * PRICES.secretPer10kCalls,
    basis: `${secrets} secret; ≤ 1 read per container per 5 minutes ≈ ${u.secretCallsPerMonth / 1000}k calls`,
  });

  const logLevel = options.logLevel ?? 'WARN';
  const kbPerInvocation = logLevel === 'WARN' ? u.logKbPerInvocationAtWarn : u.logKbPerInvocation;
  const logGb = (lambdaRequests * kbPerInvocation + webhooks * u.accessLogKbPerRequest) / (1024 * 1024);
  lines.push({
    item: 'CloudWatch Logs',
    usd: Math.max(0, logGb - PRICES.logsFreeGb) * PRICES.logsIngestGb + logGb * PRICES.logsStoreGbMonth,
    basis: `${count('AWS::Logs::LogGroup')} log groups, 1 month retention, functions at ${logLevel}; ≈ ${round(logGb, 2)} GB a month (5 GB free)`,
  });

  // EMF metrics: one series per name on the service dimension (breakdowns are properties, not dimensions).
  const functionCount = functions.filter((fn) => Object.keys(invocations).some((prefix) => fn.id.startsWith(prefix))).length;
  const metricSeries = Object.values(METRICS).length;
  const alarms = count('AWS::CloudWatch::Alarm');
  const dashboards = count('AWS::CloudWatch::Dashboard');
  lines.push({
    item: 'CloudWatch metrics, alarms, dashboard',
    usd:
      Math.max(0, metricSeries - PRICES.cloudWatchFreeMetrics) * PRICES.cloudWatchMetricMonth +
      Math.max(0, alarms - PRICES.cloudWatchFreeAlarms) * PRICES.cloudWatchAlarmMonth +
      Math.max(0, dashboards - PRICES.cloudWatchFreeDashboards) * PRICES.cloudWatchDashboardMonth,
    basis: `${metricSeries} custom metric series (EMF; 10 free), ${alarms} alarms (10 free: ${Math.max(0, alarms - PRICES.cloudWatchFreeAlarms)} × $0.10), ${dashboards} dashboard (3 free); SNS e-mails within the free 1,000`,
  });

  const schedules = count('AWS::Scheduler::Schedule');
  lines.push({ item: 'EventBridge Scheduler', usd: 0, basis: `${schedules} schedules, ≈ 1,500 runs a month (within the 14 M free)` });
  const keys = count('AWS::KMS::Key');
  if (keys > 0) lines.push({ item: 'KMS', usd: keys * PRICES.kmsKeyPerMonth, basis: `${keys} customer managed keys` });
  lines.push({ item: 'Data transfer out', usd: 0, basis: `≈ ${round((registrations * u.documentsMb) / 1024, 1)} GB a month (within the 100 GB free)` });

  const monthlyUsd = lines.reduce((sum, line) => sum + line.usd, 0);
  return {
    monthlyUsd: round(monthlyUsd, 2),
    region: 'ap-southeast-3',
    lines: lines.map((line) => ({ ...line, usd: round(line.usd, 2) })),
    resources: {
      functions: functionCount,
      alarms,
      dashboards,
      fifoQueues,
      tables: count('AWS::DynamoDB::Table'),
      buckets: count('AWS::S3::Bucket'),
      secrets,
      logGroups: count('AWS::Logs::LogGroup'),
      httpApis,
      schedules,
      kmsKeys: keys,
    },
  };
}
