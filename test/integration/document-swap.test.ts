/**
 * Documents an officer has checked cannot be swapped (issue 15, finding 2): once they belong to a
 * registration, the applicant's original upload link no longer changes them; only a fix-request link
 * issued afterwards may, for the requirements it names, while the request is open. Every such change is
 * in the audit trail and marked on the officer's view. Real local server, DynamoDB Local, s3rver.
 */
import type { Officer } from '../../lambdas/admin/officer-api';
import { TINY_JPEG } from '../support/documents';
import { newWaId, queueNumberIn, say, uploadDocuments, pageLinkIn } from '../support/journey';
import { officerApi, workingDay } from '../support/officer-api';
import { newPerson, registrationLine } from '../support/registration-lines';
import { tallyFor } from '../support/tally';
import { startTestServer, textOf, type TestServer } from '../support/test-server';

const tally = tallyFor(__filename);
const officer: Officer = { username: 'petugas1', role: 'petugas' };

let server: TestServer;
let officers: ReturnType<typeof officerApi>;

beforeAll(async () => {
  server = await startTestServer();
  officers = officerApi(server);
});
afterAll(async () => {
  officers?.close();
  // The last officer's decision still has its proof to render and store: let the worker finish first.
  await server?.queue.drained();
  await server?.cleanUp();
});

/** Greeting → service 1 → documents → SELESAI → DAFTAR; resolves with the upload link the applicant was given. */
async function registered(): Promise<{ waId: string; queueNumber: string; link: string }> {
  const waId = newWaId();
  await say(server, waId, 'Assalamualaikum', 2);
  const [requirements] = await say(server, waId, '1');
  const link = await pageLinkIn(requirements ?? '');
  await uploadDocuments(server, requirements ?? '');
  await say(server, waId, 'SELESAI');
  const [success] = await say(server, waId, registrationLine(newPerson()));
  return { waId, queueNumber: queueNumberIn(success ?? ''), link };
}

function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** What the page's script does for one photo: ask for a URL, PUT the bytes, report the arrival. */
async function uploadPhoto(link: string, requirement: string): Promise<{ started: number; completed?: number; body: Record<string, unknown> }> {
  const started = await postJson(`${link}/uploads`, { requirement, filename: 'baru.jpg', contentType: 'image/jpeg', size: TINY_JPEG.length });
  const ticket = (await started.json()) as { url: string; key: string; uploadId: string };
  if (started.status !== 200) return { started: started.status, body: ticket as unknown as Record<string, unknown> };
  const put = await fetch(ticket.url, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: new Uint8Array(TINY_JPEG) });
  expect(put.status).toBe(200);
  const completed = await postJson(`${link}/uploads/${ticket.uploadId}/complete`, { requirement, key: ticket.key, filename: 'baru.jpg' });
  return { started: started.status, completed: completed.status, body: (await completed.json()) as Record<string, unknown> };
}

interface DetailBody {
  documents: Array<{ requirement: string; name: string; addedAfterSubmission?: boolean }>;
  history: Array<{ action: string; actor: string; detail: string }>;
}

async function detail(queueNumber: string): Promise<DetailBody> {
  const body = (await officers.api.get(queueNumber, officer)).body as DetailBody;
  // Links are signed anew on every view: what is listed is the file, not its link.
  return { ...body, documents: body.documents.map(({ url: _link, ...document }: DetailBody['documents'][number] & { url?: string }) => document) };
}

it('refuses every change through the original link once the registration is confirmed (the swapped document)', async () => {
  const { queueNumber, link } = await registered();
  expect((await officers.api.act(queueNumber, 'confirm', { date: workingDay(3), time: '09:00' }, officer)).status).toBe(200);
  const checked = (await detail(queueNumber)).documents;

  const cleared = await fetch(`${link}/requirements/kk`, { method: 'DELETE' });
  const uploaded = await uploadPhoto(link, 'kk');
  const page = await fetch(link);
  const pageText = await page.text();
  const held = cleared.status === 409 && uploaded.started === 409 && page.status === 409;
  tally.check('admin security', 'original upload link after confirmation: delete, upload and page refused (409)', held);
  expect(cleared.status).toBe(409);
  expect(await cleared.json()).toEqual({ error: 'submitted', message: expect.stringContaining('sudah menjadi bagian dari pendaftaran') });
  expect(uploaded.started).toBe(409);
  expect(page.status).toBe(409);
  expect(pageText).toContain('Berkas sudah diserahkan');

  const after = await detail(queueNumber);
  tally.check('admin security', 'documents an officer checked unchanged after the attempts', JSON.stringify(after.documents) === JSON.stringify(checked));
  expect(after.documents).toEqual(checked);
  expect(after.history.map((entry) => entry.action)).not.toContain('document-added');
});

it('lets only a fix-request link issued afterwards change only the requirements it names, audited and marked', async () => {
  const { waId, queueNumber, link } = await registered();
  const before = server.fakeGraph.sentTo(waId).length;
  expect((await officers.api.act(queueNumber, 'request-fix', { note: 'KK buram', requirements: ['kk'] }, officer)).status).toBe(200);
  const fixText = textOf((await server.waitForSent(waId, before + 1))[before]);
  const fixLink = await pageLinkIn(fixText);
  expect(fixLink).not.toBe('');

  // The old link stays closed, even for the requirement the officer asked for.
  expect((await uploadPhoto(link, 'kk')).started).toBe(409);
  expect((await fetch(`${link}/requirements/ktp`, { method: 'DELETE' })).status).toBe(409);
  // The fix link opens its page and takes the named requirement, and nothing else.
  expect((await fetch(fixLink)).status).toBe(200);
  expect((await uploadPhoto(fixLink, 'ktp')).started).toBe(422);
  const fixed = await uploadPhoto(fixLink, 'kk');
  expect([fixed.started, fixed.completed]).toEqual([200, 200]);

  const view = await detail(queueNumber);
  const added = view.history.filter((entry) => entry.action === 'document-added');
  const held = added.length === 1 && view.documents.some((document) => document.requirement === 'kk' && document.addedAfterSubmission === true);
  tally.check('admin security', 'document changed after submission: in the audit trail and marked for officers', held);
  expect(added).toEqual([expect.objectContaining({ actor: 'pemohon', detail: 'KK: baru.jpg' })]);
  expect(view.documents.filter((document) => document.addedAfterSubmission)).toEqual([expect.objectContaining({ requirement: 'kk', name: 'baru.jpg' })]);

  // The officer's next decision closes the fix link too.
  await say(server, waId, 'SELESAI');
  expect((await officers.api.act(queueNumber, 'confirm', { date: workingDay(3), time: '10:00' }, officer)).status).toBe(200);
  expect((await fetch(`${fixLink}/requirements/kk`, { method: 'DELETE' })).status).toBe(409);
});
