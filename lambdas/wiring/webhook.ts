/**
 * The webhook's wiring. Its two AWS calls are single signed requests (aws-json-api.ts) rather than the
 * SDK's clients: Meta wants a fast 200, and the SDK would triple this function's cold start (README
 * "Performance"). The local server gives the same handler its own queue and secrets.
 */
import { awsJsonClient, environmentCredentials, signedSecretsSource, signedSqs } from '../adapters/aws-json-api';
import { logger } from '../adapters/logger';
import { emfMetrics } from '../adapters/metrics';
import type { SecretSource } from '../adapters/secrets';
import { SqsEventQueue } from '../adapters/sqs-event-queue';
import { processEnvironment } from '../config/env';
import { webhookConfig } from '../config/webhook';
import { createWebhookHandler } from '../handlers/webhook-handler';
import type { EventQueue, Metrics } from '../ports';
import { lambdaEntry } from './lambda-entry';

export interface WebhookParts {
  readonly phoneNumberId: string;
  readonly otherOffices?: () => Promise<ReadonlyMap<string, string>> | 'route-in-worker';
  readonly secrets: SecretSource;
  readonly queue: EventQueue;
  readonly metrics: Metrics;
}

export function webhookHandler(parts: WebhookParts) {
  return createWebhookHandler({ ...parts, log: logger });
}

export function awsWebhook(env = processEnvironment()) {
  const config = webhookConfig(env);
  const aws = awsJsonClient({ region: config.region, credentials: environmentCredentials(env) });
  const metrics = emfMetrics(config.serviceName);
  return lambdaEntry(
    metrics,
    webhookHandler({
      phoneNumberId: config.phoneNumberId,
      // The webhook reads no table (a fast 200, least privilege): the worker routes other numbers to their office.
      otherOffices: () => 'route-in-worker',
      secrets: signedSecretsSource(aws, config.secretArn),
      queue: new SqsEventQueue(signedSqs(aws), config.queueUrl),
      metrics,
    }),
  );
}
