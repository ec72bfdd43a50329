/**
 * Input hygiene (issue 15, finding 7): path parameters are matched by pattern, so a 5,000-character
 * "queue number" is a route that does not exist (404), never a key the table refuses (500); file names and
 * WhatsApp profile names reach officers without bidi overrides or other invisible characters.
 */
import { adminSession, type AdminClient } from '../support/admin-client';
import { TINY_JPEG } from '../support/documents';
import { newWaId, queueNumberIn, say, uploadDocuments, pageLinkIn } from '../support/journey';
import { newPerson, registrationLine } from '../support/registration-lines';
import { tallyFor } from '../support/tally';
import { startTestServer, textOf, type TestServer } from '../support/test-server';

const tally = tallyFor(__filename);
let server: TestServer;
let admin: AdminClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await adminSession(server);
});
afterAll(async () => {
  await server?.cleanUp();
});

it('answers 404, never 500, to path parameters that cannot be one', async () => {
  const long = 'K'.repeat(5000);
  const calls: Array<[string, string, unknown?]> = [
    ['GET', `/api/registrations/${long}`],
    ['GET', `/api/registrations/KRC-${'9'.repeat(5000)}`],
    ['POST', `/api/registrations/${long}/confirm`, { date: '2027-01-04', time: '09:00' }],
    ['GET', `/registrations/${long}`],
    ['GET', `/api/registrations/${encodeURIComponent('KRC-001\u0000')}`],
    ['GET', `/api/days/${'2'.repeat(5000)}`],
    ['POST', `/api/officers/${'a'.repeat(5000)}/disable`],
  ];
  for (const [method, path, body] of calls) {
    const response = await admin.request(method, path, body === undefined ? {} : { body });
    tally.check('admin security', 'path parameter that cannot be one (5,000 characters, NUL): 404, never 500', response.status === 404);
    expect([method, path.slice(0, 40), response.status]).toEqual([method, path.slice(0, 40), 404]);
  }
});

it('shows file names and profile names to officers without bidi overrides or invisible characters', async () => {
  const waId = newWaId();
  await server.sendMessage(waId, { text: 'Assalamualaikum' }, { name: 'Budi\u202e nimda\u200b' });
  await server.waitForSent(waId, 2);
  const [requirements] = await say(server, waId, '1');
  const link = await pageLinkIn(requirements ?? '');
  const started = await fetch(`${link}/uploads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ requirement: 'ktp', filename: 'ＫＴＰ\u202egpj.exe', contentType: 'image/jpeg', size: TINY_JPEG.length }),
  });
  const ticket = (await started.json()) as { uploadId: string; key: string; url: string };
  expect((await fetch(ticket.url, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: new Uint8Array(TINY_JPEG) })).status).toBe(200);
  const completed = await fetch(`${link}/uploads/${ticket.uploadId}/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ requirement: 'ktp', key: ticket.key, filename: 'ＫＴＰ\u202egpj.exe' }),
  });
  expect(completed.status).toBe(200);
  // The upload page lists it with the same clean name.
  expect(await (await fetch(link)).text()).toContain('ＫＴＰgpj.exe');
  await uploadDocuments(server, requirements ?? '', ['kk', 'akta', 'surat-kehilangan']);
  await say(server, waId, 'SELESAI');
  const before = server.fakeGraph.sentTo(waId).length;
  await server.sendMessage(waId, { text: registrationLine(newPerson()) }, { name: 'Budi\u202e nimda\u200b' });
  const success = textOf((await server.waitForSent(waId, before + 1))[before]);
  const detail = (await admin.request('GET', `/api/registrations/${queueNumberIn(success)}`)).body as {
    profileName?: string;
    documents: Array<{ requirement: string; name: string }>;
  };
  const ktp = detail.documents.find((document) => document.requirement === 'ktp');
  const clean = ktp?.name === 'ＫＴＰgpj.exe' && detail.profileName === 'Budi nimda';
  tally.check('admin security', 'bidi and invisible characters removed from file and profile names officers see', clean);
  expect(ktp?.name).toBe('ＫＴＰgpj.exe');
  expect(detail.profileName).toBe('Budi nimda');
});
