/**
 * Fuzz through the real local server: 200 generated messages (long strings, emoji, right-to-left text,
 * control characters, DAFTAR and Ubah jadwal lines), signed as Meta sends them, from 50 applicants at
 * once. Each is answered at the Graph API, and the server keeps working. The 10,000-case runs are in
 * test/unit/fuzz.test.ts.
 */
import fc from 'fast-check';
import { hostileText } from '../support/hostile-text';
import { newWaId } from '../support/journey';
import { tallyFor } from '../support/tally';
import { startTestServer, textOf, type TestServer } from '../support/test-server';

const tally = tallyFor(__filename);
jest.setTimeout(120_000);
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.cleanUp());

it('answers each of 200 generated messages from 50 applicants, with nothing left failing', async () => {
  const line = fc
    .oneof(
      hostileText({ maxLength: 4_000 }),
      fc.tuple(fc.constantFrom('DAFTAR/', 'Ubah jadwal: '), hostileText({ maxLength: 200 })).map(([prefix, rest]) => prefix + rest),
    )
    .filter((text) => text.trim().length > 0);
  const rounds = fc.sample(fc.array(line, { minLength: 50, maxLength: 50 }), { numRuns: 4, seed: 20_260_512 });
  const applicants = Array.from({ length: 50 }, () => newWaId());
  for (const round of rounds) {
    const before = applicants.map((waId) => server.fakeGraph.sentTo(waId).length);
    const statuses = await Promise.all(applicants.map(async (waId, index) => (await server.sendMessage(waId, { text: round[index] ?? '' })).status));
    await server.queue.drained();
    applicants.forEach((waId, index) => {
      const replies = server.fakeGraph.sentTo(waId).slice(before[index]);
      const held = statuses[index] === 200 && replies.length > 0 && replies.every((reply) => textOf(reply).length > 0 || reply.type !== 'text');
      tally.check('fuzz', 'generated messages through the local server answered', held);
      expect([waId, statuses[index], replies.length > 0]).toEqual([waId, 200, true]);
    });
  }
  expect(server.queue.deadLetters()).toEqual([]);
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
});
