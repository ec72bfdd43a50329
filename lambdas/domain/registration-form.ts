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
import { parseIsoDate, type IsoDate } from './calendar';
import { NAME_LENGTH, PLACE_LENGTH, fail, checkText, missingByShape, checkDate, checkNik, checkPhone, nearestYear } from './registration-field-checks';

export { MAX_AGE_YEARS, NAME_LENGTH, PHONE_DIGITS, PLACE_LENGTH, readDate, yearsBefore } from './registration-field-checks';

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
  /**
   * `fieldsFound` data fields after `DAFTAR` (a trailing empty field from a final `/` not counted); 5 expected, or 6 with `YA` last.
   * `missing`: with fewer than 5, the fields that look absent, judged by the shape of those found (a date, 16 digits, a mobile number).
   */
  | { field: 'format'; reason: 'fieldCount'; fieldsFound: number; missing: FormField[] }
  | TextFieldError<'name'>
  | TextFieldError<'placeOfBirth'>
  /** Not a date we can read (`DD-MM-YYYY` with `-`, `.`, `/` or spaces, a written month, or `YYYY-MM-DD`). `value` as received, spaces collapsed. */
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

/** The five fields of the form, in the order of the line. */
export const FORM_FIELDS = ['name', 'placeOfBirth', 'dateOfBirth', 'nik', 'phone'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export type RegistrationResult = { ok: true; form: RegistrationForm } | { ok: false; error: RegistrationFieldError };

/**
 * `DAFTAR` (any case) followed by `/`, a comma, a colon or a new line: the message is meant as a registration
 * line (the office's one-line format, one field per line, the blank template filled in, or commas).
 */
export function looksLikeRegistration(text: string): boolean {
  return /^\s*daftar\s*[/,:;\n]/i.test(text.normalize('NFC'));
}

/** The labels of the blank template (and the ways people write them), before a `:`. */
const LABELS: readonly [FormField, RegExp][] = [
  ['placeOfBirth', /^(tempat|tmp|tpt|kota)(\s*(lahir|lhr))?$/],
  ['dateOfBirth', /^(tanggal|tgl|tangal)(\s*(lahir|lhr))?(\s*\(.*\))?$|^lahir$/],
  ['name', /^nama(\s*lengkap)?$/],
  ['nik', /^(nik|no\.?\s*ktp|nomor\s*ktp)$/],
  ['phone', /^(no|nomor|nmr)\.?\s*(hp|handphone|telepon|telp|tlp|wa|whatsapp)$|^(hp|wa|whatsapp|telepon)$/],
];

function labelled(piece: string): { field?: FormField; value: string } {
  const colon = piece.indexOf(':');
  if (colon < 0) return { value: piece };
  const label = piece.slice(0, colon).trim().toLowerCase().replace(/\s+/g, ' ');
  const field = LABELS.find(([, pattern]) => pattern.test(label))?.[0];
  return field ? { field, value: piece.slice(colon + 1).trim() } : { value: piece };
}

/**
 * The pieces after DAFTAR: split at `/` (the office's format), and also at new lines, commas and semicolons
 * when the text has them; a date written with `/` (three numbers in a row) is joined back into one piece.
 */
function piecesOf(body: string): { field?: FormField; value: string }[] {
  const byLine = /[\n,;]/.test(body);
  let pieces = body.split(byLine ? /\s*[\n,;/]\s*/ : '/').map((piece) => piece.trim());
  if (byLine) pieces = pieces.filter((piece) => piece !== '');
  else if (pieces.length > 0 && pieces[pieces.length - 1] === '') pieces.pop();
  const joined: string[] = [];
  for (let index = 0; index < pieces.length; index += 1) {
    const [day, month, year] = [pieces[index] ?? '', pieces[index + 1] ?? '', pieces[index + 2] ?? ''];
    const dayValue = labelled(day).value;
    if (/^\d{1,2}$/.test(dayValue) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year)) {
      joined.push(`${day}-${month}-${year}`);
      index += 2;
    } else {
      joined.push(day);
    }
  }
  return joined.map(labelled);
}

export function parseRegistration(text: string, today: IsoDate): RegistrationResult {
  const match = /^\s*daftar\s*(?:[/,:;\n]|$)([\s\S]*)$/i.exec(text.normalize('NFC').replace(/\r\n?/g, '\n').trim());
  if (!match) return fail({ field: 'format', reason: 'keyword' });
  const pieces = piecesOf(match[1] ?? '');
  const last = pieces[pieces.length - 1];
  const confirmed = pieces.length >= 6 && last !== undefined && !last.field && /^ya$/i.test(last.value);
  const data = confirmed ? pieces.slice(0, -1) : pieces;
  const byLabel = data.length > 0 && data.every((piece) => piece.field) && new Set(data.map((piece) => piece.field)).size === data.length;
  const fields: string[] = byLabel ? FORM_FIELDS.map((field) => data.find((piece) => piece.field === field)?.value ?? '') : data.map((piece) => piece.value);
  if (fields.length !== 5) {
    return fail({ field: 'format', reason: 'fieldCount', fieldsFound: fields.length, missing: fields.length < 5 ? missingByShape(fields) : [] });
  }
  const [rawName = '', rawPlace = '', rawDate = '', rawNik = '', rawPhone = ''] = fields;
  return checkRegistrationFields({ name: rawName, placeOfBirth: rawPlace, dateOfBirth: rawDate, nik: rawNik, phone: rawPhone }, today, confirmed);
}

/** The five values as typed, however they arrived (a line, one question at a time, a WhatsApp Flow). */
export type RawRegistrationFields = Readonly<Record<FormField, string>>;

/**
 * The line's checks on five values received one by one: the same order, the same errors. `confirmed`
 * is the applicant's word that a NIK/birth-date mismatch is right (the line's `/YA`).
 */
export function checkRegistrationFields(fields: RawRegistrationFields, today: IsoDate, confirmed: boolean): RegistrationResult {
  const { name: rawName, placeOfBirth: rawPlace, dateOfBirth: rawDate, nik: rawNik, phone: rawPhone } = fields;
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

/** One value on its own, as its question's answer: the error the line would report for it, if any. */
export function checkRegistrationField(field: FormField, raw: string, today: IsoDate): RegistrationFieldError | undefined {
  const checked =
    field === 'name'
      ? checkText('name', raw, NAME_LENGTH)
      : field === 'placeOfBirth'
        ? checkText('placeOfBirth', raw, PLACE_LENGTH)
        : field === 'dateOfBirth'
          ? checkDate(raw, today)
          : field === 'nik'
            ? checkNik(raw)
            : checkPhone(raw);
  return checked.ok ? undefined : checked.error;
}
