/** How the admin pages write dates, instants, durations and NIKs (in the office's own zone, Indonesian). */
import { formatDateLong, formatDayDate, isRealDate } from '../../domain/calendar';
import type { OfficeProfile } from '../../domain/office';
import { officeToday, offsetMsOf, zoneLabelOf } from '../../domain/offices';

/**
 * The office whose pages these are, as far as its clock goes (WIB, WITA or WIT). Every function below
 * that writes a time of day, an instant or "today" requires it, so that no page can fall back to Jakarta's.
 */
export type PageZone = Pick<OfficeProfile, 'timezone'>;

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

const isIsoDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** `Rabu, 31 Desember 2025`, or the value as given when it is not a date. */
export function dayDate(date: string | undefined): string {
  if (!date) return '';
  return isIsoDate(date) ? formatDayDate(date) : date;
}

/** `31 Desember 2025` */
export function longDate(date: string | undefined): string {
  if (!date) return '';
  return isIsoDate(date) ? formatDateLong(date) : date;
}

/** An instant as `26 Nov 2026 08.15 WIB` (the office's clock and zone). */
export function instant(iso: string | undefined, zone: PageZone): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const local = new Date(time + offsetMsOf(zone));
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${local.getUTCDate()} ${SHORT_MONTHS[local.getUTCMonth()] ?? ''} ${local.getUTCFullYear()} ${hh}.${mm} ${zoneLabelOf(zone)}`;
}

/** `09:00` → `09.00 WIB` (an office's wall-clock time, labelled with its zone). */
export function clockTime(time: string | undefined, zone: PageZone): string {
  return time ? `${time.replace(':', '.')} ${zoneLabelOf(zone)}` : '';
}

/** How long ago, roughly: `5 menit`, `3 jam`, `2 hari`. */
export function age(iso: string | undefined, now: Date): string {
  if (!iso) return '';
  const ms = now.getTime() - Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} menit`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} jam`;
  return `${Math.floor(hours / 24)} hari`;
}

export const PENDING_ANSWER_MS = 24 * 60 * 60 * 1000;

export function isOverdue(registration: { status: string; createdAt: string }, now: Date): boolean {
  return registration.status === 'PENDING' && now.getTime() - Date.parse(registration.createdAt) > PENDING_ANSWER_MS;
}

/** Today's date where the office is. */
export function today(now: Date, zone: PageZone): string {
  return officeToday(now, zone);
}

/** `3201 2315 0890 0001`: the NIK in groups, easier to compare with a KTP. */
export function groupedNik(nik: string): string {
  return /^\d{16}$/.test(nik) ? nik.replace(/(\d{4})(?=\d)/g, '$1 ') : nik;
}

/** `6289617841945` → `+62 896-1784-1945` */
export function phoneNumber(phone: string): string {
  const match = /^62(\d{3})(\d{4})(\d+)$/.exec(phone);
  return match ? `+62 ${match[1]}-${match[2]}-${match[3]}` : phone;
}

const SHORT_DAYS = ['Min', 'Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab'];

/** `Sen 7 Des`: a date on a button. */
export function shortDay(date: string): string {
  if (!isIsoDate(date)) return date;
  const [year, month, day] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)).getUTCDay();
  return `${SHORT_DAYS[weekday] ?? ''} ${day ?? ''} ${SHORT_MONTHS[(month ?? 1) - 1] ?? ''}`;
}

/** `2026-12-07` → `07-12-2026`: what the officer types and reads in a date field. */
export function typedDate(date: string | undefined): string {
  if (!date || !isIsoDate(date)) return date ?? '';
  const [year, month, day] = date.split('-');
  return `${day}-${month}-${year}`;
}

/** A date typed as `DD-MM-YYYY` (also `D-M-YYYY`, `/` or `.` between) or given as `YYYY-MM-DD`, as `YYYY-MM-DD`. */
export function parseTypedDate(value: string | undefined): string | undefined {
  const text = value?.trim() ?? '';
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const typed = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]].map(Number) : typed ? [typed[3], typed[2], typed[1]].map(Number) : [];
  if (year === undefined || month === undefined || day === undefined || !isRealDate(year, month, day)) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `820 KB`, `2,4 MB`: the upload page's format (a unit test holds the two together). */
export function fileSize(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return '';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

/**
 * Dates and times the domain wrote into a text (the audit trail's `2026-12-07 09:00`, `… → …`: the
 * office's wall-clock times) in the pages' own format: `Senin, 7 Desember 2026 09.00 WITA`.
 */
export function readableDatesIn(text: string, zone: PageZone): string {
  return text.replace(/\b(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2}))?\b/g, (whole, date: string, hours?: string, minutes?: string) => {
    if (!parseTypedDate(date)) return whole;
    return hours ? `${dayDate(date)} ${hours}.${minutes ?? '00'} ${zoneLabelOf(zone)}` : dayDate(date);
  });
}

/** The office's date of an instant (for grouping by day). */
export function instantDay(iso: string, zone: PageZone): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso.slice(0, 10) : officeToday(new Date(time), zone);
}

/** `08.15`: the office's clock time of an instant. */
export function instantClock(iso: string, zone: PageZone): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const local = new Date(time + offsetMsOf(zone));
  return `${String(local.getUTCHours()).padStart(2, '0')}.${String(local.getUTCMinutes()).padStart(2, '0')}`;
}
