/** Stage 6 rules across month ends, leap years, year end and holidays; the reminder's choice of day. */
import { loadHolidays } from '../../lambdas/config';
import { addOneMonth, jakartaDate } from '../../lambdas/domain/calendar';
import { decide, type Conversation, type DecisionContext } from '../../lambdas/domain/conversation';
import { messages } from '../../lambdas/domain/texts';
import type { Registration } from '../../lambdas/domain/registration';
import { checkRescheduleRequest, parseRescheduleLine } from '../../lambdas/domain/reschedule';
import { dayState } from '../../lambdas/domain/schedule';
import { NO_METRICS } from '../../lambdas/metric-names';
import { runReminders } from '../../lambdas/use-cases/run-reminders';
import type { QueueEvent } from '../../lambdas/queue-events';
import { testOffice } from '../support/office';
import { testRegistration } from '../support/registration';

const office = testOffice();
const holidays = loadHolidays();
const day = (date: string) => dayState(date, 0, undefined, office, holidays);
const confirmed = (appointmentDate: string, extra: Partial<Registration> = {}): Registration => testRegistration({ draftId: 'd', appointmentDate, ...extra });

describe('one calendar month', () => {
  it.each([
    ['2026-01-31', '2026-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2026-03-31', '2026-04-30'],
    ['2026-12-15', '2027-01-15'],
    ['2026-12-31', '2027-01-31'],
    ['2026-02-28', '2026-03-28'],
  ])('after %s ends on %s', (from, to) => {
    expect(addOneMonth(from)).toBe(to);
  });
});

describe('the line', () => {
  it.each([
    ['Ubah jadwal: Sipulan/31-12-2025', false, { name: 'Sipulan', date: '2025-12-31' }],
    ['ubah JADWAL:sipulan / 1-2-2026', false, { name: 'sipulan', date: '2026-02-01' }],
    ['  UBAH JADWAL  Siti  Aminah/05.01.2027 ', false, { name: 'Siti Aminah', date: '2027-01-05' }],
    ['SIPULAN/31-12-2025', true, { name: 'SIPULAN', date: '2025-12-31' }],
  ])('reads "%s"', (text, prefixOptional, expected) => {
    expect(parseRescheduleLine(text, prefixOptional)).toEqual(expected);
  });

  it('tells a malformed line from something else', () => {
    expect(parseRescheduleLine('Ubah jadwal: Sipulan 31-12-2025', false)).toBe('format');
    expect(parseRescheduleLine('Ubah jadwal: Sipulan/31-02-2026', false)).toBe('format');
    expect(parseRescheduleLine('SIPULAN/31-12-2025', false)).toBeUndefined();
    expect(parseRescheduleLine('terima kasih', true)).toBeUndefined();
  });
});

describe('the rules', () => {
  const now = new Date('2026-01-20T02:00:00Z'); // Tuesday 20 January, 09:00 WIB

  it('accepts a working day after the confirmed date within one calendar month', () => {
    expect(checkRescheduleRequest(confirmed('2026-01-30'), day('2026-02-27'), now, office)).toBeUndefined();
  });

  it('ends the month on the 28th of February after 31 January', () => {
    expect(checkRescheduleRequest(confirmed('2026-01-30'), day('2026-03-02'), now, office)).toMatchObject({ reason: 'too-late', latest: '2026-02-28' });
  });

  it('refuses the confirmed date itself and earlier dates', () => {
    expect(checkRescheduleRequest(confirmed('2026-01-30'), day('2026-01-30'), now, office)).toMatchObject({ reason: 'not-after' });
    expect(checkRescheduleRequest(confirmed('2026-01-30'), day('2026-01-26'), now, office)).toMatchObject({ reason: 'not-after' });
  });

  it('refuses weekends and holidays, naming them', () => {
    expect(checkRescheduleRequest(confirmed('2026-01-30'), day('2026-01-31'), now, office)).toMatchObject({ reason: 'closed', closedReason: 'Sabtu/Minggu' });
    expect(checkRescheduleRequest(confirmed('2026-02-10'), day('2026-02-16'), now, office)).toMatchObject({
      reason: 'closed',
      closedReason: 'Cuti bersama Tahun Baru Imlek',
    });
  });

  it('crosses the year end', () => {
    const december = new Date('2026-12-20T02:00:00Z');
    expect(checkRescheduleRequest(confirmed('2026-12-28'), day('2027-01-04'), december, office)).toBeUndefined();
    expect(checkRescheduleRequest(confirmed('2026-12-28'), day('2027-01-29'), december, office)).toMatchObject({ reason: 'too-late', latest: '2027-01-28' });
  });

  it('is not before tomorrow, for an appointment that has passed', () => {
    expect(checkRescheduleRequest(confirmed('2026-01-19'), day('2026-01-20'), now, office)).toMatchObject({ reason: 'too-soon', earliest: '2026-01-21' });
  });

  it("counts tomorrow from the office's own today: past midnight in WIT a passed appointment may move to the day after", () => {
    // 00:30 on Wednesday 21 January in Jayapura (WIT) is Tuesday 22:30 in Jakarta.
    const afterMidnightInWit = new Date('2026-01-20T15:30:00Z');
    const jayapura = { ...office, timezone: 'Asia/Jayapura' as const };
    expect(checkRescheduleRequest(confirmed('2026-01-19'), day('2026-01-21'), afterMidnightInWit, office)).toBeUndefined();
    expect(checkRescheduleRequest(confirmed('2026-01-19'), day('2026-01-21'), afterMidnightInWit, jayapura)).toMatchObject({
      reason: 'too-soon',
      earliest: '2026-01-22',
    });
  });

  it('gives one chance only', () => {
    expect(checkRescheduleRequest(confirmed('2026-01-30', { rescheduled: true }), day('2026-02-02'), now, office)).toMatchObject({ reason: 'already-used' });
    expect(checkRescheduleRequest(confirmed('2026-01-30', { requestedDate: '2026-02-03' }), day('2026-02-02'), now, office)).toMatchObject({
      reason: 'already-requested',
    });
  });
});

describe('the conversation', () => {
  const context = (facts: DecisionContext['facts']): DecisionContext => ({
    now: new Date('2026-01-20T02:00:00Z'),
    office,
    applicant: { key: '6281' },
    newDraftId: 'x',
    uploadLink: () => 'https://example/upload',
    facts,
  });
  const text = (value: string) => ({ kind: 'text' as const, text: value });
  const idle: Conversation = { step: { name: 'idle' } };

  it('shows the stage 6 rules for 6 from anywhere, then takes the line without its prefix', () => {
    const rules = decide(idle, text('6'), context({ ownRegistrations: [confirmed('2026-01-30')] }));
    const option = { queueNumber: 'KRC-002', name: 'Sipulan', date: '2026-01-30', time: '09:00', zone: 'WIB', earliest: '2026-01-31', latest: '2026-02-28' };
    // The example: the applicant's own name and the first weekday they may choose (31 January is a Saturday).
    expect(rules.replies).toEqual([{ type: 'text', body: messages.rescheduleRules([option], { name: 'SIPULAN', date: '2026-02-02' }) }]);
    expect((rules.replies[0] as { body: string }).body).toContain('\nSIPULAN/02-02-2026');
    const accepted = decide(
      rules.conversation,
      text('sipulan/27-02-2026'),
      context({ ownRegistrations: [confirmed('2026-01-30')], requestedDay: day('2026-02-27') }),
    );
    expect(accepted.replies).toEqual([{ type: 'text', body: messages.rescheduleRequested('2026-02-27') }]);
    expect(accepted.effects).toEqual([{ type: 'applicant-reschedule', queueNumber: 'KRC-002', date: '2026-02-27' }]);
  });

  it('says what would be accepted when it refuses', () => {
    const refused = decide(
      idle,
      text('Ubah jadwal: Sipulan/02-03-2026'),
      context({ ownRegistrations: [confirmed('2026-01-30')], requestedDay: day('2026-03-02') }),
    );
    expect(refused.replies[0]).toEqual({
      type: 'text',
      body: messages.selfService.rescheduleOutside('Jumat, 30 Januari 2026', 'Sabtu, 28 Februari 2026'),
    });
    expect(refused.effects).toEqual([]);
  });

  it('matches the name case-insensitively and only among confirmed registrations of this account', () => {
    const noMatch = decide(
      idle,
      text('Ubah jadwal: Budi/27-02-2026'),
      context({ ownRegistrations: [confirmed('2026-01-30')], requestedDay: day('2026-02-27') }),
    );
    expect((noMatch.replies[0] as { body: string }).body).toContain('Tidak ada pendaftaran berstatus DIKONFIRMASI atas nama Budi');
  });

  it('asks once before BATAL cancels, and which one when there are several', () => {
    const one = [confirmed('2026-01-30')];
    const ask = decide(idle, text('batal'), context({ ownRegistrations: one }));
    expect(ask.replies).toEqual([{ type: 'text', body: messages.selfService.confirmCancel('KRC-002', 'Sipulan') }]);
    const yes = decide(ask.conversation, text('YA'), context({ ownRegistrations: one }));
    expect(yes.effects).toEqual([{ type: 'applicant-cancel', queueNumber: 'KRC-002' }]);
    const no = decide(ask.conversation, text('tidak'), context({ ownRegistrations: one }));
    expect(no.effects).toEqual([]);
    const two = [...one, confirmed('2026-02-02', { queueNumber: 'KRC-003', name: 'Anak' })];
    const choose = decide(idle, text('BATAL'), context({ ownRegistrations: two }));
    expect(choose.conversation.step).toEqual({ name: 'cancel-choose', candidates: ['KRC-002', 'KRC-003'] });
    expect(decide(choose.conversation, text('krc-003'), context({ ownRegistrations: two })).replies).toEqual([
      { type: 'text', body: messages.selfService.confirmCancel('KRC-003', 'Anak') },
    ]);
  });

  it('lists every registration of the account for STATUS', () => {
    const status = decide(idle, text('status'), context({ ownRegistrations: [confirmed('2026-01-30')] }));
    expect((status.replies[0] as { body: string }).body).toContain(
      `Status: ${messages.selfService.statusMeaning.DIKONFIRMASI.meaning}\nJadwal: Jumat, 30 Januari 2026, 09.00 WIB`,
    );
    expect(decide(idle, text('STATUS'), context({ ownRegistrations: [] })).replies).toEqual([{ type: 'text', body: messages.selfService.noRegistrations }]);
  });
});

describe('the reminder job', () => {
  async function run(today: string, registrations: Registration[]) {
    const queued: QueueEvent[] = [];
    const result = await runReminders(today, {
      registrations: { listByDay: async (date) => registrations.filter((registration) => registration.appointmentDate === date) },
      queue: { enqueue: async (events) => void queued.push(...events) },
      heartbeat: async () => undefined,
      clock: { now: () => new Date() },
      messagingLimit: undefined,
      sessions: { lastInboundTimes: async () => new Map() },
      deliveries: {
        templateSendsInLast24Hours: async () => 0,
        recordFailedSend: async () => undefined,
        reminderSlots: async () => new Set<string>(),
        reserveReminderSlots: async () => undefined,
      },
      metrics: NO_METRICS,
      log: { warn: () => undefined },
    });
    return { result, queued };
  }

  it("reminds tomorrow's confirmed and requested-to-move registrations, not those two days ahead or closed", async () => {
    const { queued, result } = await run('2026-01-29', [
      confirmed('2026-01-30'),
      confirmed('2026-01-30', { queueNumber: 'KRC-003', status: 'PERUBAHAN_DIMINTA', requestedDate: '2026-02-05' }),
      confirmed('2026-01-30', { queueNumber: 'KRC-004', status: 'DIBATALKAN' }),
      confirmed('2026-02-02', { queueNumber: 'KRC-005' }),
    ]);
    expect(result).toMatchObject({ appointmentDate: '2026-01-30', queued: 2 });
    expect(queued.map((event) => event.eventId)).toEqual(['reminder:KRC-002:2026-01-30', 'reminder:KRC-003:2026-01-30']);
  });

  it.each([
    ['2026-01-28T16:59:00Z', '2026-01-28'],
    ['2026-01-28T17:00:00Z', '2026-01-29'],
    ['2026-01-28T23:30:00Z', '2026-01-29'],
    ['2026-01-29T01:00:00Z', '2026-01-29'],
  ])('takes "today" at %s UTC as %s in Jakarta', (instant, today) => {
    expect(jakartaDate(new Date(instant))).toBe(today);
  });
});
