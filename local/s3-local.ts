/**
 * The local S3 stand-in (s3rver), persisted in `DATA_DIR`, and a same-origin proxy for it: presigned
 * links point at `${PUBLIC_URL}/_s3/…`, so a phone on the same network reaches the files through the
 * one port the local server listens on.
 *
 * s3rver checks neither signatures nor who asks, and the proxy shares its origin with the admin page, so
 * the proxy is the gate S3 is in AWS: it forwards only presigned GET, HEAD and PUT requests for one
 * object whose SigV4 signature (checked with the SDK's own presigner) and expiry hold; listing, unsigned
 * or tampered requests get 403. Every object it serves carries `nosniff`, `Content-Security-Policy:
 * sandbox` (no script, an origin of its own) and, unless it is a photo or PDF, `Content-Disposition:
 * attachment`. s3rver itself has no CORS rule: no other web page can read or write it directly.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import S3rver from 's3rver';
import { s3Client, shownInline } from '../lambdas/adapters/s3-blob-store';
import { freePort } from './dynamodb-local';

export const LOCAL_BUCKET = 'si-bapao-documents';
export const S3_PROXY_PREFIX = '/_s3';

const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
const LOCAL_REGION = 'ap-southeast-3';

export interface S3Local {
  readonly endpoint: string;
  stop(): Promise<void>;
}

export async function startS3Local(directory: string): Promise<S3Local> {
  mkdirSync(directory, { recursive: true });
  const port = await freePort();
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: LOCAL_BUCKET, configs: [] }],
  });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => server.close(),
  };
}

export function localS3Client(endpoint: string) {
  return s3Client({
    endpoint,
    region: LOCAL_REGION,
    forcePathStyle: true,
    credentials: LOCAL_CREDENTIALS,
  });
}

/** Forwards a presigned `/_s3/<bucket>/<key>?…` request to s3rver, streaming both ways; refuses anything else. */
export async function proxyToS3(endpoint: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const refusal = await refusal403(request);
  if (refusal) {
    response
      .writeHead(403, { 'content-type': 'application/xml', 'x-content-type-options': 'nosniff', 'content-security-policy': 'sandbox' })
      .end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${refusal}</Code><Message>Request refused by the local S3 stand-in</Message></Error>`);
    request.resume();
    return;
  }
  const target = new URL(endpoint);
  const path = (request.url ?? '/').slice(S3_PROXY_PREFIX.length) || '/';
  const headers = { ...request.headers, host: target.host };
  return new Promise((resolve) => {
    const upstream = httpRequest({ hostname: target.hostname, port: target.port, method: request.method, path, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, documentHeaders(answer.headers));
      answer.pipe(response);
      answer.on('end', resolve);
    });
    upstream.on('error', () => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end('S3 stand-in unavailable');
      resolve();
    });
    request.pipe(upstream);
  });
}

/** What is served from the bucket is never a page of this origin: no sniffing, no script, downloads unless a photo or PDF. */
function documentHeaders(upstream: IncomingHttpHeaders): OutgoingHttpHeaders {
  const contentType = upstream['content-type'] ?? 'application/octet-stream';
  const disposition = upstream['content-disposition'];
  return {
    ...upstream,
    'x-content-type-options': 'nosniff',
    'content-security-policy': 'sandbox',
    ...(shownInline(contentType) ? {} : { 'content-disposition': disposition ? disposition.replace(/^\s*inline/i, 'attachment') : 'attachment' }),
  };
}

const PRESIGNED_METHODS = new Set(['GET', 'HEAD', 'PUT']);

/** Why S3 would refuse this request (`AccessDenied`, `SignatureDoesNotMatch`, …), or undefined when it is a valid presigned one. */
async function refusal403(request: IncomingMessage): Promise<string | undefined> {
  const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
  const method = request.method ?? 'GET';
  const objectPath = url.pathname.slice(S3_PROXY_PREFIX.length);
  // `/<bucket>/<key>`: a bucket alone would be a listing.
  if (!PRESIGNED_METHODS.has(method) || !/^\/[^/]+\/.+[^/]$/.test(objectPath) || request.headers.authorization) return 'AccessDenied';
  const query = url.searchParams;
  const given = query.get('X-Amz-Signature') ?? '';
  const amzDate = query.get('X-Amz-Date') ?? '';
  const expires = Number(query.get('X-Amz-Expires'));
  const signedHeaders = (query.get('X-Amz-SignedHeaders') ?? '').split(';').filter(Boolean);
  const dateMatch = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (
    query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256' ||
    !/^[0-9a-f]{64}$/.test(given) ||
    !dateMatch ||
    !Number.isInteger(expires) ||
    !signedHeaders.includes('host')
  ) {
    return 'AccessDenied';
  }
  const signingDate = new Date(`${dateMatch[1]}-${dateMatch[2]}-${dateMatch[3]}T${dateMatch[4]}:${dateMatch[5]}:${dateMatch[6]}Z`);
  if (expires < 1 || expires > 604_800 || signingDate.getTime() + expires * 1000 < Date.now()) return 'AccessDenied';

  const unsignedQuery: Record<string, string> = {};
  for (const [name, value] of query) if (!name.startsWith('X-Amz-')) unsignedQuery[name] = value;
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = request.headers[name];
    if (value === undefined) return 'SignatureDoesNotMatch';
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return 'AccessDenied';
  }
  const expected = await new S3RequestPresigner({ credentials: LOCAL_CREDENTIALS, region: LOCAL_REGION, sha256: NodeSha256 }).presign(
    { method, protocol: 'http:', hostname: url.hostname, port: url.port ? Number(url.port) : undefined, path, query: unsignedQuery, headers },
    { signingDate, expiresIn: expires, signableHeaders: new Set(signedHeaders) },
  );
  const signature = String(expected.query?.['X-Amz-Signature'] ?? '');
  return signature.length === given.length && timingSafeEqual(Buffer.from(signature), Buffer.from(given)) ? undefined : 'SignatureDoesNotMatch';
}

/** The SHA-256 the SDK's signer asks for (`@smithy/hash-node` is not a direct dependency). */
class NodeSha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytesOf(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(bytesOf(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    // one digest per instance
  }
}

function bytesOf(data: string | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof data === 'string') return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}
