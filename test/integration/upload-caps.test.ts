/**
 * Uploads are capped (issue 15, finding 5): a requirement of a draft gets at most
 * DOCUMENT_LIMITS.maxLinksPerRequirement upload links; presigned files wait under `pending/` (which the
 * bucket expires after a day) until `complete` checks them; and the page limit holds even when links asked
 * for at once are completed at once (a conditional write per page). Real local server, s3rver, DynamoDB Local.
 */
import { randomUUID } from 'node:crypto';
import { signUploadToken } from '../../lambdas/adapters/upload-links';
import { DOCUMENT_LIMITS } from '../../lambdas/use-cases/upload-documents';
import { TINY_JPEG as JPEG } from '../support/documents';
import { tallyFor } from '../support/tally';
import { startTestServer, type TestServer } from '../support/test-server';

const tally = tallyFor(__filename);
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.cleanUp();
});

function link(): { draftId: string; url: string } {
  const draftId = randomUUID();
  const token = signUploadToken({ draftId, serviceId: 1, expiresAt: Date.now() + 3_600_000 }, server.secrets.LINK_SIGNING_KEY);
  return { draftId, url: `${server.url}/upload/${token}` };
}

function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

interface Ticket {
  uploadId: string;
  key: string;
  url: string;
  error?: string;
}

async function ask(url: string): Promise<{ status: number; ticket: Ticket }> {
  const response = await postJson(`${url}/uploads`, { requirement: 'ktp', filename: 'ktp.jpg', contentType: 'image/jpeg', size: JPEG.length });
  return { status: response.status, ticket: (await response.json()) as Ticket };
}

async function put(ticket: Ticket): Promise<number> {
  return (await fetch(ticket.url, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: new Uint8Array(JPEG) })).status;
}

it(`gives one requirement at most ${DOCUMENT_LIMITS.maxLinksPerRequirement} upload links, all under pending/ until completed`, async () => {
  const { url, draftId } = link();
  const asked = [];
  for (let attempt = 0; attempt < 50; attempt += 1) asked.push(await ask(url));
  const given = asked.filter((answer) => answer.status === 200);
  const refused = asked.filter((answer) => answer.status === 422);
  const held = given.length === DOCUMENT_LIMITS.maxLinksPerRequirement && refused.length === 50 - DOCUMENT_LIMITS.maxLinksPerRequirement;
  tally.check('admin security', `50 upload links asked without completing: ${DOCUMENT_LIMITS.maxLinksPerRequirement} given, the rest refused (422)`, held);
  expect(given).toHaveLength(DOCUMENT_LIMITS.maxLinksPerRequirement);
  expect(refused.map((answer) => answer.ticket.error)).toEqual(refused.map(() => 'too-many-uploads'));

  for (const answer of given) expect(await put(answer.ticket)).toBe(200);
  const pendingOnly = given.every((answer) => answer.ticket.key.startsWith(`pending/${draftId}/ktp/`));
  tally.check('admin security', 'uncompleted uploads only under pending/ (expired by the bucket after a day)', pendingOnly);
  expect(pendingOnly).toBe(true);
  expect(await server.drafts.listDocuments(draftId)).toEqual([]);
});

it(`stores at most ${DOCUMENT_LIMITS.maxPagesPerRequirement} pages when 15 links asked at once are completed at once`, async () => {
  const { url, draftId } = link();
  const tickets = (await Promise.all(Array.from({ length: 15 }, () => ask(url)))).map((answer) => {
    expect(answer.status).toBe(200);
    return answer.ticket;
  });
  for (const ticket of tickets) expect(await put(ticket)).toBe(200);
  const completed = await Promise.all(
    tickets.map(async (ticket) => {
      const response = await postJson(`${url}/uploads/${ticket.uploadId}/complete`, { requirement: 'ktp', key: ticket.key, filename: 'ktp.jpg' });
      return { status: response.status, error: ((await response.json()) as { error?: string }).error };
    }),
  );
  const stored = await server.drafts.listDocuments(draftId);
  tally.check(
    'admin security',
    `15 links completed at once: ${DOCUMENT_LIMITS.maxPagesPerRequirement} pages stored, the rest refused`,
    stored.length === DOCUMENT_LIMITS.maxPagesPerRequirement,
  );
  expect(stored).toHaveLength(DOCUMENT_LIMITS.maxPagesPerRequirement);
  expect(completed.filter((answer) => answer.status === 200)).toHaveLength(DOCUMENT_LIMITS.maxPagesPerRequirement);
  expect(completed.filter((answer) => answer.status === 422).map((answer) => answer.error)).toEqual([
    'too-many-pages',
    'too-many-pages',
    'too-many-pages',
    'too-many-pages',
    'too-many-pages',
  ]);
  // The refused files are gone, not left behind.
  const left = await Promise.all(tickets.map((ticket) => server.blobs.head(ticket.key)));
  expect(left.filter(Boolean)).toEqual([]);

  // Clearing the requirement frees its pages again.
  expect((await fetch(`${url}/requirements/ktp`, { method: 'DELETE' })).status).toBe(200);
  const again = await ask(url);
  expect(await put(again.ticket)).toBe(200);
  expect((await postJson(`${url}/uploads/${again.ticket.uploadId}/complete`, { requirement: 'ktp', key: again.ticket.key, filename: 'ktp.jpg' })).status).toBe(
    200,
  );
});
