/**
 * The benchmarks that need the local server (local/server.ts): one DynamoDB Local for all of them, and
 * per benchmark a fresh server (its own DATA_DIR in a temp folder, its own table), stopped and deleted
 * afterwards.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQSEvent } from 'aws-lambda';
import { BatchWriteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../lambdas/adapters/dynamodb-client';
import { registrationItem } from '../lambdas/adapters/registration-items';
import { staticSecrets } from '../lambdas/adapters/secrets';
import { TABLE_KEYS } from '../lambdas/adapters/table-design';
import { readUploadToken } from '../lambdas/adapters/upload-links';
import { toQueueEvents } from '../lambdas/adapters/webhook-schema';
import { workerDeps } from '../lambdas/wiring/worker';
import { loadOfficeProfile } from '../lambdas/config';
import { addDays } from '../lambdas/domain/calendar';
import type { Registration } from '../lambdas/domain/registration';
import { arrivalTimes } from '../lambdas/domain/schedule';
import { DEFAULT_SERVICES } from '../lambdas/domain/services';
import { createConversationHandler } from '../lambdas/handlers/conversation-handler';
import type { QueueEvent } from '../lambdas/queue-events';
import { startDynamoDbLocal, type DynamoDbLocal } from '../local/dynamodb-local';
import type { SentMessage } from '../local/fake-graph-api';
import { messageEnvelope, signedRequest } from '../local/meta-envelope';
import { startLocalServer, type LocalServer } from '../local/server';
import { TINY_PDF } from '../test/support/documents';
import { outboxEntryMarkedSent, startDynamoFaultProxy } from '../test/support/dynamo-fault-proxy';
import { newPerson, registrationLine } from '../test/support/registration-lines';
import { inParallel, median, now, percentile, progress, round, sleep } from './stats';

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export class LocalBench {
  private constructor(
    private readonly root: string,
    private readonly dynamo: DynamoDbLocal,
  ) {}

  static async start(): Promise<LocalBench> {
    const root = mkdtempSync(join(tmpdir(), 'si-bapao-bench-'));
    try {
      return new LocalBench(root, await startDynamoDbLocal({ tuning: 'throughput' }));
    } catch (error) {
      rmSync(root, { recursive: true, force: true });
      throw error;
    }
  }

  /** A fresh local server for one benchmark, stopped and deleted afterwards whatever happens. */
  async withServer<T>(name: string, env: Record<string, string>, run: (server: LocalServer) => Promise<T>): Promise<T> {
    const dataDir = join(this.root, name);
    const server = await startLocalServer({
      PORT: '0',
      DATA_DIR: dataDir,
      DYNAMODB_ENDPOINT: this.dynamo.endpoint,
      TABLE_NAME: `bench-${name}-${randomUUID().slice(0, 8)}`,
      LOG_LEVEL: 'SILENT',
      ...env,
    });
    try {
      return await run(server);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  get dynamoEndpoint(): string {
    return this.dynamo.endpoint;
  }

  /** DynamoDB Local's Java process, for its memory. */
  javaPid(): number | undefined {
    const port = new URL(this.dynamo.endpoint).port;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
        if (args[0]?.endsWith('java') && args.some((arg) => arg.includes('DynamoDBLocal.jar')) && args.includes(port)) return Number(entry);
      } catch {
        // gone meanwhile
      }
    }
    return undefined;
  }

  async stop(): Promise<void> {
    try {
      await this.dynamo.stop();
    } finally {
      rmSync(this.root, { recursive: true, force: true });
    }
  }
}

/** Every message the fake Graph API accepted, by recipient, with waiters. */
class Replies {
  private readonly byRecipient = new Map<string, { message: SentMessage; at: number }[]>();
  private readonly waiters = new Map<string, { count: number; resolve: () => void }[]>();
  private readonly listener = (message: SentMessage) => {
    const list = this.byRecipient.get(message.to) ?? [];
    list.push({ message, at: now() });
    this.byRecipient.set(message.to, list);
    const waiting = this.waiters.get(message.to);
    if (!waiting) return;
    for (const waiter of [...waiting]) {
      if (list.length >= waiter.count) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };

  constructor(private readonly server: LocalServer) {
    server.fakeGraph.on('sent', this.listener);
  }

  of(to: string): { message: SentMessage; at: number }[] {
    return this.byRecipient.get(to) ?? [];
  }

  /** Resolves true once `to` has `count` messages, false after `timeoutMs`. */
  async waitFor(to: string, count: number, timeoutMs: number): Promise<boolean> {
    if (this.of(to).length >= count) return true;
    let timer: NodeJS.Timeout | undefined;
    const arrived = new Promise<boolean>((resolve) => {
      const waiting = this.waiters.get(to) ?? [];
      waiting.push({ count, resolve: () => resolve(true) });
      this.waiters.set(to, waiting);
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const result = await arrived;
    clearTimeout(timer);
    return result;
  }

  close(): void {
    this.server.fakeGraph.off('sent', this.listener);
  }
}

function textOf(message: SentMessage | undefined): string {
  const payload = message?.payload as { text?: { body?: string }; interactive?: { body?: { text?: string } } } | undefined;
  return payload?.text?.body ?? payload?.interactive?.body?.text ?? '';
}

/** A signed, Meta-serialised text message to the server's webhook; resolves to the HTTP status. */
async function postText(server: LocalServer, waId: string, text: string): Promise<number> {
  const envelope = messageEnvelope(server.config.WHATSAPP_PHONE_NUMBER_ID, { waId, name: 'Budi Santoso' }, { text });
  const { payload, signature } = signedRequest(envelope.body, server.secrets.WHATSAPP_APP_SECRET);
  const response = await fetch(`${server.url}/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
    body: payload,
  });
  await response.arrayBuffer();
  return response.status;
}

let nextWaId = 6281500000000 + Math.floor(Math.random() * 100_000) * 1000;
function newWaId(): string {
  nextWaId += 1;
  return String(nextWaId);
}

// ---------------------------------------------------------------------------------------------------------
// One conversation step in the worker, minus DynamoDB Local's own round trips.

export interface StepFigures {
  /** The step's wall time minus the time a DynamoDB call was in flight (SDK `send` to answer). */
  readonly stepMedianMs: number;
  readonly stepP95Ms: number;
  readonly stepRawMedianMs: number;
  readonly stepDynamoMedianMs: number;
  /** Stricter: minus the HTTP exchanges with DynamoDB Local only (the SDK's own work counted as ours). */
  readonly stepMinusHttpOnlyMs: number;
  readonly dynamoCallsPerStep: number;
  /** Of the step's own time: waiting for the fake Graph API (sends and read receipts, over HTTP). */
  readonly stepGraphMedianMs: number;
  readonly graphCallsPerStep: number;
  /** The rest: deciding, fetch's own work, JSON, signing links. */
  readonly stepWithoutGraphMedianMs: number;
  /** GetItem of a small item through the same client, `send` to answer. */
  readonly getItemMedianMs: number;
  /** The other way to subtract: raw median minus calls × GetItem median (transactions take longer). */
  readonly stepByGetItemMs: number;
  readonly steps: number;
}

interface DynamoMeter {
  calls: number;
  /** Time with at least one call in flight, from the SDK's `send` to its answer (overlapping calls once). */
  ms: number;
  /** The HTTP exchange alone, inside the SDK (summed). */
  innerMs: number;
  inFlight: number;
  since: number;
}

/**
 * Counts and times every DynamoDB call of this client: from `send` to the answer (the round trip as the
 * worker sees it, SDK included), and the HTTP exchange alone.
 */
function instrumented(client: DynamoDBDocumentClient): DynamoMeter {
  const meter: DynamoMeter = { calls: 0, ms: 0, innerMs: 0, inFlight: 0, since: 0 };
  client.middlewareStack.add(
    (next) => async (args) => {
      if (meter.inFlight === 0) meter.since = now();
      meter.inFlight += 1;
      meter.calls += 1;
      try {
        return await next(args);
      } finally {
        meter.inFlight -= 1;
        if (meter.inFlight === 0) meter.ms += now() - meter.since;
      }
    },
    { step: 'initialize', priority: 'high', name: 'benchCall' },
  );
  client.middlewareStack.add(
    (next) => async (args) => {
      const started = now();
      try {
        return await next(args);
      } finally {
        meter.innerMs += now() - started;
      }
    },
    { step: 'deserialize', priority: 'low', name: 'benchRoundTrip' },
  );
  return meter;
}

function sqsEventOf(event: QueueEvent): SQSEvent {
  const messageId = randomUUID();
  return {
    Records: [
      {
        messageId,
        receiptHandle: `bench-${messageId}`,
        body: JSON.stringify(event),
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(Date.now()),
          SenderId: 'bench',
          ApproximateFirstReceiveTimestamp: String(Date.now()),
          MessageGroupId: event.applicant.key,
          MessageDeduplicationId: event.eventId,
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:local:000000000000:si-bapao-events.fifo',
        awsRegion: 'local',
      },
    ],
  };
}

export async function benchStep(bench: LocalBench, options: { applicants: number }): Promise<StepFigures> {
  return bench.withServer('step', { SIM_STATUS_WEBHOOKS: 'false' }, async (server) => {
    const dynamo = documentClient({ endpoint: server.dynamoEndpoint, region: 'ap-southeast-3', credentials: LOCAL_CREDENTIALS });
    const meter = instrumented(dynamo);
    try {
      const phoneNumberId = server.config.WHATSAPP_PHONE_NUMBER_ID;
      // The worker as the local server wires it (composition root), calling the fake Graph API over HTTP.
      const deps = workerDeps({
        env: { WHATSAPP_API_URL: `${server.url}/_graph/v25.0`, WHATSAPP_PHONE_NUMBER_ID: phoneNumberId },
        secrets: staticSecrets(server.secrets),
        dynamo,
        blobs: server.blobs,
        tableName: server.config.TABLE_NAME,
        uploadBaseUrl: `${server.url}/upload`,
      });
      // Time spent waiting for the fake Graph API (sends and read receipts), reported apart.
      const graph = { ms: 0, calls: 0 };
      const timed =
        <T>(call: () => Promise<T>) =>
        async () => {
          const started = now();
          try {
            return await call();
          } finally {
            graph.ms += now() - started;
            graph.calls += 1;
          }
        };
      const handler = createConversationHandler({
        ...deps,
        messenger: {
          send: (recipient, reply, options) => timed(() => deps.messenger.send(recipient, reply, options))(),
          markRead: (messageId) => timed(() => deps.messenger.markRead(messageId))(),
        },
      });
      const step = async (waId: string, text: string) => {
        const [event] = toQueueEvents(messageEnvelope(phoneNumberId, { waId, name: 'Budi Santoso' }, { text }).body, phoneNumberId)?.events ?? [];
        if (!event) throw new Error('no queue event');
        const before = server.fakeGraph.sentTo(waId).length;
        meter.calls = 0;
        meter.ms = 0;
        meter.innerMs = 0;
        graph.ms = 0;
        graph.calls = 0;
        const started = now();
        const result = await handler(sqsEventOf(event));
        const wall = now() - started;
        if (result.batchItemFailures.length > 0) throw new Error(`step "${text}" failed`);
        if (server.fakeGraph.sentTo(waId).length === before) throw new Error(`step "${text}" sent nothing`);
        return { wall, dynamoMs: meter.ms, dynamoInnerMs: meter.innerMs, calls: meter.calls, graphMs: graph.ms, graphCalls: graph.calls };
      };

      // The three steps every applicant starts with: a greeting (new session, greeting and menu), the
      // choice of a service (the privacy notice) and the consent (the requirement list with the
      // applicant's own upload link).
      const warmUp = 5;
      const samples: { wall: number; dynamoMs: number; dynamoInnerMs: number; calls: number; graphMs: number; graphCalls: number }[] = [];
      for (let index = 0; index < warmUp + options.applicants; index += 1) {
        const waId = newWaId();
        const greeting = await step(waId, 'Halo');
        const choice = await step(waId, '1');
        const agreed = await step(waId, 'SETUJU');
        if (index >= warmUp) samples.push(greeting, choice, agreed);
      }

      // DynamoDB Local's own round trip, through the same client: GetItem of a small item.
      const key = { [TABLE_KEYS.partitionKey]: 'BENCH#probe', [TABLE_KEYS.sortKey]: 'PROBE' };
      await dynamo.send(new PutCommand({ TableName: server.config.TABLE_NAME, Item: { ...key, value: 'x'.repeat(200) } }));
      const gets: number[] = [];
      for (let index = 0; index < 220; index += 1) {
        meter.ms = 0;
        await dynamo.send(new GetCommand({ TableName: server.config.TABLE_NAME, Key: key, ConsistentRead: true }));
        if (index >= 20) gets.push(meter.ms);
      }

      const own = samples.map((sample) => sample.wall - sample.dynamoMs);
      const calls = median(samples.map((sample) => sample.calls));
      const getItem = median(gets);
      const figures: StepFigures = {
        stepMedianMs: round(median(own), 2),
        stepP95Ms: round(percentile(own, 95), 2),
        stepRawMedianMs: round(median(samples.map((sample) => sample.wall)), 2),
        stepDynamoMedianMs: round(median(samples.map((sample) => sample.dynamoMs)), 2),
        stepMinusHttpOnlyMs: round(median(samples.map((sample) => sample.wall - sample.dynamoInnerMs)), 2),
        dynamoCallsPerStep: calls,
        stepGraphMedianMs: round(median(samples.map((sample) => sample.graphMs)), 2),
        graphCallsPerStep: median(samples.map((sample) => sample.graphCalls)),
        stepWithoutGraphMedianMs: round(median(samples.map((sample) => sample.wall - sample.dynamoMs - sample.graphMs)), 2),
        getItemMedianMs: round(getItem, 2),
        stepByGetItemMs: round(median(samples.map((sample) => sample.wall)) - calls * getItem, 2),
        steps: samples.length,
      };
      progress(
        `step: ${figures.stepMedianMs} ms own (${figures.stepRawMedianMs} ms in all, ${calls} DynamoDB calls taking ${figures.stepDynamoMedianMs} ms, ` +
          `${figures.stepGraphMedianMs} ms of Graph API; ${figures.stepMinusHttpOnlyMs} ms counting the SDK's own work as ours)`,
      );
      return figures;
    } finally {
      dynamo.destroy();
    }
  });
}

// ---------------------------------------------------------------------------------------------------------
// Signed POST /webhook → the reply at the fake Graph API.

export interface EndToEndFigures {
  readonly e2eMedianMs: number;
  readonly e2eP95Ms: number;
  readonly webhookAckMedianMs: number;
  readonly e2eMessages: number;
}

export async function benchEndToEnd(bench: LocalBench, options: { messages: number }): Promise<EndToEndFigures> {
  return bench.withServer('e2e', { SIM_STATUS_WEBHOOKS: 'false' }, async (server) => {
    const replies = new Replies(server);
    try {
      const warmUp = 5;
      const latencies: number[] = [];
      const acks: number[] = [];
      for (let index = 0; index < warmUp + options.messages; index += 1) {
        const waId = newWaId();
        const started = now();
        const status = await postText(server, waId, 'Assalamualaikum');
        const acked = now();
        if (status !== 200) throw new Error(`webhook answered ${status}`);
        if (!(await replies.waitFor(waId, 1, 10_000))) throw new Error(`no reply to ${waId} within 10 s`);
        const first = replies.of(waId)[0];
        if (index >= warmUp && first) {
          latencies.push(first.at - started);
          acks.push(acked - started);
        }
        // Let the rest of this step (its second reply, the read receipt) finish before the next applicant.
        await replies.waitFor(waId, 2, 10_000);
        await server.queue.drained();
      }
      const figures = {
        e2eMedianMs: round(median(latencies), 2),
        e2eP95Ms: round(percentile(latencies, 95), 2),
        webhookAckMedianMs: round(median(acks), 2),
        e2eMessages: options.messages,
      };
      progress(`e2e: ${figures.e2eMedianMs} ms median to the first reply (webhook 200 after ${figures.webhookAckMedianMs} ms)`);
      return figures;
    } finally {
      replies.close();
    }
  });
}

// ---------------------------------------------------------------------------------------------------------
// The reminder job for N confirmed registrations on one day, and their sending at 80 messages a second.

export interface ReminderFigures {
  readonly remindersEnqueueS: number;
  readonly remindersQueued: number;
  readonly remindersSent: number;
  readonly remindersSendRatio: number;
  readonly remindersPerSecond: number;
  readonly remindersSendS: number;
  readonly messagesPerSecond: number;
  /** CPU spent per reminder sent, from the job's start to the last send: this process and DynamoDB Local. */
  readonly nodeCpuMsPerReminder: number;
  readonly javaCpuMsPerReminder: number | null;
}

export async function benchReminders(bench: LocalBench, options: { registrations: number; perSecond?: number }): Promise<ReminderFigures> {
  const perSecond = options.perSecond ?? 80;
  return bench.withServer(
    'reminders',
    { MESSAGES_PER_SECOND: String(perSecond), WHATSAPP_MESSAGING_LIMIT: '10000', SIM_STATUS_WEBHOOKS: 'false' },
    async (server) => {
      const replies = new Replies(server);
      const dynamo = documentClient({ endpoint: server.dynamoEndpoint, region: 'ap-southeast-3', credentials: LOCAL_CREDENTIALS });
      try {
        const office = loadOfficeProfile({});
        const times = arrivalTimes(office);
        const today = '2026-03-02';
        const day = addDays(today, 1);
        const recipients = new Set<string>();
        const registrations: Registration[] = Array.from({ length: options.registrations }, (_, index) => {
          const waId = String(6281300000000 + index);
          recipients.add(waId);
          return {
            queueNumber: `KRC-${String(index + 1).padStart(4, '0')}`,
            name: 'Ahmad Budiman',
            placeOfBirth: 'SUNGAI PENUH',
            dateOfBirth: '1990-08-15',
            nik: `3201231508${String(90_000_000 + index).slice(-6)}`,
            phone: '6289617841945',
            serviceId: 1,
            status: 'DIKONFIRMASI',
            createdAt: new Date(Date.UTC(2026, 1, 1, 0, 0, index)).toISOString(),
            ownerKey: waId,
            ownerWaId: waId,
            draftId: randomUUID(),
            documentsMode: 'web',
            flags: [],
            appointmentDate: day,
            appointmentTime: times[index % times.length] ?? '08:00',
            rescheduled: false,
          };
        });
        const batches: Registration[][] = [];
        for (let start = 0; start < registrations.length; start += 25) batches.push(registrations.slice(start, start + 25));
        await inParallel(batches, 8, async (batch) => {
          let requests: NonNullable<ConstructorParameters<typeof BatchWriteCommand>[0]['RequestItems']>[string] = batch.map((registration) => ({
            PutRequest: { Item: registrationItem(registration) },
          }));
          while (requests.length > 0) {
            const result = await dynamo.send(new BatchWriteCommand({ RequestItems: { [server.config.TABLE_NAME]: requests } }));
            requests = result.UnprocessedItems?.[server.config.TABLE_NAME] ?? [];
          }
        });
        progress(`reminders: ${registrations.length} confirmed registrations on ${day} written`);

        // The job, as EventBridge Scheduler would start it (the local server's endpoint runs the same use case).
        const javaPid = bench.javaPid();
        const javaCpuBefore = javaPid ? cpuMsOf(javaPid) : undefined;
        const nodeCpuBefore = process.cpuUsage();
        const started = now();
        const response = await fetch(`${server.url}/_local/jobs/reminders?date=${today}`, { method: 'POST' });
        const enqueueS = (now() - started) / 1000;
        const run = (await response.json()) as { queued?: number };
        if (response.status !== 200 || run.queued !== registrations.length) {
          throw new Error(`reminder job answered ${response.status}: ${JSON.stringify(run)}`);
        }
        progress(`reminders: ${run.queued} queued in ${round(enqueueS, 2)} s; sending at ${perSecond}/s`);

        const deadline = now() + (registrations.length / perSecond) * 1000 * 1.5 + 30_000;
        const sentAt = (): number[] => [...recipients].flatMap((to) => replies.of(to).map((reply) => reply.at)).sort((a, b) => a - b);
        let lastReport = now();
        while (now() < deadline) {
          const count = [...recipients].reduce((sum, to) => sum + replies.of(to).length, 0);
          if (count >= registrations.length && server.queue.depth === 0) break;
          if (now() - lastReport > 10_000) {
            progress(`reminders: ${count} sent`);
            lastReport = now();
          }
          await sleep(200);
        }
        const nodeCpu = process.cpuUsage(nodeCpuBefore);
        const javaCpuAfter = javaPid ? cpuMsOf(javaPid) : undefined;
        const sent = sentAt();
        const first = sent[0] ?? 0;
        const last = sent[sent.length - 1] ?? 0;
        const rate = sent.length > 1 ? (sent.length - 1) / ((last - first) / 1000) : 0;
        const figures: ReminderFigures = {
          remindersEnqueueS: round(enqueueS, 2),
          remindersQueued: run.queued,
          remindersSent: sent.length,
          remindersSendRatio: round(rate / perSecond, 3),
          remindersPerSecond: round(rate, 1),
          remindersSendS: round((last - first) / 1000, 1),
          messagesPerSecond: perSecond,
          nodeCpuMsPerReminder: round((nodeCpu.user + nodeCpu.system) / 1000 / Math.max(1, sent.length), 2),
          javaCpuMsPerReminder:
            javaCpuBefore !== undefined && javaCpuAfter !== undefined ? round((javaCpuAfter - javaCpuBefore) / Math.max(1, sent.length), 2) : null,
        };
        progress(
          `reminders: ${sent.length} sent at ${figures.remindersPerSecond}/s (ratio ${figures.remindersSendRatio}); CPU per reminder: ` +
            `${figures.nodeCpuMsPerReminder} ms here, ${figures.javaCpuMsPerReminder} ms in DynamoDB Local`,
        );
        return figures;
      } finally {
        replies.close();
        dynamo.destroy();
      }
    },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Applicants running stages 1–4 at once, documents uploaded through the upload page's HTTP API.

export interface LoadFigures {
  readonly loadApplicants: number;
  /** Replies that never came (the applicant waits up to five minutes for each). */
  readonly loadLost: number;
  /** Steps whose replies took longer than a minute (they came). */
  readonly loadLate: number;
  readonly loadDuplicated: number;
  readonly loadDistinctQueues: number;
  readonly loadSeconds: number;
  readonly loadUploadFailures: number;
  readonly peakRssMb: number;
  readonly peakJavaRssMb: number | null;
  readonly loadErrors: string[];
}

const REPLIES_PER_APPLICANT = 5; // greeting + menu, requirement list, SELESAI, DAFTAR

export async function benchLoad(bench: LocalBench, options: { applicants: number }): Promise<LoadFigures> {
  return bench.withServer('load', { UPLOAD_MODE: 'web' }, (server) => runLoad(bench, server, options.applicants, 'load'));
}

/** What the contended run did to the machine while the applicants went through stages 1–4. */
export interface ContendedLoadFigures extends LoadFigures {
  /** Times DynamoDB Local was paused (SIGSTOP … SIGCONT), and for how long in all. */
  readonly dynamoPauses: number;
  readonly dynamoPausedMs: number;
  readonly cpuHog: boolean;
}

/**
 * The same load on a machine made slow on purpose (issue 14): a child process that burns a core for the
 * whole run, and DynamoDB Local frozen with SIGSTOP for 100–500 ms at random moments (every 0.5–2.5 s),
 * then thawed with SIGCONT. Both are undone whatever happens.
 */
export async function benchLoadContended(
  bench: LocalBench,
  options: { applicants: number; seed?: number; env?: Record<string, string> },
): Promise<ContendedLoadFigures> {
  const javaPid = bench.javaPid();
  if (!javaPid) throw new Error('DynamoDB Local (Java) not found: cannot pause it');
  return bench.withServer('contended', { UPLOAD_MODE: 'web', ...options.env }, async (server) => {
    const contention = startContention(javaPid, options.seed ?? Date.now());
    try {
      const figures = await runLoad(bench, server, options.applicants, 'contended');
      const pauses = contention.stop();
      progress(`contended: DynamoDB Local paused ${pauses.count} times (${pauses.ms} ms in all), one core burnt by a child process`);
      return { ...figures, dynamoPauses: pauses.count, dynamoPausedMs: pauses.ms, cpuHog: true };
    } finally {
      contention.stop();
    }
  });
}

/** A CPU hog child and random SIGSTOP/SIGCONT pauses of `pid`; `stop()` ends both (idempotent). */
function startContention(pid: number, seed: number): { stop(): { count: number; ms: number } } {
  const next = seededRandom(seed);
  const hog = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  let count = 0;
  let ms = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let paused = false;
  const schedule = () => {
    timer = setTimeout(
      () => {
        if (stopped) return;
        const pauseMs = 100 + Math.floor(next() * 400);
        process.kill(pid, 'SIGSTOP');
        paused = true;
        count += 1;
        ms += pauseMs;
        timer = setTimeout(() => {
          process.kill(pid, 'SIGCONT');
          paused = false;
          if (!stopped) schedule();
        }, pauseMs);
      },
      500 + Math.floor(next() * 2000),
    );
  };
  schedule();
  return {
    stop() {
      if (!stopped) {
        stopped = true;
        clearTimeout(timer);
        if (paused) process.kill(pid, 'SIGCONT');
        if (hog.pid !== undefined && hog.exitCode === null) hog.kill('SIGKILL');
      }
      return { count, ms };
    },
  };
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

async function runLoad(bench: LocalBench, server: LocalServer, applicants: number, label: string): Promise<LoadFigures> {
  const replies = new Replies(server);
  const javaPid = bench.javaPid();
  let peakRss = process.memoryUsage().rss;
  let peakJava = javaPid ? rssOf(javaPid) : undefined;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const java = javaPid ? rssOf(javaPid) : undefined;
    if (java !== undefined) peakJava = Math.max(peakJava ?? 0, java);
  }, 200);
  const errors: string[] = [];
  let lost = 0;
  let uploadFailures = 0;
  const queueNumbers: string[] = [];
  const waIds = Array.from({ length: applicants }, () => newWaId());
  const timeoutMs = 60_000;
  const patienceMs = 300_000;
  let late = 0;

  const applicant = async (waId: string) => {
    let received = 0;
    const say = async (text: string, count: number): Promise<string[]> => {
      const before = replies.of(waId).length;
      const status = await postText(server, waId, text);
      if (status !== 200) throw new Error(`webhook answered ${status}`);
      if (!(await replies.waitFor(waId, before + count, timeoutMs))) {
        // Late is not lost: an applicant on a slowed machine waits on (counted), up to five minutes.
        late += 1;
        if (!(await replies.waitFor(waId, before + count, patienceMs - timeoutMs))) {
          throw new Error(`"${text}": ${replies.of(waId).length - before} of ${count} replies within ${patienceMs / 1000} s`);
        }
      }
      received += count;
      return replies
        .of(waId)
        .slice(before, before + count)
        .map((reply) => textOf(reply.message));
    };
    try {
      await say('Assalamualaikum', 2);
      await say('1', 1); // the privacy notice, agreed to
      const [requirements] = await say('SETUJU', 1);
      const failures = await uploadAll(server, requirements ?? '');
      uploadFailures += failures;
      await say('SELESAI', 1);
      const [success] = await say(registrationLine(newPerson()), 1);
      const queueNumber = (success ?? '').match(/Nomor Antrian: ([A-Z]+-\d{3,})/)?.[1];
      if (queueNumber) queueNumbers.push(queueNumber);
      else errors.push(`${waId}: no queue number in "${(success ?? '').slice(0, 80)}"`);
    } catch (error) {
      const seen = replies.of(waId).map((reply) => textOf(reply.message).slice(0, 30).replace(/\s+/g, ' '));
      errors.push(`${waId}: ${(error as Error).message}; received: ${JSON.stringify(seen)}`);
    } finally {
      lost += REPLIES_PER_APPLICANT - Math.min(received, REPLIES_PER_APPLICANT);
    }
  };

  try {
    const started = now();
    await Promise.all(waIds.map((waId) => applicant(waId)));
    const seconds = (now() - started) / 1000;
    // Anything still in the queue (a retry, a late duplicate) has its chance to show up.
    await server.queue.drained();
    await sleep(1000);
    let duplicated = 0;
    for (const waId of waIds) {
      const bodies = replies.of(waId).map((reply) => JSON.stringify(reply.message.payload));
      duplicated += bodies.length - new Set(bodies).size;
    }
    const figures: LoadFigures = {
      loadApplicants: applicants,
      loadLost: lost,
      loadLate: late,
      loadDuplicated: duplicated,
      loadDistinctQueues: new Set(queueNumbers).size,
      loadSeconds: round(seconds, 1),
      loadUploadFailures: uploadFailures,
      peakRssMb: round(peakRss / (1024 * 1024), 0),
      peakJavaRssMb: peakJava === undefined ? null : round(peakJava / (1024 * 1024), 0),
      loadErrors: errors.slice(0, 5),
    };
    progress(
      `${label}: ${applicants} applicants in ${figures.loadSeconds} s: ${lost} lost, ${late} steps answered after more than a minute, ${duplicated} duplicated, ` +
        `${figures.loadDistinctQueues} distinct queue numbers; peak RSS ${figures.peakRssMb} MB (Java ${figures.peakJavaRssMb} MB)`,
    );
    for (const error of errors.slice(0, 5)) progress(`${label}: ${error}`);
    return figures;
  } finally {
    clearInterval(sampler);
    replies.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Send-then-fail faults injected on chosen outbox entries: duplicates the applicants see.

export interface SendFaultFigures {
  /** Outbox entries given a fault between the send and its mark. */
  readonly faultEntries: number;
  /** Messages the applicants received more than once. */
  readonly faultDuplicates: number;
  /** Messages the applicants should have received and did not. */
  readonly faultLost: number;
  readonly faultSeconds: number;
  readonly faultKinds: Record<string, number>;
}

/**
 * `entries / 2` applicants greet at once (two replies each: the welcome and the menu list), every one of
 * those `entries` outbox entries gets a fault right after Meta took it: the write marking it sent fails
 * (DynamoDB's 500 on the wire, every SDK attempt), the answer is cut (a gateway's 502) or never comes.
 * Then each applicant picks a service; every reply must arrive exactly once.
 */
export async function benchSendFaults(bench: LocalBench, options: { entries: number }): Promise<SendFaultFigures> {
  const dynamo = await startDynamoFaultProxy(bench.dynamoEndpoint);
  try {
    const env = { DYNAMODB_ENDPOINT: dynamo.endpoint, SIM_STATUS_WEBHOOKS: 'true', QUEUE_RETRY_SCALE: '0.1', WHATSAPP_TIMEOUT_MS: '1000' };
    return await bench.withServer('faults', env, async (server) => {
      const replies = new Replies(server);
      try {
        const applicants = Math.ceil(options.entries / 2);
        const waIds = Array.from({ length: applicants }, () => newWaId());
        const kinds = ['mark', 'cut', 'timeout'] as const;
        const kindOf = new Map<string, (typeof kinds)[number]>();
        const greetings = waIds.map((waId, index) => {
          const id = `wamid.BENCHFAULT${Date.now()}x${index}`;
          for (const part of [0, 1]) kindOf.set(`${id}#${part}`, kinds[(index * 2 + part) % kinds.length] ?? 'mark');
          return { waId, id };
        });
        const counted = new Map<string, number>();
        for (const kind of kinds) counted.set(kind, 0);
        const markFailures = new Map<string, number>();
        dynamo.failWhen((call) => {
          const outboxId = outboxEntryMarkedSent(call);
          if (!outboxId || kindOf.get(outboxId) !== 'mark') return false;
          const count = markFailures.get(outboxId) ?? 0;
          // DynamoDB's client tries four times: all four fail, so the worker's attempt does.
          if (count >= 4) return false;
          if (count === 0) counted.set('mark', (counted.get('mark') ?? 0) + 1);
          markFailures.set(outboxId, count + 1);
          return true;
        });
        const answered = new Set<string>();
        server.fakeGraph.scriptFailures((request) => {
          const kind = request.callbackData ? kindOf.get(request.callbackData) : undefined;
          if (!request.callbackData || (kind !== 'cut' && kind !== 'timeout') || answered.has(request.callbackData)) return undefined;
          answered.add(request.callbackData);
          counted.set(kind, (counted.get(kind) ?? 0) + 1);
          return { afterAccepting: kind };
        });
        const started = now();
        await Promise.all(
          greetings.map(async ({ waId, id }) => {
            const envelope = messageEnvelope(server.config.WHATSAPP_PHONE_NUMBER_ID, { waId, name: 'Budi Santoso' }, { text: 'Assalamualaikum' }, { id });
            const { payload, signature } = signedRequest(envelope.body, server.secrets.WHATSAPP_APP_SECRET);
            const response = await fetch(`${server.url}/webhook`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
              body: payload,
            });
            await response.arrayBuffer();
          }),
        );
        await server.queue.drained();
        dynamo.failWhen(undefined);
        server.fakeGraph.scriptFailures(undefined);
        // The conversation goes on: each applicant picks a service and gets the requirement list.
        await Promise.all(waIds.map((waId) => postText(server, waId, '1')));
        await server.queue.drained();
        await sleep(500);
        let duplicates = 0;
        let lost = 0;
        for (const waId of waIds) {
          const bodies = replies.of(waId).map((reply) => JSON.stringify({ ...reply.message.payload, biz_opaque_callback_data: undefined }));
          duplicates += bodies.length - new Set(bodies).size;
          lost += Math.max(0, 3 - new Set(bodies).size);
        }
        const figures: SendFaultFigures = {
          faultEntries: [...counted.values()].reduce((sum, count) => sum + count, 0),
          faultDuplicates: duplicates,
          faultLost: lost,
          faultSeconds: round((now() - started) / 1000, 1),
          faultKinds: Object.fromEntries(counted),
        };
        progress(
          `faults: ${figures.faultEntries} send-then-fail faults (${JSON.stringify(figures.faultKinds)}) on ${applicants} applicants in ${figures.faultSeconds} s: ` +
            `${duplicates} duplicates seen, ${lost} replies lost`,
        );
        return figures;
      } finally {
        replies.close();
      }
    });
  } finally {
    await dynamo.close();
  }
}

/** What the upload page's script does for each requirement: a presigned PUT, the check on arrival, Kirim. */
async function uploadAll(server: LocalServer, requirementsText: string): Promise<number> {
  const shortLink = requirementsText.match(/^(https?:\/\/\S+)$/m)?.[1];
  if (!shortLink) throw new Error(`no upload link in the requirement list: "${requirementsText.slice(0, 80)}"`);
  // The short link redirects to the page's own address, which its API hangs off (as a browser follows it).
  const redirect = await fetch(shortLink, { redirect: 'manual' });
  await redirect.arrayBuffer();
  const link = new URL(redirect.headers.get('location') ?? '', shortLink).href;
  const grant = readUploadToken(link.split('/').pop() ?? '', server.secrets.LINK_SIGNING_KEY, Date.now());
  if (!grant) throw new Error('upload link does not verify');
  const service = DEFAULT_SERVICES.find((candidate) => candidate.id === grant.serviceId);
  let failures = 0;
  for (const requirement of grant.only ?? service?.requirements ?? []) {
    const filename = `${requirement}.pdf`;
    const started = await fetch(`${link}/uploads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requirement, filename, contentType: 'application/pdf', size: TINY_PDF.length }),
    });
    const ticket = (await started.json()) as { uploadId?: string; url?: string; key?: string };
    if (started.status !== 200 || !ticket.url || !ticket.uploadId) {
      failures += 1;
      continue;
    }
    const put = await fetch(ticket.url, { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: new Uint8Array(TINY_PDF) });
    await put.arrayBuffer();
    const completed = await fetch(`${link}/uploads/${ticket.uploadId}/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requirement, key: ticket.key, filename }),
    });
    await completed.arrayBuffer();
    if (put.status !== 200 || completed.status !== 200) failures += 1;
  }
  const submitted = await fetch(`${link}/submit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  const submission = (await submitted.json()) as { complete?: boolean };
  if (!submission.complete) failures += 1;
  return failures;
}

/** User + system CPU of a process, ms (clock ticks of 10 ms, Linux's USER_HZ). */
function cpuMsOf(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

function rssOf(pid: number): number | undefined {
  try {
    const kb = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m)?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
