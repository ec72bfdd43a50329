/**
 * Fuzz (fast-check), in process: 10,000 generated webhook bodies through the webhook handler (signed as
 * Meta signs them) and 10,000 `DAFTAR` / `Ubah jadwal` lines through the conversation core, with long
 * strings, emoji, right-to-left text and control characters. Nothing crashes, every message for our number
 * is queued with its text intact, and every line is answered with a message WhatsApp accepts.
 * (A sample of such messages also goes through the real local server: test/integration/fuzz-server.test.ts.)
 */
import { NO_METRICS } from '../../lambdas/metric-names';
import fc from 'fast-check';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { loadHolidays } from '../../lambdas/config';
import { staticSecrets } from '../../lambdas/adapters/secrets';
import { signBody } from '../../lambdas/adapters/webhook-signature';
import { decide, lookupsFor, type Conversation, type DecisionContext, type Facts } from '../../lambdas/domain/conversation';
import type { Registration } from '../../lambdas/domain/registration';
import { dayState } from '../../lambdas/domain/schedule';
import { createWebhookHandler } from '../../lambdas/handlers/webhook-handler';
import type { QueueEvent } from '../../lambdas/queue-events';
import { metaJson } from '../../local/meta-envelope';
import { testOffice } from '../support/office';
import { tallyFor } from '../support/tally';
import { hostileText } from '../support/hostile-text';

const RUNS = 10_000;
const PHONE_NUMBER_ID = '1122334455667';
const APP_SECRET = 'fuzz-app-secret';
const tally = tallyFor(__filename);

describe('10,000 generated webhook bodies', () => {
  const queued: QueueEvent[] = [];
  const handler = createWebhookHandler({
    phoneNumberId: PHONE_NUMBER_ID,
    secrets: staticSecrets({ WHATSAPP_ACCESS_TOKEN: 't', WHATSAPP_APP_SECRET: APP_SECRET, WHATSAPP_VERIFY_TOKEN: 'v', LINK_SIGNING_KEY: 'k'.repeat(32) }),
    queue: { enqueue: async (events) => void queued.push(...events) },
    metrics: NO_METRICS,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  const post = (bytes: string): APIGatewayProxyEventV2 => ({
    version: '2.0',
    routeKey: 'POST /webhook',
    rawPath: '/webhook',
    rawQueryString: '',
    headers: { 'x-hub-signature-256': signBody(bytes, APP_SECRET), 'content-type': 'application/json' },
    requestContext: { http: { method: 'POST', path: '/webhook' } } as APIGatewayProxyEventV2['requestContext'],
    body: bytes,
    isBase64Encoded: false,
  });

  const junk = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
  /** A text message for our number: it must be queued, its text unchanged. */
  const textMessage = fc
    .record({ from: fc.stringMatching(/^\d{8,15}$/), id: fc.string({ minLength: 1, maxLength: 80 }), text: hostileText(), extra: junk })
    .map(({ from, id, text, extra }) => ({
      expected: text,
      message: { ...extra, from, id: `wamid.${id}`, timestamp: '1767070800', type: 'text', text: { body: text } },
    }));
  /** Anything else Meta might put in `messages`: other types, missing or wrong-typed fields. */
  const oddMessage = fc.oneof(
    fc.record({ from: fc.string(), id: fc.string(), type: fc.string(), text: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }),
    fc.record({
      from: fc.stringMatching(/^\d{8,15}$/),
      id: fc.string({ minLength: 1 }),
      type: fc.constantFrom('image', 'document', 'interactive', 'button', 'reaction', 'location', 'unsupported', 'system'),
      image: junk,
      interactive: junk,
      button: junk,
    }),
    fc.jsonValue({ maxDepth: 3 }),
  );
  const body = fc.record({
    texts: fc.array(textMessage, { maxLength: 4 }),
    odd: fc.array(oddMessage, { maxLength: 3 }),
    phoneNumberId: fc.oneof({ weight: 4, arbitrary: fc.constant(PHONE_NUMBER_ID) }, { weight: 1, arbitrary: fc.string({ maxLength: 15 }) }),
    field: fc.oneof({ weight: 4, arbitrary: fc.constant('messages') }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }),
    name: hostileText(),
    statuses: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 2 }),
  });

  it('are answered 200 without a crash, and every text message for our number is queued with its text intact', async () => {
    let answered = 0;
    let messagesForUs = 0;
    let queuedIntact = 0;
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (generated, escaped) => {
        queued.length = 0;
        const envelope = {
          object: 'whatsapp_business_account',
          entry: [
            {
              id: '102938475610293',
              changes: [
                {
                  field: generated.field,
                  value: {
                    messaging_product: 'whatsapp',
                    metadata: { display_phone_number: '6285126730544', phone_number_id: generated.phoneNumberId },
                    contacts: generated.texts.map((text) => ({ profile: { name: generated.name }, wa_id: text.message.from })),
                    messages: [...generated.texts.map((text) => text.message), ...generated.odd],
                    statuses: generated.statuses,
                  },
                },
              ],
            },
          ],
        };
        const bytes = escaped ? metaJson(envelope) : JSON.stringify(envelope);
        const result = await handler(post(bytes));
        if (result.statusCode === 200) answered += 1;
        expect(result.statusCode).toBe(200);
        const forUs = generated.field === 'messages' && generated.phoneNumberId === PHONE_NUMBER_ID;
        const expected = forUs ? generated.texts.map((text) => text.expected) : [];
        const texts = queued.flatMap((event) => (event.type === 'inbound' && event.content.kind === 'text' ? [event.content.text] : []));
        messagesForUs += expected.length;
        queuedIntact += expected.filter((text) => texts.includes(text)).length;
        expect(texts.slice(0, expected.length)).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
    tally.add('fuzz', 'generated webhook bodies answered 200, no crash', RUNS, answered);
    tally.add('fuzz', 'text messages for our number queued intact', messagesForUs, queuedIntact);
  });

  it('answers bytes that are not JSON with 400 and never crashes on them', async () => {
    let held = 0;
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (bytes) => {
        const result = await handler(post(`{${bytes}`));
        const ok = result.statusCode === 400 || result.statusCode === 200;
        if (ok) held += 1;
        expect(ok).toBe(true);
      }),
      { numRuns: 1_000 },
    );
    tally.add('fuzz', 'bodies that are not JSON: 400, no crash', 1_000, held);
  });
});

describe('10,000 DAFTAR and Ubah jadwal lines', () => {
  const office = testOffice();
  const holidays = loadHolidays();
  const now = new Date('2026-03-02T03:00:00Z');
  const confirmed: Registration = {
    queueNumber: 'KRC-002',
    name: 'Siti Aminah',
    placeOfBirth: 'SUNGAI PENUH',
    dateOfBirth: '1990-08-15',
    nik: '3201231508900001',
    phone: '6289617841945',
    serviceId: 1,
    status: 'DIKONFIRMASI',
    createdAt: '2026-02-20T01:00:00Z',
    ownerKey: '6281234567890',
    draftId: 'd',
    documentsMode: 'web',
    flags: [],
    rescheduled: false,
    appointmentDate: '2026-03-10',
    appointmentTime: '09:00',
  };
  const steps: Conversation[] = [
    { step: { name: 'registration', serviceId: 1, draftId: 'draft-1' } },
    { step: { name: 'reschedule' } },
    { step: { name: 'idle' } },
    { step: { name: 'menu' } },
    { step: { name: 'documents', serviceId: 2, draftId: 'draft-1' } },
  ];

  /** The facts the worker would look up for this line, as lookupsFor asks for them. */
  function contextFor(conversation: Conversation, text: string): DecisionContext {
    const base = {
      now,
      office,
      applicant: { key: '6281234567890', waId: '6281234567890', profileName: 'Siti' },
      newDraftId: 'draft-2',
      uploadLink: () => 'https://kanim.example/upload/x',
    };
    const lookups = lookupsFor(conversation, { kind: 'text', text }, base);
    const facts: Facts = {
      ...(lookups.draftId ? { draftRequirements: ['ktp', 'kk'] } : {}),
      ...(lookups.nik ? { nikHolder: null, queueNumber: 'KRC-123' } : {}),
      ...(lookups.ownRegistrations ? { ownRegistrations: [confirmed] } : {}),
      ...(lookups.day ? { requestedDay: dayState(lookups.day, 0, undefined, office, holidays) } : {}),
    };
    return { ...base, facts };
  }

  const field = fc.oneof(
    { weight: 3, arbitrary: hostileText({ maxLength: 120 }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'Ahmad Budiman',
        'SUNGAI PENUH',
        '15-08-1990',
        '3201231508900001',
        '089617841945',
        '31-02-2026',
        '5508901234567890',
        '+6281234567890',
        'Siti Aminah',
        '',
      ),
    },
    { weight: 1, arbitrary: fc.stringMatching(/^\d{1,20}$/) },
  );
  const separator = fc.constantFrom('/', ' / ', '/ ', '\t/', '／');
  const daftar = fc
    .tuple(
      fc.constantFrom('DAFTAR', 'daftar', ' Daftar ', 'DAFTAR:'),
      fc.array(fc.tuple(separator, field), { minLength: 0, maxLength: 8 }),
      fc.constantFrom('', '/YA', '/ya'),
    )
    .map(([keyword, parts, confirm]) => keyword + parts.map(([sep, value]) => sep + value).join('') + confirm);
  const date = fc.oneof(
    fc
      .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1999, max: 2031 }))
      .map(([d, m, y]) => `${d}-${String(m).padStart(2, '0')}-${y}`),
    hostileText({ maxLength: 20 }),
  );
  const ubah = fc
    .tuple(
      fc.constantFrom('Ubah jadwal: ', 'ubah JADWAL:', 'UBAH JADWAL ', ''),
      fc.oneof(fc.constant('Siti Aminah'), fc.constant('siti  aminah'), hostileText({ maxLength: 80 })),
      separator,
      date,
    )
    .map(([prefix, name, sep, when]) => `${prefix}${name}${sep}${when}`);
  const line = fc.oneof(daftar, ubah, hostileText({ maxLength: 5_000 }));

  it('never crash the conversation core and are each answered with a message WhatsApp accepts', () => {
    let answered = 0;
    fc.assert(
      fc.property(line, fc.constantFrom(...steps), (text, conversation) => {
        const decision = decide(conversation, { kind: 'text', text }, contextFor(conversation, text));
        const bodies = decision.replies.map((reply) =>
          reply.type === 'text' || reply.type === 'list' || reply.type === 'buttons'
            ? reply.body
            : reply.type === 'document'
              ? (reply.caption ?? reply.filename)
              : reply.type === 'flow'
                ? reply.body
                : reply.template.name,
        );
        const ok = bodies.length > 0 && bodies.every((body) => body.trim().length > 0 && body.length <= 4096);
        if (ok) answered += 1;
        expect(bodies.length).toBeGreaterThan(0);
        for (const body of bodies) {
          expect(body.trim().length).toBeGreaterThan(0);
          expect(body.length).toBeLessThanOrEqual(4096);
        }
      }),
      { numRuns: RUNS },
    );
    tally.add('fuzz', 'DAFTAR / Ubah jadwal lines answered (1–4096 chars)', RUNS, answered);
  });
});
