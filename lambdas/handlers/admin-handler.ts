/**
 * The officers' admin app (a Function URL in AWS, `/admin` locally): server-rendered pages and the JSON
 * API of docs/contract.md. This handler is the gate: it resolves the route, checks the session (401), the
 * CSRF token of every state-changing call (403) and the role (403), then hands over to the registrations
 * API, the officer accounts or a page. Routes: lambdas/admin/router.ts.
 */
import {
  authenticate,
  clearedSessionCookie,
  cookieValue,
  csrfTokenMatches,
  ensureFirstOfficer,
  listOfficers,
  login,
  logout,
  SESSION_COOKIE,
  sessionCookie,
  type AuthDeps,
  type AuthenticatedSession,
  type FirstOfficer,
  type OfficerStore,
} from '../admin/auth';
import type { RegistrationsApi } from '../admin/officer-api';
import { problem, toHttp, type AdminResult } from '../admin/results';
import { pdfAnswer } from '../admin/pdf-answer';
import { officerAccountsCall } from '../admin/officer-accounts-api';
import { officeSummary, officesCall, type OfficesDeps } from '../admin/offices-api';
import { renderLoginPage, renderPage, renderProblemPage, type PageDeps } from '../admin/pages';
import type { PageZone } from '../admin/pages/format';
import { asCredentials, matchAdminRoute, readJson, requestTarget, responses, safeNext, type ApiRoute, type Responses } from '../admin/router';
import { ADMIN_TEXTS as TEXTS, fillText } from '../domain/texts/officer';
import type { HttpApp, HttpRequest, HttpResult } from '../http/app';
import { requestMethod } from '../http/router';
import { httpStatusOf } from '../http/status';
import { METRICS } from '../metric-names';
import type { Clock, Metrics } from '../ports';

export interface AdminHandlerDeps {
  readonly officers: OfficerStore;
  readonly registrations: RegistrationsApi;
  /** The key that signs session cookies and derives CSRF tokens (see `deriveSessionKey`). */
  readonly sessionKey: () => Promise<string>;
  readonly clock: Clock;
  /** Where the admin root is mounted: `/admin` locally, `` at a Function URL's root. */
  readonly basePath: string;
  readonly log: {
    info(message: string, fields: Record<string, unknown>): void;
    warn(message: string, fields: Record<string, unknown>): void;
    error(message: string, fields: Record<string, unknown>): void;
  };
  /** Failed logins are counted (`FailedLogins`): the guessing alarm watches them. @default none */
  readonly metrics?: Metrics;
  /** The first account, created (role `admin`) at the first request when no officer exists. */
  readonly firstOfficer?: () => Promise<FirstOfficer | undefined>;
  /** Arrival times the forms offer (`08:00` … `16:00` by default). */
  readonly arrivalTimes?: readonly string[];
  /** Many offices: the registrations API of a registry office (`registrations` is the default office's); undefined: no such office. */
  readonly officeRegistrations?: (officeId: string) => Promise<RegistrationsApi | undefined>;
  /** Many offices: the registry behind `api/offices` and the offices of officer accounts. */
  readonly offices?: OfficesDeps;
}

export type AdminHandler = HttpApp;

type Result = HttpResult;

const MUTATING = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

export function createAdminHandler(deps: AdminHandlerDeps): AdminHandler {
  const auth: AuthDeps = { officers: deps.officers, sessionKey: deps.sessionKey, clock: deps.clock };
  const root = `${deps.basePath}/`;
  let firstOfficerReady: Promise<void> | undefined;

  /**
   * The registrations of the officer's office: another office's are not found. A superadmin sees the
   * default office's, or another's with `?office=<id>`.
   */
  const officeIdOf = (session: AuthenticatedSession, event?: HttpRequest): string | undefined =>
    (session.superadmin ? event?.queryStringParameters?.office : undefined) ?? session.office;
  const registrationsOf = async (session: AuthenticatedSession, event?: HttpRequest): Promise<RegistrationsApi | undefined> => {
    const officeId = officeIdOf(session, event);
    if (officeId === undefined || officeId === deps.offices?.directory.defaultOffice.id) return deps.registrations;
    return deps.officeRegistrations?.(officeId);
  };
  /** The clock of the office whose pages these are (the default office's, WIB, without a registry). */
  const zoneOf = async (session: AuthenticatedSession, event?: HttpRequest): Promise<PageZone> => {
    const officeId = officeIdOf(session, event);
    const directory = deps.offices?.directory;
    return (officeId === undefined ? undefined : await directory?.byId(officeId)) ?? directory?.defaultOffice ?? {};
  };

  const pageDeps = (session: AuthenticatedSession, zone: PageZone, event?: HttpRequest, registrations = deps.registrations): PageDeps => ({
    basePath: deps.basePath,
    officer: session.officer,
    csrfToken: session.csrfToken,
    now: deps.clock.now(),
    registrations,
    zone,
    // An office's officers see their own office's accounts; a superadmin every office's, and the offices.
    officers: async () => (await listOfficers(auth)).filter((officer) => session.superadmin || officer.office === session.office),
    ...(session.superadmin && deps.offices ? { offices: officesOf(deps.offices) } : {}),
    ...(deps.arrivalTimes ? { arrivalTimes: deps.arrivalTimes } : {}),
    // Chromium names a page it fetches or prerenders ahead of a navigation (`Sec-Purpose: prefetch`).
    ...(event && /(^|[\s;,])prefetch\b/i.test(event.headers['sec-purpose'] ?? '') ? { speculative: true } : {}),
  });

  return async (event) => {
    const out = responses(event, deps.basePath);
    const method = requestMethod(event);
    const route = matchAdminRoute(method, event.rawPath, deps.basePath);
    if (route.kind === 'asset') return out.asset(route.asset);
    if (route.kind === 'not-found')
      return route.api
        ? out.problem(httpStatusOf('not-found'), 'not-found', TEXTS.notFound)
        : out.page(httpStatusOf('not-found'), renderProblemPage('not-found', deps.basePath));
    if (route.kind === 'method-not-allowed') return out.problem(httpStatusOf('method-not-allowed'), 'method-not-allowed', TEXTS.methodNotAllowed);

    try {
      firstOfficerReady ??= createFirstOfficer(deps, auth).catch((error: unknown) => {
        firstOfficerReady = undefined;
        deps.log.error('first officer not created', { error: (error as Error).message });
      });
      await firstOfficerReady;

      const token = cookieValue(event.cookies, SESSION_COOKIE);
      if (route.kind === 'api' && route.route.name === 'login') return await handleLogin(event, token, out);

      const session = await authenticate(auth, token);
      if (route.kind === 'page') {
        if (route.route.name === 'login') return session ? out.redirect(root) : out.page(200, renderLoginPage(deps.basePath, safeNext(event, deps.basePath)));
        if (!session) {
          if (route.route.name === 'home') return out.page(200, renderLoginPage(deps.basePath, undefined));
          return out.redirect(`${root}login?next=${encodeURIComponent(requestTarget(event))}`);
        }
        const zone = await zoneOf(session, event);
        if (route.adminOnly && session.officer.role !== 'admin')
          return out.page(httpStatusOf('forbidden'), renderProblemPage('forbidden', deps.basePath, pageDeps(session, zone)));
        const registrations = await registrationsOf(session, event);
        if (!registrations) return out.page(httpStatusOf('not-found'), renderProblemPage('not-found', deps.basePath, pageDeps(session, zone)));
        if (route.route.name === 'poster') return pdfAnswer(await registrations.posterPdf(event.queryStringParameters ?? {}), out);
        const rendered = await renderPage(route.route, event.queryStringParameters ?? {}, pageDeps(session, zone, event, registrations));
        return out.page(rendered.status, rendered.html);
      }

      if (!session)
        return out.problem(
          httpStatusOf('unauthenticated'),
          'unauthenticated',
          TEXTS.unauthenticated,
          token ? [clearedSessionCookie(out.cookieOptions)] : undefined,
        );
      if (MUTATING.has(method) && !csrfTokenMatches(event.headers['x-csrf-token'], session.sessionId, await deps.sessionKey())) {
        return out.problem(httpStatusOf('forbidden'), 'csrf', TEXTS.csrfRejected);
      }
      if (route.adminOnly && session.officer.role !== 'admin') return out.problem(httpStatusOf('forbidden'), 'forbidden', TEXTS.adminOnly);
      if (route.route.name === 'logout') {
        await logout(auth, session);
        deps.log.info('officer logged out', { officer: session.officer.username });
        return out.json(200, { ok: true }, [clearedSessionCookie(out.cookieOptions)]);
      }
      const body = readJson(event);
      if (!body.ok) return out.problem(httpStatusOf('bad-request'), 'bad-request', TEXTS.badRequest);
      const registrations = await registrationsOf(session, event);
      if (!registrations) return out.problem(httpStatusOf('not-found'), 'not-found', TEXTS.notFound);
      const answer = toHttp(await callApi(route.route, event, body.value, session, registrations));
      return out.json(answer.status, answer.body);
    } catch (error) {
      deps.log.error('admin request failed', { route: route.route.name, error: (error as Error).name, message: (error as Error).message });
      return route.kind === 'page'
        ? out.page(httpStatusOf('error'), renderProblemPage('error', deps.basePath))
        : out.problem(httpStatusOf('error'), 'internal', TEXTS.serverError);
    }
  };

  async function handleLogin(event: HttpRequest, token: string | undefined, out: Responses): Promise<Result> {
    // Login CSRF: a form or a `text/plain` fetch from another site never gets this far.
    if (!isJson(event) || !isSameOrigin(event)) return out.problem(httpStatusOf('forbidden'), 'cross-site', TEXTS.loginCrossSite);
    const body = readJson(event);
    const credentials = body.ok ? asCredentials(body.value) : undefined;
    if (!credentials) return out.problem(httpStatusOf('bad-request'), 'bad-request', TEXTS.badRequest);
    const result = await login(auth, { ...credentials, sourceIp: event.requestContext.http.sourceIp, ...(token ? { previousToken: token } : {}) }, (guessing) =>
      deps.log.warn('officer account being guessed', { officer: guessing.username, failedLogins: guessing.failures, sources: guessing.sources }),
    );
    deps.log.info('officer login', { officer: credentials.username.slice(0, 40), outcome: result.kind });
    if (result.kind !== 'ok') deps.metrics?.count(METRICS.failedLogins);
    if (result.kind === 'invalid') return out.problem(httpStatusOf('unauthenticated'), 'invalid-credentials', TEXTS.loginInvalid);
    if (result.kind === 'throttled') {
      const message = fillText(TEXTS.loginThrottled, { seconds: result.retryAfterSeconds });
      return out.json(httpStatusOf('throttled'), { error: 'throttled', message, retryAfter: result.retryAfterSeconds }, undefined, {
        'retry-after': String(result.retryAfterSeconds),
      });
    }
    return out.json(200, { csrfToken: result.csrfToken, officer: result.officer }, [sessionCookie(result.token, out.cookieOptions)]);
  }

  async function callApi(
    route: ApiRoute,
    event: HttpRequest,
    body: unknown,
    session: AuthenticatedSession,
    registrations: RegistrationsApi,
  ): Promise<AdminResult<unknown>> {
    const { officer } = session;
    const offices = deps.offices;
    const query = event.queryStringParameters ?? {};
    switch (route.name) {
      case 'list-registrations':
        return registrations.list({
          ...(query.status ? { status: query.status } : {}),
          ...(query.date ? { date: query.date } : {}),
          ...(query.q ? { q: query.q } : {}),
          documentCount: true,
        });
      case 'get-registration':
        return registrations.get(route.queueNumber, officer);
      case 'record-view':
        return registrations.recordView(route.queueNumber, officer);
      case 'act':
        return registrations.act(route.queueNumber, route.action, body, officer);
      case 'get-day':
        return registrations.getDay(route.date);
      case 'open-days':
        return registrations.openDays({ ...(query.from ? { from: query.from } : {}), ...(query.count ? { count: query.count } : {}) });
      case 'put-day':
        return registrations.putDay(route.date, body, officer);
      case 'summary':
        return registrations.summary();
      case 'list-failed-sends':
        return registrations.failedSends();
      case 'list-data-requests':
        return registrations.dataRequests();
      case 'verify-proof':
        return registrations.verifyProof(body);
      case 'day-code':
        return registrations.dayCode(query.date ? { date: query.date } : {});
      case 'daily-report':
        return registrations.dailyReport(query.date ? { date: query.date } : {});
      case 'satisfaction-report':
        return registrations.monthlySatisfaction(query.month ? { month: query.month } : {});
      case 'list-officers':
      case 'add-officer':
      case 'disable-officer':
        return officerAccountsCall(route, body, officer, { ...auth, log: deps.log, ...(offices ? { offices: accountOffices(offices) } : {}) }, session);
      case 'list-offices':
      case 'add-office':
      case 'update-office':
        return offices ? officesCall(route, body, { username: officer.username, ...session }, offices) : notFoundProblem();
      case 'login':
      case 'logout':
        throw new Error(`${route.name} is handled before the API`);
    }
  }
}

function isJson(event: HttpRequest): boolean {
  return /^application\/json\s*(;|$)/i.test(event.headers['content-type'] ?? '');
}

/**
 * A browser names the page a request comes from: `Sec-Fetch-Site: same-origin`, or an `Origin` equal to
 * this app's own. A request that says neither is refused too (every browser sends one on a POST).
 */
function isSameOrigin(event: HttpRequest): boolean {
  const fetchSite = event.headers['sec-fetch-site'];
  if (fetchSite !== undefined) return fetchSite === 'same-origin';
  const origin = event.headers.origin;
  const host = event.headers.host ?? event.requestContext.domainName;
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

async function createFirstOfficer(deps: AdminHandlerDeps, auth: AuthDeps): Promise<void> {
  const first = await deps.firstOfficer?.();
  if (!first) return;
  if ((await ensureFirstOfficer(auth, first)) === 'created') deps.log.info('first officer created', { officer: first.username });
}

function notFoundProblem(): AdminResult<unknown> {
  return problem('not-found', 'not-found', TEXTS.notFound);
}

function accountOffices(offices: OfficesDeps) {
  return {
    defaultId: offices.directory.defaultOffice.id,
    isKnown: async (id: string) => (await offices.directory.byId(id)) !== undefined,
  };
}

function officesOf(offices: OfficesDeps) {
  return async () => (await offices.directory.all()).map((office) => officeSummary(office, offices.directory.defaultOffice.id));
}
