/**
 * An HTTP proxy in front of DynamoDB Local that fails chosen requests on the wire: the real SDK and the
 * real adapters run, and one precise write (say, the mark that an outbox entry was sent) gets DynamoDB's
 * own 500 answer. Everything else passes through untouched.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One DynamoDB call as it travels: the operation (`UpdateItem`, `TransactWriteItems`, …) and its JSON input. */
export interface DynamoCall {
  readonly operation: string;
  readonly input: Record<string, unknown>;
}

export interface DynamoFaultProxy {
  readonly endpoint: string;
  /** Decides per call whether DynamoDB "fails" it (answered 500 InternalServerError, nothing written). */
  failWhen(predicate: ((call: DynamoCall) => boolean) | undefined): void;
  /** Calls failed so far. */
  readonly failed: number;
  close(): Promise<void>;
}

export async function startDynamoFaultProxy(target: string): Promise<DynamoFaultProxy> {
  const { hostname, port } = new URL(target);
  let predicate: ((call: DynamoCall) => boolean) | undefined;
  let failed = 0;
  const server: Server = createServer((incoming, outgoing) => {
    void readAll(incoming).then((body) => {
      const operation =
        String(incoming.headers['x-amz-target'] ?? '')
          .split('.')
          .pop() ?? '';
      if (predicate && predicate({ operation, input: parse(body) })) {
        failed += 1;
        outgoing.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' });
        outgoing.end(JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'Internal server error (injected)' }));
        return;
      }
      const upstream = httpRequest({ host: hostname, port: Number(port), method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      });
      upstream.on('error', () => outgoing.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    failWhen(next) {
      predicate = next;
    },
    get failed() {
      return failed;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parse(body: Buffer): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The outbox entry a call marks sent (`REMOVE outbox.#id`), if it is one. */
export function outboxEntryMarkedSent(call: DynamoCall): string | undefined {
  if (call.operation !== 'UpdateItem' || !String(call.input.UpdateExpression ?? '').startsWith('REMOVE outbox.')) return undefined;
  const names = call.input.ExpressionAttributeNames as Record<string, string> | undefined;
  return names?.['#id'];
}
