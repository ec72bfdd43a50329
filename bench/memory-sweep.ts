/**
 * Lambda Power Tuning's idea, run locally: each function's benchmark workload priced at several memory sizes.
 * Lambda cannot run here, so the sweep measures a warm invocation once, split into the CPU time our process
 * spent on it and the time it waited for I/O (DynamoDB Local, the S3 stand-in, the fake Graph API), and
 * models the rest on Lambda's documented allocation: CPU in proportion to memory, one full vCPU at 1,769 MB
 * (more memory adds a second vCPU, which one Node.js thread cannot use).
 *
 *   duration(m) = CPU ms × 1769 / min(m, 1769) + I/O ms      (the I/O wait does not scale)
 *   cost(m)     = ceil(duration(m)) ms × m / 1024 GB × price per GB-s + price per request
 *   cold(m)     = cold-init CPU ms × 1769 / min(m, 1769)
 *
 * Alone: `npm run bench -- --memory-sweep` (or `npx tsx bench/memory-sweep.ts`).
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../lambdas/adapters/dynamodb-client';
import { registrationItem } from '../lambdas/adapters/registration-items';
import { staticSecrets } from '../lambdas/adapters/secrets';
import { signUploadToken } from '../lambdas/adapters/upload-links';
import { loadOfficeProfile } from '../lambdas/config';
import { addDays } from '../lambdas/domain/calendar';
import type { Registration } from '../lambdas/domain/registration';
import { createWebhookHandler } from '../lambdas/handlers/webhook-handler';
import { NO_METRICS } from '../lambdas/metric-names';
import { arrivalTimes } from '../lambdas/domain/schedule';
import { messageEnvelope, signedRequest } from '../local/meta-envelope';
import type { LocalServer } from '../local/server';
import { FUNCTION_MEMORY_MB, type SweptFunction } from '../lib/function-memory';
import { TINY_PDF } from '../test/support/documents';
import { addPendingRegistrations } from '../test/support/pending';
import { PRICES } from './cost';
import type { LocalBench, StepFigures } from './local';
import { cardPng } from './officer';
import { median, now, progress, round, sleep } from './stats';

export const SWEEP_MEMORY_MB = [128, 256, 512, 1024, 1769] as const;
/** Lambda gives a function one full vCPU at 1,769 MB, and CPU in proportion to memory below it. */
export const FULL_VCPU_MB = 1769;

/**
 * A size counts as fast enough when its modelled cold init is within the function's budget and its warm
 * invocation at most 25% (or 10 ms, whichever is more) slower than with a full vCPU; among those the
 * cheapest wins (the fastest when none is). The warm rule is relative because the I/O measured here is
 * DynamoDB Local's and the stand-ins', not AWS's; the cold budget is absolute because a person waits for it:
 * an applicant for two in a row after a quiet spell (the webhook's, then the conversation's), an officer for
 * the admin app's in the morning. The reminder runs once a day, unattended.
 */
export const COLD_INIT_BUDGET_MS: Readonly<Record<SweptFunction, number>> = {
  webhook: 250,
  conversation: 600,
  upload: 600,
  admin: 600,
  reminder: 5_000,
};
const WARM_SLACK = { share: 0.25, ms: 10 };

export interface InvocationProfile {
  readonly fn: SweptFunction;
  /** Our process's CPU time for one warm invocation, ms (median). */
  readonly cpuMs: number;
  /** Wall time minus that CPU time: waiting for DynamoDB, S3, the Graph API, ms (median). */
  readonly ioMs: number;
  /** A fresh node importing the bundle, CPU ms (bench/bundles.ts). */
  readonly coldInitCpuMs: number;
  /** That node's resident memory once the handler is built, MB. */
  readonly initRssMb: number;
  readonly invocations: number;
  readonly what: string;
}

export interface SweepPoint {
  readonly memoryMb: number;
  readonly warmMs: number;
  readonly coldMs: number;
  /** US$ per million warm invocations (duration billed in whole ms, plus the request price). */
  readonly usdPerMillion: number;
  readonly withinBudget: boolean;
  /** At least twice the resident memory after init: room for the work (a proof PDF, a page, a batch). */
  readonly fits: boolean;
}

export interface SweepResult {
  readonly profile: InvocationProfile;
  readonly points: SweepPoint[];
  readonly chosenMb: number;
  /** What lib/function-memory.ts sets today. */
  readonly configuredMb: number;
}

function warmAt(profile: InvocationProfile, memoryMb: number): number {
  return (profile.cpuMs * FULL_VCPU_MB) / Math.min(memoryMb, FULL_VCPU_MB) + profile.ioMs;
}

export function modelAt(profile: InvocationProfile, memoryMb: number): SweepPoint {
  const slowdown = FULL_VCPU_MB / Math.min(memoryMb, FULL_VCPU_MB);
  const warmMs = warmAt(profile, memoryMb);
  const fastestMs = warmAt(profile, FULL_VCPU_MB);
  const coldMs = profile.coldInitCpuMs * slowdown;
  const usdPerMillion = (Math.ceil(warmMs) / 1000) * (memoryMb / 1024) * PRICES.lambdaArmGbSecond * 1e6 + PRICES.lambdaPerMillionRequests;
  return {
    memoryMb,
    warmMs: round(warmMs, 1),
    coldMs: round(coldMs, 0),
    usdPerMillion: round(usdPerMillion, 3),
    withinBudget: coldMs <= COLD_INIT_BUDGET_MS[profile.fn] && warmMs - fastestMs <= Math.max(WARM_SLACK.share * fastestMs, WARM_SLACK.ms),
    fits: memoryMb >= 2 * profile.initRssMb,
  };
}

export function sweepProfile(profile: InvocationProfile): SweepResult {
  const points = SWEEP_MEMORY_MB.map((memoryMb) => modelAt(profile, memoryMb));
  const within = points.filter((point) => point.withinBudget && point.fits);
  const chosen =
    within.length > 0
      ? within.reduce((best, point) => (point.usdPerMillion < best.usdPerMillion ? point : best), within[within.length - 1]!)
      : points[points.length - 1]!;
  return { profile, points, chosenMb: chosen.memoryMb, configuredMb: FUNCTION_MEMORY_MB[profile.fn] };
}

/** CPU and wall time of `work`, which must be the only thing running in this process meanwhile. */
async function measured(work: () => Promise<void>): Promise<{ cpuMs: number; wallMs: number }> {
  const cpu = process.cpuUsage();
  const started = now();
  await work();
  const wallMs = now() - started;
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, wallMs };
}

function profileOf(fn: SweptFunction, runs: { cpuMs: number; wallMs: number }[], init: { cpuMs: number; rssMb: number }, what: string): InvocationProfile {
  const cpuMs = median(runs.map((run) => run.cpuMs));
  const ioMs = Math.max(0, median(runs.map((run) => run.wallMs - run.cpuMs)));
  return { fn, cpuMs: round(cpuMs, 2), ioMs: round(ioMs, 2), coldInitCpuMs: init.cpuMs, initRssMb: init.rssMb, invocations: runs.length, what };
}

async function drained(server: LocalServer): Promise<void> {
  for (let waited = 0; waited < 10_000 && server.queue.depth > 0; waited += 20) await sleep(20);
  await sleep(30);
}

/**
 * One request at a time against the local server (its handlers in this process), each after the worker is
 * idle, so the process's CPU time in the window is the invocation's (plus the loopback HTTP client's and the
 * in-process S3 stand-in's: an overestimate, which only pushes the choice to more memory).
 */
export async function measureProfiles(
  local: LocalBench,
  options: { invocations: number; step: StepFigures; stepInvocations: number; init: Readonly<Record<string, { cpuMs: number; rssMb: number }>> },
): Promise<InvocationProfile[]> {
  const cold = (fn: SweptFunction) => options.init[fn] ?? { cpuMs: 0, rssMb: 0 };
  return local.withServer('memory-sweep', { SIM_STATUS_WEBHOOKS: 'false', UPLOAD_MODE: 'web' }, async (server) => {
    const profiles: InvocationProfile[] = [];

    // Webhook: its handler called directly (no loopback HTTP around a sub-millisecond handler) with a signed
    // 'Halo' from a new applicant, queued to the local durable queue (SQS's stand-in); the worker answers after.
    progress(`memory sweep: ${options.invocations} webhook posts`);
    const webhook = createWebhookHandler({
      phoneNumberId: server.config.WHATSAPP_PHONE_NUMBER_ID,
      secrets: staticSecrets(server.secrets),
      queue: server.eventQueue,
      metrics: NO_METRICS,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    const webhookRuns = [];
    for (let index = 0; index < options.invocations + 3; index += 1) {
      const envelope = messageEnvelope(server.config.WHATSAPP_PHONE_NUMBER_ID, { waId: String(6281700000000 + index), name: 'Budi Santoso' }, { text: 'Halo' });
      const { payload, signature } = signedRequest(envelope.body, server.secrets.WHATSAPP_APP_SECRET);
      const event = {
        version: '2.0',
        routeKey: 'POST /webhook',
        rawPath: '/webhook',
        rawQueryString: '',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
        requestContext: { http: { method: 'POST', path: '/webhook' } } as APIGatewayProxyEventV2['requestContext'],
        body: payload,
        isBase64Encoded: false,
      } satisfies APIGatewayProxyEventV2;
      const run = await measured(async () => {
        const result = await webhook(event);
        if (result.statusCode !== 200) throw new Error(`memory sweep: webhook answered ${result.statusCode}`);
      });
      if (index >= 3) webhookRuns.push(run);
      await drained(server);
    }
    profiles.push(profileOf('webhook', webhookRuns, cold('webhook'), "a signed 'Halo' from a new applicant, verified, parsed and queued"));

    // Conversation: the step benchmark's split (bench/local.ts benchStep), measured on the worker's own handler.
    const step = options.step;
    profiles.push({
      fn: 'conversation',
      cpuMs: round(step.stepMedianMs - step.stepGraphMedianMs, 2),
      ioMs: round(step.stepDynamoMedianMs + step.stepGraphMedianMs, 2),
      coldInitCpuMs: cold('conversation').cpuMs,
      initRssMb: cold('conversation').rssMb,
      invocations: options.stepInvocations,
      what: 'one conversation step (stepMedianMs: DynamoDB calls and the Graph API send as I/O)',
    });

    // Upload: the page's two API calls per file (presign, then the check once the file is in S3).
    progress(`memory sweep: ${options.invocations} uploads`);
    const uploadRuns = [];
    const link = `${server.url}/upload/${signUploadToken({ draftId: randomUUID(), serviceId: 1, expiresAt: Date.now() + 86_400_000 }, server.secrets.LINK_SIGNING_KEY)}`;
    for (let index = 0; index < options.invocations + 2; index += 1) {
      const requirement = index % 2 === 0 ? 'ktp' : 'kk';
      const filename = `${requirement}-${index}.pdf`;
      let ticket: { uploadId?: string; url?: string; key?: string } = {};
      const presign = await measured(async () => {
        const response = await fetch(`${link}/uploads`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ requirement, filename, contentType: 'application/pdf', size: TINY_PDF.length }),
        });
        ticket = (await response.json()) as typeof ticket;
      });
      if (!ticket.url || !ticket.uploadId) throw new Error('memory sweep: presign failed');
      const put = await fetch(ticket.url, { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: new Uint8Array(TINY_PDF) });
      await put.arrayBuffer();
      const complete = await measured(async () => {
        const response = await fetch(`${link}/uploads/${ticket.uploadId}/complete`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ requirement, key: ticket.key, filename }),
        });
        await response.arrayBuffer();
      });
      // The clear keeps the field under its page limit for the next round.
      await (await fetch(`${link}/requirements/${requirement}`, { method: 'DELETE' })).arrayBuffer();
      if (index >= 2) uploadRuns.push(presign, complete);
    }
    profiles.push(profileOf('upload', uploadRuns, cold('upload'), 'the upload page API: presign a PUT, then check the arrived file (S3 HEAD + DynamoDB)'));

    // Admin: the officer's list of registrations to check, 20 PENDING with four documents each.
    progress(`memory sweep: ${options.invocations} admin list pages`);
    await addPendingRegistrations(server, { firstNumber: 700, count: 20, image: cardPng(), hoursAgo: 20, stepMinutes: 10 });
    const login = await fetch(`${server.url}/admin/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: new URL(server.url).origin },
      body: JSON.stringify({ username: server.config.ADMIN_USERNAME, password: server.adminPassword }),
    });
    await login.arrayBuffer();
    const cookie = login.headers.getSetCookie()[0]?.split(';')[0];
    if (login.status !== 200 || !cookie) throw new Error(`memory sweep: admin login answered ${login.status}`);
    const adminRuns = [];
    for (let index = 0; index < options.invocations + 2; index += 1) {
      const run = await measured(async () => {
        const response = await fetch(`${server.url}/admin/registrations?status=PENDING`, { headers: { cookie } });
        const html = await response.text();
        if (response.status !== 200 || !html.includes('KRC-700')) throw new Error(`memory sweep: admin list answered ${response.status}`);
      });
      if (index >= 2) adminRuns.push(run);
    }
    profiles.push(profileOf('admin', adminRuns, cold('admin'), "the officer's list of 20 PENDING registrations"));

    // Reminder: one daily run over 200 confirmed registrations for tomorrow (each read, checked, queued).
    progress('memory sweep: reminder runs');
    const day = addDays('2026-03-02', 1);
    const times = arrivalTimes(loadOfficeProfile({}));
    const dynamo = documentClient({
      endpoint: server.dynamoEndpoint,
      region: 'ap-southeast-3',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const registrations: Registration[] = Array.from({ length: 200 }, (_, index) => ({
      queueNumber: `KRC-${String(index + 1).padStart(4, '0')}`,
      name: 'Ahmad Budiman',
      placeOfBirth: 'SUNGAI PENUH',
      dateOfBirth: '1990-08-15',
      nik: `3201231508${String(90_000_000 + index).slice(-6)}`,
      phone: '6289617841945',
      serviceId: 1,
      status: 'DIKONFIRMASI',
      createdAt: new Date(Date.UTC(2026, 1, 1, 0, 0, index)).toISOString(),
      ownerKey: String(6281800000000 + index),
      ownerWaId: String(6281800000000 + index),
      draftId: randomUUID(),
      documentsMode: 'web',
      flags: [],
      appointmentDate: day,
      appointmentTime: times[index % times.length] ?? '08:00',
      rescheduled: false,
    }));
    for (let start = 0; start < registrations.length; start += 25) {
      const items = registrations.slice(start, start + 25).map((registration) => ({ PutRequest: { Item: registrationItem(registration) } }));
      let requests: typeof items | undefined = items;
      while (requests && requests.length > 0) {
        const result = await dynamo.send(new BatchWriteCommand({ RequestItems: { [server.config.TABLE_NAME]: requests } }));
        requests = result.UnprocessedItems?.[server.config.TABLE_NAME] as typeof items | undefined;
      }
    }
    dynamo.destroy();
    const reminderRuns = [];
    for (let index = 0; index < 3; index += 1) {
      // Each run after the first finds the reminders already queued (idempotent): only the first is the real workload.
      const run = await measured(async () => {
        const response = await fetch(`${server.url}/_local/jobs/reminders?date=2026-03-02`, { method: 'POST' });
        await response.arrayBuffer();
      });
      if (index === 0) reminderRuns.push(run);
      await drained(server);
    }
    profiles.push(
      profileOf('reminder', reminderRuns, cold('reminder'), 'the daily run over 200 confirmed registrations for tomorrow (the worker sends them later)'),
    );
    return profiles;
  });
}

export function printSweep(results: SweepResult[], write: (line: string) => void): void {
  write(
    `\nMemory sweep (model: duration = CPU ms × ${FULL_VCPU_MB} / min(memory, ${FULL_VCPU_MB}) + I/O ms; billed in whole ms at $${PRICES.lambdaArmGbSecond}/GB-s arm64 + $${PRICES.lambdaPerMillionRequests}/M requests):`,
  );
  write(
    `  ${'function'.padEnd(13)} ${'CPU ms'.padStart(7)} ${'I/O ms'.padStart(7)} ${'init CPU'.padStart(8)} ${'RSS MB'.padStart(6)}  ${SWEEP_MEMORY_MB.map((mb) => `${mb} MB: warm ms / cold ms / $ per M`.padEnd(36)).join('')} chosen (set)`,
  );
  for (const { profile, points, chosenMb, configuredMb } of results) {
    const cells = points
      .map((point) =>
        `${point.warmMs} / ${point.coldMs} / ${point.usdPerMillion.toFixed(2)}${point.withinBudget ? '' : ' ✗'}${point.fits ? '' : ' ⊘'}`.padEnd(36),
      )
      .join('');
    write(
      `  ${profile.fn.padEnd(13)} ${String(profile.cpuMs).padStart(7)} ${String(profile.ioMs).padStart(7)} ${String(profile.coldInitCpuMs).padStart(8)} ${String(profile.initRssMb).padStart(6)}  ${cells} ${chosenMb} (${configuredMb})`,
    );
  }
  write('  ⊘: under twice the resident memory after init.');
  write(
    `  ✗: cold init over its budget (${Object.entries(COLD_INIT_BUDGET_MS)
      .map(([fn, ms]) => `${fn} ${ms} ms`)
      .join(', ')}), or warm more than ${WARM_SLACK.share * 100}% (at least ${WARM_SLACK.ms} ms) slower than at ${FULL_VCPU_MB} MB.`,
  );
}
