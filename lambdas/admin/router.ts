/**
 * The admin app's route table (relative to its mount: `/admin` locally, the Function URL's root in AWS),
 * its security headers and its static assets, on the shared HTTP layer (lambdas/http/). The assets are
 * read once per container from `public/` beside this module; in the Lambda bundle that folder sits beside
 * `index.mjs` (the Admin SiBapaoFunction's `publicDir`), the same relative place.
 */
import { readFileSync } from 'node:fs';
import type { CookieOptions } from './auth';
import { OFFICER_ACTION_NAMES } from '../domain/officer-actions';
import type { RegistrationAction } from './officer-api';
import { answers, isHttps, type HttpRequest, type HttpResult } from '../http/app';
import { loadStaticAssets, type StaticAsset } from '../http/assets';
import { readJsonBody } from '../http/body';
import { createRouter, pathUnder, type RouteDefinition } from '../http/router';
import { securityHeaders } from '../http/security-headers';

export type ApiRoute =
  | { readonly name: 'login' }
  | { readonly name: 'logout' }
  | { readonly name: 'list-registrations' }
  | { readonly name: 'get-registration'; readonly queueNumber: string }
  | { readonly name: 'act'; readonly queueNumber: string; readonly action: RegistrationAction }
  | { readonly name: 'record-view'; readonly queueNumber: string }
  | { readonly name: 'list-officers' }
  | { readonly name: 'add-officer' }
  | { readonly name: 'disable-officer'; readonly username: string }
  | { readonly name: 'get-day'; readonly date: string }
  | { readonly name: 'open-days' }
  | { readonly name: 'put-day'; readonly date: string }
  | { readonly name: 'summary' }
  | { readonly name: 'list-failed-sends' }
  | { readonly name: 'list-data-requests' }
  | { readonly name: 'verify-proof' }
  | { readonly name: 'day-code' }
  | { readonly name: 'daily-report' }
  | { readonly name: 'satisfaction-report' }
  | { readonly name: 'list-offices' }
  | { readonly name: 'add-office' }
  | { readonly name: 'update-office'; readonly id: string };

export type PageRoute =
  | { readonly name: 'home' }
  | { readonly name: 'login' }
  | { readonly name: 'registrations' }
  | { readonly name: 'registration'; readonly queueNumber: string }
  | { readonly name: 'day' }
  | { readonly name: 'days' }
  | { readonly name: 'officers' }
  | { readonly name: 'failed-sends' }
  | { readonly name: 'data-requests' }
  | { readonly name: 'verify' }
  | { readonly name: 'daily-report' }
  | { readonly name: 'poster' }
  | { readonly name: 'offices' };

export type AdminRoute =
  | { readonly kind: 'api'; readonly route: ApiRoute; readonly adminOnly: boolean }
  | { readonly kind: 'page'; readonly route: PageRoute; readonly adminOnly: boolean }
  | { readonly kind: 'asset'; readonly asset: StaticAsset }
  | { readonly kind: 'method-not-allowed'; readonly api: boolean }
  | { readonly kind: 'not-found'; readonly api: boolean };

/**
 * Path parameters by pattern: anything else is a route that does not exist (404), never a key the table
 * refuses (a 5,000-character "queue number" answered 500). Lowercase queue numbers are matched too: the
 * registrations API looks them up as given, and a typed `krc-001` is simply not found.
 */
const PARAMS = {
  queueNumber: '[A-Za-z]{2,6}-\\d{3,9}',
  username: '[a-z0-9._-]{3,32}',
  /** A date segment stays loose but short: the API answers a malformed date with its own 400 (CONTRACT.md). */
  date: '[A-Za-z0-9-]{1,32}',
  action: OFFICER_ACTION_NAMES.join('|'),
  officeId: '[a-z][a-z0-9-]{1,39}',
};

type Params = Readonly<Record<string, string>>;
type Resolved = { readonly api: (params: Params) => ApiRoute } | { readonly page: (params: Params) => PageRoute };
type Target = Resolved & { readonly adminOnly?: boolean };

const api = (method: RouteDefinition<Target>['method'], path: string, route: (params: Params) => ApiRoute, adminOnly = false): RouteDefinition<Target> => ({
  method,
  path,
  params: PARAMS,
  to: { api: route, adminOnly },
});
const page = (path: string, route: (params: Params) => PageRoute, adminOnly = false): RouteDefinition<Target> => ({
  method: 'GET',
  path,
  params: PARAMS,
  to: { page: route, adminOnly },
});
const param = (params: Params, name: keyof typeof PARAMS) => params[name] ?? '';

const ROUTES = createRouter<Target>([
  api('POST', '/api/login', () => ({ name: 'login' })),
  api('POST', '/api/logout', () => ({ name: 'logout' })),
  api('GET', '/api/registrations', () => ({ name: 'list-registrations' })),
  api('GET', '/api/registrations/:queueNumber', (p) => ({ name: 'get-registration', queueNumber: param(p, 'queueNumber') })),
  api('POST', '/api/registrations/:queueNumber/:action', (p) => ({
    name: 'act',
    queueNumber: param(p, 'queueNumber'),
    action: param(p, 'action') as RegistrationAction,
  })),
  api('POST', '/api/registrations/:queueNumber/viewed', (p) => ({ name: 'record-view', queueNumber: param(p, 'queueNumber') })),
  api('GET', '/api/officers', () => ({ name: 'list-officers' }), true),
  api('POST', '/api/officers', () => ({ name: 'add-officer' }), true),
  api('POST', '/api/officers/:username/disable', (p) => ({ name: 'disable-officer', username: param(p, 'username') }), true),
  api('GET', '/api/days', () => ({ name: 'open-days' })),
  api('GET', '/api/days/:date', (p) => ({ name: 'get-day', date: param(p, 'date') })),
  api('PUT', '/api/days/:date', (p) => ({ name: 'put-day', date: param(p, 'date') }), true),
  api('GET', '/api/summary', () => ({ name: 'summary' })),
  api('GET', '/api/failed-sends', () => ({ name: 'list-failed-sends' })),
  api('GET', '/api/data-requests', () => ({ name: 'list-data-requests' })),
  api('POST', '/api/proofs/verify', () => ({ name: 'verify-proof' })),
  api('GET', '/api/day-code', () => ({ name: 'day-code' }), true),
  api('GET', '/api/reports/daily', () => ({ name: 'daily-report' })),
  api('GET', '/api/reports/satisfaction', () => ({ name: 'satisfaction-report' })),
  api('GET', '/api/offices', () => ({ name: 'list-offices' })),
  api('POST', '/api/offices', () => ({ name: 'add-office' })),
  api('PUT', '/api/offices/:officeId', (p) => ({ name: 'update-office', id: param(p, 'officeId') })),

  page('/', () => ({ name: 'home' })),
  page('/login/?', () => ({ name: 'login' })),
  page('/registrations/?', () => ({ name: 'registrations' })),
  page('/registrations/:queueNumber', (p) => ({ name: 'registration', queueNumber: param(p, 'queueNumber') })),
  page('/day/?', () => ({ name: 'day' })),
  page('/days/?', () => ({ name: 'days' }), true),
  page('/officers/?', () => ({ name: 'officers' }), true),
  page('/verify/?', () => ({ name: 'verify' })),
  page('/failed-sends/?', () => ({ name: 'failed-sends' })),
  page('/data-requests/?', () => ({ name: 'data-requests' })),
  page('/reports/daily/?', () => ({ name: 'daily-report' })),
  page('/poster.pdf', () => ({ name: 'poster' }), true),
  page('/offices/?', () => ({ name: 'offices' }), true),
]);

/** Resolves a request below `basePath` (`/admin` locally, `` at a Function URL's root). */
export function matchAdminRoute(method: string, rawPath: string, basePath: string): AdminRoute {
  const path = pathUnder(rawPath, basePath);
  const isApi = path?.startsWith('/api/') ?? false;
  if (path === undefined) return { kind: 'not-found', api: isApi };
  const asset = ADMIN_ASSETS.find(path);
  if (asset) return method === 'GET' || method === 'HEAD' ? { kind: 'asset', asset } : { kind: 'method-not-allowed', api: isApi };
  const found = ROUTES.match(method, path);
  if (found.kind !== 'found') return { kind: found.kind, api: isApi };
  const adminOnly = found.to.adminOnly === true;
  return 'api' in found.to ? { kind: 'api', route: found.to.api(found.params), adminOnly } : { kind: 'page', route: found.to.page(found.params), adminOnly };
}

/**
 * On every answer. Script and style only from this origin (no inline code of either); images also from
 * the bucket's short-lived links (https in AWS, the same-origin `/_s3` proxy or a local port here); no
 * framing, no referrer (document links carry signatures), nothing cached (every page shows personal data).
 */
export function adminSecurityHeaders(secure: boolean): Record<string, string> {
  return securityHeaders({
    contentSecurityPolicy: [
      "default-src 'self'",
      // Scripts from this origin only; the one inline kind allowed is speculation rules (JSON, never run):
      // the review screen asks the browser to fetch the next registration's page ahead of time.
      "script-src 'self' 'inline-speculation-rules'",
      "img-src 'self' data: https: http://127.0.0.1:*",
      // The review screen shows a PDF in a frame from the same short-lived links as the images.
      "frame-src 'self' https: http://127.0.0.1:*",
      "frame-ancestors 'none'",
      "form-action 'self'",
      "base-uri 'none'",
      "object-src 'none'",
    ],
    denyFraming: true,
    strictTransportSecurity: secure,
  });
}

/**
 * jsQR's browser build, which the verify page decodes camera frames with: beside the bundle in the Lambda
 * (the admin function copies it into `public/`), from node_modules here.
 */
export const JSQR_FILE = 'jsqr.js';
function jsQrFromPackage(): string {
  try {
    return readFileSync(require.resolve('jsqr/dist/jsQR.js'), 'utf8');
  } catch {
    // Without it the verify page says the camera is unavailable and keeps the box: never a broken admin.
    return '/* jsQR unavailable */';
  }
}

/**
 * Scripts and styles hold no personal data and are linked by version: a browser keeps them a day. Each
 * file of `public/` is served by name; `admin.css` and `admin.js` are the files of `public/css/` and
 * `public/js/` joined in name order when those folders exist (short source files, one download).
 */
export const ADMIN_ASSETS = loadStaticAssets({
  moduleDir: __dirname,
  concatenated: { 'admin.css': 'css', 'admin.js': 'js' },
  fallbacks: { [JSQR_FILE]: jsQrFromPackage },
  cacheControl: 'public, max-age=86400, immutable',
});

/** `admin.js?v=…`: the link a page uses for a static file, changing whenever the file does. */
export function assetPath(file: string): string {
  return ADMIN_ASSETS.link(file);
}

// ---- HTTP plumbing ------------------------------------------------------------------------------

const MAX_BODY_CHARS = 64 * 1024;

export type Responses = ReturnType<typeof responses>;

/** The answers of one request, each with the security headers; cookies follow the mount and the scheme. */
export function responses(event: HttpRequest, basePath: string) {
  const secure = isHttps(event);
  const out = answers(adminSecurityHeaders(secure));
  const cookieOptions: CookieOptions = { path: basePath || '/', secure };
  const json = (statusCode: number, value: unknown, cookies?: string[], headers?: Record<string, string>): HttpResult =>
    out.json(statusCode, value, { ...(cookies ? { cookies } : {}), ...(headers ? { headers } : {}) });
  return {
    cookieOptions,
    asset: (asset: StaticAsset) => out.send(200, asset.contentType, asset.body, { headers: ADMIN_ASSETS.headers }),
    json,
    problem: (statusCode: number, error: string, message: string, cookies?: string[]) => json(statusCode, { error, message }, cookies),
    page: (statusCode: number, html: string) => out.html(statusCode, html),
    redirect: (location: string): HttpResult => out.redirect(location),
  };
}

/** The JSON body (undefined when there is none), or not ok when it is too long or not JSON. */
export function readJson(event: HttpRequest): { ok: true; value: unknown } | { ok: false } {
  const body = readJsonBody(event, MAX_BODY_CHARS);
  if (body.kind === 'empty') return { ok: true, value: undefined };
  return body.kind === 'json' ? { ok: true, value: body.value } : { ok: false };
}

export function asCredentials(value: unknown): { username: string; password: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { username, password } = value as Record<string, unknown>;
  if (typeof username !== 'string' || typeof password !== 'string' || username.length > 200 || password.length > 1000) return undefined;
  return { username, password };
}

/** The path and query of this request, to come back to after logging in. */
export function requestTarget(event: HttpRequest): string {
  return event.rawQueryString ? `${event.rawPath}?${event.rawQueryString}` : event.rawPath;
}

/** `?next=` only when it points back into the admin app (never to another site). */
export function safeNext(event: HttpRequest, basePath: string): string | undefined {
  const next = event.queryStringParameters?.next;
  if (!next || !next.startsWith(`${basePath}/`) || next.startsWith('//') || /[\\\s]/.test(next)) return undefined;
  return next;
}
