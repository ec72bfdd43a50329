/**
 * An office's opening hours per weekday, with breaks (Friday prayers): the arrival times offered on a day
 * are that weekday's, none inside a break, and an officer cannot confirm a time inside one.
 */
import { lazyNationalHolidays, loadHolidays } from '../../lambdas/config';
import { decideOfficerAction } from '../../lambdas/domain/officer-actions';
import type { Registration } from '../../lambdas/domain/registration';
import { arrivalTimes, dayState, earliestBookableDate } from '../../lambdas/domain/schedule';
import { testOffice } from '../support/office';

const weekday = { from: '08:00', to: '15:00', breaks: [] };
const office = testOffice({
  arrivalHours: { from: '08:00', to: '15:00', stepMinutes: 30 },
  openingHours: { '1': weekday, '2': weekday, '3': weekday, '4': weekday, '5': { from: '08:00', to: '14:00', breaks: [{ from: '11:30', to: '13:00' }] } },
});
const THURSDAY = '2026-03-05';
const FRIDAY = '2026-03-06';

it("offers a Friday's times outside its prayer break and before its earlier closing, a Thursday's all day", () => {
  expect(arrivalTimes(office, THURSDAY)).toEqual([
    '08:00',
    '08:30',
    '09:00',
    '09:30',
    '10:00',
    '10:30',
    '11:00',
    '11:30',
    '12:00',
    '12:30',
    '13:00',
    '13:30',
    '14:00',
    '14:30',
    '15:00',
  ]);
  expect(arrivalTimes(office, FRIDAY)).toEqual(['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '13:00', '13:30', '14:00']);
  expect(arrivalTimes(office)).toHaveLength(15);
});

it('refuses an appointment inside the break, and takes it on another day', () => {
  const registration = {
    queueNumber: 'KRC-001',
    status: 'PENDING',
    serviceId: 1,
    createdAt: '2026-03-01T01:00:00Z',
  } as Registration;
  const now = new Date('2026-03-02T02:00:00Z');
  const decide = (date: string, time: string) =>
    decideOfficerAction(registration, { action: 'confirm', date, time }, { now, office, targetDay: dayState(date, 0, undefined, office, loadHolidays()) });
  expect(decide(FRIDAY, '12:00')).toMatchObject({ ok: false, refusal: { error: 'time' } });
  expect(decide(THURSDAY, '12:00')).toMatchObject({ ok: true });
  expect(decide(FRIDAY, '13:00')).toMatchObject({ ok: true });
});

it("counts tomorrow in the office's own zone: past midnight in Jayapura, Jakarta's tomorrow is already today", () => {
  // 00:30 on Tuesday in WIT is 22:30 on Monday in WIB.
  const now = new Date('2026-03-02T15:30:00Z');
  expect(earliestBookableDate(now)).toBe('2026-03-03');
  expect(earliestBookableDate(now, testOffice({ timezone: 'Asia/Jayapura' }))).toBe('2026-03-04');
  expect(earliestBookableDate(now, testOffice({ timezone: 'Asia/Makassar' }))).toBe('2026-03-03');
  const jayapura = testOffice({ timezone: 'Asia/Jayapura' });
  const registration = { queueNumber: 'JYP-001', status: 'PENDING', serviceId: 1, createdAt: '2026-03-01T01:00:00Z' } as Registration;
  const decided = decideOfficerAction(
    registration,
    { action: 'confirm', date: '2026-03-03', time: '09:00' },
    { now, office: jayapura, targetDay: dayState('2026-03-03', 0, undefined, jayapura, loadHolidays()) },
  );
  expect(decided).toMatchObject({ ok: false, refusal: { error: 'date-past' } });
});

it('reads the national holidays when first looked up (not at a cold start), the same list as loading it at once', () => {
  const lazy = lazyNationalHolidays();
  expect(lazy.get('2026-01-01')).toBe('Tahun Baru 2026 Masehi');
  expect([...lazy]).toEqual([...loadHolidays()]);
  expect(lazy.size).toBe(loadHolidays().size);
  const misfiled = lazyNationalHolidays({ 2026: { status: 'official', source: 'SKB 2026', days: { '2027-01-01': 'Tahun Baru' } } });
  expect(() => misfiled.has('2027-01-01')).toThrow('2027-01-01 is listed under 2026');
});
