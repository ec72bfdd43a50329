/**
 * Issue 16, problem 4: the upload link is short (`<upload root>/u/<12 characters>`), alone on its line
 * without brackets, says until when it works, opens with a trailing `>` or `.` tapped along, and unknown
 * codes cannot be tried in bulk.
 */
import { newWaId, say, uploadLinkIn } from '../support/journey';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.cleanUp());

async function linkMessage(): Promise<string> {
  const waId = newWaId();
  await say(server, waId, 'halo', 2);
  const [requirements = ''] = await say(server, waId, '1');
  return requirements;
}

describe('the short upload link', () => {
  it('is a short code alone on its line, no brackets, followed by the day it ends', async () => {
    const message = await linkMessage();
    const link = uploadLinkIn(message);
    expect(link).toMatch(new RegExp(`^${server.url}/upload/u/[A-Za-z0-9]{12}$`));
    expect(message).not.toMatch(/[<>]/);
    const lines = message.split('\n');
    expect(lines[lines.indexOf(link) + 1]).toMatch(/^Link berlaku sampai (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ \d{4}\.$/);
  });

  it.each(['', '>', '.', '%3E', '>.'])('opens the upload page with %j tapped along', async (tail) => {
    const link = uploadLinkIn(await linkMessage());
    const redirect = await fetch(`${link}${tail}`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toMatch(/^\/upload\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const page = await fetch(`${link}${tail}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Unggah Berkas');
  });

  it('answers an unknown code with the not-found page, and after ten in a minute refuses every lookup from that address', async () => {
    const link = uploadLinkIn(await linkMessage());
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const guess = await fetch(`${server.url}/upload/u/Guess${String(attempt).padStart(7, '0')}`, { redirect: 'manual' });
      expect(guess.status).toBe(404);
      expect(await guess.text()).toContain('Halaman tidak ditemukan');
    }
    const blocked = await fetch(link, { redirect: 'manual' });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('60');
    expect(await blocked.text()).toContain('Terlalu banyak percobaan');
  });
});
