/**
 * Meta's webhook at `/webhook` (the same path on API Gateway and on the local server): `GET` is the verify
 * handshake; `POST` checks the signature on the raw bytes, parses tolerantly and queues every message for
 * our number before answering 200 (docs/contract.md). Answers are plain text, for Meta's logs.
 */
import { timingSafeEqual } from 'node:crypto';
import { hasValidSignature } from '../adapters/webhook-signature';
import { toQueueEvents } from '../adapters/webhook-schema';
import { isPlaceholder, type SecretSource } from '../adapters/secrets';
import { METRICS } from '../metric-names';
import { answers, type HttpApp, type HttpRequest, type HttpResult } from '../http/app';
import { bodyBytes } from '../http/body';
import { safeJson } from '../http/json';
import { createRouter, headerOf, requestMethod } from '../http/router';
import type { EventQueue, Metrics } from '../ports';

export interface WebhookDeps {
  /** The default office's number. */
  readonly phoneNumberId: string;
  /** The registry's enabled offices by phone number id (kept briefly per container); none: only the default office. */
  readonly otherOffices?: () => Promise<ReadonlyMap<string, string>> | 'route-in-worker';
  readonly secrets: SecretSource;
  readonly queue: EventQueue;
  readonly metrics: Metrics;
  readonly log: {
    error(message: string, fields: Record<string, unknown>): void;
    warn(message: string, fields: Record<string, unknown>): void;
    info(message: string, fields: Record<string, unknown>): void;
  };
}

export type WebhookHandler = HttpApp;

export const WEBHOOK_PATH = '/webhook';

/** No security headers: Meta is the only caller and reads none. */
const out = answers({});

export function createWebhookHandler(deps: WebhookDeps): WebhookHandler {
  const routes = createRouter([
    { method: 'GET', path: WEBHOOK_PATH, to: verifyHandshake },
    { method: 'POST', path: WEBHOOK_PATH, to: receive },
  ]);
  return async (request) => {
    const route = routes.match(requestMethod(request), request.rawPath);
    if (route.kind === 'found') return route.to(request, deps);
    return route.kind === 'method-not-allowed' ? out.text(405, 'Method Not Allowed') : out.text(404, 'Not found');
  };
}

async function receive(event: HttpRequest, deps: WebhookDeps): Promise<HttpResult> {
  const secrets = await deps.secrets.get();
  if (isPlaceholder(secrets.WHATSAPP_APP_SECRET)) {
    // The placeholder is public: a body "signed" with it proves nothing. 503 makes Meta retry (nothing is
    // lost while the operator fills the secret in) and the 5xx alarm fire.
    deps.log.error('webhook refused: WHATSAPP_APP_SECRET is still the placeholder; fill it in the secret', {});
    return plain(503, 'Not configured');
  }
  // A text body is hashed and parsed as it came: its UTF-8 bytes are the bytes Meta signed.
  const rawBody = bodyBytes(event);
  if (!hasValidSignature(rawBody, headerOf(event, 'x-hub-signature-256'), secrets.WHATSAPP_APP_SECRET)) {
    deps.log.warn('webhook signature refused', { bytes: Buffer.byteLength(rawBody) });
    return plain(401, 'Invalid signature');
  }
  const body = safeJson(rawBody);
  if (body === undefined) return plain(400, 'Body is not JSON');
  // Awaited only when it is a promise: an await costs every body a turn of the event loop's microtasks.
  const offices = deps.otherOffices?.();
  const parsed = toQueueEvents(body, deps.phoneNumberId, offices instanceof Promise ? await offices : offices);
  if (!parsed) return plain(200, 'Ignored: not a WhatsApp envelope');
  if (parsed.events.length > 0) await deps.queue.enqueue(parsed.events);
  let inbound = 0;
  for (const queued of parsed.events) if (queued.type === 'inbound') inbound += 1;
  if (inbound > 0) deps.metrics.count(METRICS.inboundMessages, inbound);
  deps.log.info('webhook accepted', { queued: parsed.events.length, ignored: parsed.ignored });
  return plain(200, 'OK');
}

async function verifyHandshake(event: HttpRequest, deps: WebhookDeps): Promise<HttpResult> {
  const query = event.queryStringParameters ?? {};
  const secrets = await deps.secrets.get();
  // Until the operator sets a verify token of their own, no handshake succeeds: Meta shows the error at once.
  if (isPlaceholder(secrets.WHATSAPP_VERIFY_TOKEN)) return plain(403, 'Forbidden');
  const token = Buffer.from(query['hub.verify_token'] ?? '');
  const expected = Buffer.from(secrets.WHATSAPP_VERIFY_TOKEN);
  const tokenMatches = token.length === expected.length && timingSafeEqual(token, expected);
  if (query['hub.mode'] === 'subscribe' && tokenMatches && query['hub.challenge'] !== undefined) {
    return plain(200, query['hub.challenge']);
  }
  return plain(403, 'Forbidden');
}

function plain(statusCode: number, body: string): HttpResult {
  return out.text(statusCode, body);
}
