/** HTTP plumbing of the upload Lambda: its routes under the upload root, security headers, JSON bodies. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod/mini';
import { STATIC_ASSETS, type StaticAsset } from './assets';

export type UploadAction = 'page' | 'start' | 'complete' | 'submit' | 'clear';

export type Route =
  | { readonly kind: 'asset'; readonly asset: StaticAsset }
  | { readonly kind: 'action'; readonly action: UploadAction; readonly token: string; readonly param: string }
  | { readonly kind: 'method-not-allowed' }
  | { readonly kind: 'not-found' };

const TOKEN = '([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)';
const ROUTES: ReadonlyArray<{ method: string; pattern: RegExp; action: UploadAction }> = [
  { method: 'GET', pattern: new RegExp(`^/${TOKEN}/?$`), action: 'page' },
  { method: 'POST', pattern: new RegExp(`^/${TOKEN}/uploads$`), action: 'start' },
  { method: 'POST', pattern: new RegExp(`^/${TOKEN}/uploads/([A-Za-z0-9-]{1,64})/complete$`), action: 'complete' },
  { method: 'POST', pattern: new RegExp(`^/${TOKEN}/submit$`), action: 'submit' },
  { method: 'DELETE', pattern: new RegExp(`^/${TOKEN}/requirements/([a-z-]{1,64})$`), action: 'clear' },
];

/** Resolves a request below `basePath` (`/upload` locally, `` at a Function URL's root). */
export function matchRoute(method: string, rawPath: string, basePath: string): Route {
  const path = underBase(rawPath, basePath);
  if (path === undefined) return { kind: 'not-found' };
  const asset = STATIC_ASSETS[path];
  if (asset) return method === 'GET' ? { kind: 'asset', asset } : { kind: 'method-not-allowed' };
  let pathMatched = false;
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (route.method !== method) {
      pathMatched = true;
      continue;
    }
    return { kind: 'action', action: route.action, token: match[1] ?? '', param: match[2] ?? '' };
  }
  return pathMatched ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
}

function underBase(rawPath: string, basePath: string): string | undefined {
  if (basePath === '') return rawPath || '/';
  if (rawPath === basePath) return '/';
  return rawPath.startsWith(`${basePath}/`) ? rawPath.slice(basePath.length) : undefined;
}

/**
 * On every answer: only this origin's script and style, uploads only to this origin and the bucket, no
 * framing, no referrer (the token is in the URL), nothing cached (the page lists an applicant's files).
 */
export function securityHeaders(s3Origin: string): Record<string, string> {
  return {
    'content-security-policy': [
      "default-src 'self'",
      `connect-src 'self' ${s3Origin}`.trim(),
      "img-src 'self' data: blob:",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

const MAX_JSON_BYTES = 16 * 1024;

/** The body as `schema` says, or undefined when it is missing, too long, not JSON or not that shape. */
export function parseJsonBody<T>(event: APIGatewayProxyEventV2, schema: z.ZodMiniType<T>): T | undefined {
  const raw = event.body === undefined ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (raw.length === 0 || raw.length > MAX_JSON_BYTES) return undefined;
  try {
    const result = schema.safeParse(JSON.parse(raw));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
