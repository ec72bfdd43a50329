/**
 * Real bodies: the 74 webhook bodies of `test/fixtures/whatsapp-webhooks`, serialised as Meta does
 * (ASCII, `\uXXXX` escapes) and signed over those bytes, posted in the order of the manifest beside this
 * file to the real local server. Each must be answered 2xx and lead to the outcome the manifest writes
 * down for it: a reply to its sender, silence, no second effect for an id already handled, a recorded
 * delivery state, or nothing queued at all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../lambdas/adapters/dynamodb-client';
import { keys } from '../../lambdas/adapters/table-design';
import { signBody } from '../../lambdas/adapters/webhook-signature';
import { metaJson } from '../../local/meta-envelope';
import { fixtureBodies } from '../support/fixtures';
import { tallyFor } from '../support/tally';
import { startTestServer, type TestServer } from '../support/test-server';

type Expectation =
  | { body: string; expect: 'reply' | 'silent'; messageId: string }
  | { body: string; expect: 'duplicate'; of: string; messageId: string }
  | { body: string; expect: 'status'; messageId: string; recorded: string }
  | { body: string; expect: 'ignored'; why: string };

const manifest = JSON.parse(readFileSync(join(__dirname, 'webhook-corpus.manifest.json'), 'utf8')) as { bodies: Expectation[] };
const fixtures = new Map(fixtureBodies().map((fixture) => [fixture.name, fixture.body]));
const tally = tallyFor(__filename);

let server: TestServer;
let table: ReturnType<typeof documentClient>;

beforeAll(async () => {
  server = await startTestServer();
  table = documentClient({ endpoint: server.dynamoEndpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
});
afterAll(async () => {
  table?.destroy();
  await server?.cleanUp();
});

/** Messages durably queued so far: `enq` lines of the local queue's journal. */
function queuedSoFar(): number {
  const journal = readFileSync(join(server.dataDir, 'queue', 'journal.jsonl'), 'utf8');
  return journal.split('\n').filter((line) => line.includes('"op":"enq"')).length;
}

async function item(key: Record<string, string>): Promise<Record<string, unknown> | undefined> {
  return (await table.send(new GetCommand({ TableName: server.config.TABLE_NAME, Key: key, ConsistentRead: true }))).Item;
}

/** Who a body's messages come from: the keys a reply may be addressed to. */
function sendersOf(body: unknown): string[] {
  const values = ((body as { entry?: { changes?: { value?: Record<string, unknown> }[] }[] }).entry ?? []).flatMap((entry) =>
    (entry.changes ?? []).map((change) => change.value ?? {}),
  );
  return values
    .flatMap((value) => [
      ...((value.messages as { from?: string; from_user_id?: string }[] | undefined) ?? []).flatMap((message) => [message.from, message.from_user_id]),
      ...((value.contacts as { wa_id?: string; user_id?: string }[] | undefined) ?? []).flatMap((contact) => [contact.wa_id, contact.user_id]),
    ])
    .filter((key): key is string => typeof key === 'string');
}

it('the manifest names every body of the corpus exactly once', () => {
  const named = manifest.bodies.map((entry) => entry.body);
  expect(new Set(named).size).toBe(named.length);
  expect([...named].sort()).toEqual([...fixtures.keys()].sort());
  expect(named).toHaveLength(74);
});

describe('each body, as Meta serialises and signs it', () => {
  it.each(manifest.bodies.map((entry) => [entry.body, entry.expect, entry] as const))('%s → %s', async (name, _kind, expectation) => {
    const body = fixtures.get(name);
    const asMeta = metaJson(body);
    expect(/^[\x20-\x7e]*$/.test(asMeta)).toBe(true);
    const sentBefore = server.fakeGraph.sent.length;
    const queuedBefore = queuedSoFar();

    const response = await server.postWebhook(asMeta, signBody(asMeta, server.secrets.WHATSAPP_APP_SECRET));
    await server.queue.drained();
    const answered = tally.check('real bodies', 'answered 2xx as Meta serialises it', response.status >= 200 && response.status < 300);
    expect(answered).toBe(true);

    const newSends = server.fakeGraph.sent.slice(sentBefore);
    const queued = queuedSoFar() - queuedBefore;
    let held: boolean;
    switch (expectation.expect) {
      case 'reply': {
        const senders = sendersOf(body);
        held = newSends.length > 0 && newSends.every((sent) => senders.includes(sent.to));
        expect(newSends.length).toBeGreaterThan(0);
        expect(newSends.filter((sent) => !senders.includes(sent.to))).toEqual([]);
        expect(await item(keys.event(expectation.messageId))).toBeDefined();
        break;
      }
      case 'silent': {
        const record = await item(keys.event(expectation.messageId));
        held = newSends.length === 0 && queued === 1 && record !== undefined;
        expect({ sends: newSends.length, queued, processed: record !== undefined }).toEqual({ sends: 0, queued: 1, processed: true });
        break;
      }
      case 'duplicate': {
        held = newSends.length === 0;
        expect(newSends).toEqual([]);
        break;
      }
      case 'status': {
        const delivery = await item(keys.delivery(expectation.messageId));
        held = newSends.length === 0 && delivery?.status === expectation.recorded;
        expect({ sends: newSends.length, recorded: delivery?.status }).toEqual({ sends: 0, recorded: expectation.recorded });
        break;
      }
      case 'ignored': {
        held = newSends.length === 0 && queued === 0;
        expect({ sends: newSends.length, queued }).toEqual({ sends: 0, queued: 0 });
        break;
      }
    }
    tally.check('real bodies', `outcome written in the manifest (${expectation.expect})`, held);

    // The same body as plain UTF-8, signed over those bytes: accepted, and changes nothing more.
    const sentAfter = server.fakeGraph.sent.length;
    const utf8 = JSON.stringify(body);
    const plain = await server.postWebhook(utf8, signBody(utf8, server.secrets.WHATSAPP_APP_SECRET));
    await server.queue.drained();
    const plainHeld = plain.status === 200 && server.fakeGraph.sent.length === sentAfter;
    tally.check('real bodies', 'plain UTF-8 form again: 200, no second effect', plainHeld);
    expect({ status: plain.status, extraSends: server.fakeGraph.sent.length - sentAfter }).toEqual({ status: 200, extraSends: 0 });
  });

  it('leaves no event failing in the queue', async () => {
    await server.queue.drained();
    expect(server.queue.deadLetters()).toEqual([]);
  });
});
