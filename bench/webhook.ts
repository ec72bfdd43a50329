/**
 * The webhook handler in-process: verify the HMAC on the raw body, parse, enqueue to an in-process queue.
 * (1) p99 latency of a 2 KB signed text message; (2) throughput on the 74 fixture bodies side by side with
 * the `whatsapp-api-js` package's signature-checking `post()`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { WhatsAppAPI } from 'whatsapp-api-js';
import { staticSecrets } from '../lambdas/adapters/secrets';
import { signBody } from '../lambdas/adapters/webhook-signature';
import { createWebhookHandler, type WebhookHandler } from '../lambdas/handlers/webhook-handler';
import { NO_METRICS } from '../lambdas/metric-names';
import type { QueueEvent } from '../lambdas/queue-events';
import { messageEnvelope, metaJson } from '../local/meta-envelope';
import { median, now, percentile, progress, round } from './stats';

const PHONE_NUMBER_ID = '1122334455667';
const APP_SECRET = 'bench-app-secret';
/** The 74 real webhook bodies kept with the tests (`test/fixtures/whatsapp-webhooks`, pywa, MIT). */
export const FIXTURE_DIR = join(__dirname, '..', 'test', 'fixtures', 'whatsapp-webhooks');

export interface WebhookFigures {
  readonly webhookP50Ms: number;
  readonly webhookP99Ms: number;
  readonly webhookMaxMs: number;
  readonly webhookCalls: number;
  readonly webhookBodyBytes: number;
  readonly webhookVsWhatsappApiJs: number;
  readonly oursPerSecond: number;
  readonly theirsPerSecond: number;
  readonly fixtureBodies: number;
  readonly comparisonRounds: number;
  readonly theirsRejected: number;
  /** The same comparison on only the bodies both accept (the peer throws on the others, and a throw is slow). */
  readonly webhookVsWhatsappApiJsBothAccept: number;
  readonly bothAcceptBodies: number;
  readonly oursBothAcceptPerSecond: number;
  readonly theirsBothAcceptPerSecond: number;
}

function ourHandler(queue: QueueEvent[]): WebhookHandler {
  return createWebhookHandler({
    phoneNumberId: PHONE_NUMBER_ID,
    secrets: staticSecrets({
      WHATSAPP_ACCESS_TOKEN: 'bench-token',
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: 'bench-verify',
      LINK_SIGNING_KEY: 'k'.repeat(32),
    }),
    // The in-process queue: what enqueuing costs the handler itself, with SQS (or the journal) out of the picture.
    queue: {
      enqueue: async (events) => {
        queue.push(...events);
        if (queue.length > 10_000) queue.length = 0;
      },
    },
    // Logs go nowhere: writing them to this terminal would measure the terminal.
    metrics: NO_METRICS,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
}

function postEvent(body: string, signature: string): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /webhook',
    rawPath: '/webhook',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature, 'user-agent': 'facebookexternalua' },
    requestContext: { http: { method: 'POST', path: '/webhook' } } as APIGatewayProxyEventV2['requestContext'],
    body,
    isBase64Encoded: false,
  };
}

/** A realistic text message envelope, its text padded so that Meta's serialisation is ~2 KB. */
export function twoKilobyteBody(): string {
  const sender = { waId: '6281234567890', name: 'Siti Nurhaliza' };
  const base = 'Selamat pagi, saya ingin mendaftar untuk wawancara BAP paspor yang hilang. ';
  let text = base;
  for (;;) {
    const body = metaJson(messageEnvelope(PHONE_NUMBER_ID, sender, { text: text + base }).body);
    if (Buffer.byteLength(body) > 2048) break;
    text += base;
  }
  const body = metaJson(messageEnvelope(PHONE_NUMBER_ID, sender, { text }).body);
  return body + ' '.repeat(Math.max(0, 2048 - Buffer.byteLength(body)));
}

export function fixturePayloads(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((file) => Object.values(JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8')) as Record<string, unknown>))
    .map((body) => metaJson(body));
}

export async function benchWebhook(options: { calls: number; rounds: number }): Promise<WebhookFigures> {
  const queue: QueueEvent[] = [];
  const handler = ourHandler(queue);

  // (1) Latency, one 2 KB signed body after the other.
  const body = twoKilobyteBody();
  const event = postEvent(body, signBody(body, APP_SECRET));
  const warmUp = Math.min(2000, options.calls);
  for (let index = 0; index < warmUp; index += 1) await handler(event);
  const latencies: number[] = [];
  for (let index = 0; index < options.calls; index += 1) {
    const started = now();
    const result = await handler(event);
    latencies.push(now() - started);
    if (result.statusCode !== 200) throw new Error(`webhook answered ${result.statusCode}`);
  }
  progress(`webhook: p99 ${round(percentile(latencies, 99), 3)} ms over ${options.calls} calls of ${Buffer.byteLength(body)} bytes`);

  // (2) Throughput on the fixture bodies, ours and theirs interleaved round by round.
  const payloads = fixturePayloads();
  const ours = payloads.map((payload) => postEvent(payload, signBody(payload, APP_SECRET)));
  const theirs = payloads.map((payload) => ({ payload, signature: signBody(payload, APP_SECRET) }));
  const received: unknown[] = [];
  const peer = new WhatsAppAPI({ token: 'bench-token', appSecret: APP_SECRET, v: 'v25.0' });
  peer.on.message = (args) => void received.push(args.message);
  peer.on.status = (args) => void received.push(args.status);
  let theirsRejected = 0;
  const runOurs = async () => {
    for (const request of ours) {
      const result = await handler(request);
      if (result.statusCode !== 200) throw new Error(`webhook answered ${result.statusCode} to a fixture`);
    }
  };
  const runTheirs = async (count: boolean) => {
    for (const { payload, signature } of theirs) {
      try {
        // Its middlewares parse the body and hand post() the parsed value, the raw text and the header.
        await peer.post(JSON.parse(payload), payload, signature);
      } catch {
        // It throws for bodies it does not dispatch (other fields, unexpected shapes): still a full check.
        if (count) theirsRejected += 1;
      }
    }
    if (received.length > 10_000) received.length = 0;
  };
  for (let round = 0; round < 5; round += 1) {
    await runOurs();
    await runTheirs(false);
  }
  const oursTimes: number[] = [];
  const theirsTimes: number[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    const first = round % 2 === 0;
    for (const which of first ? ['ours', 'theirs'] : ['theirs', 'ours']) {
      const started = now();
      if (which === 'ours') await runOurs();
      else await runTheirs(round === 0);
      (which === 'ours' ? oursTimes : theirsTimes).push(now() - started);
    }
  }
  // Throughput from the median round, so one garbage-collection pause does not decide the ratio.
  const oursPerSecond = (payloads.length / median(oursTimes)) * 1000;
  const theirsPerSecond = (payloads.length / median(theirsTimes)) * 1000;
  progress(`webhook: ${Math.round(oursPerSecond)}/s ours, ${Math.round(theirsPerSecond)}/s whatsapp-api-js`);

  // (3) The same on the bodies the peer dispatches without throwing (ours accept all 74).
  const accepted: number[] = [];
  for (const [index, { payload, signature }] of theirs.entries()) {
    try {
      await peer.post(JSON.parse(payload), payload, signature);
      accepted.push(index);
    } catch {
      // left out of this comparison
    }
  }
  const oursAccepted = accepted.map((index) => ours[index] as APIGatewayProxyEventV2);
  const theirsAccepted = accepted.map((index) => theirs[index] as { payload: string; signature: string });
  const oursBothTimes: number[] = [];
  const theirsBothTimes: number[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    const first = round % 2 === 0;
    for (const which of first ? ['ours', 'theirs'] : ['theirs', 'ours']) {
      const started = now();
      if (which === 'ours') {
        for (const request of oursAccepted) await handler(request);
      } else {
        for (const { payload, signature } of theirsAccepted) await peer.post(JSON.parse(payload), payload, signature);
        if (received.length > 10_000) received.length = 0;
      }
      (which === 'ours' ? oursBothTimes : theirsBothTimes).push(now() - started);
    }
  }
  const oursBothPerSecond = (accepted.length / median(oursBothTimes)) * 1000;
  const theirsBothPerSecond = (accepted.length / median(theirsBothTimes)) * 1000;
  progress(`webhook, the ${accepted.length} bodies both accept: ${Math.round(oursBothPerSecond)}/s ours, ${Math.round(theirsBothPerSecond)}/s whatsapp-api-js`);

  return {
    webhookVsWhatsappApiJsBothAccept: round(oursBothPerSecond / theirsBothPerSecond, 2),
    bothAcceptBodies: accepted.length,
    oursBothAcceptPerSecond: Math.round(oursBothPerSecond),
    theirsBothAcceptPerSecond: Math.round(theirsBothPerSecond),
    webhookP50Ms: round(percentile(latencies, 50), 4),
    webhookP99Ms: round(percentile(latencies, 99), 4),
    webhookMaxMs: round(Math.max(...latencies), 3),
    webhookCalls: options.calls,
    webhookBodyBytes: Buffer.byteLength(body),
    webhookVsWhatsappApiJs: round(oursPerSecond / theirsPerSecond, 2),
    oursPerSecond: Math.round(oursPerSecond),
    theirsPerSecond: Math.round(theirsPerSecond),
    fixtureBodies: payloads.length,
    comparisonRounds: options.rounds,
    theirsRejected,
  };
}
