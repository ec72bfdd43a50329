/** How the admin pages write dates and sizes: one format with the upload page, Indonesian throughout. */
import fc from 'fast-check';
import { dayDate, fileSize, parseTypedDate, readableDatesIn, shortDay, typedDate } from '../../lambdas/admin/pages/format';
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
  expect(readableDatesIn('2026-12-07 09:00 (Bawa KTP asli)')).toBe('Senin, 7 Desember 2026 09.00 WIB (Bawa KTP asli)');
  expect(readableDatesIn('2026-12-07 → 2026-12-10 13:30')).toBe('Senin, 7 Desember 2026 → Kamis, 10 Desember 2026 13.30 WIB');
  expect(readableDatesIn('nomor 2026-99-99 tetap')).toBe('nomor 2026-99-99 tetap');
  expect(shortDay('2026-12-07')).toBe('Sen 7 Des');
  expect(dayDate('2026-12-12')).toBe('Sabtu, 12 Desember 2026');
});
