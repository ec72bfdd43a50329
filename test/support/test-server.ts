/** The real local server on a free port, a fresh data folder and its own table in the shared DynamoDB Local. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SentMessage } from '../../local/fake-graph-api';
import { messageEnvelope, signedRequest, type SimulatedMessage } from '../../local/meta-envelope';
import { startLocalServer, type LocalServer } from '../../local/server';
import { registerLogSecret } from './log-scan';

export interface TestServer extends LocalServer {
  readonly dataDir: string;
  /** Posts a signed, Meta-shaped message; resolves to the HTTP status and the message id. */
  sendMessage(
    waId: string,
    message: SimulatedMessage,
    options?: { id?: string; name?: string; timestamp?: Date; phoneNumberId?: string },
  ): Promise<{ status: number; id: string }>;
  postWebhook(payload: string | Buffer, signature?: string): Promise<Response>;
  /** Waits until `count` messages were sent to `waId`, then resolves with all of them. */
  waitForSent(waId: string, count: number, timeoutMs?: number): Promise<SentMessage[]>;
  cleanUp(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}, dataDir?: string): Promise<TestServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'si-bapao-test-'));
  const server = await startLocalServer({
    PORT: '0',
    DATA_DIR: dir,
    DYNAMODB_ENDPOINT: requiredEndpoint(),
    TABLE_NAME: env.TABLE_NAME ?? `t-${randomUUID()}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'SILENT',
    // Tests that want Meta's status webhooks ask for them; the others count exactly what they post.
    SIM_STATUS_WEBHOOKS: 'false',
    ...env,
  });
  for (const secret of [
    ...Object.values(server.secrets).flatMap((value) => (typeof value === 'string' ? [value] : Object.values(value))),
    server.adminPassword,
  ])
    registerLogSecret(secret);
  const postWebhook = (payload: string | Buffer, signature?: string) =>
    fetch(`${server.url}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}) },
      body: typeof payload === 'string' ? payload : new Uint8Array(payload),
    });
  return {
    ...server,
    stop: () => server.stop(),
    dataDir: dir,
    postWebhook,
    async sendMessage(waId, message, options = {}) {
      const envelope = messageEnvelope(
        options.phoneNumberId ?? server.config.WHATSAPP_PHONE_NUMBER_ID,
        { waId, name: options.name ?? 'Budi Santoso' },
        message,
        options,
      );
      const { payload, signature } = signedRequest(envelope.body, server.secrets.WHATSAPP_APP_SECRET);
      const response = await postWebhook(payload, signature);
      return { status: response.status, id: envelope.id };
    },
    waitForSent(waId, count, timeoutMs = 20_000) {
      return waitFor(
        () => {
          const sent = server.fakeGraph.sentTo(waId);
          return sent.length >= count ? sent : undefined;
        },
        timeoutMs,
        () => `expected ${count} messages to ${waId}, got ${server.fakeGraph.sentTo(waId).length}`,
      );
    },
    async cleanUp() {
      await server.stop();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function waitFor<T>(probe: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function textOf(message: SentMessage | undefined): string {
  const payload = message?.payload as { text?: { body?: string }; interactive?: { body?: { text?: string } } } | undefined;
  return payload?.text?.body ?? payload?.interactive?.body?.text ?? '';
}

function requiredEndpoint(): string {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('DYNAMODB_ENDPOINT is not set: run through jest (global setup starts DynamoDB Local)');
  return endpoint;
}
