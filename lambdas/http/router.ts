/**
 * The one route matcher of every HTTP surface (admin, upload, webhook, the local server's own tools). A
 * route is a method and a path pattern whose `:name` segments each match a pattern of their own; a path
 * that matches no route's pattern is not found (404), one that matches only under other methods is a
 * method not allowed (405). A parameter that cannot be one (a 5,000-character "queue number") is a path
 * that does not exist, never a value handed on.
 *
 * Hand-written rather than Hono: measured (README "HTTP layer"), Hono's Lambda adapter builds a WHATWG
 * `Request` and `Response` for every call, which loads Node's fetch machinery at the first request (≈ 45 ms,
 * more than the webhook's whole cold start) and adds ≈ 50 µs to each; this file matches in microseconds.
 */
import type { HttpRequest } from './app';

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** Any characters but `/`: a segment's default pattern. */
const ANY_SEGMENT = '[^/]+';

export interface RouteDefinition<T> {
  readonly method: Method;
  /** `/api/registrations/:queueNumber/:action`; a trailing `/?` accepts the path with or without its slash. */
  readonly path: string;
  /** What each `:name` must look like (a regular expression source, no groups); @default one segment */
  readonly params?: Readonly<Record<string, string>>;
  readonly to: T;
}

export type RouteMatch<T> =
  | { readonly kind: 'found'; readonly to: T; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: 'method-not-allowed' }
  | { readonly kind: 'not-found' };

interface CompiledRoute<T> {
  readonly method: Method;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly to: T;
}

export interface Router<T> {
  /** `path` is relative to the surface's root (see `pathUnder`). */
  match(method: string, path: string): RouteMatch<T>;
}

export function createRouter<T>(definitions: readonly RouteDefinition<T>[]): Router<T> {
  const routes = definitions.map(compile);
  return {
    match(method, path) {
      let pathMatched = false;
      for (const route of routes) {
        const found = route.pattern.exec(path);
        if (!found) continue;
        if (route.method !== method) {
          pathMatched = true;
          continue;
        }
        const params: Record<string, string> = {};
        route.names.forEach((name, index) => (params[name] = decodeSegment(found[index + 1] ?? '')));
        return { kind: 'found', to: route.to, params };
      }
      return pathMatched ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
    },
  };
}

function compile<T>(definition: RouteDefinition<T>): CompiledRoute<T> {
  const names: string[] = [];
  const optionalSlash = definition.path.endsWith('/?');
  const path = optionalSlash ? definition.path.slice(0, -2) : definition.path;
  const source = path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return escapeRegExp(segment);
      const name = segment.slice(1);
      names.push(name);
      return `(${definition.params?.[name] ?? ANY_SEGMENT})`;
    })
    .join('/');
  return { method: definition.method, pattern: new RegExp(`^${source}${optionalSlash ? '/?' : ''}$`), names, to: definition.to };
}

/**
 * The path below a surface's root: `basePath` is `/admin` or `/upload` on the local server and `` at a
 * Function URL's root. Undefined when the path is not under it.
 */
export function pathUnder(rawPath: string, basePath: string): string | undefined {
  if (basePath === '') return rawPath || '/';
  if (rawPath === basePath) return '/';
  return rawPath.startsWith(`${basePath}/`) ? rawPath.slice(basePath.length) : undefined;
}

export function requestMethod(request: HttpRequest): string {
  return request.requestContext.http.method.toUpperCase();
}

/** The value of a header, whatever its case (API Gateway lowercases them; a hand-made event may not). */
export function headerOf(request: HttpRequest, name: string): string | undefined {
  const headers = request.headers ?? {};
  return headers[name] ?? Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
