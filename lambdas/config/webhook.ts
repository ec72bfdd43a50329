/**
 * The webhook's settings, in a module of their own: the webhook bundle imports this and env.ts only, so
 * its cold start builds none of the office profile's, the offices' or the services' schemas (README
 * "Performance").
 */
import { requireEnv, type Env } from './env';

export interface WebhookConfig {
  readonly region: string;
  readonly phoneNumberId: string;
  readonly secretArn: string;
  readonly queueUrl: string;
  readonly serviceName: string | undefined;
}

export function webhookConfig(env: Env): WebhookConfig {
  return {
    region: requireEnv(env, 'AWS_REGION'),
    phoneNumberId: requireEnv(env, 'WHATSAPP_PHONE_NUMBER_ID'),
    secretArn: requireEnv(env, 'SECRET_ARN'),
    queueUrl: requireEnv(env, 'QUEUE_URL'),
    serviceName: env.POWERTOOLS_SERVICE_NAME,
  };
}
