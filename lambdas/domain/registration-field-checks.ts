/** The checks of each registration field (name, place, date, NIK, phone), shared by the line, the questions and the Flow. */
import { isoDate, isRealDate, parseIsoDate, type IsoDate } from './calendar';
import type { RegistrationFieldError, FormField } from './registration-form';

export const NAME_LENGTH = { min: 3, max: 100, minLetters: 3 } as const;
export const PLACE_LENGTH = { min: 2, max: 50, minLetters: 2 } as const;
export const PHONE_DIGITS = { min: 11, max: 15 } as const;
export const MAX_AGE_YEARS = 120;

export const LATIN_TEXT = /^[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ .'-]+$/;
export const LATIN_CHAR = /[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ .'-]/;
export const LATIN_LETTER = /[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]/g;
export const TYPOGRAPHIC_APOSTROPHES = /[\u2018\u2019\u02BC]/g;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: RegistrationFieldError };

export function fail(error: RegistrationFieldError): { ok: false; error: RegistrationFieldError } {
  return { ok: false, error };
}

/** Unique characters of `text` not matched by `allowed`, in order of appearance. */
export function invalidCharacters(text: string, allowed: RegExp): string[] {
  return [...new Set([...text].filter((char) => !allowed.test(char)))];
}

export function checkText(field: 'name' | 'placeOfBirth', raw: string, limits: { min: number; max: number; minLetters: number }): Checked<string> {
  const value = raw.replace(/\s+/g, ' ').replace(TYPOGRAPHIC_APOSTROPHES, "'").trim();
  const length = [...value].length;
  if (length < limits.min || length > limits.max) {
    return fail({ field, reason: 'length', length, min: limits.min, max: limits.max });
  }
  if (!LATIN_TEXT.test(value)) return fail({ field, reason: 'characters', invalid: invalidCharacters(value, LATIN_CHAR) });
  const letters = value.match(LATIN_LETTER)?.length ?? 0;
  if (letters < limits.minLetters) return fail({ field, reason: 'letters', letters, min: limits.minLetters });
  return { ok: true, value };
}

/** Month names as people write them: Indonesian in full or short (with the old spellings), and English. */
export const MONTHS: readonly RegExp[] = [
  /^(januari|january|jan)$/,
  /^(februari|pebruari|february|feb|peb)$/,
  /^(maret|march|mar)$/,
  /^(april|apr)$/,
  /^(mei|may)$/,
  /^(juni|june|jun)$/,
  /^(juli|july|jul)$/,
  /^(agustus|august|agu|agt|ags|aug)$/,
  /^(september|sept|sep)$/,
  /^(oktober|october|okt|oct)$/,
  /^(november|nopember|nov|nop)$/,
  /^(desember|december|des|dec)$/,
];

/** Day, month and year of a written date, in any of the forms people use; undefined when it is none. */
export function readDate(raw: string): { day: number; month: number; year: number } | undefined {
  const value = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  const numeric = /^(\d{1,2}) ?[-./ ] ?(\d{1,2}) ?[-./ ] ?(\d{4})$/.exec(value);
  if (numeric) return { day: Number(numeric[1]), month: Number(numeric[2]), year: Number(numeric[3]) };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (iso) return { day: Number(iso[3]), month: Number(iso[2]), year: Number(iso[1]) };
  const written = /^(\d{1,2}) ?[-./ ]? ?([a-z]+)\.? ?[-./ ]? ?(\d{4})$/.exec(value);
  const month = written ? MONTHS.findIndex((pattern) => pattern.test(written[2] ?? '')) : -1;
  if (written && month >= 0) return { day: Number(written[1]), month: month + 1, year: Number(written[3]) };
  return undefined;
}

/** With fields missing, which ones: judged by what the pieces found look like. */
export function missingByShape(fields: readonly string[]): FormField[] {
  const digits = (value: string) => value.replace(/[\s.()+-]/g, '');
  const isDate = (value: string) => readDate(value) !== undefined;
  const isNik = (value: string) => /^\d{16}$/.test(value.replace(/\s+/g, ''));
  const isPhone = (value: string) => /^(\+?62|0)8/.test(value.replace(/[\s.()-]/g, '')) && /^\d{9,15}$/.test(digits(value));
  const texts = fields.filter((value) => !isDate(value) && !isNik(value) && !isPhone(value) && !/^\d+$/.test(digits(value))).length;
  return [
    ...(texts < 1 ? ['name' as const] : []),
    ...(texts < 2 ? ['placeOfBirth' as const] : []),
    ...(fields.some(isDate) ? [] : ['dateOfBirth' as const]),
    ...(fields.some(isNik) ? [] : ['nik' as const]),
    ...(fields.some(isPhone) ? [] : ['phone' as const]),
  ];
}

export function checkDate(raw: string, today: IsoDate): Checked<IsoDate> {
  const value = raw.trim().replace(/\s+/g, ' ');
  const read = readDate(value);
  if (!read) return fail({ field: 'dateOfBirth', reason: 'format', value });
  const { day, month, year } = read;
  if (!isRealDate(year, month, day)) return fail({ field: 'dateOfBirth', reason: 'notRealDate', day, month, year });
  const date = isoDate(year, month, day);
  if (date > today) return fail({ field: 'dateOfBirth', reason: 'future', date, today });
  const earliest = yearsBefore(today, MAX_AGE_YEARS);
  if (date < earliest) return fail({ field: 'dateOfBirth', reason: 'tooOld', date, earliest });
  return { ok: true, value: date };
}

/** `date` minus `years` calendar years; 29 February becomes 28 February in a common year. */
export function yearsBefore(date: IsoDate, years: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const target = year - years;
  return isoDate(target, month, isRealDate(target, month, day) ? day : day - 1);
}

export interface NikParts {
  digits: string;
  encoded: string;
  day: number;
  month: number;
  yy: number;
}

export function checkNik(raw: string): Checked<NikParts> {
  const digits = raw.replace(/\s+/g, '');
  if (!/^\d*$/.test(digits)) return fail({ field: 'nik', reason: 'characters', invalid: invalidCharacters(digits, /\d/) });
  if (digits.length !== 16) return fail({ field: 'nik', reason: 'length', digits: digits.length });
  const encoded = digits.slice(6, 12);
  const day = Number(encoded.slice(0, 2));
  const month = Number(encoded.slice(2, 4));
  const yy = Number(encoded.slice(4, 6));
  const dayPossible = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
  const monthPossible = month >= 1 && month <= 12;
  if (!dayPossible || !monthPossible) {
    return fail({ field: 'nik', reason: 'encodedDate', encoded, day, month, dayPossible, monthPossible });
  }
  return { ok: true, value: { digits, encoded, day, month, yy } };
}

export function checkPhone(raw: string): Checked<string> {
  const compact = raw.replace(/[\s.()-]+/g, '');
  if (!/^\+?\d*$/.test(compact)) {
    return fail({ field: 'phone', reason: 'characters', invalid: invalidCharacters(compact.replace(/^\+/, ''), /\d/) });
  }
  const normalised = compact.startsWith('08')
    ? `62${compact.slice(1)}`
    : compact.startsWith('628') || compact.startsWith('+628')
      ? compact.replace(/^\+/, '')
      : undefined;
  if (normalised === undefined) return fail({ field: 'phone', reason: 'prefix', start: [...compact].slice(0, 4).join('') });
  if (normalised.length < PHONE_DIGITS.min || normalised.length > PHONE_DIGITS.max) {
    return fail({ field: 'phone', reason: 'length', digits: normalised.length, ...PHONE_DIGITS });
  }
  return { ok: true, value: normalised };
}

/** The year ending in `yy` nearest `near` (the earlier one on a tie), never after `latest`. */
export function nearestYear(yy: number, near: number, latest: number): number {
  const below = near - ((((near - yy) % 100) + 100) % 100);
  const above = below + 100;
  return above <= latest && above - near < near - below ? above : below;
}
