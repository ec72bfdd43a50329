/**
 * The applicant's rights over their data (UU 27/2022): `DATA SAYA` shows what is held (the NIK by its last
 * four digits), `HAPUS DATA` refuses while a registration is open and otherwise erases, after one
 * confirmation, everything but a tombstone; officers see each request on `GET api/data-requests`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentClient } from '../../lambdas/adapters/dynamodb-client';
import { adminSession } from '../support/admin-client';
import { newWaId, registerApplicant, say, uploadDocuments } from '../support/journey';
import { newPerson, nikOf } from '../support/registration-lines';
import { scanTable } from '../support/table-scan';
import { startTestServer, textOf, type TestServer } from '../support/test-server';

jest.setTimeout(90_000);

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

const wholeTable = () => scanTable(table, server.config.TABLE_NAME);

/** What a person reads in a PDF (pdftotext), spaces and line breaks collapsed. */
function pdfWords(bytes: Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'data-copy-')), 'copy.pdf');
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

async function tap(waId: string, id: string, title: string): Promise<string> {
  const before = server.fakeGraph.sentTo(waId).length;
  expect((await server.sendMessage(waId, { choice: { id, title }, list: false })).status).toBe(200);
  return textOf((await server.waitForSent(waId, before + 1))[before]);
}

it('DATA SAYA lists the registrations, documents and numbers held, with the NIK by its last four digits only', async () => {
  const { waId, queueNumber, person } = await registerApplicant(server);
  const nik = nikOf(person);
  const [held] = await say(server, waId, 'data saya', 2);
  expect(held).toContain('DATA ANDA DI SI BAPAO');
  expect(held).toContain(`+${waId}`);
  expect(held).toContain(queueNumber);
  expect(held).toContain(person.name);
  expect(held).toContain(`••••••••••••${nik.slice(-4)}`);
  expect(held).not.toContain(nik);
  expect(held).toMatch(/Berkas: .*KTP/);
  expect(held).toContain('HAPUS DATA');

  // The PDF copy follows as a document behind a short-lived link: the same data, the NIK by its last four digits.
  const document = (server.fakeGraph.sentTo(waId).at(-1)?.payload as { document?: { link?: string; filename?: string; caption?: string } }).document;
  expect(document?.caption).toContain('Salinan data Anda dalam PDF');
  expect(document?.filename).toBe('data-saya-si-bapao.pdf');
  const link = new URL(document?.link ?? '');
  expect(link.searchParams.get('X-Amz-Expires')).toBe('3600');
  expect(link.pathname).not.toContain(waId);
  const pdf = await fetch(link);
  expect(pdf.status).toBe(200);
  const words = pdfWords(new Uint8Array(await pdf.arrayBuffer()));
  expect(words).toContain('SALINAN DATA PRIBADI ANDA DI SI BAPAO');
  expect(words).toContain(queueNumber);
  expect(words).toContain(person.name);
  expect(words).toContain(nik.slice(-4));
  expect(words).not.toContain(nik);

  // The menu's list offers it too.
  const before = server.fakeGraph.sentTo(waId).length;
  await server.sendMessage(waId, { choice: { id: 'menu:data saya', title: 'Data saya' } });
  expect(textOf((await server.waitForSent(waId, before + 2))[before])).toContain(queueNumber);

  const admin = await adminSession(server);
  const requests = await admin.request('GET', '/api/data-requests');
  expect(requests.status).toBe(200);
  const mine = (requests.body as { kind: string; queueNumbers: string[]; outcome: string; at: string }[]).filter((request) =>
    request.queueNumbers.includes(queueNumber),
  );
  expect(mine).toEqual([
    { kind: 'access', at: expect.any(String), queueNumbers: [queueNumber], outcome: 'answered' },
    { kind: 'access', at: expect.any(String), queueNumbers: [queueNumber], outcome: 'answered' },
  ]);
});

it('HAPUS DATA with a registration still open erases nothing and says to cancel it first', async () => {
  const { waId, queueNumber } = await registerApplicant(server);
  const [answer] = await say(server, waId, 'HAPUS DATA');
  expect(answer).toContain('masih berjalan');
  expect(answer).toContain(queueNumber);
  expect(answer).toContain('BATAL');
  // YA HAPUS without the question erases nothing either: it asks (and refuses) again.
  const [again] = await say(server, waId, 'YA HAPUS');
  expect(again).toContain(queueNumber);
  const admin = await adminSession(server);
  expect((await admin.request('GET', `/api/registrations/${queueNumber}`)).status).toBe(200);
  const requests = (await admin.request('GET', '/api/data-requests')).body as { kind: string; queueNumbers: string[]; outcome: string }[];
  expect(requests.filter((request) => request.queueNumbers.includes(queueNumber))).toEqual([
    expect.objectContaining({ kind: 'erasure', outcome: 'refused-open-registration' }),
    expect.objectContaining({ kind: 'erasure', outcome: 'refused-open-registration' }),
  ]);
});

it('HAPUS DATA after the registration closed erases it, its documents and proofs and the open application, leaving only a tombstone', async () => {
  // A name and numbers no other test of this file uses, so that any trace of them is this applicant's.
  const { waId, queueNumber, person } = await registerApplicant(server, { person: newPerson({ name: 'Rahmawati Penghapusan', phone: '081377720001' }) });
  const admin = await adminSession(server);
  const draftId = ((await admin.request('GET', `/api/registrations/${queueNumber}`)).body as { draftId: string }).draftId;
  // The applicant cancels it (closed), then starts another application and uploads to it.
  await say(server, waId, 'BATAL');
  const [cancelled] = await say(server, waId, 'YA');
  expect(cancelled).toContain('telah dibatalkan');
  const [requirements] = await say(server, waId, '2');
  const openDraft = await uploadDocuments(server, requirements ?? '');
  const filesBefore = (await server.drafts.listDocuments(openDraft)).map((document) => document.key);
  expect(filesBefore.length).toBeGreaterThan(0);

  // A PDF copy of DATA SAYA is in the bucket for a day: the erasure takes it too.
  await say(server, waId, 'data saya', 2);
  const copyLink = (server.fakeGraph.sentTo(waId).at(-1)?.payload as { document?: { link?: string } }).document?.link ?? '';
  const copyPath = decodeURIComponent(new URL(copyLink).pathname);
  const copyKey = copyPath.slice(copyPath.indexOf('/pending/') + 1);
  expect(copyKey).toMatch(/^pending\/data-copies\/[0-9a-f]+\/.+\.pdf$/);
  expect(await server.blobs.head(copyKey)).toBeTruthy();

  const [question] = await say(server, waId, 'hapus data');
  expect(question).toContain('Penghapusan tidak dapat dibatalkan');
  const asked = server.fakeGraph.sentTo(waId).at(-1)?.payload as {
    interactive?: { type: string; action: { buttons: { reply: { id: string; title: string } }[] } };
  };
  expect(asked.interactive?.type).toBe('button');
  expect(asked.interactive?.action.buttons.map((button) => button.reply.title)).toEqual(['Ya, hapus', 'Tidak']);

  const erased = await tap(waId, 'erase:yes', 'Ya, hapus');
  expect(erased).toContain('Data Anda telah dihapus');
  expect(erased).toContain(queueNumber);
  await server.queue.drained();

  // Nothing in the table names the applicant: not the name, the NIK, the phone numbers, the draft. The
  // processed-event records keep the WhatsApp number for Meta's retries and expire within 9 days.
  const items = await wholeTable();
  const mentions = (needle: string) =>
    items
      .filter((item) => !String(item.pk).startsWith('EVENT#') && JSON.stringify(item).includes(needle))
      .map((item) => `${String(item.pk)} ${String(item.sk)}`);
  expect({
    name: mentions(person.name),
    nik: mentions(nikOf(person)),
    phone: mentions(person.phone.replace(/^0/, '')),
    waId: mentions(waId),
    draft: mentions(draftId),
    openDraft: mentions(openDraft),
  }).toEqual({ name: [], nik: [], phone: [], waId: [], draft: [], openDraft: [] });
  const tombstones = items.filter((item) => item.pk === 'ERASED' && item.queueNumber === queueNumber);
  expect(tombstones).toEqual([expect.objectContaining({ queueNumber, status: 'DIBATALKAN', erasedOn: 'applicant-request', erasedAt: expect.any(String) })]);

  // Nothing in the bucket: the documents, the open application's files, the proofs.
  const filesLeft = await Promise.all([...filesBefore, copyKey].map((key) => server.blobs.head(key)));
  expect(filesLeft.filter(Boolean)).toEqual([]);
  expect(await server.blobs.deletePrefix(`documents/${draftId}/`)).toBe(0);
  expect(await server.blobs.deletePrefix(`proofs/${queueNumber}/`)).toBe(0);

  // Nothing in the officers' lists; the request is on record.
  expect((await admin.request('GET', `/api/registrations/${queueNumber}`)).status).toBe(404);
  const cancelledList = (await admin.request('GET', '/api/registrations?status=DIBATALKAN')).body as { queueNumber: string }[];
  expect(cancelledList.map((registration) => registration.queueNumber)).not.toContain(queueNumber);
  const requests = (await admin.request('GET', '/api/data-requests')).body as { kind: string; queueNumbers: string[]; outcome: string }[];
  expect(requests.filter((request) => request.queueNumbers.includes(queueNumber))).toEqual([
    // The DATA SAYA this test asked before erasing.
    expect.objectContaining({ kind: 'access', outcome: 'answered' }),
    expect.objectContaining({ kind: 'erasure', outcome: 'erased' }),
  ]);

  // The next message starts afresh.
  const greeting = await say(server, waId, 'halo', 2);
  expect(greeting[0]).toContain('Selamat datang');
});

it('answers Tidak to the erasure question by keeping everything', async () => {
  const waId = newWaId();
  await say(server, waId, 'halo', 2);
  const [requirements] = await say(server, waId, '1');
  const draft = await uploadDocuments(server, requirements ?? '');
  await say(server, waId, 'HAPUS DATA');
  const kept = await tap(waId, 'erase:no', 'Tidak');
  expect(kept).toContain('tidak dihapus');
  expect((await server.drafts.listDocuments(draft)).length).toBeGreaterThan(0);
  // Choosing the service again continues the same application.
  const [again] = await say(server, waId, '1', 2);
  expect(again).toContain('Anda memilih Layanan 1');
});
