/**
 * The service catalogue is the one place a service is defined: a sixth service given once (here as the
 * office's `OFFICE_SERVICES`, the five defaults plus one) appears in the menu text and its interactive list,
 * in the stage 2 requirement list, on the upload page, on the admin API and review page, and in the PDF
 * proof, all through the real local server (signed webhooks, HTTP pages, the real worker and bucket).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SERVICES, REQUIREMENTS, type Service } from '../../lambdas/domain/services';
import { adminSession, type AdminClient } from '../support/admin-client';
import { newWaId, pageLinkIn, queueNumberIn, say, uploadDocuments } from '../support/journey';
import { workingDay } from '../support/officer-api';
import { newPerson, registrationLine } from '../support/registration-lines';
import { startTestServer, type TestServer } from '../support/test-server';
import { ADVANCE_BUTTONS, proofMessage } from '../support/proof-message';

/** The sixth service: number 7, since 6 is the reschedule's. */
const SIXTH: Service = {
  id: 7,
  menuName: 'BAP Paspur Rusak Karena Bencana',
  name: 'BAP Paspor Rusak Karena Bencana',
  listTitle: 'Rusak karena bencana',
  requirements: ['ktp', 'kk', 'paspor-rusak'],
};

let server: TestServer;
let officer: AdminClient;

beforeAll(async () => {
  server = await startTestServer({ OFFICE_SERVICES: JSON.stringify([...DEFAULT_SERVICES, SIXTH]) });
  officer = await adminSession(server);
});
afterAll(async () => {
  await server.cleanUp();
});

async function pdfText(link: string): Promise<string> {
  const response = await fetch(link);
  expect(response.status).toBe(200);
  const file = join(mkdtempSync(join(tmpdir(), 'proof-')), 'proof.pdf');
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

it('shows the sixth service in the menu, its requirements, the upload page, the admin API and page, and the PDF proof', async () => {
  const waId = newWaId();
  const [menu] = await say(server, waId, 'MENU', 2);
  expect(menu).toContain('5. BAP Paspur Rusak dan Perubahan Data\n6. Perubahan Jadwal BAP Paspur\n7. BAP Paspur Rusak Karena Bencana');
  const list = server.fakeGraph.sentTo(waId).at(-1)?.payload as {
    interactive: { action: { sections: { rows: { id: string; title: string; description?: string }[] }[] } };
  };
  expect(list.interactive.action.sections[0]?.rows).toContainEqual({
    id: 'menu:7',
    title: 'Rusak karena bencana',
    description: 'BAP Paspur Rusak Karena Bencana',
  });

  const [help] = await say(server, waId, 'BANTUAN');
  expect(help).toContain('angka layanan yang Anda butuhkan (1–5, 7).');
  await say(server, waId, 'MENU', 2);

  const [requirements] = await say(server, waId, '7');
  expect(requirements).toContain('Anda memilih Layanan 7 BAP Paspor Rusak Karena Bencana, Silahkan Isi Identitas anda');
  expect(requirements).toContain('\n- KTP\n- KK\n- PASPOR YANG RUSAK\n');

  const page = await (await fetch(await pageLinkIn(requirements ?? ''))).text();
  expect(page).toContain('BAP Paspor Rusak Karena Bencana');
  for (const id of SIXTH.requirements) expect(page).toContain(`data-requirement="${id}"`);
  expect(page).not.toContain('data-requirement="akta"');

  await uploadDocuments(server, requirements ?? '', SIXTH.requirements);
  await say(server, waId, 'SELESAI');
  const person = newPerson();
  const queueNumber = queueNumberIn((await say(server, waId, registrationLine(person)))[0] ?? '');

  const detail = await officer.request('GET', `/api/registrations/${queueNumber}`);
  expect(detail.status).toBe(200);
  expect(detail.body).toMatchObject({
    service: { id: 7, name: 'BAP Paspor Rusak Karena Bencana' },
    requirements: SIXTH.requirements.map((id) => ({ id, name: REQUIREMENTS[id].shortName })),
  });
  const review = await officer.request('GET', `/registrations/${queueNumber}`);
  expect(review.status).toBe(200);
  expect(String(review.body)).toContain('BAP Paspor Rusak Karena Bencana');

  const sentBefore = server.fakeGraph.sentTo(waId).length;
  const confirmed = await officer.request('POST', `/api/registrations/${queueNumber}/confirm`, { body: { date: workingDay(3), time: '09:00' } });
  expect(confirmed.status).toBe(200);
  const proof = proofMessage((await server.waitForSent(waId, sentBefore + 1))[sentBefore]);
  expect(proof.buttons).toEqual(ADVANCE_BUTTONS);
  const text = await pdfText(proof.link);
  expect(text).toContain(queueNumber);
  expect(text).toContain('BAP Paspor Rusak Karena Bencana');
});
