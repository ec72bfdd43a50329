/** AWS entry of the webhook Lambda (API Gateway HTTP API): wiring in wiring/webhook.ts, built once per container. */
import { awsWebhook } from './wiring/webhook';

export const handler = awsWebhook();
