/**
 * The office's real days (issue 21) through signed webhooks, the officers' API and the local reminder
 * job on the real local server: the day-before reminder asks for an answer inside the 24-hour window.
 */
import type { Officer } from '../../lambdas/admin/officer-api';
import { loadOfficeProfile } from '../../lambdas/config';
import { addDays, formatDayDate } from '../../lambdas/domain/calendar';
import { messages } from '../../lambdas/domain/texts';
import { registerApplicant } from '../support/applicant';
import { officerApi, workingDay } from '../support/officer-api';
import { ADVANCE_BUTTONS, isProofMessage, proofMessage } from '../support/proof-message';
import { newPerson } from '../support/registration-lines';
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

async function confirmedApplicant(date: string, name: string) {
  const applicant = await registerApplicant(server, { person: newPerson({ name }) });
  const before = server.fakeGraph.sentTo(applicant.waId).length;
  expect((await officers.api.act(applicant.queueNumber, 'confirm', { date, time: '09:00' }, officer)).status).toBe(200);
  await server.waitForSent(applicant.waId, before + 1);
  return applicant;
}

async function runReminderJob(appointmentDate: string): Promise<void> {
  const response = await fetch(`${server.url}/_local/jobs/reminders?date=${addDays(appointmentDate, -1)}`, { method: 'POST' });
  expect(response.status).toBe(200);
  await server.queue.drained();
}

/** What the applicant is sent after doing `act`: the texts (interactive bodies too), in order. */
async function answersTo(waId: string, act: () => Promise<unknown>, count = 1): Promise<string[]> {
  const before = server.fakeGraph.sentTo(waId).length;
  await act();
  return (await server.waitForSent(waId, before + count)).slice(before).map(textOf);
}

const tap = (waId: string, id: string, title: string) => server.sendMessage(waId, { choice: { id, title }, list: false });

interface InteractiveButtons {
  interactive: { type: string; body: { text: string }; action: { buttons: { reply: { id: string; title: string } }[] } };
}

describe('the reminder asks (inside the 24-hour window)', () => {
  it('carries the buttons Datang, Ubah jadwal, Batal; Datang is kept for officers, typed or tapped', async () => {
    const date = workingDay(3);
    const first = await confirmedApplicant(date, 'Sipulan Datang');
    const second = await confirmedApplicant(date, 'Sipulanah Mengetik');
    const before = server.fakeGraph.sentTo(first.waId).length;
    await runReminderJob(date);
    const [reminder] = server.fakeGraph.sentTo(first.waId).slice(before);
    const payload = reminder?.payload as unknown as InteractiveButtons;
    expect(payload.interactive.type).toBe('button');
    const stored = await officers.store.get(first.queueNumber);
    expect(payload.interactive.body.text).toBe(
      messages.reminder({ queueNumber: first.queueNumber, name: stored!.name, nik: stored!.nik, date, time: '09:00' }, loadOfficeProfile({})),
    );
    expect(payload.interactive.action.buttons.map((button) => button.reply)).toEqual([
      { id: `datang:${first.queueNumber}`, title: 'Datang' },
      { id: `ubah:${first.queueNumber}`, title: 'Ubah jadwal' },
      { id: `batal:${first.queueNumber}`, title: 'Batal' },
    ]);

    expect((await officers.api.get(first.queueNumber, officer)).body).toMatchObject({ attendance: null });
    const [thanks] = await answersTo(first.waId, () => tap(first.waId, `datang:${first.queueNumber}`, 'Datang'));
    expect(thanks).toBe(messages.selfService.comingThanks(first.queueNumber));
    await server.queue.drained();
    const detail = (await officers.api.get(first.queueNumber, officer)).body as { attendance: string; history: { action: string; actor: string }[] };
    expect(detail.attendance).toBe('DATANG');
    expect(detail.history.filter((line) => line.action === 'attendance-declared')).toEqual([expect.objectContaining({ actor: 'pemohon' })]);
    // A second tap thanks again and writes no second history line.
    await answersTo(first.waId, () => tap(first.waId, `datang:${first.queueNumber}`, 'Datang'));
    await server.queue.drained();
    const again = (await officers.api.get(first.queueNumber, officer)).body as { history: { action: string }[] };
    expect(again.history.filter((line) => line.action === 'attendance-declared')).toHaveLength(1);

    expect(await answersTo(second.waId, () => server.sendMessage(second.waId, { text: 'datang' }))).toEqual([
      messages.selfService.comingThanks(second.queueNumber),
    ]);
    await server.queue.drained();
    const day = (await officers.api.getDay(date)).body as { registrations: { queueNumber: string; attendance: string | null }[] };
    expect(
      day.registrations
        .filter((registration) => registration.attendance === 'DATANG')
        .map((registration) => registration.queueNumber)
        .sort(),
    ).toEqual([first.queueNumber, second.queueNumber].sort());
  });

  it('Ubah jadwal starts stage 6; Batal asks once, then cancels and frees the place', async () => {
    const date = workingDay(4);
    const { waId, queueNumber } = await confirmedApplicant(date, 'Sipulan Batal');
    const before = server.fakeGraph.sentTo(waId).length;
    await runReminderJob(date);
    const buttons = (server.fakeGraph.sentTo(waId)[before]?.payload as unknown as InteractiveButtons).interactive.action.buttons.map((button) => button.reply);
    const button = (title: string) => buttons.find((candidate) => candidate.title === title)!;
    const [rules] = await answersTo(waId, () => tap(waId, button('Ubah jadwal').id, 'Ubah jadwal'));
    expect(rules?.split('\n')[0]).toBe('Anda memilih Layanan Perubahan Jadwal BAP Paspur, Berikut Ketentuan Perubahan Jadwal!!');
    const booked = ((await officers.api.getDay(date)).body as { booked: number }).booked;
    const [question] = await answersTo(waId, () => tap(waId, button('Batal').id, 'Batal'));
    expect(question).toContain(`Batalkan pendaftaran Nomor Antrian ${queueNumber}`);
    expect((await officers.api.get(queueNumber, officer)).body).toMatchObject({ status: 'DIKONFIRMASI' });
    await answersTo(waId, () => server.sendMessage(waId, { text: 'YA' }));
    await server.queue.drained();
    expect((await officers.api.get(queueNumber, officer)).body).toMatchObject({ status: 'DIBATALKAN' });
    expect((await officers.api.getDay(date)).body).toMatchObject({ booked: booked - 1 });
  });
});

interface InteractiveList {
  interactive: { type: string; body: { text: string }; action: { sections: { rows: { id: string; title: string }[] }[] } };
}
const admin: Officer = { username: 'admin', role: 'admin' };

describe('a day closes', () => {
  it('re-books its three applicants: one message each with dates, no reminder, each choice moves one with a new PDF', async () => {
    const closed = workingDay(5);
    const applicants = [
      await confirmedApplicant(closed, 'Sipulan Satu'),
      await confirmedApplicant(closed, 'Sipulan Dua'),
      await confirmedApplicant(closed, 'Sipulan Tiga'),
    ];
    const before = applicants.map((applicant) => server.fakeGraph.sentTo(applicant.waId).length);
    expect((await officers.api.getDay(closed)).body).toMatchObject({ booked: 3 });

    expect((await officers.api.putDay(closed, { closed: true, reason: 'Banjir di depan kantor' }, admin)).status).toBe(200);
    await server.queue.drained();
    const offers = applicants.map((applicant, index) => server.fakeGraph.sentTo(applicant.waId).slice(before[index]));
    expect(offers.map((sent) => sent.length)).toEqual([1, 1, 1]);
    const lists = offers.map((sent) => (sent[0]?.payload as unknown as InteractiveList).interactive);
    for (const list of lists) {
      expect(list.type).toBe('list');
      expect(list.body.text).toContain('Banjir di depan kantor');
      const rows = list.action.sections[0]!.rows;
      expect(rows).toHaveLength(4);
      expect(rows.at(-1)?.title).toBe('Pilih tanggal lain');
      expect(rows.slice(0, 3).every((row) => !row.id.endsWith(closed))).toBe(true);
    }
    const day = (await officers.api.getDay(closed)).body as { booked: number; closed: boolean; rebooked: { queueNumber: string; rebookingState: string }[] };
    expect(day).toMatchObject({ booked: 0, closed: true });
    expect(day.rebooked.map((moved) => [moved.queueNumber, moved.rebookingState]).sort()).toEqual(
      applicants.map((applicant) => [applicant.queueNumber, 'waiting']).sort(),
    );
    for (const applicant of applicants) expect((await officers.api.get(applicant.queueNumber, officer)).body).toMatchObject({ status: 'PERLU_JADWAL_ULANG' });

    // After 24 hours without an answer the dashboard lists them to phone.
    const dayLater = officerApi(server, () => new Date(Date.now() + 25 * 60 * 60 * 1000));
    const summary = (await dayLater.api.summary()).body as { rebookingToCall: { queueNumber: string }[] };
    dayLater.close();
    expect(summary.rebookingToCall.map((registration) => registration.queueNumber).sort()).toEqual(applicants.map((applicant) => applicant.queueNumber).sort());

    // No reminder for the closed day.
    const beforeReminders = applicants.map((applicant) => server.fakeGraph.sentTo(applicant.waId).length);
    await runReminderJob(closed);
    expect(applicants.map((applicant) => server.fakeGraph.sentTo(applicant.waId).length)).toEqual(beforeReminders);

    // The first two tap the first date offered; the third asks for another date and types it.
    const chosen: string[] = [];
    for (const [index, applicant] of applicants.entries()) {
      const rows = lists[index]!.action.sections[0]!.rows;
      let date = rows[0]!.id.slice(-10);
      if (index < 2) {
        const beforeTap = server.fakeGraph.sentTo(applicant.waId).length;
        await server.sendMessage(applicant.waId, { choice: { id: rows[0]!.id, title: rows[0]!.title } });
        const [moved] = (await server.waitForSent(applicant.waId, beforeTap + 1)).slice(beforeTap);
        const document = proofMessage(moved);
        expect(document.buttons).toEqual(ADVANCE_BUTTONS);
        expect(document.filename).toBe(`bukti-antrian-${applicant.queueNumber}.pdf`);
        expect(document.text).toContain(`📅 Jadwal Lama: ${formatDayDate(closed)}`);
        expect(document.text).toContain(`📅 Jadwal Baru: ${formatDayDate(date)}`);
        const pdf = await fetch(document.link);
        expect(pdf.status).toBe(200);
        expect(
          Buffer.from(await pdf.arrayBuffer())
            .subarray(0, 5)
            .toString(),
        ).toBe('%PDF-');
      } else {
        const other = rows.at(-1)!;
        const [question] = await answersTo(applicant.waId, () => server.sendMessage(applicant.waId, { choice: { id: other.id, title: other.title } }));
        expect(question).toContain('DD-MM-YYYY');
        date = workingDay(6);
        const typed = date.split('-').reverse().join('-');
        // The stage 7 document (with its button) is the one answer.
        const beforeTyped = server.fakeGraph.sentTo(applicant.waId).length;
        await server.sendMessage(applicant.waId, { text: typed });
        await server.queue.drained();
        const answers = server.fakeGraph.sentTo(applicant.waId).slice(beforeTyped);
        expect(answers).toHaveLength(1);
        const document = proofMessage(answers[0]);
        expect(document.text).toContain(`📅 Jadwal Baru: ${formatDayDate(date)}`);
      }
      chosen.push(date);
      await server.queue.drained();
      expect((await officers.api.get(applicant.queueNumber, officer)).body).toMatchObject({
        status: 'DIKONFIRMASI',
        appointmentDate: date,
        appointmentTime: '09:00',
        rescheduled: false,
      });
    }
    for (const date of new Set(chosen)) {
      const onDay = ((await officers.api.getDay(date)).body as { booked: number; registrations: { queueNumber: string }[] }).registrations;
      expect(((await officers.api.getDay(date)).body as { booked: number }).booked).toBe(onDay.length);
    }
    const after = (await officers.api.getDay(closed)).body as { rebooked: { rebookingState: string }[] };
    expect(after.rebooked.map((moved) => moved.rebookingState)).toEqual(['chosen', 'chosen', 'chosen']);
    // Their own reschedule chance is still theirs.
    const [rules] = await answersTo(applicants[0]!.waId, () => server.sendMessage(applicants[0]!.waId, { text: '6' }));
    expect(rules).toContain('Berikut Ketentuan Perubahan Jadwal');

    // Re-opening moves nobody back.
    expect((await officers.api.putDay(closed, { closed: false }, admin)).status).toBe(200);
    expect((await officers.api.getDay(closed)).body).toMatchObject({ booked: 0, closed: false });
    expect((await officers.api.get(applicants[0]!.queueNumber, officer)).body).toMatchObject({ appointmentDate: chosen[0] });
  });
});

describe('waiting for an earlier date', () => {
  it('MAJUKAN joins, STATUS shows it, MAJUKAN BATAL leaves', async () => {
    const { waId, queueNumber } = await confirmedApplicant(workingDay(8), 'Sipulan Tunggu');
    const [joined] = await answersTo(waId, () => server.sendMessage(waId, { text: 'majukan' }));
    expect(joined).toContain(`Nomor Antrian ${queueNumber} masuk daftar tunggu jadwal lebih awal`);
    expect((await officers.api.get(queueNumber, officer)).body).toMatchObject({ waitlisted: true });
    const [status] = await answersTo(waId, () => server.sendMessage(waId, { text: 'STATUS' }));
    expect(status).toContain('Daftar tunggu jadwal lebih awal: ya');
    const [left] = await answersTo(waId, () => server.sendMessage(waId, { text: 'MAJUKAN BATAL' }));
    expect(left).toContain(`Nomor Antrian ${queueNumber} keluar dari daftar tunggu`);
    expect((await officers.api.get(queueNumber, officer)).body).toMatchObject({ waitlisted: false });
    const [after] = await answersTo(waId, () => server.sendMessage(waId, { text: 'STATUS' }));
    expect(after).not.toContain('Daftar tunggu');
  });

  it('offers a freed earlier place to the first waiting; of two takers at once one gets it, the other is told it is gone', async () => {
    const earlier = workingDay(10);
    const later = workingDay(12);
    expect((await officers.api.putDay(earlier, { capacity: 2 }, admin)).status).toBe(200);
    const holders = [await confirmedApplicant(earlier, 'Pemegang Satu'), await confirmedApplicant(earlier, 'Pemegang Dua')];
    const first = await confirmedApplicant(later, 'Penunggu Pertama');
    const second = await confirmedApplicant(later, 'Penunggu Kedua');
    await answersTo(first.waId, () => server.sendMessage(first.waId, { text: 'MAJUKAN' }));
    await answersTo(second.waId, () => server.sendMessage(second.waId, { text: 'MAJUKAN' }));
    await server.queue.drained();
    const laterBooked = ((await officers.api.getDay(later)).body as { booked: number }).booked;

    // A cancellation frees a place: the first one waiting is offered it, the second is not.
    const beforeOffers = [first, second].map((applicant) => server.fakeGraph.sentTo(applicant.waId).length);
    expect((await officers.api.act(holders[0]!.queueNumber, 'cancel', { reason: 'Permintaan pemohon' }, officer)).status).toBe(200);
    await server.queue.drained();
    const [offer] = server.fakeGraph.sentTo(first.waId).slice(beforeOffers[0]);
    const offered = (offer?.payload as unknown as InteractiveButtons).interactive;
    expect(offered.body.text).toContain(`Ada tempat kosong pada ${formatDayDate(earlier)}`);
    expect(offered.action.buttons.map((button) => button.reply)).toEqual([{ id: `ambil:${first.queueNumber}:${earlier}`, title: 'Ambil' }]);
    expect(server.fakeGraph.sentTo(second.waId)).toHaveLength(beforeOffers[1]!);

    // A second place frees and goes to the next one waiting; then an officer fills one of the two.
    expect((await officers.api.act(holders[1]!.queueNumber, 'cancel', { reason: 'Permintaan pemohon' }, officer)).status).toBe(200);
    await server.queue.drained();
    const secondOffer = server.fakeGraph.sentTo(second.waId).at(-1)?.payload as unknown as InteractiveButtons;
    expect(secondOffer.interactive.action.buttons[0]?.reply).toEqual({ id: `ambil:${second.queueNumber}:${earlier}`, title: 'Ambil' });
    await confirmedApplicant(earlier, 'Pendaftar Baru');
    expect((await officers.api.getDay(earlier)).body).toMatchObject({ booked: 1, capacity: 2 });

    // Both take the one place left at the same moment.
    const before = [first, second].map((applicant) => server.fakeGraph.sentTo(applicant.waId).length);
    await Promise.all(
      [first, second].map((applicant) =>
        server.sendMessage(applicant.waId, { choice: { id: `ambil:${applicant.queueNumber}:${earlier}`, title: 'Ambil' }, list: false }),
      ),
    );
    await server.queue.drained();
    const answers = [first, second].map((applicant, index) => server.fakeGraph.sentTo(applicant.waId).slice(before[index]));
    const winners = answers.filter((sent) => sent.some(isProofMessage));
    expect(winners).toHaveLength(1);
    const winnerIndex = answers.indexOf(winners[0]!);
    const winner = [first, second][winnerIndex]!;
    const loser = [first, second][1 - winnerIndex]!;
    const proof = proofMessage(winners[0]!.find(isProofMessage));
    // Off the waitlist after the move: MAJUKAN works again, so the button is back.
    expect(proof.buttons).toEqual(ADVANCE_BUTTONS);
    const caption = proof.text;
    expect(caption).toContain(`📅 Jadwal Baru: ${formatDayDate(earlier)}`);
    expect(answers[1 - winnerIndex]!.map(textOf)).toEqual([
      `Mohon maaf, tempat pada ${formatDayDate(earlier)} sudah diambil pemohon lain atau tawarannya sudah lewat. Anda tetap di daftar tunggu.`,
    ]);
    expect((await officers.api.get(winner.queueNumber, officer)).body).toMatchObject({
      status: 'DIKONFIRMASI',
      appointmentDate: earlier,
      waitlisted: false,
      rescheduled: false,
    });
    expect((await officers.api.get(loser.queueNumber, officer)).body).toMatchObject({ appointmentDate: later, waitlisted: true });
    expect((await officers.api.getDay(earlier)).body).toMatchObject({ booked: 2, capacity: 2 });
    expect((await officers.api.getDay(later)).body).toMatchObject({ booked: laterBooked - 1 });
  });

  it("offers a place freed by an applicant's own BATAL with the hourly job, and passes an offer on after its two hours", async () => {
    const hourlyJob = async () => {
      const response = await fetch(`${server.url}/_local/jobs/hourly`, { method: 'POST' });
      expect(response.status).toBe(200);
      return (await response.json()) as { passedOn: number; noticesQueued: number };
    };
    const earlier = workingDay(11);
    const later = workingDay(13);
    expect((await officers.api.putDay(earlier, { capacity: 1 }, admin)).status).toBe(200);
    const holder = await confirmedApplicant(earlier, 'Pemegang Tempat');
    const first = await confirmedApplicant(later, 'Penunggu Lama');
    const second = await confirmedApplicant(later, 'Penunggu Baru');
    await answersTo(first.waId, () => server.sendMessage(first.waId, { text: 'MAJUKAN' }));
    await answersTo(second.waId, () => server.sendMessage(second.waId, { text: 'MAJUKAN' }));

    // The applicant's own BATAL: the worker may not queue for others, so the offer waits for the hourly job.
    await answersTo(holder.waId, () => server.sendMessage(holder.waId, { text: 'BATAL' }));
    await answersTo(holder.waId, () => server.sendMessage(holder.waId, { text: 'YA' }));
    await server.queue.drained();
    const beforeFlush = server.fakeGraph.sentTo(first.waId).length;
    expect(await hourlyJob()).toMatchObject({ noticesQueued: 1 });
    await server.queue.drained();
    const [offer] = server.fakeGraph.sentTo(first.waId).slice(beforeFlush);
    expect((offer?.payload as unknown as InteractiveButtons).interactive.action.buttons[0]?.reply.id).toBe(`ambil:${first.queueNumber}:${earlier}`);

    // Two hours pass without an answer: the next hourly job passes the offer to the next one waiting.
    const current = await officers.store.getVersioned(first.queueNumber);
    const registration = current!.registration;
    const expired = { ...registration, offer: { ...registration.offer!, until: new Date(Date.now() - 1000).toISOString() } };
    const audit = { action: 'test', detail: 'dua jam kemudian' };
    expect(
      await officers.store.applyOutcome({
        outcome: { registration: expired, audit, releaseNik: false },
        version: current!.version,
        actor: 'test',
        now: new Date(),
        dayCapacity: () => 1,
      }),
    ).toBe('applied');
    const beforePass = server.fakeGraph.sentTo(second.waId).length;
    expect(await hourlyJob()).toMatchObject({ passedOn: 1, noticesQueued: 1 });
    await server.queue.drained();
    const [passed] = server.fakeGraph.sentTo(second.waId).slice(beforePass);
    expect((passed?.payload as unknown as InteractiveButtons).interactive.action.buttons[0]?.reply.id).toBe(`ambil:${second.queueNumber}:${earlier}`);

    const [late] = await answersTo(first.waId, () =>
      server.sendMessage(first.waId, { choice: { id: `ambil:${first.queueNumber}:${earlier}`, title: 'Ambil' }, list: false }),
    );
    expect(late).toContain('sudah diambil pemohon lain atau tawarannya sudah lewat');
    await answersTo(second.waId, () =>
      server.sendMessage(second.waId, { choice: { id: `ambil:${second.queueNumber}:${earlier}`, title: 'Ambil' }, list: false }),
    );
    await server.queue.drained();
    expect((await officers.api.get(second.queueNumber, officer)).body).toMatchObject({ appointmentDate: earlier, waitlisted: false });
    expect((await officers.api.getDay(earlier)).body).toMatchObject({ booked: 1, capacity: 1 });
  });
});
