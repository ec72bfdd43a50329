/** The status table of docs/contract.md and the scheduling rules, as pure decisions. */
import { loadHolidays } from '../../lambdas/config';
import { allowedActions, decideOfficerAction, type OfficerActionInput } from '../../lambdas/domain/officer-actions';
import { REGISTRATION_STATUSES, type Registration, type RegistrationStatus } from '../../lambdas/domain/registration';
import { arrivalTimes, dayState, earliestBookableDate } from '../../lambdas/domain/schedule';
import { testOffice } from '../support/office';

const office = testOffice();
const holidays = loadHolidays();
// Wednesday 2026-01-07, 10:00 in Jakarta.
const NOW = new Date('2026-01-07T03:00:00Z');

const registration = (status: RegistrationStatus, extra: Partial<Registration> = {}): Registration => ({
  queueNumber: 'KRC-010',
  name: 'Sipulan',
  placeOfBirth: 'Jakarta',
  dateOfBirth: '1990-08-15',
  nik: '3201231508900001',
  phone: '6289617841945',
  serviceId: 1,
  status,
  createdAt: '2026-01-05T01:00:00Z',
  ownerKey: '6281',
  draftId: 'd1',
  documentsMode: 'web',
  flags: [],
  rescheduled: false,
  ...(status === 'DIKONFIRMASI' || status === 'PERUBAHAN_DIMINTA' || status === 'DILAYANI' || status === 'TIDAK_HADIR'
    ? { appointmentDate: '2026-01-09', appointmentTime: '09:00' }
    : {}),
  ...extra,
});
const day = (date: string, booked = 0, capacity?: number) => dayState(date, booked, capacity === undefined ? undefined : { capacity }, office, holidays);
const decide = (reg: Registration, input: OfficerActionInput, now = NOW) =>
  decideOfficerAction(reg, input, { now, office, ...('date' in input ? { targetDay: day(input.date) } : {}) });

const inputs: Record<OfficerActionInput['action'], OfficerActionInput> = {
  confirm: { action: 'confirm', date: '2026-01-12', time: '09:00' },
  'request-fix': { action: 'request-fix', note: 'KTP buram' },
  reschedule: { action: 'reschedule', date: '2026-01-13', time: '10:00' },
  cancel: { action: 'cancel', reason: 'Permintaan pemohon' },
  complete: { action: 'complete', attended: true },
  call: { action: 'call', counter: '3' },
};

const TABLE: Record<RegistrationStatus, Partial<Record<OfficerActionInput['action'], RegistrationStatus>>> = {
  PENDING: { confirm: 'DIKONFIRMASI', 'request-fix': 'PERLU_PERBAIKAN', cancel: 'DIBATALKAN' },
  PERLU_PERBAIKAN: { 'request-fix': 'PERLU_PERBAIKAN', cancel: 'DIBATALKAN' },
  DIKONFIRMASI: { reschedule: 'DIKONFIRMASI', cancel: 'DIBATALKAN', complete: 'SELESAI', call: 'DILAYANI' },
  PERUBAHAN_DIMINTA: { reschedule: 'DIKONFIRMASI', cancel: 'DIBATALKAN', complete: 'SELESAI' },
  DIBATALKAN: {},
  SELESAI: {},
  TIDAK_HADIR: { complete: 'SELESAI' },
  DILAYANI: { complete: 'SELESAI', call: 'DILAYANI' },
  PERLU_JADWAL_ULANG: { confirm: 'DIKONFIRMASI', reschedule: 'DIKONFIRMASI', cancel: 'DIBATALKAN' },
};

describe('the status table', () => {
  const cases = REGISTRATION_STATUSES.flatMap((status) => (Object.keys(inputs) as OfficerActionInput['action'][]).map((action) => [status, action] as const));
  it.each(cases)('%s + %s', (status, action) => {
    const expected = TABLE[status][action];
    const later = new Date('2026-01-09T05:00:00Z');
    const decision = decide(registration(status), inputs[action], action === 'complete' || action === 'call' ? later : NOW);
    if (expected) {
      expect(decision.ok && decision.outcome.registration.status).toBe(expected);
    } else {
      expect(decision).toMatchObject({ ok: false, refusal: { kind: 'conflict' } });
    }
    expect(allowedActions(status).includes(action)).toBe(Boolean(expected));
  });

  it("uses the applicant's one chance only when the officer sets the date they asked for", () => {
    const byOffice = decide(registration('DIKONFIRMASI'), inputs.reschedule);
    const onRequest = decide(registration('PERUBAHAN_DIMINTA', { requestedDate: '2026-01-13' }), inputs.reschedule);
    expect(byOffice.ok && byOffice.outcome.registration.rescheduled).toBe(false);
    expect(onRequest.ok && onRequest.outcome.registration).toMatchObject({ rescheduled: true, status: 'DIKONFIRMASI' });
    expect(onRequest.ok && onRequest.outcome.registration.requestedDate).toBeUndefined();
  });

  it('takes a place on the new day and gives back the old one', () => {
    const moved = decide(registration('DIKONFIRMASI'), inputs.reschedule);
    expect(moved.ok && moved.outcome).toMatchObject({ bookDay: '2026-01-13', releaseDay: '2026-01-09', notify: 'rescheduled' });
    const cancelled = decide(registration('DIKONFIRMASI'), inputs.cancel);
    expect(cancelled.ok && cancelled.outcome).toMatchObject({ releaseDay: '2026-01-09', releaseNik: true, notify: 'cancelled' });
  });
});

describe('dates and times', () => {
  it('books from tomorrow in Jakarta, even late in the evening UTC', () => {
    expect(earliestBookableDate(new Date('2026-01-07T16:59:00Z'))).toBe('2026-01-08');
    expect(earliestBookableDate(new Date('2026-01-07T17:00:00Z'))).toBe('2026-01-09');
  });

  it('offers 08:00 to 16:00 in 15-minute steps', () => {
    const times = arrivalTimes(office);
    expect(times[0]).toBe('08:00');
    expect(times.at(-1)).toBe('16:00');
    expect(times).toHaveLength(33);
  });

  it.each([
    ['2026-01-07', 'date-past'],
    ['2026-01-10', 'date-closed'],
    ['2026-01-16', 'date-closed'],
    ['2026-03-23', 'date-closed'],
  ])('refuses %s (%s)', (date, error) => {
    expect(decide(registration('PENDING'), { action: 'confirm', date, time: '09:00' })).toMatchObject({ ok: false, refusal: { kind: 'invalid', error } });
  });

  it('refuses a full day and accepts a day with a place left', () => {
    const full = decideOfficerAction(registration('PENDING'), inputs.confirm, { now: NOW, office, targetDay: day('2026-01-12', 20) });
    expect(full).toMatchObject({ ok: false, refusal: { error: 'day-full' } });
    const lastPlace = decideOfficerAction(registration('PENDING'), inputs.confirm, { now: NOW, office, targetDay: day('2026-01-12', 19) });
    expect(lastPlace.ok).toBe(true);
  });

  it('lets an admin open a holiday or close a working day for one date', () => {
    expect(dayState('2026-12-25', 0, { closed: false }, office, holidays).closed).toBe(false);
    expect(dayState('2026-01-12', 0, { closed: true, reason: 'Rapat' }, office, holidays)).toMatchObject({ closed: true, closedReason: 'Rapat' });
  });

  it('knows the 2026 holidays with their source, and marks 2027 provisional', () => {
    expect(holidays.get('2026-03-21')).toBe('Idul Fitri 1447 H');
    expect(holidays.get('2026-12-24')).toBe('Cuti bersama Kelahiran Yesus Kristus');
    expect(holidays.get('2027-03-10')).toContain('perkiraan');
  });
});
