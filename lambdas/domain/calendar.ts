/**
 * Calendar dates as plain `YYYY-MM-DD` strings, always meant as dates in Asia/Jakarta (WIB, UTC+7, no
 * daylight saving). Keeping them as strings means no server time zone can shift a day.
 */
export type IsoDate = string;

/** WIB is UTC+7 all year: the one place the offset is written. */
export const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

import { DAY_NAMES, MONTH_NAMES } from './texts/calendar';

export { DAY_NAMES, MONTH_NAMES } from './texts/calendar';

/** The Jakarta calendar date of an instant. */
export function jakartaDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Jakarta wall-clock time of an instant, `HH:MM`. */
export function jakartaTime(instant: Date): string {
  return new Date(instant.getTime() + JAKARTA_OFFSET_MS).toISOString().slice(11, 16);
}

/** The Jakarta hour (0–23) of an instant. */
export function jakartaHour(instant: Date): number {
  return new Date(instant.getTime() + JAKARTA_OFFSET_MS).getUTCHours();
}

export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number);
  return { year: year ?? NaN, month: month ?? NaN, day: day ?? NaN };
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Same day one calendar month later, clamped to the month's end (31 January → 28/29 February). */
export function addOneMonth(date: IsoDate): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  return isoDate(nextYear, nextMonth, Math.min(day, daysInMonth(nextYear, nextMonth)));
}

export function dayName(date: IsoDate): string {
  return DAY_NAMES[dayOfWeek(date)] ?? '';
}

/** `31 Desember 2025` */
export function formatDateLong(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${day} ${MONTH_NAMES[month - 1] ?? ''} ${year}`;
}

/** `Rabu, 31 Desember 2025` */
export function formatDayDate(date: IsoDate): string {
  return `${dayName(date)}, ${formatDateLong(date)}`;
}

/** `09:00` → `09.00 WIB` (or `WITA`, `WIT`: the label of the office's zone). */
export function formatTime(time: string, zoneLabel = 'WIB'): string {
  return `${time.replace(':', '.')} ${zoneLabel}`;
}

/** The calendar date of an instant at a fixed UTC offset (an office's zone; Jakarta's by default). */
export function localDate(instant: Date, offsetMs = JAKARTA_OFFSET_MS): IsoDate {
  return new Date(instant.getTime() + offsetMs).toISOString().slice(0, 10);
}

/** The wall-clock time (`HH:MM`) of an instant at a fixed UTC offset. */
export function localTime(instant: Date, offsetMs = JAKARTA_OFFSET_MS): string {
  return new Date(instant.getTime() + offsetMs).toISOString().slice(11, 16);
}

/** The hour (0–23) of an instant at a fixed UTC offset. */
export function localHour(instant: Date, offsetMs = JAKARTA_OFFSET_MS): number {
  return new Date(instant.getTime() + offsetMs).getUTCHours();
}
