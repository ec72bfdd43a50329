/**
 * AWS entry of the webhook Lambda: wiring built once per container, then the shared handler. Its two AWS
 * calls are single signed requests (aws-json-api.ts) rather than the SDK's clients: Meta wants a fast 200,
 * and the SDK would triple this function's cold start (README "Performance").
 */
import { awsJsonClient, environmentCredentials, signedSecretsSource, signedSqs } from './adapters/aws-json-api';
import { logger } from './adapters/logger';
import { emfMetrics, withMetrics } from './adapters/metrics';
import { SqsEventQueue } from './adapters/sqs-event-queue';
import { requireEnv } from './env';
import { createWebhookHandler } from './handlers/webhook-handler';

const aws = awsJsonClient({ region: requireEnv(process.env, 'AWS_REGION'), credentials: environmentCredentials() });

const metrics = emfMetrics(process.env.POWERTOOLS_SERVICE_NAME);

export const handler = withMetrics(
  metrics,
  createWebhookHandler({
    phoneNumberId: requireEnv(process.env, 'WHATSAPP_PHONE_NUMBER_ID'),
    secrets: signedSecretsSource(aws, requireEnv(process.env, 'SECRET_ARN')),
    queue: new SqsEventQueue(signedSqs(aws), requireEnv(process.env, 'QUEUE_URL')),
    metrics,
    log: logger,
  }),
);
