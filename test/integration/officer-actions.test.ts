/**
 * Officers' decisions through the registrations API against the real local server's table, bucket and
 * queue, and what the applicant then receives on WhatsApp (stage 5 text + PDF, fixes, cancellation).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Officer } from '../../lambdas/admin/officer-api';
import { loadOfficeProfile } from '../../lambdas/config';
import { formatDayDate } from '../../lambdas/domain/calendar';
import { messages } from '../../lambdas/domain/texts';
import { newPerson, registrationLine } from '../support/registration-lines';
import { queueNumberIn, registerApplicant, say, uploadDocuments, webHintIn } from '../support/journey';
import { nextSaturday, officerApi, workingDay } from '../support/officer-api';
import { startTestServer, textOf, type TestServer } from '../support/test-server';
import { ADVANCE_BUTTONS, proofMessage } from '../support/proof-message';

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

async function lastMessageTo(waId: string, count: number) {
  const sent = await server.waitForSent(waId, count);
  return sent[count - 1];
}

async function pdfText(link: string): Promise<string> {
  const response = await fetch(link);
  expect(response.status).toBe(200);
  const dir = mkdtempSync(join(tmpdir(), 'proof-'));
  const file = join(dir, 'proof.pdf');
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('confirm', () => {
  it('confirms a date and sends the stage 5 text under the PDF proof, with the button to ask for an earlier date', async () => {
    const { waId, queueNumber, person } = await registerApplicant(server);
    const date = workingDay(3);
    const sentBefore = server.fakeGraph.sentTo(waId).length;
    const result = await officers.api.act(queueNumber, 'confirm', { date, time: '09:00', note: 'Bawa paspor lama' }, officer);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ queueNumber, status: 'DIKONFIRMASI', appointmentDate: date, appointmentTime: '09:00' });

    const proof = proofMessage(await lastMessageTo(waId, sentBefore + 1));
    // Still one message: the PDF, the text and the button together.
    await server.queue.drained();
    expect(server.fakeGraph.sentTo(waId)).toHaveLength(sentBefore + 1);
    expect(proof.shape).toBe('document-with-buttons');
    expect(proof.buttons).toEqual(ADVANCE_BUTTONS);
    expect(proof.filename).toBe(`bukti-antrian-${queueNumber}.pdf`);
    expect(proof.text).toBe(messages.scheduleConfirmed({ queueNumber, name: person.name, nik: '', date, time: '09:00', note: 'Bawa paspor lama' }));
    const text = await pdfText(proof.link);
    expect(text).toContain(queueNumber);
    expect(text).toContain(person.name);
    expect(text).toContain(formatDayDate(date));
    expect(text).toContain('09.00 WIB');
  });

  it('answers 409 to a second confirm, 404 to an unknown number and 400 to a malformed body', async () => {
    const { queueNumber } = await registerApplicant(server);
    expect((await officers.api.act(queueNumber, 'confirm', { date: workingDay(2), time: '10:00' }, officer)).status).toBe(200);
    expect(await officers.api.act(queueNumber, 'confirm', { date: workingDay(2), time: '10:00' }, officer)).toMatchObject({ status: 409 });
    expect(await officers.api.act('KRC-99999', 'confirm', { date: workingDay(2), time: '10:00' }, officer)).toMatchObject({ status: 404 });
    expect(await officers.api.act(queueNumber, 'confirm', { date: '2026-13-45', time: 'pagi' }, officer)).toMatchObject({ status: 400 });
  });

  it.each([
    ['a Saturday', () => ({ date: nextSaturday(), time: '09:00' }), 'date-closed'],
    ['today', () => ({ date: new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10), time: '09:00' }), 'date-past'],
    ['16:15', () => ({ date: workingDay(2), time: '16:15' }), 'time'],
    ['07:45', () => ({ date: workingDay(2), time: '07:45' }), 'time'],
    ['09:10 (not a 15-minute step)', () => ({ date: workingDay(2), time: '09:10' }), 'time'],
    ['a note of 201 characters', () => ({ date: workingDay(2), time: '09:00', note: 'x'.repeat(201) }), 'note'],
    ['a note of two lines', () => ({ date: workingDay(2), time: '09:00', note: 'satu\ndua' }), 'note'],
  ])('refuses %s with 422 and an Indonesian explanation', async (_case, body, error) => {
    const { queueNumber } = await registerApplicant(server);
    const result = await officers.api.act(queueNumber, 'confirm', body(), officer);
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ error, message: expect.any(String) });
  });

  it('refuses a national holiday from the configured list', async () => {
    const { queueNumber } = await registerApplicant(server);
    const result = await officers.api.act(queueNumber, 'confirm', { date: '2026-12-25', time: '09:00' }, officer);
    expect(result).toMatchObject({ status: 422, body: { error: 'date-closed' } });
    expect((result.body as { message: string }).message).toContain('Kelahiran Yesus Kristus');
  });

  it('gives the last place of a day to one of two officers confirming at once, and tells the other it is full', async () => {
    const date = workingDay(5);
    expect((await officers.api.putDay(date, { capacity: 1 }, { username: 'admin', role: 'admin' })).status).toBe(200);
    const [first, second] = await Promise.all([registerApplicant(server), registerApplicant(server)]);
    const results = await Promise.all([
      officers.api.act(first.queueNumber, 'confirm', { date, time: '09:00' }, officer),
      officers.api.act(second.queueNumber, 'confirm', { date, time: '09:15' }, officer),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 422]);
    expect(results.find((result) => result.status === 422)?.body).toMatchObject({ error: 'day-full' });
    expect(await officers.api.getDay(date)).toMatchObject({ status: 200, body: { capacity: 1, booked: 1 } });
  });
});

describe('request-fix', () => {
  it('asks for the ticked documents with a fresh link for just those, and goes back to PENDING when they are in', async () => {
    const { waId, queueNumber } = await registerApplicant(server);
    const before = server.fakeGraph.sentTo(waId).length;
    const result = await officers.api.act(queueNumber, 'request-fix', { note: 'KTP buram, foto ulang', requirements: ['ktp'] }, officer);
    expect(result).toMatchObject({ status: 200, body: { status: 'PERLU_PERBAIKAN' } });
    const fixText = textOf(await lastMessageTo(waId, before + 1));
    expect(fixText).toContain('BERKAS PERLU DIPERBAIKI');
    expect(fixText).toContain('- KTP');
    expect(fixText).toContain('📌 Note: KTP buram, foto ulang');
    expect(fixText).not.toContain('- KK');

    const [incomplete] = await say(server, waId, 'SELESAI');
    expect(incomplete).toBe(messages.documents.incomplete(['KTP'], await webHintIn(server, fixText)));
    await uploadDocuments(server, fixText);
    expect(await say(server, waId, 'SELESAI')).toEqual([messages.notifications.fixReceived(queueNumber)]);
    const detail = await officers.api.get(queueNumber, officer);
    expect(detail.body).toMatchObject({ status: 'PENDING' });
    expect((detail.body as { history: { action: string }[] }).history.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['registered', 'fix-requested', 'documents-fixed', 'documents-viewed']),
    );
  });

  it('refuses a requirement the service does not have', async () => {
    const { queueNumber } = await registerApplicant(server, { serviceId: 1 });
    expect(await officers.api.act(queueNumber, 'request-fix', { note: 'x', requirements: ['paspor-lama'] }, officer)).toMatchObject({ status: 422 });
  });
});

describe('cancel and complete', () => {
  it('tells the applicant why, frees the day and lets the NIK register again', async () => {
    const { waId, queueNumber, person } = await registerApplicant(server);
    const date = workingDay(4);
    await officers.api.act(queueNumber, 'confirm', { date, time: '11:00' }, officer);
    const bookedBefore = ((await officers.api.getDay(date)).body as { booked: number }).booked;
    const before = server.fakeGraph.sentTo(waId).length + 1;
    await server.waitForSent(waId, before);
    expect(await officers.api.act(queueNumber, 'cancel', { reason: 'Dokumen tidak sesuai' }, officer)).toMatchObject({
      status: 200,
      body: { status: 'DIBATALKAN' },
    });
    expect(textOf(await lastMessageTo(waId, before + 1))).toBe(messages.notifications.cancelled(queueNumber, person.name, 'Dokumen tidak sesuai'));
    expect(((await officers.api.getDay(date)).body as { booked: number }).booked).toBe(bookedBefore - 1);

    await say(server, waId, 'MENU', 2);
    const [requirements] = await say(server, waId, '1');
    await uploadDocuments(server, requirements ?? '');
    await say(server, waId, 'SELESAI');
    const [again] = await say(server, waId, registrationLine(person));
    expect(queueNumberIn(again ?? '')).not.toBe(queueNumber);
  });

  it('does not mark attendance before the appointment day', async () => {
    const { queueNumber } = await registerApplicant(server);
    await officers.api.act(queueNumber, 'confirm', { date: workingDay(2), time: '08:00' }, officer);
    expect(await officers.api.act(queueNumber, 'complete', { attended: true }, officer)).toMatchObject({ status: 422 });
    expect(await officers.api.act(queueNumber, 'reschedule', { date: workingDay(1), time: '08:00' }, officer)).toMatchObject({ status: 200 });
  });
});

describe('reschedule by the office', () => {
  it("moves the date, keeps the applicant's own chance, and sends the stage 7 text with a new PDF showing both dates", async () => {
    const { waId, queueNumber, person } = await registerApplicant(server, { person: newPerson({ name: 'Dewi Lestari' }) });
    const oldDate = workingDay(2);
    const newDate = workingDay(6);
    await officers.api.act(queueNumber, 'confirm', { date: oldDate, time: '09:00' }, officer);
    const before = server.fakeGraph.sentTo(waId).length + 1;
    await server.waitForSent(waId, before);
    const result = await officers.api.act(queueNumber, 'reschedule', { date: newDate, time: '10:00', note: 'Kantor tutup' }, officer);
    expect(result).toMatchObject({ status: 200, body: { status: 'DIKONFIRMASI', appointmentDate: newDate, rescheduled: false } });
    const proof = proofMessage(await lastMessageTo(waId, before + 1));
    expect(proof).toMatchObject({ shape: 'document-with-buttons', buttons: ADVANCE_BUTTONS });
    expect(proof.text).toBe(
      messages.scheduleChanged({ queueNumber, name: person.name, nik: '', date: newDate, time: '10:00', note: 'Kantor tutup', oldDate }, loadOfficeProfile({})),
    );
    const text = await pdfText(proof.link);
    expect(text).toContain(formatDayDate(oldDate));
    expect(text).toContain(formatDayDate(newDate));
  });
});

describe('lists and proofs', () => {
  it("lists by status, by day and by search, and verifies a proof's QR content", async () => {
    const { queueNumber, person } = await registerApplicant(server, { person: newPerson({ name: 'Zainal Arifin' }) });
    const pending = (await officers.api.list({ status: 'PENDING' })).body as { queueNumber: string }[];
    expect(pending.map((registration) => registration.queueNumber)).toContain(queueNumber);
    expect(((await officers.api.list({ q: 'zainal' })).body as { queueNumber: string }[]).map((r) => r.queueNumber)).toEqual([queueNumber]);
    expect(((await officers.api.list({ q: queueNumber })).body as { name: string }[])[0]?.name).toBe(person.name);
    const date = workingDay(7);
    await officers.api.act(queueNumber, 'confirm', { date, time: '13:30' }, officer);
    expect(((await officers.api.list({ date })).body as { queueNumber: string }[]).map((r) => r.queueNumber)).toContain(queueNumber);

    const { signProofCode } = await import('../../lambdas/domain/proof-code');
    const { proofKeysFrom } = await import('../../lambdas/adapters/proof-keys');
    const code = signProofCode({ queueNumber, appointmentDate: date }, proofKeysFrom(server.secrets).signing);
    expect(await officers.api.verifyProof({ content: code })).toMatchObject({ status: 200, body: { valid: true, current: true, queueNumber } });
    const forged = code.replace(
      queueNumber,
      queueNumber.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10)),
    );
    expect(await officers.api.verifyProof({ content: forged })).toMatchObject({ status: 200, body: { valid: false } });
  });
});

describe('delivery state', () => {
  it('shows officers whether the confirmation was sent, delivered and read, keeping the highest state whatever the order', async () => {
    const { waId, queueNumber } = await registerApplicant(server);
    const before = server.fakeGraph.sentTo(waId).length;
    await officers.api.act(queueNumber, 'confirm', { date: workingDay(3), time: '09:00' }, officer);
    const [confirmation] = (await server.waitForSent(waId, before + 1)).slice(before);
    await waitForDelivery(queueNumber, 'accepted');
    const { statusEnvelope } = await import('../../local/meta-envelope');
    for (const status of ['read', 'sent', 'delivered', 'read']) {
      const body = statusEnvelope(server.config.WHATSAPP_PHONE_NUMBER_ID, waId, confirmation!.id, status);
      const { payload, signature } = (await import('../../local/meta-envelope')).signedRequest(body, server.secrets.WHATSAPP_APP_SECRET);
      expect((await server.postWebhook(payload, signature)).status).toBe(200);
    }
    await server.queue.drained();
    const detail = (await officers.api.get(queueNumber, officer)).body as { deliveries: { kind: string; what: string; status: string }[] };
    expect(detail.deliveries).toEqual([expect.objectContaining({ kind: 'confirmed', what: 'Konfirmasi jadwal + PDF', status: 'read' })]);
  });

  it('lists a message Meta refused for good as failed, with its code', async () => {
    const { waId, queueNumber } = await registerApplicant(server);
    server.fakeGraph.scriptFailures((request) =>
      request.kind === 'message' && request.to === waId ? { httpStatus: 400, code: 131026, message: 'Message undeliverable' } : undefined,
    );
    try {
      await officers.api.act(queueNumber, 'cancel', { reason: 'Tes' }, officer);
      await server.queue.drained();
    } finally {
      server.fakeGraph.scriptFailures(undefined);
    }
    const detail = (await officers.api.get(queueNumber, officer)).body as { deliveries: { status: string; error?: string }[] };
    expect(detail.deliveries).toEqual([expect.objectContaining({ status: 'failed', error: expect.stringContaining('131026') })]);
  });
});

async function waitForDelivery(queueNumber: string, status: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const detail = (await officers.api.get(queueNumber, officer)).body as { deliveries: { status: string }[] };
    if (detail.deliveries.some((delivery) => delivery.status === status)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no delivery ${status} for ${queueNumber}`);
}
