/** The day code, reading `HADIR <code>`, and the queue place a check-in answers (pure parts of issue 22). */
import { decideCheckIn, parseCheckIn, type CheckInFacts } from '../../lambdas/domain/check-in';
import { closingTime } from '../../lambdas/domain/closing-time';
import { DAY_CODE_ALPHABET, dayCodeFor, deriveDayCodeKey } from '../../lambdas/domain/day-code';
import { checkInLink, internationalNumber } from '../../lambdas/domain/poster-pdf';
import type { Registration } from '../../lambdas/domain/registration';
import { DAY_OF_TEXTS } from '../../lambdas/domain/texts/day-of';

const KEY = deriveDayCodeKey('a-signing-key-of-sixteen-chars');
// Monday 2026-01-12, 10:00 in Jakarta.
const NOW = new Date('2026-01-12T03:00:00Z');
const TODAY = '2026-01-12';
const WIB = { timezone: 'Asia/Jakarta' } as const;

const registration = (queueNumber: string, time: string, extra: Partial<Registration> = {}): Registration => ({
  queueNumber,
  name: `Pemohon ${queueNumber}`,
  placeOfBirth: 'Kerinci',
  dateOfBirth: '1990-01-01',
  nik: '1501010101900001',
  phone: '6281234567890',
  serviceId: 1,
  status: 'DIKONFIRMASI',
  createdAt: '2026-01-05T01:00:00Z',
  ownerKey: '6281',
  draftId: `d-${queueNumber}`,
  documentsMode: 'web',
  flags: [],
  rescheduled: false,
  appointmentDate: TODAY,
  appointmentTime: time,
  ...extra,
});

const facts = (today: readonly Registration[]): CheckInFacts => ({
  date: TODAY,
  todayCode: dayCodeFor(KEY, TODAY),
  yesterdayCode: dayCodeFor(KEY, '2026-01-11'),
  today,
});

describe('the day code', () => {
  it('is five characters of the alphabet without look-alikes, the same all day, different the next day and under another key', () => {
    const code = dayCodeFor(KEY, TODAY);
    expect(code).toHaveLength(5);
    for (const character of code) expect(DAY_CODE_ALPHABET).toContain(character);
    expect(DAY_CODE_ALPHABET).not.toMatch(/[0O1IL2Z5S8B6G]/);
    expect(dayCodeFor(KEY, TODAY)).toBe(code);
    const nextDays = Array.from({ length: 30 }, (_, index) => dayCodeFor(KEY, `2026-02-${String(index + 1).padStart(2, '0')}`));
    expect(new Set(nextDays).size).toBeGreaterThanOrEqual(29);
    expect(dayCodeFor(deriveDayCodeKey('another-signing-key-entirely'), TODAY)).not.toBe(code);
  });
});

describe('HADIR', () => {
  it.each([
    ['HADIR 7AR4T', '7AR4T'],
    ['hadir 7ar4t', '7AR4T'],
    ['  Hadir: 7AR 4T ', '7AR4T'],
    ['HADIR', ''],
  ])('%j reads the code %j', (text, code) => {
    expect(parseCheckIn(text)).toEqual({ code });
  });

  it.each(['Hadiranto', 'saya hadir besok', 'MENU'])('%j is no check-in', (text) => {
    expect(parseCheckIn(text)).toBeUndefined();
  });

  it('places by appointment time, then arrival, and counts those before', () => {
    const early = registration('KRC-001', '09:00', { checkedInAt: '2026-01-12T02:50:00Z' });
    const sameTimeEarlier = registration('KRC-002', '10:00', { checkedInAt: '2026-01-12T02:40:00Z' });
    const mine = registration('KRC-003', '10:00');
    const notArrived = registration('KRC-004', '08:00');
    const outcome = decideCheckIn(dayCodeFor(KEY, TODAY), [mine], facts([early, sameTimeEarlier, mine, notArrived]), NOW, WIB);
    expect(outcome.checkIn).toEqual({ queueNumbers: ['KRC-003'], at: NOW.toISOString() });
    expect(outcome.reply).toContain('Urutan ke-3 dalam antrean hari ini; 2 orang sebelum Anda.');
  });

  it("refuses yesterday's code and a wrong one, and says why when nothing is confirmed for today", () => {
    const mine = registration('KRC-003', '10:00');
    expect(decideCheckIn(dayCodeFor(KEY, '2026-01-11'), [mine], facts([mine]), NOW, WIB)).toEqual({ reply: DAY_OF_TEXTS.codeStale });
    expect(decideCheckIn('AAAAA', [mine], facts([mine]), NOW, WIB).reply).toBe(DAY_OF_TEXTS.codeWrong);
    expect(decideCheckIn(dayCodeFor(KEY, TODAY), [], facts([]), NOW, WIB).reply).toBe(DAY_OF_TEXTS.noConfirmedToday);
    const tomorrow = registration('KRC-005', '09:00', { appointmentDate: '2026-01-13' });
    expect(decideCheckIn(dayCodeFor(KEY, TODAY), [tomorrow], facts([]), NOW, WIB).reply).toContain('Jadwal kedatangan Anda bukan hari ini:');
  });
});

describe('HADIR in an office outside Jakarta', () => {
  // 00:30 on Tuesday 13 January in Jayapura (WIT, UTC+9) is still Monday 22:30 in Jakarta.
  const JUST_AFTER_MIDNIGHT_IN_WIT = new Date('2026-01-12T15:30:00Z');
  const WIT = { timezone: 'Asia/Jayapura' } as const;
  const witFacts = (today: readonly Registration[]): CheckInFacts => ({
    date: '2026-01-13',
    todayCode: dayCodeFor(KEY, '2026-01-13'),
    yesterdayCode: dayCodeFor(KEY, TODAY),
    today,
  });

  it("checks in on the office's own today and tells the arrival on its own clock", () => {
    const mine = registration('JYP-001', '08:00', { appointmentDate: '2026-01-13' });
    const outcome = decideCheckIn(dayCodeFor(KEY, '2026-01-13'), [mine], witFacts([mine]), JUST_AFTER_MIDNIGHT_IN_WIT, WIT);
    expect(outcome.checkIn).toEqual({ queueNumbers: ['JYP-001'], at: JUST_AFTER_MIDNIGHT_IN_WIT.toISOString() });
    expect(outcome.reply).toContain('00.30 WIT');
    expect(outcome.reply).not.toContain('WIB');
  });

  it("refuses what is the office's yesterday, even while Jakarta still has that date", () => {
    const mine = registration('JYP-001', '08:00', { appointmentDate: TODAY });
    expect(decideCheckIn(dayCodeFor(KEY, TODAY), [mine], witFacts([]), JUST_AFTER_MIDNIGHT_IN_WIT, WIT)).toEqual({ reply: DAY_OF_TEXTS.codeStale });
  });
});

describe('the poster link and the closing time', () => {
  it('opens WhatsApp to the office in international form with HADIR and the code', () => {
    expect(internationalNumber('0851-2673-0544')).toBe('6285126730544');
    expect(checkInLink({ whatsappNumber: '085126730544' }, '7AR4T')).toBe('https://wa.me/6285126730544?text=HADIR%207AR4T');
  });

  it('closes an hour after the last arrival time, never past 23:59', () => {
    expect(closingTime({ arrivalHours: { from: '08:00', to: '16:00', stepMinutes: 15 } })).toEqual({ hour: 17, minute: 0 });
    expect(closingTime({ arrivalHours: { from: '08:00', to: '14:45', stepMinutes: 15 } })).toEqual({ hour: 15, minute: 45 });
    expect(closingTime({ arrivalHours: { from: '08:00', to: '23:30', stepMinutes: 15 } })).toEqual({ hour: 23, minute: 59 });
  });
});
