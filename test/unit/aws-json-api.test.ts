/** The webhook's signed JSON-protocol client: SigV4 as the SDK signs, and the requests SQS and Secrets Manager expect. */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignatureV4 } from '@smithy/signature-v4';
import { awsJsonClient, AwsApiError, environmentCredentials, signedHeaders, signedSecretsSource, signedSqs } from '../../lambdas/adapters/aws-json-api';
import { SqsEventQueue } from '../../lambdas/adapters/sqs-event-queue';
import { reminderEvent } from '../../lambdas/notice-events';

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytesOf = (data: SourceData) =>
  typeof data === 'string' ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/** The hash the SDK's signer is given in Node (node:crypto), as @smithy/hash-node does it. */
class NodeSha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytesOf(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytesOf(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session/token=' };

it('signs exactly as the AWS SDK signs the same request', async () => {
  const date = new Date('2026-03-01T08:09:10.123Z');
  const body = JSON.stringify({ QueueUrl: 'https://sqs.ap-southeast-3.amazonaws.com/123456789012/q.fifo', Entries: [{ Id: '0', MessageBody: 'é' }] });
  const url = new URL('https://sqs.ap-southeast-3.amazonaws.com/');
  const ours = signedHeaders({
    url,
    headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'AmazonSQS.SendMessageBatch' },
    body,
    service: 'sqs',
    region: 'ap-southeast-3',
    credentials,
    date,
  });
  const sdk = await new SignatureV4({ service: 'sqs', region: 'ap-southeast-3', credentials, sha256: NodeSha256 }).sign(
    {
      method: 'POST',
      protocol: 'https:',
      hostname: url.hostname,
      path: '/',
      query: {},
      headers: { host: url.host, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.SendMessageBatch' },
      body,
    },
    { signingDate: date },
  );
  expect(ours.authorization).toBe(sdk.headers.authorization);
  expect(ours['x-amz-date']).toBe('20260301T080910Z');
  expect(ours['x-amz-security-token']).toBe('session/token=');
});

describe('against a stand-in endpoint', () => {
  let server: Server;
  let answer: (request: IncomingMessage, body: string) => { status: number; body: unknown; headers?: Record<string, string> };
  const seen: { headers: IncomingMessage['headers']; body: string }[] = [];
  let endpoint = '';

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ headers: request.headers, body });
        const result = answer(request, body);
        response.writeHead(result.status, { 'content-type': 'application/x-amz-json-1.0', ...result.headers }).end(JSON.stringify(result.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    seen.length = 0;
  });

  const client = (maxAttempts = 3) => awsJsonClient({ region: 'ap-southeast-3', credentials: () => credentials, endpoint: () => endpoint, maxAttempts });

  it('queues events with SendMessageBatch as SQS expects them', async () => {
    answer = () => ({ status: 200, body: { Successful: [{ Id: '0' }], Failed: [] } });
    const events = [reminderEvent({ queueNumber: 'KRC-101', ownerKey: '628111' }, '2026-01-30')];
    await new SqsEventQueue(signedSqs(client()), 'https://sqs.ap-southeast-3.amazonaws.com/1/q.fifo').enqueue(events);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers['x-amz-target']).toBe('AmazonSQS.SendMessageBatch');
    expect(seen[0]?.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(seen[0]?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/ap-southeast-3\/sqs\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-target, Signature=[0-9a-f]{64}$/,
    );
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({
      QueueUrl: 'https://sqs.ap-southeast-3.amazonaws.com/1/q.fifo',
      Entries: [{ Id: '0', MessageBody: JSON.stringify(events[0]), MessageGroupId: '628111', MessageDeduplicationId: 'reminder:KRC-101:2026-01-30' }],
    });
  });

  it('reads the secret with GetSecretValue and caches it', async () => {
    const value = { WHATSAPP_ACCESS_TOKEN: 't', WHATSAPP_APP_SECRET: 's', WHATSAPP_VERIFY_TOKEN: 'v', LINK_SIGNING_KEY: 'k'.repeat(32) };
    answer = () => ({ status: 200, body: { SecretString: JSON.stringify(value) } });
    const secrets = signedSecretsSource(client(), 'arn:aws:secretsmanager:ap-southeast-3:1:secret:x');
    expect(await secrets.get()).toEqual(value);
    expect(await secrets.get()).toEqual(value);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers['x-amz-target']).toBe('secretsmanager.GetSecretValue');
    expect(seen[0]?.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ SecretId: 'arn:aws:secretsmanager:ap-southeast-3:1:secret:x' });
  });

  it('retries a throttled or failed call, and gives up on a client error at once', async () => {
    let calls = 0;
    answer = () => {
      calls += 1;
      return calls === 1
        ? { status: 400, body: { __type: 'com.amazonaws.sqs#ThrottlingException', message: 'slow down' } }
        : calls === 2
          ? { status: 500, body: { __type: 'InternalFailure' } }
          : { status: 200, body: { ok: true } };
    };
    await expect(client()({ service: 'sqs', target: 'AmazonSQS.X', jsonVersion: '1.0', body: {} })).resolves.toEqual({ ok: true });
    expect(calls).toBe(3);

    answer = () => ({ status: 400, body: { message: 'no such queue' }, headers: { 'x-amzn-errortype': 'QueueDoesNotExist:http://internal.amazon.com/' } });
    const failure = client()({ service: 'sqs', target: 'AmazonSQS.X', jsonVersion: '1.0', body: {} });
    await expect(failure).rejects.toBeInstanceOf(AwsApiError);
    await expect(failure).rejects.toMatchObject({ code: 'QueueDoesNotExist', httpStatus: 400, retryable: false });
    expect(seen).toHaveLength(4);
  });
});

it("takes the execution role's credentials from the environment, and says when they are missing", () => {
  expect(environmentCredentials({ AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b', AWS_SESSION_TOKEN: 'c' })()).toEqual({
    accessKeyId: 'a',
    secretAccessKey: 'b',
    sessionToken: 'c',
  });
  expect(() => environmentCredentials({})()).toThrow('AWS_ACCESS_KEY_ID');
});
