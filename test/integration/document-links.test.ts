/**
 * Admin security (README "Reliability"): officers see applicants' documents only through presigned links that expire
 * (DOCUMENT_LINK_SECONDS), and an expired link is refused by the storage, not just by the page.
 */
import { DOCUMENT_LINK_SECONDS } from '../../lambdas/admin/registrations-api';
import { adminSession } from '../support/admin-client';
import { registerApplicant } from '../support/journey';
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

it('gives officers document links that still live at least five minutes (ten at most), and the storage refuses a link once it has expired', async () => {
  const { queueNumber } = await registerApplicant(server);
  const admin = await adminSession(server);
  const detail = await admin.request('GET', `/api/registrations/${queueNumber}`);
  expect(detail.status).toBe(200);
  const documents = (detail.body as { documents: { url: string; name: string }[] }).documents;
  expect(documents.length).toBeGreaterThan(0);

  const lifetimes = documents.map((document) => Number(new URL(document.url).searchParams.get('X-Amz-Expires')));
  // Signed at the start of its five minutes (so pages made in them share it) for ten: five at least remain.
  const remaining = documents.map((document) => {
    const signed = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(new URL(document.url).searchParams.get('X-Amz-Date') ?? '');
    const signedAt = signed
      ? Date.UTC(Number(signed[1]), Number(signed[2]) - 1, Number(signed[3]), Number(signed[4]), Number(signed[5]), Number(signed[6]))
      : NaN;
    return (signedAt + Number(new URL(document.url).searchParams.get('X-Amz-Expires')) * 1000 - Date.now()) / 1000;
  });
  const live = await Promise.all(documents.map(async (document) => (await fetch(document.url)).status));

  // The same object, linked the same way for one second: after it, the storage answers 403.
  const key = decodeURIComponent(new URL(documents[0]?.url ?? '').pathname.split('/').slice(3).join('/'));
  const shortLived = await server.blobs.presignedGetUrl(key, 1);
  const before = (await fetch(shortLived)).status;
  await new Promise((resolve) => setTimeout(resolve, 2_100));
  const after = (await fetch(shortLived)).status;

  const held =
    lifetimes.every((seconds) => seconds === 2 * DOCUMENT_LINK_SECONDS) &&
    remaining.every((seconds) => seconds >= DOCUMENT_LINK_SECONDS - 5) &&
    live.every((status) => status === 200) &&
    before === 200 &&
    after === 403;
  tally.check('admin security', `document links expire (${DOCUMENT_LINK_SECONDS}–${2 * DOCUMENT_LINK_SECONDS} s); an expired one is refused (403)`, held);
  expect(Math.min(...remaining)).toBeGreaterThanOrEqual(DOCUMENT_LINK_SECONDS - 5);
  expect({ lifetimes: [...new Set(lifetimes)], live: [...new Set(live)], before, after }).toEqual({
    lifetimes: [2 * DOCUMENT_LINK_SECONDS],
    live: [200],
    before: 200,
    after: 403,
  });
});
