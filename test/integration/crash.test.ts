/**
 * Crash: the local server runs as a child process (`node --import tsx local/main.ts`) against the shared
 * DynamoDB Local, sending to a fake Graph API in this process. 100 applicants register at once (form mode:
 * greeting, 1, SELESAI, DAFTAR); in the middle the server is killed with SIGKILL and started again on the
 * same DATA_DIR and table. Webhooks that got no 200 are delivered again with the same message id, as Meta
 * does. No registration is lost, none is duplicated, and every conversation continues to its queue number.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../lambdas/adapters/dynamodb-client';
import { messages } from '../../lambdas/domain/texts';
import { FakeGraphApi } from '../../local/fake-graph-api';
import { messageEnvelope, newMessageId, signedRequest } from '../../local/meta-envelope';
import { findLeaks } from '../support/log-scan';
import { newWaId } from '../support/journey';
import { testOffice } from '../support/office';
import { newPerson, nikOf, registrationLine } from '../support/registration-lines';
import { tallyFor } from '../support/tally';
import { textOf, waitFor } from '../support/test-server';

const APPLICANTS = 100;
const PHONE_NUMBER_ID = '1122334455667';
const APP_SECRET = 'crash-app-secret';
const ACCESS_TOKEN = 'crash-access-token';
const tally = tallyFor(__filename);
jest.setTimeout(240_000);

const fakeGraph = new FakeGraphApi(PHONE_NUMBER_ID, ACCESS_TOKEN);
let graphServer: Server;
let graphUrl: string;
let port: number;
const dataDir = mkdtempSync(join(tmpdir(), 'si-bapao-crash-'));
const tableName = `t-${randomUUID()}`;
const logLines: string[] = [];
let child: ChildProcess | undefined;

beforeAll(async () => {
  graphServer = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = undefined;
      }
      void fakeGraph
        .handle(request.method ?? 'GET', url.pathname.replace(/^\/v\d+\.\d+/, ''), request.headers.authorization, body, url.searchParams)
        .then((result) => {
          response.writeHead(result.status, { 'content-type': 'application/json' }).end(JSON.stringify(result.body));
        });
    });
  });
  await new Promise<void>((resolve) => graphServer.listen(0, '127.0.0.1', resolve));
  graphUrl = `http://127.0.0.1:${(graphServer.address() as AddressInfo).port}/v25.0`;
  port = await freePort();
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await new Promise<void>((resolve) => graphServer?.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function startChild(): Promise<ChildProcess> {
  const process_ = spawn(process.execPath, ['--import', 'tsx', join('local', 'main.ts')], {
    cwd: join(__dirname, '..', '..'),
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT,
      TABLE_NAME: tableName,
      WHATSAPP_API_URL: graphUrl,
      WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_ACCESS_TOKEN: ACCESS_TOKEN,
      WHATSAPP_APP_SECRET: APP_SECRET,
      UPLOAD_MODE: 'form',
      FORM_URL: 'https://forms.example/bap',
      LOG_LEVEL: 'INFO',
      ADMIN_PASSWORD: 'crash-admin-password',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [process_.stdout, process_.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => logLines.push(...chunk.split('\n').filter(Boolean)));
  }
  await waitForHealth();
  return process_;
}

async function waitForHealth(): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the local server did not become healthy:\n${logLines.slice(-20).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Posts a message until the webhook answers 200, with the same id each time (Meta's redelivery). */
async function deliver(waId: string, text: string): Promise<void> {
  const { body } = messageEnvelope(PHONE_NUMBER_ID, { waId, name: 'Budi Santoso' }, { text }, { id: newMessageId() });
  const { payload, signature } = signedRequest(body, APP_SECRET);
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
        body: payload,
      });
      if (response.status === 200) return;
    } catch {
      // the server is down: Meta tries again
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Sends `text` and waits for a reply that `matches` (replies may repeat after a crash, never go missing). */
async function step(waId: string, text: string, matches: (reply: string) => boolean): Promise<string> {
  await deliver(waId, text);
  return waitFor(
    () => fakeGraph.sentTo(waId).map(textOf).find(matches),
    90_000,
    () => `${waId} got no answer to "${text.slice(0, 20)}"`,
  );
}

it('loses and duplicates no registration when the server is killed mid-run, and the conversations continue', async () => {
  child = await startChild();
  const welcomeStart = messages.welcome(testOffice()).split('\n')[0] ?? '';
  const people = Array.from({ length: APPLICANTS }, () => ({ waId: newWaId(), person: newPerson() }));
  const journeys = people.map(async ({ waId, person }) => {
    await step(waId, 'Assalamualaikum', (reply) => reply.startsWith(welcomeStart));
    await step(waId, '1', (reply) => reply.includes('PERSETUJUAN DATA PRIBADI'));
    await step(waId, 'SETUJU', (reply) => reply.includes('Anda memilih Layanan 1'));
    await step(waId, 'SELESAI', (reply) => reply === messages.registrationInstruction());
    const success = await step(waId, registrationLine(person), (reply) => /Nomor Antrian: KRC-\d{3,}/.test(reply));
    return success.match(/Nomor Antrian: (KRC-\d{3,})/)?.[1] ?? '';
  });

  // Kill the server when about two fifths of the replies are out, then start it again on the same data.
  await waitFor(
    () => (fakeGraph.sent.length >= APPLICANTS * 2 ? true : undefined),
    120_000,
    () => `only ${fakeGraph.sent.length} replies`,
  );
  const sentAtKill = fakeGraph.sent.length;
  child.kill('SIGKILL');
  await new Promise((resolve) => child?.once('exit', resolve));
  child = await startChild();

  const queueNumbers = await Promise.all(journeys);
  expect(sentAtKill).toBeLessThan(APPLICANTS * 5);

  // Every applicant has exactly one registration, under their NIK, with a queue number of their own.
  const client = documentClient({
    endpoint: process.env.DYNAMODB_ENDPOINT ?? '',
    region: 'ap-southeast-3',
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
  });
  const registrations: Record<string, unknown>[] = [];
  try {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: tableName,
          FilterExpression: 'begins_with(pk, :p) AND sk = :sk',
          ExpressionAttributeValues: { ':p': 'REG#', ':sk': 'REG' },
          ExclusiveStartKey: start,
        }),
      );
      registrations.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
  } finally {
    client.destroy();
  }
  for (const [index, { waId, person }] of people.entries()) {
    const mine = registrations.filter((registration) => registration.nik === nikOf(person));
    const held = mine.length === 1 && mine[0]?.queueNumber === queueNumbers[index] && mine[0]?.ownerKey === waId;
    tally.check('crash', 'registration kept exactly once (SIGKILL mid-run, restart on the same DATA_DIR)', held);
    expect([waId, mine.map((registration) => registration.queueNumber)]).toEqual([waId, [queueNumbers[index]]]);
  }
  expect(new Set(queueNumbers).size).toBe(APPLICANTS);
  expect(registrations).toHaveLength(APPLICANTS);

  // A reply is sent again only when the kill came between sending it and marking it sent.
  const repeated = people.reduce((count, { waId }) => {
    const texts = fakeGraph.sentTo(waId).map(textOf);
    return count + texts.length - new Set(texts).size;
  }, 0);
  tally.add('crash', 'conversations continued to a queue number after the restart', APPLICANTS, queueNumbers.filter(Boolean).length);
  tally.check('crash', 'replies repeated only where the kill cut a send off (≤ 16 in flight)', repeated <= 16);
  expect(repeated).toBeLessThanOrEqual(16);

  const leaks = logLines.filter((line) => findLeaks(line).length > 0);
  tally.add('personal data', "crashed server's log lines without NIK, secret, token or document link", logLines.length, logLines.length - leaks.length);
  expect(leaks).toEqual([]);
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
}
