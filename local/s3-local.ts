/**
 * The local S3 stand-in (s3rver), persisted in `DATA_DIR`, and a same-origin proxy for it: presigned
 * links point at `${PUBLIC_URL}/_s3/…`, so a phone on the same network reaches the files through the
 * one port the local server listens on. s3rver checks presigned-link expiry, not signatures.
 */
import { mkdirSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import S3rver from 's3rver';
import { s3Client } from '../lambdas/adapters/s3-blob-store';
import { freePort } from './dynamodb-local';

export const LOCAL_BUCKET = 'si-bapao-documents';
export const S3_PROXY_PREFIX = '/_s3';

const CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

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
    configureBuckets: [{ name: LOCAL_BUCKET, configs: [CORS] }],
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
    region: 'ap-southeast-3',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
}

/** Forwards `/_s3/<bucket>/<key>?…` to s3rver, streaming both ways. */
export function proxyToS3(endpoint: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const target = new URL(endpoint);
  const path = (request.url ?? '/').slice(S3_PROXY_PREFIX.length) || '/';
  const headers = { ...request.headers, host: target.host };
  return new Promise((resolve) => {
    const upstream = httpRequest(
      { hostname: target.hostname, port: target.port, method: request.method, path, headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
        answer.on('end', resolve);
      },
    );
    upstream.on('error', () => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end('S3 stand-in unavailable');
      resolve();
    });
    request.pipe(upstream);
  });
}
