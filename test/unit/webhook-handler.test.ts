/** The webhook handler on real API Gateway v2 event shapes, with real HMAC signatures. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { staticSecrets } from '../../lambdas/adapters/secrets';
import { signBody } from '../../lambdas/adapters/webhook-signature';
import { toQueueEvents } from '../../lambdas/adapters/webhook-schema';
import { createWebhookHandler } from '../../lambdas/handlers/webhook-handler';
import type { QueueEvent } from '../../lambdas/queue-events';
import { messageEnvelope, metaJson, statusEnvelope } from '../../local/meta-envelope';
import { fixtureBodies } from '../support/fixtures';

const PHONE_NUMBER_ID = '1122334455667';
const APP_SECRET = 'unit-app-secret';
const queued: QueueEvent[] = [];
const counted: Array<{ name: string; value: number | undefined }> = [];
const handler = createWebhookHandler({
  phoneNumberId: PHONE_NUMBER_ID,
  secrets: staticSecrets({
    WHATSAPP_ACCESS_TOKEN: 't',
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: 'verify-me',
    LINK_SIGNING_KEY: 'k'.repeat(32),
  }),
  queue: { enqueue: async (events) => void queued.push(...events) },
  metrics: { count: (name, value) => void counted.push({ name, value }) },
  log: { info: () => undefined, warn: () => undefined, error: () => undefined },
});

function post(body: string, headers: Record<string, string>, base64 = false): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /webhook',
    rawPath: '/webhook',
    rawQueryString: '',
    headers,
    requestContext: { http: { method: 'POST', path: '/webhook' } } as APIGatewayProxyEventV2['requestContext'],
    body: base64 ? Buffer.from(body).toString('base64') : body,
    isBase64Encoded: base64,
  };
}

beforeEach(() => {
  queued.length = 0;
  counted.length = 0;
});

it('checks the signature on the base64-decoded bytes when API Gateway encoded the body', async () => {
  const { body } = messageEnvelope(PHONE_NUMBER_ID, { waId: '6281234567890', name: 'Dewi Ñúñez' }, { text: 'Halo 👋' });
  const payload = metaJson(body);
  const result = await handler(post(payload, { 'x-hub-signature-256': signBody(payload, APP_SECRET) }, true));
  expect(result.statusCode).toBe(200);
  expect(queued).toHaveLength(1);
  expect(queued[0]).toMatchObject({
    type: 'inbound',
    content: { kind: 'text', text: 'Halo 👋' },
    applicant: { key: '6281234567890', profileName: 'Dewi Ñúñez' },
  });
});

it('counts queued applicant messages as InboundMessages, and status callbacks not at all', async () => {
  const { body } = messageEnvelope(PHONE_NUMBER_ID, { waId: '6281234567890', name: 'Dewi' }, { text: 'Halo' });
  const message = metaJson(body);
  await handler(post(message, { 'x-hub-signature-256': signBody(message, APP_SECRET) }));
  const status = metaJson(statusEnvelope(PHONE_NUMBER_ID, '6281234567890', 'wamid.abc', 'delivered'));
  await handler(post(status, { 'x-hub-signature-256': signBody(status, APP_SECRET) }));
  expect(queued.map((event) => event.type)).toEqual(['inbound', 'status']);
  expect(counted).toEqual([{ name: 'InboundMessages', value: 1 }]);
});

it('refuses a signature computed over a re-serialised body (escapes changed)', async () => {
  const { body } = messageEnvelope(PHONE_NUMBER_ID, { waId: '6281234567890', name: 'Dewi Ñúñez' }, { text: 'Halo' });
  const sentBytes = metaJson(body);
  const result = await handler(post(sentBytes, { 'x-hub-signature-256': signBody(JSON.stringify(body), APP_SECRET) }));
  expect(result.statusCode).toBe(401);
  expect(queued).toHaveLength(0);
});

it.each([
  ['no header', undefined],
  ['no sha256= prefix', 'abc'],
  ['a truncated signature', 'sha256=abcd'],
  ['the right length but wrong', `sha256=${'0'.repeat(64)}`],
])('answers 401 to %s, before parsing', async (_case, signature) => {
  const result = await handler(post('{not even json', signature ? { 'x-hub-signature-256': signature } : {}));
  expect(result.statusCode).toBe(401);
});

it('answers the handshake only to the right token', async () => {
  const get = (token: string): APIGatewayProxyEventV2 => ({
    ...post('', {}),
    routeKey: 'GET /webhook',
    requestContext: { http: { method: 'GET', path: '/webhook' } } as APIGatewayProxyEventV2['requestContext'],
    queryStringParameters: { 'hub.mode': 'subscribe', 'hub.verify_token': token, 'hub.challenge': '42' },
  });
  expect(await handler(get('verify-me'))).toMatchObject({ statusCode: 200, body: '42' });
  expect(await handler(get('verify-mf'))).toMatchObject({ statusCode: 403 });
});

describe('mapping Meta messages onto queue events', () => {
  const bodies = Object.fromEntries(fixtureBodies().map((fixture) => [fixture.name, fixture.body]));
  const eventsOf = (name: string) => toQueueEvents(bodies[name], PHONE_NUMBER_ID)?.events ?? [];

  it.each([
    ['message/text', { kind: 'text' }],
    ['message/image', { kind: 'media', mediaKind: 'image' }],
    ['message/document', { kind: 'media', mediaKind: 'document' }],
    ['message/reaction', { kind: 'silent', reason: 'reaction' }],
    ['message/unsupported', { kind: 'other', type: 'unsupported' }],
    ['message/current_location', { kind: 'other', type: 'location' }],
    ['callback_button/button', { kind: 'choice' }],
    ['callback_button/quick_reply', { kind: 'choice', id: 'callback_data', title: 'title' }],
    ['callback_selection/callback', { kind: 'choice' }],
    ['system/identity_change', { kind: 'silent', reason: 'system' }],
    ['call_permission_update/accept', { kind: 'silent' }],
  ])('%s becomes %j', (name, content) => {
    const [event] = eventsOf(name);
    expect(event?.type).toBe('inbound');
    expect(event?.type === 'inbound' && event.content).toMatchObject(content);
  });

  it('keys the applicant by the business-scoped user id when Meta sends one, keeping the phone as an alias', () => {
    const [event] = eventsOf('callback_button/quick_reply');
    expect(event?.applicant).toEqual({ key: 'US.13491208655302741918', waId: '972987654321', userId: 'US.13491208655302741918', profileName: 'Test Name' });
  });

  it('carries the new number of a user_changed_number notice', () => {
    const [event] = eventsOf('system/phone_number_change');
    expect(event).toMatchObject({ type: 'inbound', content: { kind: 'silent' }, newWaId: '972912345678' });
  });

  it('turns statuses into status events, with the error of a failed one', () => {
    const [failed] = eventsOf('message_status/failed');
    expect(failed).toMatchObject({ type: 'status', status: 'failed', messageId: 'wamid.xyzxyz', errorCode: 130472, eventId: 'wamid.xyzxyz:failed' });
  });

  it('ignores fields the product does not use and messages for other numbers', () => {
    expect(toQueueEvents(bodies['template_status_update/approved'], PHONE_NUMBER_ID)).toEqual({ events: [], ignored: 1 });
    expect(toQueueEvents(bodies['edited_message/image'], PHONE_NUMBER_ID)?.events).toEqual([]);
    expect(toQueueEvents({ hello: 1 }, PHONE_NUMBER_ID)).toBeUndefined();
  });

  it("reads a WhatsApp Flow's reply (nfm_reply): the real fixture, and the registration Flow's five values", () => {
    // The fixture is another business's Flow: none of our names, so every value is empty (the conversation names the first).
    expect(eventsOf('flow_completion/completion').map((event) => event.type === 'inbound' && event.content)).toEqual([
      { kind: 'form', fields: { name: '', placeOfBirth: '', dateOfBirth: '', nik: '', phone: '' } },
    ]);
    const response = {
      flow_token: 'daftar:x',
      nama: 'Siti Rahmawati',
      tempat_lahir: 'BATAM',
      tanggal_lahir: '1990-08-17',
      nik: '3201235708900002',
      nomor_hp: '081234567890',
    };
    const { body } = messageEnvelope(PHONE_NUMBER_ID, { waId: '6281', name: 'A' }, { flowReply: { response } });
    expect(toQueueEvents(JSON.parse(metaJson(body)), PHONE_NUMBER_ID)?.events.map((event) => event.type === 'inbound' && event.content)).toEqual([
      { kind: 'form', fields: { name: 'Siti Rahmawati', placeOfBirth: 'BATAM', dateOfBirth: '1990-08-17', nik: '3201235708900002', phone: '081234567890' } },
    ]);
    const broken = messageEnvelope(
      PHONE_NUMBER_ID,
      { waId: '6281', name: 'A' },
      { other: { type: 'interactive', body: { type: 'nfm_reply', nfm_reply: { response_json: '{not json', name: 'flow' } } } },
    );
    expect(toQueueEvents(broken.body, PHONE_NUMBER_ID)?.events.map((event) => event.type === 'inbound' && event.content)).toEqual([
      { kind: 'other', type: 'interactive:nfm_reply' },
    ]);
  });

  it('takes every message of a batch, even when one of them is malformed', () => {
    const { body } = messageEnvelope(PHONE_NUMBER_ID, { waId: '6281', name: 'A' }, { text: 'satu' });
    const value = (body.entry as { changes: { value: { messages: unknown[] } }[] }[])[0]!.changes[0]!.value;
    value.messages.push({ nonsense: true }, { from: '6281', id: 'wamid.2', timestamp: '1', type: 'text', text: { body: 'dua' } });
    const parsed = toQueueEvents(body, PHONE_NUMBER_ID);
    expect(parsed?.events.map((event) => event.type === 'inbound' && event.content)).toEqual([
      { kind: 'text', text: 'satu' },
      { kind: 'text', text: 'dua' },
    ]);
    expect(parsed?.ignored).toBe(1);
  });

  it("judges a message by its own type's content: a malformed one is ignored, another type's stray key spoils nothing", () => {
    const { body } = messageEnvelope(PHONE_NUMBER_ID, { waId: '6281', name: 'A' }, { text: 'satu' });
    const value = (body.entry as { changes: { value: { messages: unknown[] } }[] }[])[0]!.changes[0]!.value;
    value.messages.push(
      { from: '6281', id: 'wamid.2', timestamp: '1', type: 'image', image: { mime_type: 'image/jpeg' } },
      { from: '6281', id: 'wamid.3', timestamp: '1', type: 'text', text: { body: 'tiga' }, image: 'not an object' },
      { from: '6281', id: 'wamid.4', timestamp: '1', type: 'text' },
    );
    const parsed = toQueueEvents(body, PHONE_NUMBER_ID);
    expect(parsed?.events.map((event) => event.type === 'inbound' && event.content)).toEqual([
      { kind: 'text', text: 'satu' },
      { kind: 'text', text: 'tiga' },
      { kind: 'other', type: 'text' },
    ]);
    expect(parsed?.ignored).toBe(1);
  });
});

describe('while the deployed secret still holds its placeholders', () => {
  const unconfigured = createWebhookHandler({
    phoneNumberId: PHONE_NUMBER_ID,
    secrets: staticSecrets({
      WHATSAPP_ACCESS_TOKEN: 'REPLACE_ME',
      WHATSAPP_APP_SECRET: 'REPLACE_ME',
      WHATSAPP_VERIFY_TOKEN: 'REPLACE_ME',
      LINK_SIGNING_KEY: 'k'.repeat(32),
    }),
    queue: { enqueue: async (events) => void queued.push(...events) },
    metrics: { count: () => undefined },
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });

  it('treats nothing as signed, not even a body signed with the public placeholder: 503, so Meta retries and the 5xx alarm fires', async () => {
    const payload = metaJson(messageEnvelope(PHONE_NUMBER_ID, { waId: '6281234567890', name: 'Penyerang' }, { text: 'MENU' }).body);
    const result = await unconfigured(post(payload, { 'x-hub-signature-256': signBody(payload, 'REPLACE_ME') }));
    expect(result.statusCode).toBe(503);
    expect(queued).toEqual([]);
  });

  it('refuses the verify handshake, even with the placeholder as the token', async () => {
    const result = await unconfigured({
      ...post('', {}),
      routeKey: 'GET /webhook',
      requestContext: { http: { method: 'GET', path: '/webhook' } } as APIGatewayProxyEventV2['requestContext'],
      queryStringParameters: { 'hub.mode': 'subscribe', 'hub.verify_token': 'REPLACE_ME', 'hub.challenge': '1158201444' },
    });
    expect(result.statusCode).toBe(403);
    expect(result.body).not.toContain('1158201444');
  });
});
