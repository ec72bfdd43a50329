/**
 * Issue 16, problem 3: STATUS says in plain Indonesian where each registration stands and what to do
 * next, for every status an applicant meets; the menu names STATUS and BATAL (text and list).
 */
import type { Officer, RegistrationAction } from '../../lambdas/admin/officer-api';
import { messages } from '../../lambdas/domain/texts';
import { registerApplicant, say } from '../support/journey';
import { newPerson } from '../support/registration-lines';
import { officerApi, workingDay } from '../support/officer-api';
import { startTestServer, type TestServer } from '../support/test-server';

const officer: Officer = { username: 'petugas1', role: 'petugas' };
const RAW_CODES = /\b(PENDING|PERLU_PERBAIKAN|DIKONFIRMASI|PERUBAHAN_DIMINTA|DIBATALKAN|TIDAK_HADIR)\b/;
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

async function decide(waId: string, queueNumber: string, action: RegistrationAction, body: Record<string, unknown>): Promise<void> {
  const before = server.fakeGraph.sentTo(waId).length;
  expect((await officers.api.act(queueNumber, action, body, officer)).status).toBe(200);
  await server.waitForSent(waId, before + 1);
}

describe('STATUS in plain words', () => {
  it('explains each status with its next step and never shows a raw code', async () => {
    const { waId, queueNumber } = await registerApplicant(server, { person: newPerson({ name: 'Dewi Lestari' }) });
    const [pending = ''] = await say(server, waId, 'STATUS');
    expect(pending).toContain(`📄 ${queueNumber} — Dewi Lestari`);
    expect(pending).toContain('Status: Menunggu pemeriksaan berkas oleh petugas');
    expect(pending).toContain('👉 Langkah berikutnya: Tidak perlu melakukan apa-apa.');
    expect(pending).not.toMatch(RAW_CODES);

    await decide(waId, queueNumber, 'request-fix', { note: 'KTP buram, foto ulang', requirements: ['ktp'] });
    const [fix = ''] = await say(server, waId, 'status');
    expect(fix).toContain('Status: Berkas perlu diperbaiki');
    expect(fix).toContain('Catatan petugas: KTP buram, foto ulang');
    expect(fix).toContain('👉 Langkah berikutnya: Unggah ulang berkas yang diminta');
    expect(fix).not.toMatch(RAW_CODES);

    await decide(waId, queueNumber, 'cancel', { reason: 'Berkas tidak sesuai' });
    const [cancelled = ''] = await say(server, waId, 'STATUS');
    expect(cancelled).toContain('Status: Pendaftaran dibatalkan');
    expect(cancelled).toContain('Catatan petugas: Berkas tidak sesuai');
    expect(cancelled).toContain('👉 Langkah berikutnya: Untuk mendaftar lagi, ketik MENU.');
    expect(cancelled).not.toMatch(RAW_CODES);
  });

  it('tells a confirmed applicant to come, and how to ask for another date', async () => {
    const date = workingDay(2);
    const { waId, queueNumber } = await registerApplicant(server, { person: newPerson({ name: 'Yusuf Maulana' }) });
    await decide(waId, queueNumber, 'confirm', { date, time: '09:00' });
    const [confirmed = ''] = await say(server, waId, 'STATUS');
    expect(confirmed).toContain(`Status: ${messages.selfService.statusMeaning.DIKONFIRMASI.meaning}`);
    expect(confirmed).toContain('ketik 6');
    expect(confirmed).not.toMatch(RAW_CODES);
  });

  it('names STATUS and BATAL in the menu text and list, and answers a tap on them', async () => {
    const { waId } = await registerApplicant(server);
    const before = server.fakeGraph.sentTo(waId).length;
    const [menu = '', list] = await say(server, waId, 'MENU', 2);
    expect(menu).toContain('Ketik STATUS untuk melihat status pendaftaran Anda, atau BATAL untuk membatalkan pendaftaran.');
    const listPayload = server.fakeGraph.sentTo(waId)[before + 1]?.payload as { interactive?: { action?: { sections?: { rows: { id: string }[] }[] } } };
    const rows = listPayload.interactive?.action?.sections?.flatMap((section) => section.rows.map((row) => row.id)) ?? [];
    expect(rows).toEqual(expect.arrayContaining(['menu:status', 'menu:batal']));
    expect(list).toBeDefined();

    const beforeTap = server.fakeGraph.sentTo(waId).length;
    await server.sendMessage(waId, { choice: { id: 'menu:status', title: 'Status pendaftaran' } });
    const [status] = (await server.waitForSent(waId, beforeTap + 1)).slice(beforeTap);
    expect(JSON.stringify(status?.payload)).toContain('Status pendaftaran Anda:');
  });
});
