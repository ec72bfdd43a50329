/**
 * The stage 4 registration line, `DAFTAR/nama lengkap/TEMPAT LAHIR/DD-MM-YYYY/NIK/Nomor HP[/YA]`:
 * parsed leniently (keyword in any case, spaces around `/`, a trailing `/`, surrounding whitespace) and
 * validated strictly (docs/behaviour.md, Stage 4). Pure: "today" (the Jakarta calendar date) is a parameter.
 *
 * Fields are checked in the order format, name, placeOfBirth, dateOfBirth, nik, phone, nikDate and the
 * first error is reported; the NIK/birth-date mismatch comes last because it is the only error the
 * applicant may override, by sending the same line again with `/YA` appended.
 *
 * Error objects deliberately carry no full NIK or phone number (they may end up in logs): only the NIK's
 * digits 7–12, counts, prefixes and the offending characters.
 */
import { isoDate, isRealDate, parseIsoDate, type IsoDate } from './calendar';

export interface RegistrationForm {
  name: string;
  placeOfBirth: string;
  dateOfBirth: IsoDate;
  /** Exactly 16 digits. */
  nik: string;
  /** Normalised `628…`, 11–15 digits. */
  phone: string;
  /** True only when the NIK's encoded date contradicts `dateOfBirth` and the applicant confirmed with `/YA`. */
  nikDateMismatch: boolean;
  /** From the NIK's day digits: 41–71 (day + 40) = `P`, otherwise `L`. */
  sex: 'L' | 'P';
}

/** Name and place of birth share one alphabet and one set of failures. */
export type TextFieldError<F extends 'name' | 'placeOfBirth'> =
  | { field: F; reason: 'length'; length: number; min: number; max: number }
  | { field: F; reason: 'characters'; invalid: string[] }
  | { field: F; reason: 'letters'; letters: number; min: number };

export type RegistrationFieldError =
  /** The text does not start with the keyword `DAFTAR` before the first `/`. */
  | { field: 'format'; reason: 'keyword' }
  /** `fieldsFound` data fields after `DAFTAR` (a trailing empty field from a final `/` not counted); 5 expected, or 6 with `YA` last. */
  | { field: 'format'; reason: 'fieldCount'; fieldsFound: number }
  | TextFieldError<'name'>
  | TextFieldError<'placeOfBirth'>
  /** Not `DD-MM-YYYY` (`-` or `.` as separator, day and month of one or two digits). `value` as received, whitespace removed. */
  | { field: 'dateOfBirth'; reason: 'format'; value: string }
  /** Well formed but not on the calendar (31-04, 29-02 outside leap years, month 13…). */
  | { field: 'dateOfBirth'; reason: 'notRealDate'; day: number; month: number; year: number }
  | { field: 'dateOfBirth'; reason: 'future'; date: IsoDate; today: IsoDate }
  /** Born before `earliest` (today minus 120 years): older than 120. */
  | { field: 'dateOfBirth'; reason: 'tooOld'; date: IsoDate; earliest: IsoDate }
  /** Something other than digits and spaces; `invalid` lists the offending characters once each. */
  | { field: 'nik'; reason: 'characters'; invalid: string[] }
  /** `digits` digits instead of 16. */
  | { field: 'nik'; reason: 'length'; digits: number }
  /** Digits 7–12 (`encoded`) are not a possible DDMMYY: day not 1–31 or 41–71, or month not 1–12. */
  | { field: 'nik'; reason: 'encodedDate'; encoded: string; day: number; month: number; dayPossible: boolean; monthPossible: boolean }
  /** Something other than digits, a leading `+`, spaces, dashes, dots or parentheses. */
  | { field: 'phone'; reason: 'characters'; invalid: string[] }
  /** Does not start `08`, `628` or `+628`; `start` is the first (up to) four characters received, separators removed. */
  | { field: 'phone'; reason: 'prefix'; start: string }
  /** `digits` digits once normalised to `628…`, outside 11–15. */
  | { field: 'phone'; reason: 'length'; digits: number; min: number; max: number }
  /**
   * The NIK encodes a possible date that is not the birth date given. `nikDay` is the day without the
   * +40 (`sex` says whether it was added); `nikYear` is the NIK's two-digit year read in the century
   * nearest the given year (never after today's year).
   */
  | {
      field: 'nikDate';
      encoded: string;
      nikDay: number;
      nikMonth: number;
      nikYear: number;
      sex: 'L' | 'P';
      dateOfBirth: IsoDate;
    };

export type RegistrationResult = { ok: true; form: RegistrationForm } | { ok: false; error: RegistrationFieldError };

export const NAME_LENGTH = { min: 3, max: 100, minLetters: 3 } as const;
export const PLACE_LENGTH = { min: 2, max: 50, minLetters: 2 } as const;
export const PHONE_DIGITS = { min: 11, max: 15 } as const;
export const MAX_AGE_YEARS = 120;

const KEYWORD = 'DAFTAR';
const LATIN_TEXT = /^[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ .'-]+$/;
const LATIN_CHAR = /[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ .'-]/;
const LATIN_LETTER = /[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]/g;
const TYPOGRAPHIC_APOSTROPHES = /[\u2018\u2019\u02BC]/g;

/** `DAFTAR` (any case, optional spaces) followed by `/`: the message is meant as a registration line. */
export function looksLikeRegistration(text: string): boolean {
  return /^\s*daftar\s*\//i.test(text.normalize('NFC'));
}

export function parseRegistration(text: string, today: IsoDate): RegistrationResult {
  const pieces = text.normalize('NFC').trim().split('/').map((piece) => piece.trim());
  if ((pieces[0] ?? '').toUpperCase() !== KEYWORD) return fail({ field: 'format', reason: 'keyword' });
  const fields = pieces.slice(1);
  if (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
  const confirmed = fields.length === 6 && /^ya$/i.test(fields[5] ?? '');
  if (fields.length !== 5 && !confirmed) return fail({ field: 'format', reason: 'fieldCount', fieldsFound: fields.length });
  const [rawName = '', rawPlace = '', rawDate = '', rawNik = '', rawPhone = ''] = fields;

  const name = checkText('name', rawName, NAME_LENGTH);
  if (!name.ok) return name;
  const place = checkText('placeOfBirth', rawPlace, PLACE_LENGTH);
  if (!place.ok) return place;
  const date = checkDate(rawDate, today);
  if (!date.ok) return date;
  const nik = checkNik(rawNik);
  if (!nik.ok) return nik;
  const phone = checkPhone(rawPhone);
  if (!phone.ok) return phone;

  const { encoded, day: nikDayRaw, month: nikMonth, yy } = nik.value;
  const sex = nikDayRaw > 40 ? 'P' : 'L';
  const nikDay = sex === 'P' ? nikDayRaw - 40 : nikDayRaw;
  const born = parseIsoDate(date.value);
  const matches = nikDay === born.day && nikMonth === born.month && yy === born.year % 100;
  if (!matches && !confirmed) {
    return fail({
      field: 'nikDate',
      encoded,
      nikDay,
      nikMonth,
      nikYear: nearestYear(yy, born.year, parseIsoDate(today).year),
      sex,
      dateOfBirth: date.value,
    });
  }
  return {
    ok: true,
    form: {
      name: name.value,
      placeOfBirth: place.value,
      dateOfBirth: date.value,
      nik: nik.value.digits,
      phone: phone.value,
      nikDateMismatch: !matches,
      sex,
    },
  };
}

type Checked<T> = { ok: true; value: T } | { ok: false; error: RegistrationFieldError };

function fail(error: RegistrationFieldError): { ok: false; error: RegistrationFieldError } {
  return { ok: false, error };
}

/** Unique characters of `text` not matched by `allowed`, in order of appearance. */
function invalidCharacters(text: string, allowed: RegExp): string[] {
  return [...new Set([...text].filter((char) => !allowed.test(char)))];
}

function checkText(
  field: 'name' | 'placeOfBirth',
  raw: string,
  limits: { min: number; max: number; minLetters: number },
): Checked<string> {
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

function checkDate(raw: string, today: IsoDate): Checked<IsoDate> {
  const value = raw.replace(/\s+/g, '');
  const match = /^(\d{1,2})[-.](\d{1,2})[-.](\d{4})$/.exec(value);
  if (!match) return fail({ field: 'dateOfBirth', reason: 'format', value });
  const day = Number(match[1]);
  const month = Number(match[2]);
  const year = Number(match[3]);
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

interface NikParts {
  digits: string;
  encoded: string;
  day: number;
  month: number;
  yy: number;
}

function checkNik(raw: string): Checked<NikParts> {
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

function checkPhone(raw: string): Checked<string> {
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
function nearestYear(yy: number, near: number, latest: number): number {
  const below = near - ((((near - yy) % 100) + 100) % 100);
  const above = below + 100;
  return above <= latest && above - near < near - below ? above : below;
}
