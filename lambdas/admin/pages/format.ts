/** How the admin pages write dates, instants, durations and NIKs (Asia/Jakarta, Indonesian). */
import { formatDateLong, formatDayDate, jakartaDate } from '../../domain/calendar';

const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;
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

/** An instant as `26 Nov 2026 08.15 WIB`. */
export function instant(iso: string | undefined): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const local = new Date(time + JAKARTA_OFFSET_MS);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${local.getUTCDate()} ${SHORT_MONTHS[local.getUTCMonth()] ?? ''} ${local.getUTCFullYear()} ${hh}.${mm} WIB`;
}

/** `09:00` → `09.00 WIB` */
export function clockTime(time: string | undefined): string {
  return time ? `${time.replace(':', '.')} WIB` : '';
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

export function today(now: Date): string {
  return jakartaDate(now);
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
