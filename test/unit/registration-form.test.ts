/**
 * The stage 4 line `DAFTAR/nama lengkap/TEMPAT LAHIR/DD-MM-YYYY/NIK/Nomor HP[/YA]` (docs/behaviour.md, Stage 4):
 * example-based tests for every rule, then property-based tests over generated valid and broken lines.
 */
import fc from 'fast-check';
import { addDays, parseIsoDate, daysInMonth, type IsoDate } from '../../lambdas/domain/calendar';
import { messages } from '../../lambdas/domain/texts';
import {
  looksLikeRegistration,
  parseRegistration,
  yearsBefore,
  type RegistrationFieldError,
  type RegistrationForm,
} from '../../lambdas/domain/registration-form';

const TODAY: IsoDate = '2025-06-15';
const EXAMPLE = 'DAFTAR/Ahmad Budiman/JAKARTA/15-08-1990/3201231508900001/089617841945';
const RUNS = { numRuns: 500 };

/** The example line with some fields replaced (0 name, 1 place, 2 date, 3 NIK, 4 phone). */
function line(overrides: Partial<Record<0 | 1 | 2 | 3 | 4, string>> = {}, extra: string[] = []): string {
  const fields = ['Ahmad Budiman', 'JAKARTA', '15-08-1990', '3201231508900001', '089617841945'].map(
    (value, index) => overrides[index as 0 | 1 | 2 | 3 | 4] ?? value,
  );
  return ['DAFTAR', ...fields, ...extra].join('/');
}

function accepted(text: string, today: IsoDate = TODAY): RegistrationForm {
  const result = parseRegistration(text, today);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to be accepted, got ${JSON.stringify(result.error)}`);
  return result.form;
}

function refused(text: string, today: IsoDate = TODAY): RegistrationFieldError {
  const result = parseRegistration(text, today);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused, got ${JSON.stringify(result.form)}`);
  return result.error;
}

/** A NIK whose digits 7–12 encode `date` (day + 40 for women). */
function nikFor(date: IsoDate, sex: 'L' | 'P' = 'L', region = '320123', sequence = '0001'): string {
  const { year, month, day } = parseIsoDate(date);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${region}${two(sex === 'P' ? day + 40 : day)}${two(month)}${two(year % 100)}${sequence}`;
}

function dmy(date: IsoDate): string {
  return date.split('-').reverse().join('-');
}

describe('looksLikeRegistration', () => {
  it.each([EXAMPLE, 'daftar/', 'Daftar /x', '  DAFTAR  / Ahmad', '\nDaFtAr/'])('recognises %j as a registration attempt', (text) => {
    expect(looksLikeRegistration(text)).toBe(true);
  });

  it.each(['DAFTAR', 'daftar saya', 'MENU', 'SELESAI', 'PENDAFTARAN/Ahmad', 'Ahmad/DAFTAR/', 'DAFTAR Ahmad/JAKARTA'])(
    'does not take %j for a registration attempt',
    (text) => {
      expect(looksLikeRegistration(text)).toBe(false);
    },
  );
});

describe('the docs/behaviour.md and seed examples', () => {
  it('accepts the docs/behaviour.md example line with every field as written and the phone normalised to 628…', () => {
    expect(accepted(EXAMPLE)).toEqual<RegistrationForm>({
      name: 'Ahmad Budiman',
      placeOfBirth: 'JAKARTA',
      dateOfBirth: '1990-08-15',
      nik: '3201231508900001',
      phone: '6289617841945',
      nikDateMismatch: false,
      sex: 'L',
    });
  });

  it("refuses the seed's example NIK 3201234567890987 because its digits 7–12 encode month 67", () => {
    expect(refused(line({ 3: '3201234567890987' }))).toEqual({
      field: 'nik',
      reason: 'encodedDate',
      encoded: '456789',
      day: 45,
      month: 67,
      dayPossible: true,
      monthPossible: false,
    });
  });
});

describe('format', () => {
  it.each([
    ['lower-case keyword', 'daftar/Ahmad Budiman/JAKARTA/15-08-1990/3201231508900001/089617841945'],
    ['mixed-case keyword', 'DaFtAr/Ahmad Budiman/JAKARTA/15-08-1990/3201231508900001/089617841945'],
    ['spaces around every /', 'DAFTAR / Ahmad Budiman / JAKARTA / 15-08-1990 / 3201231508900001 / 089617841945'],
    ['a trailing /', `${EXAMPLE}/`],
    ['a trailing / followed by spaces', `${EXAMPLE} / `],
    ['surrounding whitespace and a final newline', `  ${EXAMPLE}\n`],
    ['a Windows line ending', `${EXAMPLE}\r\n`],
  ])('tolerates %s', (_case, text) => {
    expect(accepted(text)).toEqual(accepted(EXAMPLE));
  });

  it('refuses a text that does not start with the keyword DAFTAR', () => {
    expect(refused('DAFTR/Ahmad Budiman/JAKARTA/15-08-1990/3201231508900001/089617841945')).toEqual({ field: 'format', reason: 'keyword' });
    expect(refused('DAFTAR Ahmad Budiman/JAKARTA/15-08-1990/3201231508900001/089617841945')).toEqual({ field: 'format', reason: 'keyword' });
  });

  it.each<[string, string, number, string[]]>([
    ['a field missing', 'DAFTAR/Ahmad Budiman/15-08-1990/3201231508900001/089617841945', 4, ['placeOfBirth']],
    ['the phone missing', 'DAFTAR/Ahmad Budiman/JAKARTA/15-08-1990/3201231508900001', 4, ['phone']],
    ['the NIK and the date missing', 'DAFTAR/Ahmad Budiman/JAKARTA/089617841945', 3, ['dateOfBirth', 'nik']],
    ['only the keyword', 'DAFTAR', 0, ['name', 'placeOfBirth', 'dateOfBirth', 'nik', 'phone']],
    ['only the keyword and a slash', 'DAFTAR/', 0, ['name', 'placeOfBirth', 'dateOfBirth', 'nik', 'phone']],
    ['an extra field that is not YA', `${EXAMPLE}/Kerinci`, 6, []],
    ['two trailing slashes', `${EXAMPLE}//`, 6, []],
  ])('refuses %s and says how many fields it found and which look missing', (_case, text, fieldsFound, missing) => {
    expect(refused(text)).toEqual({ field: 'format', reason: 'fieldCount', fieldsFound, missing });
  });

  // Issue 16: the line is forgiving about how the fields are separated and how the date is written.
  it.each([
    ['a date written with slashes', 'DAFTAR/Ahmad Budiman/JAKARTA/15/08/1990/3201231508900001/089617841945'],
    ['a written month', 'DAFTAR/Ahmad Budiman/JAKARTA/15 Agustus 1990/3201231508900001/089617841945'],
    ['a short written month', 'DAFTAR/Ahmad Budiman/JAKARTA/15 Agt 1990/3201231508900001/089617841945'],
    ['one field per line', 'DAFTAR\nAhmad Budiman\nJAKARTA\n15-08-1990\n3201231508900001\n089617841945'],
    [
      'one field per line with Windows line endings and blank lines',
      'Daftar\r\n\r\nAhmad Budiman\r\nJAKARTA\r\n15/08/1990\r\n3201231508900001\r\n089617841945',
    ],
    ['commas', 'DAFTAR, Ahmad Budiman, JAKARTA, 15 Agustus 1990, 3201231508900001, 089617841945'],
    [
      'the blank template filled in',
      'DAFTAR\nNama lengkap: Ahmad Budiman\nTempat lahir: JAKARTA\nTanggal lahir (DD-MM-YYYY): 15-08-1990\nNIK: 3201231508900001\nNomor HP: 089617841945',
    ],
    [
      'the template filled in another order',
      'DAFTAR\nNIK: 3201231508900001\nNama: Ahmad Budiman\nNo HP: 089617841945\nTgl lahir: 15 agustus 1990\nTempat lahir: JAKARTA',
    ],
  ])('accepts %s', (_case, text) => {
    expect(accepted(text)).toEqual(accepted(EXAMPLE));
  });

  it('names the empty field of a filled-in template', () => {
    const text = 'DAFTAR\nNama lengkap: Ahmad Budiman\nTempat lahir:\nTanggal lahir (DD-MM-YYYY): 15-08-1990\nNIK: 3201231508900001\nNomor HP: 089617841945';
    expect(refused(text)).toEqual({ field: 'placeOfBirth', reason: 'length', length: 0, min: 2, max: 50 });
  });
});

describe('name', () => {
  it('collapses inner runs of spaces to one and keeps the name as written', () => {
    expect(accepted(line({ 0: '  ahmad    BUDIMAN  ' })).name).toBe('ahmad BUDIMAN');
  });

  it.each(["Renée O'Connor-Dupont", 'Muh. Iqbal', 'Łukasz Żółć', 'Siti Nur Ñúñez', 'Abu'])('accepts the Latin name %j', (name) => {
    expect(accepted(line({ 0: name })).name).toBe(name);
  });

  it('composes decomposed accents (NFC) before checking and storing', () => {
    expect(accepted(line({ 0: 'Rene\u0301e' })).name).toBe('Ren\u00e9e');
  });

  it('reads a typographic apostrophe as an ASCII one', () => {
    expect(accepted(line({ 0: 'Ma’ruf Amin' })).name).toBe("Ma'ruf Amin");
  });

  it('accepts exactly 3 and exactly 100 characters', () => {
    expect(accepted(line({ 0: 'Ali' })).name).toBe('Ali');
    expect(accepted(line({ 0: 'A'.repeat(100) })).name).toHaveLength(100);
  });

  it.each([
    ['', 0],
    ['Al', 2],
    ['A'.repeat(101), 101],
  ])('refuses the name %j by its length', (name, length) => {
    expect(refused(line({ 0: name }))).toEqual({ field: 'name', reason: 'length', length, min: 3, max: 100 });
  });

  it.each([
    ['Ahmad 2', ['2']],
    ['Ahmad_Budiman!', ['_', '!']],
    ['Ahmad 😀', ['😀']],
    ['Ахмад', ['А', 'х', 'м', 'а', 'д']],
  ])('refuses the name %j and lists the characters not allowed', (name, invalid) => {
    expect(refused(line({ 0: name }))).toEqual({ field: 'name', reason: 'characters', invalid });
  });

  it('refuses a name with fewer than 3 letters', () => {
    expect(refused(line({ 0: 'A.B' }))).toEqual({ field: 'name', reason: 'letters', letters: 2, min: 3 });
  });
});

describe('place of birth', () => {
  it.each(['Sungai Penuh', 'TG. PINANG', 'Bé', 'Ú'.repeat(50)])('accepts %j', (place) => {
    expect(accepted(line({ 1: place })).placeOfBirth).toBe(place);
  });

  it('collapses inner runs of spaces', () => {
    expect(accepted(line({ 1: 'Sungai   Penuh' })).placeOfBirth).toBe('Sungai Penuh');
  });

  it.each([
    ['J', { reason: 'length', length: 1, min: 2, max: 50 }],
    ['X'.repeat(51), { reason: 'length', length: 51, min: 2, max: 50 }],
    ['Jakarta 2', { reason: 'characters', invalid: ['2'] }],
    ['..', { reason: 'letters', letters: 0, min: 2 }],
  ])('refuses %j', (place, error) => {
    expect(refused(line({ 1: place }))).toEqual({ field: 'placeOfBirth', ...error });
  });
});

describe('birth date', () => {
  const withDate = (text: string, date: IsoDate, sex: 'L' | 'P' = 'L') => line({ 2: text, 3: nikFor(date, sex) });

  it.each([
    ['29-02-2000', '2000-02-29', 'a century divisible by 400 is a leap year'],
    ['29-02-2024', '2024-02-29', 'a leap year'],
    ['5-8-1990', '1990-08-05', 'day and month of one digit'],
    ['15.08.1990', '1990-08-15', 'dots as separators'],
    ['15 - 08 - 1990', '1990-08-15', 'spaces around the separators'],
    ['31-12-1999', '1999-12-31', 'the last day of a year'],
  ])('accepts %j as %s: %s', (text, date) => {
    expect(accepted(withDate(text, date)).dateOfBirth).toBe(date);
  });

  it.each([
    ['29-02-2023', { day: 29, month: 2, year: 2023 }],
    ['29-02-1900', { day: 29, month: 2, year: 1900 }],
    ['31-04-1990', { day: 31, month: 4, year: 1990 }],
    ['31-02-1990', { day: 31, month: 2, year: 1990 }],
    ['00-01-1990', { day: 0, month: 1, year: 1990 }],
    ['15-13-1990', { day: 15, month: 13, year: 1990 }],
    ['32-01-1990', { day: 32, month: 1, year: 1990 }],
  ])('refuses %j as a date not on the calendar', (text, parts) => {
    expect(refused(line({ 2: text }))).toEqual({ field: 'dateOfBirth', reason: 'notRealDate', ...parts });
  });

  it.each(['15-08-90', '15 Agustos 1990', '15081990', '', '15-08-1990x'])('refuses %j as not a date it can read', (text) => {
    expect(refused(line({ 2: text }))).toEqual({ field: 'dateOfBirth', reason: 'format', value: text });
  });

  it.each(['1990-08-15', '15 Agustus 1990', '15 AGUSTUS 1990', '15-Agu-1990', '15 Aug 1990', '15/08/1990', '15 08 1990'])(
    'reads %j as 15 August 1990',
    (text) => {
      expect(accepted(line({ 2: text })).dateOfBirth).toBe('1990-08-15');
    },
  );

  it('accepts a birth date of today and refuses tomorrow as in the future', () => {
    expect(accepted(withDate(dmy(TODAY), TODAY)).dateOfBirth).toBe(TODAY);
    const tomorrow = addDays(TODAY, 1);
    expect(refused(withDate(dmy(tomorrow), tomorrow))).toEqual({ field: 'dateOfBirth', reason: 'future', date: tomorrow, today: TODAY });
  });

  it('refuses a future year', () => {
    expect(refused(withDate('15-08-2030', '2030-08-15'))).toMatchObject({ field: 'dateOfBirth', reason: 'future' });
  });

  it('accepts an applicant exactly 120 years old today and refuses one born a day earlier', () => {
    expect(accepted(withDate('15-06-1905', '1905-06-15')).dateOfBirth).toBe('1905-06-15');
    expect(refused(withDate('14-06-1905', '1905-06-14'))).toEqual({
      field: 'dateOfBirth',
      reason: 'tooOld',
      date: '1905-06-14',
      earliest: '1905-06-15',
    });
  });

  it('refuses an applicant 121 years old', () => {
    expect(refused(withDate('01-01-1904', '1904-01-01'))).toMatchObject({ field: 'dateOfBirth', reason: 'tooOld' });
  });

  it('counts 120 years back from 29 February to 28 February of a common year', () => {
    expect(yearsBefore('2020-02-29', 120)).toBe('1900-02-28');
    expect(yearsBefore('2024-02-29', 120)).toBe('1904-02-29');
  });
});

describe('NIK', () => {
  it('accepts a NIK written in groups with spaces and stores the 16 digits', () => {
    expect(accepted(line({ 3: '3201 2315 0890 0001' })).nik).toBe('3201231508900001');
  });

  it('reads sex L from a plain day and P from a day with 40 added', () => {
    expect(accepted(line({ 3: '3201231508900001' })).sex).toBe('L');
    expect(accepted(line({ 3: '3201235508900001' }))).toMatchObject({ sex: 'P', nikDateMismatch: false, dateOfBirth: '1990-08-15' });
  });

  it.each([
    ['32012315O8900001', ['O']],
    ['3201-2315-0890-0001', ['-']],
    ['NIK3201231508900001', ['N', 'I', 'K']],
  ])('refuses %j, naming the characters that are not digits', (nik, invalid) => {
    expect(refused(line({ 3: nik }))).toEqual({ field: 'nik', reason: 'characters', invalid });
  });

  it.each([
    ['320123150890001', 15],
    ['32012315089000012', 17],
    ['', 0],
  ])('refuses %j because it has %i digits, not 16', (nik, digits) => {
    expect(refused(line({ 3: nik }))).toEqual({ field: 'nik', reason: 'length', digits });
  });

  it.each([
    ['00', '08', false, true],
    ['32', '08', false, true],
    ['40', '08', false, true],
    ['72', '08', false, true],
    ['15', '00', true, false],
    ['15', '13', true, false],
    ['99', '99', false, false],
  ])('refuses a NIK encoding day %s month %s as not a possible date', (day, month, dayPossible, monthPossible) => {
    const encoded = `${day}${month}90`;
    expect(refused(line({ 3: `320123${encoded}0001` }))).toEqual({
      field: 'nik',
      reason: 'encodedDate',
      encoded,
      day: Number(day),
      month: Number(month),
      dayPossible,
      monthPossible,
    });
  });

  it.each(['01', '31', '41', '71'])('takes encoded day %s as possible', (day) => {
    const result = parseRegistration(line({ 3: `320123${day}08900001` }), TODAY);
    expect(result.ok || result.error.field !== 'nik').toBe(true);
  });
});

describe('NIK against birth date', () => {
  it('refuses a NIK whose encoded date contradicts the birth date, explaining both dates', () => {
    expect(refused(line({ 2: '16-08-1990' }))).toEqual({
      field: 'nikDate',
      encoded: '150890',
      nikDay: 15,
      nikMonth: 8,
      nikYear: 1990,
      sex: 'L',
      dateOfBirth: '1990-08-16',
    });
  });

  it.each([
    ['another day', '16-08-1991'],
    ['another month', '15-09-1991'],
    ['another year', '15-08-1990'],
  ])('refuses a birth date with %s than the NIK encodes', (_case, date) => {
    expect(refused(line({ 2: date, 3: '3201231508910001' })).field).toBe('nikDate');
  });

  it('compares only the two-digit year, so a birth year a century apart still matches', () => {
    expect(accepted(line({ 2: '01-01-1910', 3: '3201230101100001' })).nikDateMismatch).toBe(false);
    expect(accepted(line({ 2: '01-01-2010', 3: '3201230101100001' })).nikDateMismatch).toBe(false);
  });

  it('accepts a woman whose NIK day is the birth day plus 40', () => {
    expect(accepted(line({ 2: '01-01-2000', 3: nikFor('2000-01-01', 'P') }))).toMatchObject({ sex: 'P', nikDateMismatch: false });
  });

  it('reads the NIK year in the century nearest the given year', () => {
    expect(refused(line({ 2: '01-01-1925', 3: '3201230101240001' }))).toMatchObject({ field: 'nikDate', nikYear: 1924 });
    expect(refused(line({ 2: '01-01-1999', 3: '3201230101020001' }))).toMatchObject({ field: 'nikDate', nikYear: 2002 });
    expect(refused(line({ 2: '01-01-2024', 3: '3201230101900001' }))).toMatchObject({ field: 'nikDate', nikYear: 1990 });
  });

  it.each(['YA', 'ya', ' Ya '])('accepts the mismatch when the line ends with /%s and flags it for the officer', (ya) => {
    expect(accepted(line({ 2: '16-08-1990' }, [ya]))).toMatchObject({ dateOfBirth: '1990-08-16', nik: '3201231508900001', nikDateMismatch: true });
  });

  it('accepts /YA followed by a trailing slash', () => {
    expect(accepted(`${line({ 2: '16-08-1990' })}/YA/`).nikDateMismatch).toBe(true);
  });

  it('does not flag a line with /YA whose NIK matches the birth date', () => {
    expect(accepted(`${EXAMPLE}/YA`).nikDateMismatch).toBe(false);
  });

  it('keeps the sex of the NIK when a mismatch is confirmed', () => {
    expect(accepted(line({ 2: '16-08-1990', 3: '3201235508900001' }, ['YA'])).sex).toBe('P');
  });

  it('does not let /YA excuse any other error', () => {
    expect(refused(line({ 3: '3201234567890987' }, ['YA']))).toMatchObject({ field: 'nik' });
    expect(refused(line({ 2: '31-02-1990' }, ['YA']))).toMatchObject({ field: 'dateOfBirth' });
  });
});

describe('phone', () => {
  it.each([
    ['081234567890', '6281234567890'],
    ['0812-3456-7890', '6281234567890'],
    ['0812.3456.7890', '6281234567890'],
    ['0812 3456 7890', '6281234567890'],
    ['(0812) 3456 7890', '6281234567890'],
    ['6281234567890', '6281234567890'],
    ['+62 812-3456-7890', '6281234567890'],
    ['+6281234567890', '6281234567890'],
    ['0896 1784 1945', '6289617841945'],
  ])('accepts %j as %s', (phone, normalised) => {
    expect(accepted(line({ 4: phone })).phone).toBe(normalised);
  });

  it('accepts 11 and 15 digits once normalised', () => {
    expect(accepted(line({ 4: '0812345678' })).phone).toBe('62812345678');
    expect(accepted(line({ 4: '08123456789012' })).phone).toBe('628123456789012');
    expect(accepted(line({ 4: '628123456789012' })).phone).toBe('628123456789012');
  });

  it.each([
    ['081234567', 10],
    ['0812345', 8],
    ['081234567890123', 16],
    ['+62 812 3456 7890 1234', 17],
  ])('refuses %j because it has %i digits once normalised', (phone, digits) => {
    expect(refused(line({ 4: phone }))).toEqual({ field: 'phone', reason: 'length', digits, min: 11, max: 15 });
  });

  it.each([
    ['021-7654321', '0217'],
    ['0711 123456', '0711'],
    ['07123456789', '0712'],
    ['+1 415 555 0100', '+141'],
    ['81234567890', '8123'],
    ['+62 0812 3456 789', '+620'],
    ['6221 7654321', '6221'],
  ])('refuses %j as not an Indonesian mobile number', (phone, start) => {
    expect(refused(line({ 4: phone }))).toEqual({ field: 'phone', reason: 'prefix', start });
  });

  it('reads an empty last field as a trailing / (a field missing), and an empty phone before a trailing / as a missing phone', () => {
    expect(refused(line({ 4: '' }))).toEqual({ field: 'format', reason: 'fieldCount', fieldsFound: 4, missing: ['phone'] });
    expect(refused(`${line({ 4: '' })}/`)).toEqual({ field: 'phone', reason: 'prefix', start: '' });
  });

  it.each([
    ['O81234567890', ['O']],
    ['0812_34', ['_']],
    ['0812 3456 789x', ['x']],
    ['++6281234567890', ['+']],
  ])('refuses %j naming the characters that are not digits', (phone, invalid) => {
    expect(refused(line({ 4: phone }))).toEqual({ field: 'phone', reason: 'characters', invalid });
  });
});

describe('order of checks', () => {
  it('reports the first wrong field in the order name, place, date, NIK, phone', () => {
    expect(refused(line({ 0: 'A1', 1: 'X', 2: 'x', 3: 'x', 4: 'x' })).field).toBe('name');
    expect(refused(line({ 1: 'X', 2: 'x', 3: 'x', 4: 'x' })).field).toBe('placeOfBirth');
    expect(refused(line({ 2: 'x', 3: 'x', 4: 'x' })).field).toBe('dateOfBirth');
    expect(refused(line({ 3: 'x', 4: 'x' })).field).toBe('nik');
  });

  it('reports a wrong phone before a NIK/birth-date mismatch, which is checked last', () => {
    expect(refused(line({ 2: '16-08-1990', 4: '021-7654321' })).field).toBe('phone');
  });

  it('reports a wrong field count before anything else', () => {
    expect(refused('DAFTAR/A1/X/x')).toMatchObject({ field: 'format', fieldsFound: 3 });
  });
});

const LABELS: Record<RegistrationFieldError['field'], string> = {
  format: 'Format pendaftaran',
  name: 'Nama lengkap',
  placeOfBirth: 'Tempat lahir',
  dateOfBirth: 'Tanggal lahir',
  nik: 'NIK',
  phone: 'Nomor HP',
  nikDate: 'NIK dan tanggal lahir',
};

describe('error messages (catalogue)', () => {
  const APPLICANT_NIK = '3507014508900002';
  const cases: Array<[string, string]> = [
    ['keyword', 'DAFTR/x'],
    ['field count', 'DAFTAR/Ahmad Budiman/JAKARTA'],
    ['no fields', 'DAFTAR/'],
    ['name length', line({ 0: 'Al' })],
    ['name empty', line({ 0: '' })],
    ['name characters', line({ 0: 'Ahmad 2' })],
    ['name letters', line({ 0: 'A.B' })],
    ['place length', line({ 1: 'J' })],
    ['place characters', line({ 1: 'Jakarta 2' })],
    ['place letters', line({ 1: '..' })],
    ['date format', line({ 2: '15-08-90' })],
    ['date empty', line({ 2: '' })],
    ['date not on the calendar', line({ 2: '29-02-2023' })],
    ['date in the future', line({ 2: '15-08-2030' })],
    ['date too old', line({ 2: '15-08-1890' })],
    ['NIK characters', line({ 3: '35070145O8900002' })],
    ['NIK length', line({ 3: '350701450890000' })],
    ['NIK empty', line({ 3: '' })],
    ['NIK encoded date', line({ 3: '3201234567890987' })],
    ['phone characters', line({ 4: 'O81234567890' })],
    ['phone prefix', line({ 4: '021-7654321' })],
    ['phone empty', `${line({ 4: ' ' })}/`],
    ['phone length', line({ 4: '0812345' })],
    ['NIK/birth-date mismatch', line({ 2: '16-08-1990', 3: APPLICANT_NIK })],
  ];

  it.each(cases)('names the field and shows the example line for the %s error', (_case, text) => {
    const error = refused(text);
    const message = messages.registrationError(error);
    expect(message).toContain(LABELS[error.field]);
    expect(message).toContain(EXAMPLE);
    expect(message).not.toContain('**');
    expect(message).not.toContain(APPLICANT_NIK);
    expect(message.length).toBeLessThan(700);
  });

  it('ends every message but the mismatch one with the example line, after the format, then points to the blank form', () => {
    for (const [, text] of cases.slice(0, -1)) {
      const message = messages.registrationError(refused(text));
      expect(
        message.endsWith(
          `DAFTAR/nama lengkap/TEMPAT LAHIR/DD-MM-YYYY/NIK/Nomor HP\nContoh:\n${EXAMPLE}\n\nAtau salin formulir pada pesan berikut, isi setelah tanda titik dua, lalu kirim.`,
        ),
      ).toBe(true);
    }
  });

  it('explains a mismatch with both dates and offers /YA', () => {
    const message = messages.registrationError(refused(line({ 2: '16-08-1990' })));
    expect(message).toContain('NIK Anda (digit ke-7 sampai ke-12: 150890) menunjukkan tanggal lahir 15-08-1990, tetapi Anda menulis 16-08-1990');
    expect(message).toContain('periksa kembali keduanya');
    expect(message).toContain('/YA');
    expect(message.endsWith(`${EXAMPLE}/YA`)).toBe(true);
  });

  it("explains the +40 of a woman's NIK in a mismatch", () => {
    const message = messages.registrationError(refused(line({ 2: '16-08-1990', 3: APPLICANT_NIK })));
    expect(message).toContain('menunjukkan tanggal lahir 05-08-1990');
    expect(message).toContain('45 berarti tanggal 05');
  });

  it('says what was wrong with the value received', () => {
    const render = (text: string) => messages.registrationError(refused(text));
    expect(render('DAFTAR/Ahmad Budiman/JAKARTA')).toContain('menemukan 2 data');
    expect(render(line({ 0: 'Ahmad 2' }))).toContain('“2”');
    expect(render(line({ 2: '15 Agustos 1990' }))).toContain('“15 Agustos 1990”');
    expect(render(line({ 2: '29-02-2023' }))).toContain('2023 bukan tahun kabisat');
    expect(render(line({ 2: '15-08-2030' }))).toContain('hari ini 15-06-2025');
    expect(render(line({ 2: '15-08-1890' }))).toContain('setelah 15-06-1905');
    expect(render(line({ 3: '320123150890001' }))).toContain('15 angka');
    expect(render(line({ 3: '3201234567890987' }))).toContain('bulan 67 tidak ada');
    expect(render(line({ 3: '3201239908900001' }))).toContain('tanggal 99 tidak mungkin');
    expect(render(line({ 4: '021-7654321' }))).toContain('“0217”');
    expect(render(line({ 4: '0812345' }))).toContain('8 angka');
  });
});

// ---------------------------------------------------------------------------------------------------
// Property-based tests
// ---------------------------------------------------------------------------------------------------

const EARLIEST = yearsBefore(TODAY, 120);
const DAYS_IN_RANGE = (Date.parse(TODAY) - Date.parse(EARLIEST)) / 86_400_000;

const LATIN_LETTERS = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  ...Array.from({ length: 0x180 - 0xc0 }, (_, i) => String.fromCodePoint(0xc0 + i)).filter((char) => char !== '×' && char !== '÷'),
];
const ASCII_LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'];

const digits = (min: number, max = min) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((ds) => ds.join(''));
const spaces = fc.constantFrom('', '', ' ', '  ', '\t', ' \u00a0');

/** A name or place: words separated by one space, a hyphen, an apostrophe or ". ", written with random inner runs of spaces. */
function latinText(options: { words: number; wordLength: number; min: number; max: number; minLetters: number; asciiOnly?: boolean }) {
  const word = fc
    .array(fc.constantFrom(...(options.asciiOnly ? ASCII_LETTERS : LATIN_LETTERS)), { minLength: 1, maxLength: options.wordLength })
    .map((letters) => letters.join(''));
  const part = fc.record({ word, separator: fc.constantFrom(' ', ' ', ' ', '-', "'", '. '), extraSpaces: fc.integer({ min: 0, max: 2 }) });
  return fc
    .array(part, { minLength: 1, maxLength: options.words })
    .map((parts) => {
      const canonical = parts.map((p, i) => (i === 0 ? p.word : p.separator + p.word)).join('');
      const written = parts.map((p, i) => (i === 0 ? p.word : p.separator.replace(' ', ' '.repeat(1 + p.extraSpaces)) + p.word)).join('');
      return { canonical, written };
    })
    .filter(({ canonical }) => {
      const length = [...canonical].length;
      const letters = [...canonical].filter((char) => /\p{L}/u.test(char)).length;
      return length >= options.min && length <= options.max && letters >= options.minLetters;
    });
}

const randomCase = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((upper) => [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''));

/** Separators sprinkled between the characters of `text`. */
const sprinkled = (text: string, separators: string[]) =>
  fc
    .array(fc.constantFrom('', '', '', '', ...separators), { minLength: text.length, maxLength: text.length })
    .map((seps) => [...text].map((c, i) => (i === 0 ? c : seps[i] + c)).join(''));

interface Applicant {
  expected: RegistrationForm;
  /** The five fields as the applicant writes them. */
  fields: [string, string, string, string, string];
  keyword: string;
  padding: string[];
  trailingSlash: boolean;
  finalNewline: boolean;
  /** Digits after `08` / `628`: 9–13 of them, so that 628… has 11–15 digits. */
  phoneRest: string;
}

const applicantArb: fc.Arbitrary<Applicant> = fc
  .record({
    name: latinText({ words: 6, wordLength: 14, min: 3, max: 100, minLetters: 3 }),
    place: latinText({ words: 3, wordLength: 12, min: 2, max: 50, minLetters: 2 }),
    dayOffset: fc.integer({ min: 0, max: DAYS_IN_RANGE }),
    padDay: fc.boolean(),
    padMonth: fc.boolean(),
    dateSeparators: fc.tuple(fc.constantFrom('-', '.'), fc.constantFrom('-', '.')),
    sex: fc.constantFrom<'L' | 'P'>('L', 'P'),
    region: digits(6),
    sequence: digits(4),
    nikGrouping: fc.constantFrom('none', 'fours', 'random'),
    nikSpaces: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
    phoneForm: fc.constantFrom('0', '62', '+62', '+62 '),
    phoneRest: digits(8, 12).map((d) => `8${d}`),
    keyword: randomCase('daftar'),
    padding: fc.array(spaces, { minLength: 14, maxLength: 14 }),
    trailingSlash: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .chain((g) =>
    sprinkled(g.phoneRest, [' ', '-', '.']).map((phoneWritten) => {
      const dateOfBirth = addDays(EARLIEST, g.dayOffset);
      const { year, month, day } = parseIsoDate(dateOfBirth);
      const dateText = `${g.padDay ? String(day).padStart(2, '0') : day}${g.dateSeparators[0]}${g.padMonth ? String(month).padStart(2, '0') : month}${g.dateSeparators[1]}${year}`;
      const nik = nikFor(dateOfBirth, g.sex, g.region, g.sequence);
      const nikText =
        g.nikGrouping === 'fours'
          ? nik.replace(/(\d{4})(?=\d)/g, '$1 ')
          : g.nikGrouping === 'random'
            ? [...nik].map((c, i) => (i > 0 && g.nikSpaces[i] ? ` ${c}` : c)).join('')
            : nik;
      const applicant: Applicant = {
        expected: {
          name: g.name.canonical,
          placeOfBirth: g.place.canonical,
          dateOfBirth,
          nik,
          phone: `62${g.phoneRest}`,
          nikDateMismatch: false,
          sex: g.sex,
        },
        fields: [g.name.written, g.place.written, dateText, nikText, `${g.phoneForm === '0' ? '0' : g.phoneForm}${phoneWritten}`],
        keyword: g.keyword,
        padding: g.padding,
        trailingSlash: g.trailingSlash,
        finalNewline: g.finalNewline,
        phoneRest: g.phoneRest,
      };
      return applicant;
    }),
  );

/** The line with random spacing around every `/`. */
function render(a: Applicant, fields: readonly string[] = a.fields): string {
  const pad = (i: number) => a.padding[i % a.padding.length] ?? '';
  const body = [a.keyword, ...fields].map((field, i) => `${pad(2 * i)}${field}${pad(2 * i + 1)}`).join('/');
  return `${body}${a.trailingSlash ? '/' : ''}${a.finalNewline ? '\n' : ''}`;
}

type Mutation = { describe: string; field: RegistrationFieldError['field']; apply: (a: Applicant) => string[] };

const withField = (a: Applicant, index: number, value: string): string[] => a.fields.map((f, i) => (i === index ? value : f));
const nikDigits = (a: Applicant) => a.expected.nik;
const nikWith = (a: Applicant, position: number, replacement: string) => {
  const nik = nikDigits(a);
  return nik.slice(0, position) + replacement + nik.slice(position + 1);
};
const two = (n: number) => String(n).padStart(2, '0');
const dateParts = (a: Applicant) => parseIsoDate(a.expected.dateOfBirth);
const TODAY_YEAR = parseIsoDate(TODAY).year;

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.integer({ min: 0, max: 15 }).map((p): Mutation => ({ describe: 'a NIK digit removed', field: 'nik', apply: (a) => withField(a, 3, nikWith(a, p, '')) })),
  fc.tuple(fc.integer({ min: 0, max: 15 }), digits(1)).map(([p, d]): Mutation => ({
    describe: 'a NIK digit added',
    field: 'nik',
    apply: (a) => withField(a, 3, nikDigits(a).slice(0, p) + d + nikDigits(a).slice(p)),
  })),
  fc
    .tuple(fc.integer({ min: 0, max: 15 }), fc.constantFrom(...ASCII_LETTERS, '-', '.', '*'))
    .map(([p, c]): Mutation => ({ describe: `a letter ${c} in the NIK`, field: 'nik', apply: (a) => withField(a, 3, nikWith(a, p, c)) })),
  fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 })).map((m): Mutation => ({
    describe: `NIK month ${m}`,
    field: 'nik',
    apply: (a) => withField(a, 3, nikDigits(a).slice(0, 8) + two(m) + nikDigits(a).slice(10)),
  })),
  fc.oneof(fc.constant(0), fc.integer({ min: 32, max: 40 }), fc.integer({ min: 72, max: 99 })).map((d): Mutation => ({
    describe: `NIK day ${d}`,
    field: 'nik',
    apply: (a) => withField(a, 3, nikDigits(a).slice(0, 6) + two(d) + nikDigits(a).slice(8)),
  })),
  fc.integer({ min: 1, max: 8 }).map((extra): Mutation => ({
    describe: 'an impossible day',
    field: 'dateOfBirth',
    apply: (a) => {
      const { year, month } = dateParts(a);
      return withField(a, 2, `${daysInMonth(year, month) + extra}-${two(month)}-${year}`);
    },
  })),
  fc
    .oneof(fc.constant(0), fc.integer({ min: 13, max: 99 }))
    .map((m): Mutation => ({ describe: `month ${m}`, field: 'dateOfBirth', apply: (a) => withField(a, 2, `01-${two(m)}-${dateParts(a).year}`) })),
  fc
    .integer({ min: 1, max: 7000 })
    .map((k): Mutation => ({ describe: 'a future year', field: 'dateOfBirth', apply: (a) => withField(a, 2, `01-01-${TODAY_YEAR + k}`) })),
  fc.integer({ min: 1, max: 36_500 }).map((k): Mutation => ({
    describe: 'a date after today',
    field: 'dateOfBirth',
    apply: (a) => {
      const { year, month, day } = parseIsoDate(addDays(TODAY, k));
      return withField(a, 2, `${two(day)}-${two(month)}-${year}`);
    },
  })),
  fc.integer({ min: 1, max: 40_000 }).map((k): Mutation => ({
    describe: 'born before today minus 120 years',
    field: 'dateOfBirth',
    apply: (a) => {
      const { year, month, day } = parseIsoDate(addDays(EARLIEST, -k));
      return withField(a, 2, `${two(day)}-${two(month)}-${year}`);
    },
  })),
  fc.constant<Mutation>({
    describe: 'a two-digit year',
    field: 'dateOfBirth',
    apply: (a) => withField(a, 2, `${two(dateParts(a).day)}-${two(dateParts(a).month)}-${two(dateParts(a).year % 100)}`),
  }),
  fc.tuple(fc.nat(), digits(1)).map(([p, d]): Mutation => ({
    describe: 'a name with a digit',
    field: 'name',
    apply: (a) => withField(a, 0, a.fields[0].slice(0, p % (a.fields[0].length + 1)) + d + a.fields[0].slice(p % (a.fields[0].length + 1))),
  })),
  // Not `,` or `;`: since issue 16 they separate fields, like `/`.
  fc.tuple(fc.nat(), fc.constantFrom('@', '#', '_', '!', '?', '*', '😀', '&', '"', 'Я', 'ǅ', '×')).map(([p, c]): Mutation => ({
    describe: `a name with ${c}`,
    field: 'name',
    apply: (a) => withField(a, 0, a.fields[0].slice(0, p % (a.fields[0].length + 1)) + c + a.fields[0].slice(p % (a.fields[0].length + 1))),
  })),
  fc
    .array(fc.constantFrom(...LATIN_LETTERS), { minLength: 0, maxLength: 2 })
    .map((letters): Mutation => ({ describe: 'a name of fewer than 3 characters', field: 'name', apply: (a) => withField(a, 0, letters.join('')) })),
  fc
    .integer({ min: 101, max: 300 })
    .map((n): Mutation => ({ describe: 'a name over 100 characters', field: 'name', apply: (a) => withField(a, 0, 'a'.repeat(n)) })),
  fc.tuple(fc.nat(), digits(1)).map(([p, d]): Mutation => ({
    describe: 'a place with a digit',
    field: 'placeOfBirth',
    apply: (a) => withField(a, 1, a.fields[1].slice(0, p % (a.fields[1].length + 1)) + d + a.fields[1].slice(p % (a.fields[1].length + 1))),
  })),
  fc
    .integer({ min: 51, max: 200 })
    .map((n): Mutation => ({ describe: 'a place over 50 characters', field: 'placeOfBirth', apply: (a) => withField(a, 1, 'B'.repeat(n)) })),
  fc
    .constantFrom('07', '01', '02', '09', '8', '+1', '+65', '0062', '6208', '+6208', '621')
    .map((prefix): Mutation => ({ describe: `a phone starting ${prefix}`, field: 'phone', apply: (a) => withField(a, 4, prefix + a.phoneRest.slice(1)) })),
  digits(0, 7).map((d): Mutation => ({ describe: 'a phone too short', field: 'phone', apply: (a) => withField(a, 4, `08${d}`) })),
  digits(13, 20).map((d): Mutation => ({ describe: 'a phone too long', field: 'phone', apply: (a) => withField(a, 4, `+628${d}`) })),
  fc.tuple(fc.nat(), fc.constantFrom('O', 'o', 'l', 'x', '#', '&')).map(([p, c]): Mutation => ({
    describe: `a phone with ${c}`,
    field: 'phone',
    apply: (a) => withField(a, 4, `08${a.phoneRest.slice(1, 1 + (p % a.phoneRest.length))}${c}${a.phoneRest.slice(1 + (p % a.phoneRest.length))}`),
  })),
  fc
    .integer({ min: 0, max: 4 })
    .map((i): Mutation => ({ describe: `field ${i + 1} left out`, field: 'format', apply: (a) => a.fields.filter((_, j) => j !== i) })),
  fc
    .constantFrom('NO', 'Y', 'YES', 'IYA', 'Kerinci', '1')
    .map((extra): Mutation => ({ describe: `a sixth field ${extra}`, field: 'format', apply: (a) => [...a.fields, extra] })),
  fc.tuple(fc.constantFrom('day', 'month', 'year'), fc.integer({ min: 1, max: 99 })).map(([part, shift]): Mutation => ({
    describe: `the NIK's ${part} not the birth date's`,
    field: 'nikDate',
    apply: (a) => withField(a, 3, mismatchedNik(a, part, shift)),
  })),
);

/** The applicant's NIK with one of its date parts moved away from the birth date, still a possible date. */
function mismatchedNik(a: Applicant, part: 'day' | 'month' | 'year', shift: number): string {
  const nik = nikDigits(a);
  const { day, month, year } = dateParts(a);
  const plus40 = a.expected.sex === 'P' ? 40 : 0;
  if (part === 'day') return nik.slice(0, 6) + two(((day - 1 + (shift % 30) + 1) % 31) + 1 + plus40) + nik.slice(8);
  if (part === 'month') return nik.slice(0, 8) + two(((month - 1 + (shift % 11) + 1) % 12) + 1) + nik.slice(10);
  return nik.slice(0, 10) + two((year + shift) % 100) + nik.slice(12);
}

describe('property: generated valid lines', () => {
  it('are recognised, accepted and round-trip every field, with the phone normalised to 628…', () => {
    fc.assert(
      fc.property(applicantArb, (a) => {
        const text = render(a);
        expect(looksLikeRegistration(text)).toBe(true);
        expect(parseRegistration(text, TODAY)).toEqual({ ok: true, form: a.expected });
      }),
      RUNS,
    );
  });

  it('are accepted unflagged when /YA is appended although nothing mismatches', () => {
    fc.assert(
      fc.property(applicantArb, fc.constantFrom('YA', 'ya', 'Ya', 'yA'), (a, ya) => {
        expect(parseRegistration(render(a, [...a.fields, ya]), TODAY)).toEqual({ ok: true, form: a.expected });
      }),
      RUNS,
    );
  });
});

describe('property: lines with one field broken', () => {
  it('are refused naming that field, and the message names it and shows the example line', () => {
    fc.assert(
      fc.property(applicantArb, mutationArb, (a, mutation) => {
        const result = parseRegistration(render(a, mutation.apply(a)), TODAY);
        expect({ mutation: mutation.describe, field: result.ok ? 'accepted' : result.error.field }).toEqual({
          mutation: mutation.describe,
          field: mutation.field,
        });
        if (!result.ok) {
          const message = messages.registrationError(result.error);
          expect(message).toContain(LABELS[result.error.field]);
          expect(message).toContain(EXAMPLE);
        }
      }),
      RUNS,
    );
  });

  it('with only the NIK/birth-date mismatch are accepted with /YA and flagged', () => {
    fc.assert(
      fc.property(applicantArb, fc.constantFrom<'day' | 'month' | 'year'>('day', 'month', 'year'), fc.integer({ min: 1, max: 99 }), (a, part, shift) => {
        const nik = mismatchedNik(a, part, shift);
        const result = parseRegistration(render(a, [...withField(a, 3, nik), 'YA']), TODAY);
        expect(result).toEqual({ ok: true, form: { ...a.expected, nik, nikDateMismatch: true } });
      }),
      RUNS,
    );
  });
});

describe('property: any text', () => {
  const fieldNames = Object.keys(LABELS);

  it('never throws and either accepts a well-formed form or names one known field', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({ unit: fc.constantFrom(...'DAFTRdaftr/ -.+0123456789YAya\n'), maxLength: 120 }),
      fc.array(fc.string({ unit: fc.constantFrom(...'0123456789 -.+aA'), maxLength: 20 }), { maxLength: 8 }).map((parts) => ['DAFTAR', ...parts].join('/')),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseRegistration(text, TODAY);
        if (result.ok) {
          expect(result.form.nik).toMatch(/^\d{16}$/);
          expect(result.form.phone).toMatch(/^628\d{8,12}$/);
          expect(result.form.dateOfBirth <= TODAY && result.form.dateOfBirth >= EARLIEST).toBe(true);
        } else {
          expect(fieldNames).toContain(result.error.field);
          expect(messages.registrationError(result.error)).toContain(EXAMPLE);
        }
      }),
      RUNS,
    );
  });

  it('accepts a birth date exactly 120 years before any today and refuses the day before', () => {
    const todayArb = fc.integer({ min: 0, max: 365 * 150 }).map((n) => addDays('1950-01-01', n));
    fc.assert(
      fc.property(todayArb, (today) => {
        const earliest = yearsBefore(today, 120);
        const at = (date: IsoDate) => line({ 2: dmy(date), 3: nikFor(date) });
        expect(parseRegistration(at(earliest), today).ok).toBe(true);
        expect(parseRegistration(at(addDays(earliest, -1)), today)).toMatchObject({ ok: false, error: { field: 'dateOfBirth', reason: 'tooOld' } });
        expect(parseRegistration(at(today), today).ok).toBe(true);
        expect(parseRegistration(at(addDays(today, 1)), today)).toMatchObject({ ok: false, error: { field: 'dateOfBirth', reason: 'future' } });
      }),
      RUNS,
    );
  });
});
