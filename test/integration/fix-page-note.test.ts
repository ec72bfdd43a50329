/**
 * Issue 16, problem 5: the page a request for fixes links to repeats the officer's note, so the applicant
 * reads what to redo where they redo it.
 */
import type { Officer } from '../../lambdas/admin/officer-api';
import { registerApplicant, uploadLinkIn } from '../support/journey';
import { officerApi } from '../support/officer-api';
import { startTestServer, textOf, type TestServer } from '../support/test-server';

const officer: Officer = { username: 'petugas1', role: 'petugas' };
let server: TestServer;
let officers: ReturnType<typeof officerApi>;

beforeAll(async () => {
  server = await startTestServer();
  officers = officerApi(server);
});
afterAll(async () => {
  officers.close();
  await server.cleanUp();
});

it("shows the officer's note on the fix-request page, escaped", async () => {
  const { waId, queueNumber } = await registerApplicant(server);
  const before = server.fakeGraph.sentTo(waId).length;
  const note = 'KTP buram <b>foto ulang</b> di tempat terang';
  expect((await officers.api.act(queueNumber, 'request-fix', { note, requirements: ['ktp'] }, officer)).status).toBe(200);
  const fixText = textOf((await server.waitForSent(waId, before + 1))[before]);
  const page = await fetch(uploadLinkIn(fixText));
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('<p class="officer-note"><strong>Catatan petugas:</strong> KTP buram &lt;b&gt;foto ulang&lt;/b&gt; di tempat terang</p>');
  expect(html).toContain('Petugas meminta anda mengunggah ulang berkas');
});
