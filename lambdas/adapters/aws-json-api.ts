/**
 * AWS APIs of the JSON protocol (SQS, Secrets Manager) called with one SigV4-signed HTTPS POST each, for
 * the webhook Lambda: its two calls (SendMessageBatch, GetSecretValue) through the SDK's clients cost it
 * ≈ 300 KB of bundle and ≈ 70 ms of cold start (README "Performance", `npm run bench`); this, with the
 * SDK's own SigV4 signer (`@smithy/signature-v4`) and node's https, is a few KB.
 * Credentials are the execution role's, which Lambda puts in the environment. Retries: network errors,
 * 5xx and throttling, three attempts in all, like the SDK's standard mode.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { SendMessageBatchRequest, SendMessageBatchResult } from '@aws-sdk/client-sqs';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Checksum } from '@smithy/types';
import { cachedSecrets, type SecretSource } from './secrets';
import type { SqsBatchSender } from './sqs-event-queue';

export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface AwsJsonRequest {
  /** Signing name and endpoint prefix: `sqs`, `secretsmanager`. */
  readonly service: string;
  /** `X-Amz-Target`, e.g. `AmazonSQS.SendMessageBatch`. */
  readonly target: string;
  readonly jsonVersion: '1.0' | '1.1';
  readonly body: unknown;
}

export type AwsJsonCall = <T>(request: AwsJsonRequest) => Promise<T>;

export interface AwsJsonClientOptions {
  readonly region: string;
  readonly credentials: () => AwsCredentials;
  /** @default `https://<service>.<region>.amazonaws.com` */
  readonly endpoint?: (service: string) => string;
  readonly now?: () => Date;
  /** @default 3 */
  readonly maxAttempts?: number;
  /** Per attempt. @default 5000 */
  readonly timeoutMs?: number;
}

/** An error answer of an AWS API (`__type` of its JSON body), or a network failure (`code` NetworkError). */
export class AwsApiError extends Error {
  override readonly name = 'AwsApiError';
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus: number,
    readonly retryable: boolean,
  ) {
    super(`${code}: ${message}`);
  }
}

const THROTTLING = new Set(['ThrottlingException', 'Throttling', 'RequestThrottled', 'RequestThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded']);

/** The execution role's credentials, as Lambda provides them. */
export function environmentCredentials(env: Record<string, string | undefined> = process.env): () => AwsCredentials {
  return () => {
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey) throw new AwsApiError('CredentialsMissing', 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set', 0, false);
    return { accessKeyId, secretAccessKey, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) };
  };
}

/** SHA-256 and HMAC-SHA256 from node:crypto, in the shape the SDK's signer takes (as @smithy/hash-node). */
class NodeSha256 implements Checksum {
  private readonly hash: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytesOf(secret));
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    throw new Error('NodeSha256 is used once');
  }
}

/**
 * Signature Version 4 of a POST to `/` with no query string, by the AWS SDK's own signer
 * (`@smithy/signature-v4`): the headers to send, with host, x-amz-date, the session token, the payload
 * hash and Authorization added to `headers`.
 */
export async function signedHeaders(input: {
  readonly url: URL;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly service: string;
  readonly region: string;
  readonly credentials: AwsCredentials;
  readonly date: Date;
}): Promise<Record<string, string>> {
  const signer = new SignatureV4({ service: input.service, region: input.region, credentials: input.credentials, sha256: NodeSha256 });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: input.url.protocol,
      hostname: input.url.hostname,
      ...(input.url.port ? { port: Number(input.url.port) } : {}),
      path: input.url.pathname || '/',
      query: {},
      headers: { ...lowerCaseKeys(input.headers), host: input.url.host, 'x-amz-content-sha256': createHash('sha256').update(input.body, 'utf8').digest('hex') },
      body: input.body,
    },
    { signingDate: input.date },
  );
  return signed.headers;
}

/** A caller of JSON-protocol APIs; one keep-alive connection pool per container. */
export function awsJsonClient(options: AwsJsonClientOptions): AwsJsonCall {
  const endpoint = options.endpoint ?? ((service: string) => `https://${service}.${options.region}.amazonaws.com`);
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? 3;
  const timeoutMs = options.timeoutMs ?? 5000;
  const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

  return async <T>(call: AwsJsonRequest): Promise<T> => {
    const url = new URL('/', endpoint(call.service));
    const body = JSON.stringify(call.body);
    for (let attempt = 1; ; attempt += 1) {
      const headers = await signedHeaders({
        url,
        headers: { 'content-type': `application/x-amz-json-${call.jsonVersion}`, 'x-amz-target': call.target },
        body,
        service: call.service,
        region: options.region,
        credentials: options.credentials(),
        date: now(),
      });
      try {
        const answer = await post(url, headers, body, timeoutMs, url.protocol === 'http:' ? agents.http : agents.https);
        const parsed = answer.text ? (JSON.parse(answer.text) as Record<string, unknown>) : {};
        if (answer.status >= 200 && answer.status < 300) return parsed as T;
        const type = String(answer.errorType ?? parsed.__type ?? `HTTP${answer.status}`);
        const code = type.slice(type.lastIndexOf('#') + 1).split(':')[0] ?? type;
        const message = String(parsed.message ?? parsed.Message ?? '');
        throw new AwsApiError(code, message, answer.status, answer.status >= 500 || THROTTLING.has(code));
      } catch (error) {
        const failure = error instanceof AwsApiError ? error : new AwsApiError('NetworkError', (error as Error).message, 0, true);
        if (!failure.retryable || attempt >= maxAttempts) throw failure;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * 2 ** attempt));
      }
    }
  };
}

/** SQS `SendMessageBatch` for `SqsEventQueue`. */
export function signedSqs(call: AwsJsonCall): SqsBatchSender {
  return {
    sendMessageBatch: (input: SendMessageBatchRequest) =>
      call<SendMessageBatchResult>({ service: 'sqs', target: 'AmazonSQS.SendMessageBatch', jsonVersion: '1.0', body: input }),
  };
}

/** The deployment's secret from Secrets Manager, cached like `secretsManagerSource`. */
export function signedSecretsSource(call: AwsJsonCall, secretArn: string): SecretSource {
  return cachedSecrets(async () => {
    const result = await call<{ SecretString?: string }>({
      service: 'secretsmanager',
      target: 'secretsmanager.GetSecretValue',
      jsonVersion: '1.1',
      body: { SecretId: secretArn },
    });
    return result.SecretString ?? '{}';
  });
}

function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  agent: HttpAgent,
): Promise<{ status: number; text: string; errorType?: string }> {
  const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const errorType = response.headers['x-amzn-errortype'];
        resolve({
          status: response.statusCode ?? 0,
          text: Buffer.concat(chunks).toString('utf8'),
          ...(typeof errorType === 'string' ? { errorType } : {}),
        });
      });
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}

type SourceData = string | ArrayBuffer | ArrayBufferView;

function bytesOf(data: SourceData): string | Uint8Array {
  if (typeof data === 'string') return data;
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
