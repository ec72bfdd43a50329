/**
 * AWS APIs of the JSON protocol (SQS, Secrets Manager) called with one SigV4-signed HTTPS POST each, for
 * the webhook Lambda: its two calls (SendMessageBatch, GetSecretValue) through the SDK's clients cost it
 * ≈ 300 KB of bundle and ≈ 70 ms of cold start (README "Performance", `npm run bench`); this is ≈ 3 KB.
 * Credentials are the execution role's, which Lambda puts in the environment. Retries: network errors,
 * 5xx and throttling, three attempts in all, like the SDK's standard mode.
 */
import { createHash, createHmac } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { SendMessageBatchRequest, SendMessageBatchResult } from '@aws-sdk/client-sqs';
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

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
]);

/** The execution role's credentials, as Lambda provides them. */
export function environmentCredentials(env: Record<string, string | undefined>): () => AwsCredentials {
  return () => {
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey) throw new AwsApiError('CredentialsMissing', 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set', 0, false);
    return { accessKeyId, secretAccessKey, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) };
  };
}

/**
 * Signature Version 4 of a POST to `/` with no query string: the headers to send (host, x-amz-date, the
 * session token, the payload hash and Authorization added to `headers`). Written here rather than taken
 * from `@smithy/signature-v4` (the SDK's signer), which was measured to add ≈ 6 ms to this function's
 * ≈ 32 ms cold start against a 40 ms goal (`npm run bench`); test/unit/aws-json-api.test.ts checks that
 * these headers are byte for byte the SDK signer's for the same request.
 */
export function signedHeaders(input: {
  readonly url: URL;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly service: string;
  readonly region: string;
  readonly credentials: AwsCredentials;
  readonly date: Date;
}): Record<string, string> {
  const amzDate = input.date.toISOString().replace(/[:-]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const payloadHash = sha256Hex(input.body);
  const headers: Record<string, string> = {
    ...lowerCaseKeys(input.headers),
    host: input.url.host,
    'x-amz-date': amzDate,
    'x-amz-content-sha256': payloadHash,
    ...(input.credentials.sessionToken ? { 'x-amz-security-token': input.credentials.sessionToken } : {}),
  };
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((name) => `${name}:${String(headers[name]).trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedNames = names.join(';');
  const canonicalRequest = ['POST', input.url.pathname || '/', '', canonicalHeaders, signedNames, payloadHash].join('\n');
  const scope = `${day}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  let key: Buffer = hmac(`AWS4${input.credentials.secretAccessKey}`, day);
  for (const part of [input.region, input.service, 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${input.credentials.accessKeyId}/${scope}, SignedHeaders=${signedNames}, Signature=${signature}`,
  };
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
      const headers = signedHeaders({
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
    const request = send(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent, timeout: timeoutMs },
      (response) => {
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
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
