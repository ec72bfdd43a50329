/** AWS entry of the webhook Lambda: wiring built once per container, then the shared handler. */
import { SQSClient } from '@aws-sdk/client-sqs';
import { logger } from './adapters/logger';
import { secretsManagerSource } from './adapters/secrets-manager';
import { SqsEventQueue } from './adapters/sqs-event-queue';
import { requireEnv } from './config';
import { createWebhookHandler } from './handlers/webhook-handler';

const secrets = secretsManagerSource(requireEnv(process.env, 'SECRET_ARN'));

export const handler = createWebhookHandler({
  phoneNumberId: requireEnv(process.env, 'WHATSAPP_PHONE_NUMBER_ID'),
  secrets,
  queue: new SqsEventQueue(new SQSClient({}), requireEnv(process.env, 'QUEUE_URL')),
  log: logger,
});
