/**
 * The local server's side of the shared HTTP layer: it mounts the apps AWS runs (admin, upload, webhook)
 * and its own at their paths, turns each Node HTTP request into the event API Gateway (HTTP API, payload
 * v2) or a Lambda Function URL would deliver, and writes the app's answer back: the apps cannot tell the
 * difference.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { HttpApp } from '../lambdas/http/app';
import { BodyTooLargeError, readStream } from '../lambdas/http/body';

/** Lambda's own limit on a request's payload. */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;

export function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return readStream(request, limit);
}

/** A Node-level handler, for what must stream or see the connection (the S3 proxy, the simulator's long poll). */
export type NodeHandler = (request: IncomingMessage, response: ServerResponse, path: string) => Promise<void>;

export interface Mount {
  /** The mount's path: requests to it (`exact`), below it (`below`) or both go to its app; `` takes every path. */
  readonly at: string;
  readonly paths?: 'exact' | 'below' | 'both';
  readonly app?: HttpApp;
  readonly node?: NodeHandler;
  /** The event's `routeKey`, as API Gateway names the route (`POST /webhook`); @default `$default` (Function URLs) */
  readonly routeKey?: (method: string) => string;
}

/** The first mount a path belongs to answers it; an app's request body is read first (413 over Lambda's limit). */
export function serveMounts(mounts: readonly Mount[]): NodeHandler {
  return async (request, response, path) => {
    const mount = mounts.find((candidate) => belongs(path, candidate));
    if (mount?.node) return mount.node(request, response, path);
    if (!mount?.app) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(request);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      response.writeHead(413, { 'content-type': 'text/plain' }).end('Payload too large');
      return;
    }
    const routeKey = mount.routeKey?.(request.method ?? 'GET') ?? '$default';
    writeResult(response, await mount.app(toHttpApiEvent(request, body, { routeKey, rawPath: path })));
  };
}

function belongs(path: string, mount: Mount): boolean {
  if (mount.at === '') return true;
  const paths = mount.paths ?? 'both';
  return (paths !== 'below' && path === mount.at) || (paths !== 'exact' && path.startsWith(`${mount.at}/`));
}

/** Like API Gateway: text-like bodies are passed as strings, anything else base64-encoded. */
function isTextual(contentType: string | undefined): boolean {
  if (!contentType) return true;
  return /^(text\/|application\/(json|x-www-form-urlencoded|xml|javascript)|[^;]*\+json)/i.test(contentType);
}

export function toHttpApiEvent(request: IncomingMessage, body: Buffer, options: { routeKey: string; rawPath: string; stage?: string }): APIGatewayProxyEventV2 {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name === 'cookie') continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = query[name] === undefined ? value : `${query[name]},${value}`;
  const cookies = request.headers.cookie
    ?.split(';')
    .map((cookie) => cookie.trim())
    .filter(Boolean);
  const textual = isTextual(request.headers['content-type']);
  const now = new Date();
  return {
    version: '2.0',
    routeKey: options.routeKey,
    rawPath: options.rawPath,
    rawQueryString: url.search.slice(1),
    ...(cookies && cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: request.method ?? 'GET',
        path: options.rawPath,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: options.routeKey,
      stage: options.stage ?? '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 ? { body: textual ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !textual,
  };
}

export function writeResult(response: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  if (result.cookies && result.cookies.length > 0) headers['set-cookie'] = result.cookies;
  const body = result.body === undefined ? '' : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(body);
}
