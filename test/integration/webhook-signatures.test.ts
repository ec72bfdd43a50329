/**
 * Signatures: forged, broken and replayed webhooks against the real local server. Every forged request is
 * refused with 401 before anything is queued; a replayed genuine body is accepted (Meta retries do that)
 * and changes nothing, even after the queue has forgotten its id. Every attempt is counted.
 */
import { randomBytes } from 'node:crypto';
import { signBody } from '../../lambdas/adapters/webhook-signature';
import { messageEnvelope, metaJson } from '../../local/meta-envelope';
import { newWaId } from '../support/journey';
import { tallyFor } from '../support/tally';
import { startTestServer, type TestServer } from '../support/test-server';

const tally = tallyFor(__filename);
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.cleanUp());

/** A genuine greeting from a new applicant, as Meta would serialise it (with non-ASCII escaped). */
function genuine(text = 'Halo, saya mau daftar BAP 👋 Ñúñez'): { waId: string; bytes: string; signature: string } {
  const waId = newWaId();
  const { body } = messageEnvelope(server.config.WHATSAPP_PHONE_NUMBER_ID, { waId, name: 'Dewi Ñúñez' }, { text });
  const bytes = metaJson(body);
  return { waId, bytes, signature: signBody(bytes, server.secrets.WHATSAPP_APP_SECRET) };
}

/** Posts a forged request; it must get 401, and its applicant must hear nothing. */
async function refused(what: string, waId: string, bytes: string, signature: string | undefined): Promise<void> {
  const response = await server.postWebhook(bytes, signature);
  forged.push(waId);
  tally.check('signatures', what, response.status === 401);
  expect([what, response.status]).toEqual([what, 401]);
}

const forged: string[] = [];

it('refuses an unsigned body, and an empty or prefix-only header', async () => {
  for (const header of [undefined, '', 'sha256=', 'sha1=abc']) {
    const { waId, bytes } = genuine();
    await refused('unsigned or empty signature', waId, bytes, header);
  }
});

it('refuses bodies signed with a wrong secret, including the verify token and the access token', async () => {
  const secrets = [
    server.secrets.WHATSAPP_VERIFY_TOKEN,
    server.secrets.WHATSAPP_ACCESS_TOKEN,
    '',
    `${server.secrets.WHATSAPP_APP_SECRET} `,
    server.secrets.WHATSAPP_APP_SECRET.toUpperCase(),
  ];
  for (let index = 0; index < 16; index += 1) secrets.push(randomBytes(16).toString('hex'));
  for (const secret of secrets) {
    const { waId, bytes } = genuine();
    await refused('signed with a wrong secret', waId, bytes, signBody(bytes, secret));
  }
});

it('refuses every truncation of a valid signature, and one extended by a byte', async () => {
  const { waId, bytes, signature } = genuine();
  for (let length = 'sha256='.length; length < signature.length; length += 1) {
    await refused('truncated signature', waId, bytes, signature.slice(0, length));
  }
  await refused('truncated signature', waId, bytes, `${signature}00`);
});

it('refuses a valid signature over a changed body: one changed byte anywhere, re-serialised, or another body', async () => {
  const { waId, bytes, signature } = genuine();
  const positions = Array.from({ length: 40 }, (_, index) => Math.floor((index * bytes.length) / 40));
  for (const position of positions) {
    const code = bytes.charCodeAt(position);
    const changed = bytes.slice(0, position) + String.fromCharCode(code === 0x31 ? 0x32 : code === 0x20 ? 0x21 : code ^ 1) + bytes.slice(position + 1);
    await refused('valid signature over a changed body', waId, changed, signature);
  }
  // The same JSON as UTF-8 instead of Meta's escapes, with trailing whitespace, and a different message.
  await refused('valid signature over a changed body', waId, JSON.stringify(JSON.parse(bytes)), signature);
  await refused('valid signature over a changed body', waId, `${bytes}\n`, signature);
  const other = genuine('DAFTAR/Ahmad/JAKARTA/15-08-1990/3201231508900001/089617841945');
  await refused('valid signature over a changed body', other.waId, other.bytes, signature);
});

it('left every applicant of a forged request without a reply', async () => {
  await server.queue.drained();
  const answered = forged.filter((waId) => server.fakeGraph.sentTo(waId).length > 0);
  tally.add('signatures', 'forged requests without effect (no reply)', forged.length, forged.length - answered.length);
  expect(answered).toEqual([]);
});

it('accepts a replayed genuine body and answers it once, however often and however late it comes again', async () => {
  const originals = Array.from({ length: 10 }, () => genuine());
  for (const original of originals) expect((await server.postWebhook(original.bytes, original.signature)).status).toBe(200);
  await Promise.all(originals.map((original) => server.waitForSent(original.waId, 2)));
  for (const original of originals) {
    for (let replay = 0; replay < 3; replay += 1) expect((await server.postWebhook(original.bytes, original.signature)).status).toBe(200);
  }
  await server.queue.drained();
  // Hours later the queue has forgotten the ids: a second server on the same table, with a fresh queue.
  const later = await startTestServer({ TABLE_NAME: server.config.TABLE_NAME });
  try {
    for (const original of originals) expect((await later.postWebhook(original.bytes, original.signature)).status).toBe(200);
    await later.queue.drained();
    for (const original of originals) {
      const replies = server.fakeGraph.sentTo(original.waId).length + later.fakeGraph.sentTo(original.waId).length;
      tally.add('signatures', 'replayed old body: accepted, no second effect', 4, replies === 2 ? 4 : 0);
      expect([original.waId, replies]).toEqual([original.waId, 2]);
    }
  } finally {
    await later.cleanUp();
  }
});
