/**
 * The admin app's routes (relative to its mount: `/admin` locally, the Function URL's root in AWS), its
 * security headers and its static assets. The assets are read once per container from `public/` beside
 * this module; in the Lambda bundle that folder sits beside `index.js` (the Admin SiBapaoFunction's
 * `publicDir`), the same relative place.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { CookieOptions } from './auth';
import { OFFICER_ACTION_NAMES } from '../domain/officer-actions';
import type { RegistrationAction } from './officer-api';

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
  | { readonly name: 'verify-proof' };

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
  | { readonly name: 'verify' };

export interface StaticAsset {
  readonly contentType: string;
  readonly body: string;
  /** A hash of the body: pages link `?v=<version>`, so a browser may keep the file until it changes. */
  readonly version: string;
}

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
const QUEUE_NUMBER = '([A-Za-z]{2,6}-\\d{3,9})';
const USERNAME = '([a-z0-9._-]{3,32})';
/** A date segment stays loose but short: the API answers a malformed date with its own 400 (CONTRACT.md). */
const DATE = '([A-Za-z0-9-]{1,32})';
const ACTIONS = `(${OFFICER_ACTION_NAMES.join('|')})`;

interface RouteDefinition {
  readonly method: string;
  readonly pattern: RegExp;
  readonly adminOnly?: boolean;
  readonly api?: (match: readonly string[]) => ApiRoute;
  readonly page?: (match: readonly string[]) => PageRoute;
}

const at = (match: readonly string[], index: number) => decodeSegment(match[index] ?? '');

const ROUTES: readonly RouteDefinition[] = [
  { method: 'POST', pattern: /^\/api\/login$/, api: () => ({ name: 'login' }) },
  { method: 'POST', pattern: /^\/api\/logout$/, api: () => ({ name: 'logout' }) },
  { method: 'GET', pattern: /^\/api\/registrations$/, api: () => ({ name: 'list-registrations' }) },
  { method: 'GET', pattern: new RegExp(`^/api/registrations/${QUEUE_NUMBER}$`), api: (m) => ({ name: 'get-registration', queueNumber: at(m, 1) }) },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/registrations/${QUEUE_NUMBER}/${ACTIONS}$`),
    api: (m) => ({ name: 'act', queueNumber: at(m, 1), action: at(m, 2) as RegistrationAction }),
  },
  { method: 'POST', pattern: new RegExp(`^/api/registrations/${QUEUE_NUMBER}/viewed$`), api: (m) => ({ name: 'record-view', queueNumber: at(m, 1) }) },
  { method: 'GET', pattern: /^\/api\/officers$/, adminOnly: true, api: () => ({ name: 'list-officers' }) },
  { method: 'POST', pattern: /^\/api\/officers$/, adminOnly: true, api: () => ({ name: 'add-officer' }) },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/officers/${USERNAME}/disable$`),
    adminOnly: true,
    api: (m) => ({ name: 'disable-officer', username: at(m, 1) }),
  },
  { method: 'GET', pattern: /^\/api\/days$/, api: () => ({ name: 'open-days' }) },
  { method: 'GET', pattern: new RegExp(`^/api/days/${DATE}$`), api: (m) => ({ name: 'get-day', date: at(m, 1) }) },
  { method: 'PUT', pattern: new RegExp(`^/api/days/${DATE}$`), adminOnly: true, api: (m) => ({ name: 'put-day', date: at(m, 1) }) },
  { method: 'GET', pattern: /^\/api\/summary$/, api: () => ({ name: 'summary' }) },
  { method: 'GET', pattern: /^\/api\/failed-sends$/, api: () => ({ name: 'list-failed-sends' }) },
  { method: 'GET', pattern: /^\/api\/data-requests$/, api: () => ({ name: 'list-data-requests' }) },
  { method: 'POST', pattern: /^\/api\/proofs\/verify$/, api: () => ({ name: 'verify-proof' }) },

  { method: 'GET', pattern: /^\/$/, page: () => ({ name: 'home' }) },
  { method: 'GET', pattern: /^\/login\/?$/, page: () => ({ name: 'login' }) },
  { method: 'GET', pattern: /^\/registrations\/?$/, page: () => ({ name: 'registrations' }) },
  { method: 'GET', pattern: new RegExp(`^/registrations/${QUEUE_NUMBER}$`), page: (m) => ({ name: 'registration', queueNumber: at(m, 1) }) },
  { method: 'GET', pattern: /^\/day\/?$/, page: () => ({ name: 'day' }) },
  { method: 'GET', pattern: /^\/days\/?$/, adminOnly: true, page: () => ({ name: 'days' }) },
  { method: 'GET', pattern: /^\/officers\/?$/, adminOnly: true, page: () => ({ name: 'officers' }) },
  { method: 'GET', pattern: /^\/verify\/?$/, page: () => ({ name: 'verify' }) },
  { method: 'GET', pattern: /^\/failed-sends\/?$/, page: () => ({ name: 'failed-sends' }) },
  { method: 'GET', pattern: /^\/data-requests\/?$/, page: () => ({ name: 'data-requests' }) },
];

/** Resolves a request below `basePath` (`/admin` locally, `` at a Function URL's root). */
export function matchAdminRoute(method: string, rawPath: string, basePath: string): AdminRoute {
  const path = underBase(rawPath, basePath);
  const api = path?.startsWith('/api/') ?? false;
  if (path === undefined) return { kind: 'not-found', api };
  const asset = STATIC_ASSETS[path];
  if (asset) return method === 'GET' || method === 'HEAD' ? { kind: 'asset', asset } : { kind: 'method-not-allowed', api };
  let pathMatched = false;
  for (const definition of ROUTES) {
    const match = definition.pattern.exec(path);
    if (!match) continue;
    if (definition.method !== method) {
      pathMatched = true;
      continue;
    }
    const adminOnly = definition.adminOnly === true;
    if (definition.api) return { kind: 'api', route: definition.api(match), adminOnly };
    if (definition.page) return { kind: 'page', route: definition.page(match), adminOnly };
  }
  return pathMatched ? { kind: 'method-not-allowed', api } : { kind: 'not-found', api };
}

function underBase(rawPath: string, basePath: string): string | undefined {
  if (basePath === '') return rawPath || '/';
  if (rawPath === basePath) return '/';
  return rawPath.startsWith(`${basePath}/`) ? rawPath.slice(basePath.length) : undefined;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * On every answer. Script and style only from this origin (no inline code of either); images also from
 * the bucket's short-lived links (https in AWS, the same-origin `/_s3` proxy or a local port here); no
 * framing, no referrer (document links carry signatures), nothing cached (every page shows personal data).
 */
export function securityHeaders(secure: boolean): Record<string, string> {
  return {
    'content-security-policy': [
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
    ].join('; '),
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    ...(secure ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** Where the assets are, relative to the bundle or to this module. */
export const PUBLIC_DIR_NAME = 'public';

function asset(body: string, contentType: string): StaticAsset {
  return { contentType, body, version: createHash('sha256').update(body).digest('hex').slice(0, 12) };
}

function load(file: string, contentType: string): StaticAsset {
  return asset(readFileSync(join(__dirname, PUBLIC_DIR_NAME, file), 'utf8'), contentType);
}

/**
 * jsQR's browser build, which the verify page decodes camera frames with: beside the bundle in the Lambda
 * (the admin function copies it into `public/`), from node_modules here.
 */
export const JSQR_FILE = 'jsqr.js';
function loadJsQr(): StaticAsset {
  const copied = join(__dirname, PUBLIC_DIR_NAME, JSQR_FILE);
  try {
    return asset(readFileSync(existsSync(copied) ? copied : require.resolve('jsqr/dist/jsQR.js'), 'utf8'), 'text/javascript; charset=utf-8');
  } catch {
    // Without it the verify page says the camera is unavailable and keeps the box: never a broken admin.
    return asset('/* jsQR unavailable */', 'text/javascript; charset=utf-8');
  }
}

/** By path under the admin root. */
export const STATIC_ASSETS: Readonly<Record<string, StaticAsset>> = {
  '/static/admin.js': load('admin.js', 'text/javascript; charset=utf-8'),
  '/static/admin.css': load('admin.css', 'text/css; charset=utf-8'),
  [`/static/${JSQR_FILE}`]: loadJsQr(),
};

/** `admin.js?v=…`: the link a page uses for a static file, changing whenever the file does. */
export function assetPath(file: string): string {
  const found = STATIC_ASSETS[`/static/${file}`];
  return found ? `/static/${file}?v=${found.version}` : `/static/${file}`;
}

/** Scripts and styles hold no personal data and are linked by version: a browser keeps them a day. */
export const ASSET_CACHE_CONTROL = 'public, max-age=86400, immutable';

// ---- HTTP plumbing ------------------------------------------------------------------------------

const MAX_BODY_CHARS = 64 * 1024;

type Result = APIGatewayProxyStructuredResultV2;

export type Responses = ReturnType<typeof responses>;

/** The answers of one request, each with the security headers; cookies follow the mount and the scheme. */
export function responses(event: APIGatewayProxyEventV2, basePath: string) {
  const secure = isHttps(event);
  const headers = securityHeaders(secure);
  const cookieOptions: CookieOptions = { path: basePath || '/', secure };
  const send = (statusCode: number, contentType: string, body: string, cookies?: string[], extra: Record<string, string> = {}): Result => ({
    statusCode,
    headers: { ...headers, 'content-type': contentType, ...extra },
    body,
    ...(cookies ? { cookies } : {}),
  });
  const json = (statusCode: number, value: unknown, cookies?: string[], extra?: Record<string, string>) =>
    send(statusCode, 'application/json; charset=utf-8', JSON.stringify(value), cookies, extra);
  return {
    cookieOptions,
    send,
    json,
    problem: (statusCode: number, error: string, message: string, cookies?: string[]) => json(statusCode, { error, message }, cookies),
    page: (statusCode: number, html: string) => send(statusCode, 'text/html; charset=utf-8', html),
    redirect: (location: string): Result => ({ statusCode: 302, headers: { ...headers, location }, body: '' }),
  };
}

/** HTTPS as the client saw it: Function URLs are HTTPS only and say so in `x-forwarded-proto`. */
export function isHttps(event: APIGatewayProxyEventV2): boolean {
  return event.headers['x-forwarded-proto']?.split(',')[0]?.trim() === 'https' || /\.on\.aws$/.test(event.requestContext.domainName ?? '');
}

export function readJson(event: APIGatewayProxyEventV2): { ok: true; value: unknown } | { ok: false } {
  const raw = event.body === undefined ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (raw.trim() === '') return { ok: true, value: undefined };
  if (raw.length > MAX_BODY_CHARS) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false };
  }
}

export function asCredentials(value: unknown): { username: string; password: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { username, password } = value as Record<string, unknown>;
  if (typeof username !== 'string' || typeof password !== 'string' || username.length > 200 || password.length > 1000) return undefined;
  return { username, password };
}

/** The path and query of this request, to come back to after logging in. */
export function requestTarget(event: APIGatewayProxyEventV2): string {
  return event.rawQueryString ? `${event.rawPath}?${event.rawQueryString}` : event.rawPath;
}

/** `?next=` only when it points back into the admin app (never to another site). */
export function safeNext(event: APIGatewayProxyEventV2, basePath: string): string | undefined {
  const next = event.queryStringParameters?.next;
  if (!next || !next.startsWith(`${basePath}/`) || next.startsWith('//') || /[\\\s]/.test(next)) return undefined;
  return next;
}
