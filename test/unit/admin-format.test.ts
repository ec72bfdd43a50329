/** How the admin pages write dates and sizes: one format with the upload page, Indonesian throughout. */
import fc from 'fast-check';
import {
  clockTime,
  dayDate,
  fileSize,
  instant,
  instantClock,
  instantDay,
  parseTypedDate,
  readableDatesIn,
  shortDay,
  today,
  typedDate,
} from '../../lambdas/admin/pages/format';
import { formatSize } from '../../lambdas/upload/page';

it('writes a file size exactly as the upload page does (2,4 MB, not 2436 KB)', () => {
  expect(fileSize(2_494_464)).toBe('2,4 MB');
  expect(fileSize(26_000)).toBe('25 KB');
  fc.assert(fc.property(fc.integer({ min: 0, max: 50 * 1024 * 1024 }), (bytes) => fileSize(bytes) === formatSize(bytes)));
});

it('reads a typed date the Indonesian way (DD-MM-YYYY), accepts the ISO form, and refuses dates that do not exist', () => {
  expect(parseTypedDate('12/07/2026')).toBe('2026-07-12');
  expect(parseTypedDate('7-12-2026')).toBe('2026-12-07');
  expect(parseTypedDate('07.12.2026')).toBe('2026-12-07');
  expect(parseTypedDate('2026-12-07')).toBe('2026-12-07');
  expect(parseTypedDate('31-02-2027')).toBeUndefined();
  expect(parseTypedDate('12/32/2026')).toBeUndefined();
  expect(parseTypedDate('besok')).toBeUndefined();
  expect(typedDate('2026-12-07')).toBe('07-12-2026');
  fc.assert(
    fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (date) => {
      const iso = date.toISOString().slice(0, 10);
      return parseTypedDate(typedDate(iso)) === iso;
    }),
  );
});

it("turns the audit trail's ISO dates into the pages' Indonesian dates and names days on buttons", () => {
  const jakarta = { timezone: 'Asia/Jakarta' } as const;
  expect(readableDatesIn('2026-12-07 09:00 (Bawa KTP asli)', jakarta)).toBe('Senin, 7 Desember 2026 09.00 WIB (Bawa KTP asli)');
  expect(readableDatesIn('2026-12-07 → 2026-12-10 13:30', jakarta)).toBe('Senin, 7 Desember 2026 → Kamis, 10 Desember 2026 13.30 WIB');
  expect(readableDatesIn('nomor 2026-99-99 tetap', jakarta)).toBe('nomor 2026-99-99 tetap');
  expect(shortDay('2026-12-07')).toBe('Sen 7 Des');
  expect(dayDate('2026-12-12')).toBe('Sabtu, 12 Desember 2026');
});

it("writes every time in the office's own zone: an instant an hour later in WITA, two in WIT, and the zone's name", () => {
  const mataram = { timezone: 'Asia/Makassar' } as const;
  const jayapura = { timezone: 'Asia/Jayapura' } as const;
  const jakarta = { timezone: 'Asia/Jakarta' } as const;
  expect(instant('2026-12-07T01:15:00.000Z', jakarta)).toBe('7 Des 2026 08.15 WIB');
  expect(instant('2026-12-07T01:15:00.000Z', mataram)).toBe('7 Des 2026 09.15 WITA');
  expect(instant('2026-12-07T01:15:00.000Z', jayapura)).toBe('7 Des 2026 10.15 WIT');
  expect(instant('2026-12-07T01:15:00.000Z', {})).toBe('7 Des 2026 08.15 WIB');
  expect(clockTime('09:00', mataram)).toBe('09.00 WITA');
  expect(instantClock('2026-12-07T01:15:00.000Z', mataram)).toBe('09.15');
  expect(readableDatesIn('2026-12-07 09:00', mataram)).toBe('Senin, 7 Desember 2026 09.00 WITA');
  // 16.30 UTC is still the 7th in Jakarta (23.30) but already the 8th in Mataram (00.30).
  expect(instantDay('2026-12-07T16:30:00.000Z', jakarta)).toBe('2026-12-07');
  expect(instantDay('2026-12-07T16:30:00.000Z', mataram)).toBe('2026-12-08');
  expect(today(new Date('2026-12-07T16:30:00.000Z'), jakarta)).toBe('2026-12-07');
  expect(today(new Date('2026-12-07T16:30:00.000Z'), mataram)).toBe('2026-12-08');
});
