/**
 * The local server's own routes, as one more app on the shared HTTP layer (lambdas/http/): the health
 * check, the job routes `npm run doctor` and the tests use, and the fake Graph API. None exists in AWS.
 * The job routes have no login: they answer only when the server listens on loopback (`toolsEnabled`).
 */
import { jakartaDate } from '../lambdas/domain/calendar';
import { answers, type HttpApp, type HttpRequest, type HttpResult } from '../lambdas/http/app';
import { safeJson } from '../lambdas/http/json';
import { createRouter, requestMethod, type Method, type RouteDefinition } from '../lambdas/http/router';
import type { DailyJobs } from '../lambdas/wiring/reminder';
import type { FakeGraphApi } from './fake-graph-api';

export interface LocalToolsParts {
  readonly ready: () => boolean;
  readonly queueDepth: () => number;
  readonly jobs: DailyJobs;
  readonly replayDeadLetters: () => Promise<number>;
  readonly fakeGraph: FakeGraphApi;
  /** False when the server listens on other interfaces than loopback: then `/_local/…` and `/` are not found. */
  readonly toolsEnabled: boolean;
}

/** Plain types, no charset: as these routes always answered. */
const JSON_TYPE = 'application/json';
const out = answers({});
const json = (statusCode: number, value: unknown) => out.send(statusCode, JSON_TYPE, JSON.stringify(value));
const notFound = () => out.send(404, 'text/plain', 'Not found');

const EVERY_METHOD: readonly Method[] = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'];
type Tool = (request: HttpRequest) => Promise<HttpResult> | HttpResult;
const anyMethod = (path: string, to: Tool, params?: Record<string, string>): RouteDefinition<Tool>[] =>
  EVERY_METHOD.map((method) => ({ method, path, to, ...(params ? { params } : {}) }));

export function localToolsApp(parts: LocalToolsParts): HttpApp {
  const routes = createRouter<Tool>([
    ...anyMethod('/healthz', () => json(parts.ready() ? 200 : 503, { ok: parts.ready(), queueDepth: parts.queueDepth() })),
    ...anyMethod('/', () => out.redirect('/sim')),
    // What `npm run doctor` asks of a deployment, answered for the local one.
    { method: 'GET', path: '/_local/status', to: async () => json(200, { lastReminderRun: (await parts.jobs.lastReminderRun()) ?? null }) },
    { method: 'POST', path: '/_local/jobs/reminders', to: runReminders },
    { method: 'POST', path: '/_local/jobs/purge', to: runPurge },
    { method: 'POST', path: '/_local/jobs/close-day', to: runCloseDay },
    { method: 'POST', path: '/_local/jobs/hourly', to: runHourly },
    { method: 'POST', path: '/_local/jobs/replay-dead-letters', to: async () => json(200, { replayed: await parts.replayDeadLetters() }) },
    { method: 'GET', path: '/_graph/download/:mediaId', params: { mediaId: '.+' }, to: download },
    ...anyMethod('/_graph/:graphPath', graphApi, { graphPath: '.*' }),
  ]);

  return async (request) => {
    const path = request.rawPath;
    if (!parts.toolsEnabled && (path.startsWith('/_local/') || path === '/')) return notFound();
    const route = routes.match(requestMethod(request), path);
    // Another method on a tool's path is simply not one of its routes.
    return route.kind === 'found' ? route.to(request) : notFound();
  };

  async function runReminders(request: HttpRequest): Promise<HttpResult> {
    // `?at=<ISO time>`: the hourly run of many offices, as if it were then (each office whose reminder hour it is).
    const at = query(request).get('at');
    if (at) {
      const instant = new Date(at);
      if (Number.isNaN(instant.getTime())) return json(400, { error: 'at must be an ISO time' });
      const runs = await parts.jobs.officeReminders(instant);
      return json(200, { offices: runs.map((run) => ({ office: run.office, queued: run.queued, appointmentDate: run.appointmentDate })) });
    }
    const date = query(request).get('date') ?? jakartaDate(new Date());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return json(400, { error: 'date must be YYYY-MM-DD' });
    const run = await parts.jobs.reminders(date);
    return json(200, { queued: run.queued, heldBack: run.heldBack, appointmentDate: run.appointmentDate });
  }

  /** The hourly schedule's job: the registry offices whose reminder hour it is, then the housekeeping (waitlist offers, waiting notices). */
  async function runHourly(request: HttpRequest): Promise<HttpResult> {
    // `?at=<ISO time>`: the offices' reminders and ends of day as if it were then (the housekeeping runs now).
    const at = query(request).get('at');
    const now = at ? new Date(at) : new Date();
    if (Number.isNaN(now.getTime())) return json(400, { error: 'at must be an ISO time' });
    const runs = await parts.jobs.officeReminders(now, { skipDefault: true });
    const closed = await parts.jobs.officeCloseDays(now);
    const kept = await parts.jobs.housekeeping();
    return json(200, {
      offices: runs.length,
      reminded: runs.reduce((sum, run) => sum + run.queued, 0),
      closedDays: closed.map((run) => ({ office: run.office, date: run.date, noShows: run.marked.length, summary: run.summary })),
      passedOn: kept.passedOn,
      noticesQueued: kept.queued,
    });
  }

  /** `?date=`: runs the end-of-day job as if it were that date's closing time (today without it). */
  async function runCloseDay(request: HttpRequest): Promise<HttpResult> {
    const date = query(request).get('date') ?? jakartaDate(new Date());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return json(400, { error: 'date must be YYYY-MM-DD' });
    const run = await parts.jobs.closeDay(date);
    return json(200, { date: run.date, noShows: run.marked.length, marked: run.marked, summary: run.summary });
  }

  async function runPurge(request: HttpRequest): Promise<HttpResult> {
    // `?now=<ISO time>` sweeps as if it were then (to try the retention period without waiting for it).
    const at = query(request).get('now');
    const now = at ? new Date(at) : new Date();
    if (Number.isNaN(now.getTime())) return json(400, { error: 'now must be an ISO time' });
    return json(200, await parts.jobs.purge(() => now));
  }

  function download(request: HttpRequest): HttpResult {
    const mediaId = decodeURIComponent(request.rawPath.slice('/_graph/download/'.length));
    const result = parts.fakeGraph.download(mediaId, request.headers.authorization);
    return Buffer.isBuffer(result.body)
      ? { statusCode: result.status, headers: { 'content-type': result.contentType }, body: result.body.toString('base64'), isBase64Encoded: true }
      : out.send(result.status, result.contentType, JSON.stringify(result.body));
  }

  async function graphApi(request: HttpRequest): Promise<HttpResult> {
    // `/_graph/<version>/<graph path>?<query>`: the fake answers every version the way v25.0 does.
    const graphPath = request.rawPath.replace(/^\/_graph\/v\d+\.\d+(?=\/|$)/, '');
    const bytes = request.isBase64Encoded ? Buffer.from(request.body ?? '', 'base64') : Buffer.from(request.body ?? '', 'utf8');
    const raw = { bytes, contentType: request.headers['content-type'] ?? '' };
    const method = request.requestContext.http.method;
    const result = await parts.fakeGraph.handle(method, graphPath, request.headers.authorization, safeJson(bytes), query(request), raw);
    return json(result.status, result.body);
  }
}

function query(request: HttpRequest): URLSearchParams {
  return new URLSearchParams(request.rawQueryString ?? '');
}
