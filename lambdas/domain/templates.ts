/**
 * The WhatsApp message templates: what the applicant reads when the 24-hour window is closed
 * (docs/whatsapp-cloud-api.md, "The 24-hour window and templates"). `TEMPLATES` are the definitions exactly as `npm run templates:register`
 * POSTs them to `/{WABA_ID}/message_templates`; the builders turn the same facts the free-form texts use
 * (messages.ts) into the `TemplateParameters` of one send. Wording follows the seed (test/fixtures/office-flow/si-bapao-flow.txt
 * stages 5, 7 and 8), category UTILITY, without promotional words.
 *
 * Meta's rules checked here (§6 and Meta's template guidelines): name ≤ 512 of a-z 0-9 _; body ≤ 1024
 * characters; footer and text header ≤ 60; ≤ 10 buttons with labels ≤ 25; positional placeholders
 * `{{1}}…{{n}}` in order, none starting or ending the body, none adjacent, at least 2n+1 other words for n
 * placeholders; an example for every placeholder and a handle for a media header. Parameters of a send
 * carry no line break, tab or run of 4+ spaces.
 */
import { formatDayDate, formatTime, type IsoDate } from './calendar';
import { PENTING_CONFIRMED, type AppointmentFacts, type DocumentsHint } from './messages';
import type { OfficeProfile } from './office';
import type { TemplateParameters } from './replies';

export type TemplateCategory = 'UTILITY' | 'MARKETING' | 'AUTHENTICATION';

export interface TemplateHeader {
  readonly type: 'HEADER';
  readonly format: 'DOCUMENT' | 'IMAGE' | 'VIDEO' | 'TEXT';
  readonly text?: string;
  readonly example?: { readonly header_handle?: readonly string[]; readonly header_text?: readonly string[] };
}

export interface TemplateBody {
  readonly type: 'BODY';
  readonly text: string;
  readonly example?: { readonly body_text: readonly (readonly string[])[] };
}

export interface TemplateFooter {
  readonly type: 'FOOTER';
  readonly text: string;
}

export interface TemplateButton {
  readonly type: 'QUICK_REPLY';
  readonly text: string;
}

export interface TemplateButtons {
  readonly type: 'BUTTONS';
  readonly buttons: readonly TemplateButton[];
}

export type TemplateComponent = TemplateHeader | TemplateBody | TemplateFooter | TemplateButtons;

/** A template as POSTed to `/{WABA_ID}/message_templates`. */
export interface TemplateDefinition {
  readonly name: string;
  readonly language: string;
  readonly category: TemplateCategory;
  readonly components: readonly TemplateComponent[];
}

export const TEMPLATE_LANGUAGE = 'id';

export const TEMPLATE_NAMES = {
  confirmed: 'jadwal_dikonfirmasi',
  changed: 'jadwal_diubah',
  reminder: 'pengingat_kedatangan',
  fix: 'berkas_perlu_diperbaiki',
  cancelled: 'pendaftaran_dibatalkan',
} as const;

/**
 * Stands in for the handle of a sample PDF in the definitions. Meta wants a real one from the Resumable
 * Upload API: the register script uploads a sample and puts its handle here when `WHATSAPP_APP_ID` is set.
 */
export const EXAMPLE_DOCUMENT_HANDLE = '4::YXBwbGljYXRpb24vcGRm:si-bapao-contoh-bukti-antrian';

/** Meta's limits (docs/whatsapp-cloud-api.md, "The 24-hour window and templates"). */
export const TEMPLATE_LIMITS = {
  nameLength: 512,
  bodyLength: 1024,
  footerLength: 60,
  headerTextLength: 60,
  buttons: 10,
  buttonTextLength: 25,
} as const;

/** Reminder quick-reply buttons, in order, with the payload prefix each carries (`datang:<queue>`). */
export const REMINDER_BUTTONS = [
  { text: 'Datang', action: 'datang' },
  { text: 'Ubah jadwal', action: 'ubah' },
  { text: 'Batal', action: 'batal' },
] as const;

export type ReminderAction = (typeof REMINDER_BUTTONS)[number]['action'];

const EXAMPLE = {
  queueNumber: 'KRC-002',
  name: 'SIPULAN',
  nik: '3201231508900001',
  date: 'Rabu, 31 Desember 2025',
  oldDate: 'Senin, 22 Desember 2025',
  time: '09.00 WIB',
  note: 'Bawa KTP asli dan fotokopinya',
} as const;

const documentHeader: TemplateHeader = { type: 'HEADER', format: 'DOCUMENT', example: { header_handle: [EXAMPLE_DOCUMENT_HANDLE] } };

const confirmed: TemplateDefinition = {
  name: TEMPLATE_NAMES.confirmed,
  language: TEMPLATE_LANGUAGE,
  category: 'UTILITY',
  components: [
    documentHeader,
    {
      type: 'BODY',
      text: [
        '✅ *Jadwal Antrian Dikonfirmasi*',
        'Nomor: {{1}}',
        'Nama: {{2}}',
        'Tanggal: {{3}}',
        'Jam Kedatangan: {{4}}',
        'Status: DIKONFIRMASI',
        '',
        '📌 Note: {{5}}',
        'Terima kasih!',
        '',
        ...PENTING_CONFIRMED,
      ].join('\n'),
      example: { body_text: [[EXAMPLE.queueNumber, EXAMPLE.name, EXAMPLE.date, EXAMPLE.time, EXAMPLE.note]] },
    },
  ],
};

const changed: TemplateDefinition = {
  name: TEMPLATE_NAMES.changed,
  language: TEMPLATE_LANGUAGE,
  category: 'UTILITY',
  components: [
    documentHeader,
    {
      type: 'BODY',
      text: [
        'PERUBAHAN JADWAL KEDATANGAN',
        '',
        'Halo {{1}},',
        '',
        'Jadwal kedatangan Anda telah diperbarui oleh petugas:',
        '',
        '📄 Nomor Antrian: {{2}}',
        '',
        '📅 Jadwal Lama: {{3}}',
        '',
        '📅 Jadwal Baru: {{4}}',
        '',
        '🕒 Jam Kedatangan: {{5}}',
        '',
        '📌 Note: {{6}}',
        '',
        '⚠️ Penting:',
        '',
        '- File PDF ini adalah bukti resmi antrian Anda yang baru;',
        '- Silakan File ini di-Print;',
        '- Harap datang sesuai jadwal baru;',
        '- Bawa semua dokumen yang diperlukan (ASLI & Fotocopy).',
        '',
        'Terima kasih atas perhatiannya!',
      ].join('\n'),
      example: { body_text: [[EXAMPLE.name, EXAMPLE.queueNumber, EXAMPLE.oldDate, EXAMPLE.date, EXAMPLE.time, EXAMPLE.note]] },
    },
    { type: 'FOOTER', text: 'Si Bapao Kantor Imigrasi' },
  ],
};

const reminder: TemplateDefinition = {
  name: TEMPLATE_NAMES.reminder,
  language: TEMPLATE_LANGUAGE,
  category: 'UTILITY',
  components: [
    {
      type: 'BODY',
      text: [
        '🔔 *PENGINGAT KEDATANGAN BESOK*',
        'DETAIL ANTRIAN ANDA:',
        'Nomor Antrian: {{1}}',
        'Nama: {{2}}',
        'NIK: {{3}}',
        '',
        '📅 *JADWAL KEDATANGAN:*',
        'Tanggal: {{4}}',
        'Waktu: {{5}}',
        '',
        '📍 *LOKASI:*',
        'Kantor: {{6}}',
        'Alamat: {{7}}',
        '',
        '🕒 *REMINDER:*',
        'Bawa semua dokumen yang diperlukan (ASLI & Fotocopy);',
        'Datang 15 menit sebelum jadwal;',
        'Tunjukkan Hasil print PDF yang telah diberikan petugas.',
        '',
        '☎️ *INFO & BANTUAN:*',
        'WhatsApp: {{8}}',
        '',
        'Ketuk Datang jika Anda akan hadir, Ubah jadwal untuk mengajukan perubahan jadwal, atau Batal untuk membatalkan pendaftaran.',
        'Terima kasih dan sampai bertemu besok! 🙏',
      ].join('\n'),
      example: {
        body_text: [
          [
            EXAMPLE.queueNumber,
            EXAMPLE.name,
            EXAMPLE.nik,
            EXAMPLE.date,
            EXAMPLE.time,
            'Kantor Imigrasi Kelas II Non TPI Kerinci',
            'Jl. Imam Bonjol, Kota Sungai Penuh',
            '085126730544',
          ],
        ],
      },
    },
    { type: 'FOOTER', text: 'Pesan otomatis dari SIBAPAO' },
    { type: 'BUTTONS', buttons: REMINDER_BUTTONS.map((button) => ({ type: 'QUICK_REPLY' as const, text: button.text })) },
  ],
};

const fix: TemplateDefinition = {
  name: TEMPLATE_NAMES.fix,
  language: TEMPLATE_LANGUAGE,
  category: 'UTILITY',
  components: [
    {
      type: 'BODY',
      text: [
        '📝 *BERKAS PERLU DIPERBAIKI*',
        '',
        'Nomor Antrian: {{1}}',
        'Nama: {{2}}',
        '',
        'Berkas yang perlu diperbaiki: {{3}}',
        '',
        '📌 Note: {{4}}',
        '',
        'Silakan perbaiki berkas tersebut melalui: {{5}}',
        'Lalu ketik SELESAI.',
      ].join('\n'),
      example: {
        body_text: [[EXAMPLE.queueNumber, EXAMPLE.name, 'KTP; KK', 'Foto KTP buram, mohon kirim ulang', 'https://sibapao.example.id/upload/abc123']],
      },
    },
  ],
};

const cancelled: TemplateDefinition = {
  name: TEMPLATE_NAMES.cancelled,
  language: TEMPLATE_LANGUAGE,
  category: 'UTILITY',
  components: [
    {
      type: 'BODY',
      text: [
        '❌ *PENDAFTARAN DIBATALKAN*',
        '',
        'Nomor Antrian: {{1}}',
        'Nama: {{2}}',
        'Alasan: {{3}}',
        '',
        'Untuk mendaftar kembali, ketik MENU.',
      ].join('\n'),
      example: { body_text: [[EXAMPLE.queueNumber, EXAMPLE.name, 'Berkas tidak dilengkapi sampai batas waktu']] },
    },
  ],
};

export const TEMPLATES: readonly TemplateDefinition[] = [confirmed, changed, reminder, fix, cancelled];

export function findTemplate(name: string, language: string, templates: readonly TemplateDefinition[] = TEMPLATES): TemplateDefinition | undefined {
  return templates.find((template) => template.name === name && template.language === language);
}

// ---------------------------------------------------------------------------------------------------
// Builders: facts → parameters of one send.

export interface ProofDocument {
  readonly link: string;
  readonly filename: string;
}

/** Stage 5 as a template: queue number, name, date, time, note; the PDF proof as the header. */
export function confirmedTemplate(facts: AppointmentFacts, proof: ProofDocument): TemplateParameters {
  const body = [facts.queueNumber, facts.name, formatDayDate(facts.date), formatTime(facts.time), facts.note ?? ''].map(parameter);
  return {
    name: confirmed.name,
    language: confirmed.language,
    body: fitBody(confirmed, body, 4),
    headerDocument: { link: proof.link, filename: proof.filename },
  };
}

/** Stage 7 as a template: name, queue number, old date, new date, time, note; the new PDF as the header. */
export function changedTemplate(facts: AppointmentFacts & { readonly oldDate: IsoDate }, proof: ProofDocument): TemplateParameters {
  const body = [facts.name, facts.queueNumber, formatDayDate(facts.oldDate), formatDayDate(facts.date), formatTime(facts.time), facts.note ?? ''].map(
    parameter,
  );
  return {
    name: changed.name,
    language: changed.language,
    body: fitBody(changed, body, 5),
    headerDocument: { link: proof.link, filename: proof.filename },
  };
}

/** Stage 8 as a template, with the quick replies Datang / Ubah jadwal / Batal carrying the queue number. */
export function reminderTemplate(facts: AppointmentFacts, office: OfficeProfile): TemplateParameters {
  const body = [
    facts.queueNumber,
    facts.name,
    facts.nik,
    formatDayDate(facts.date),
    formatTime(facts.time),
    office.officeName,
    office.address,
    office.whatsappNumber,
  ].map(parameter);
  return {
    name: reminder.name,
    language: reminder.language,
    body: fitBody(reminder, body, 6),
    buttonPayloads: REMINDER_BUTTONS.map((button) => reminderPayload(button.action, facts.queueNumber)),
  };
}

/**
 * The officer asked for corrections (messages.notifications.fixRequested as a template): queue number,
 * name, the documents as one line, the note, and where to fix them (the upload or form link, or, when
 * documents come through the chat, a short instruction).
 */
export function fixTemplate(queueNumber: string, name: string, note: string, documents: readonly string[], hint: DocumentsHint): TemplateParameters {
  const where =
    hint.mode === 'web' ? hint.uploadUrl : hint.mode === 'form' ? hint.formUrl : 'chat WhatsApp ini (kirim foto atau PDF setiap berkas satu per satu)';
  const body = [queueNumber, name, documents.join('; '), note, where].map(parameter);
  // The link must arrive whole; the note gives way first, then the documents line.
  return { name: fix.name, language: fix.language, body: fitBody(fix, fitBody(fix, body, 3), 2) };
}

/** The officer cancelled the registration (messages.notifications.cancelled as a template). */
export function cancelledTemplate(queueNumber: string, name: string, reason: string): TemplateParameters {
  const body = [queueNumber, name, reason].map(parameter);
  return { name: cancelled.name, language: cancelled.language, body: fitBody(cancelled, body, 2) };
}

export function reminderPayload(action: ReminderAction, queueNumber: string): string {
  return `${action}:${queueNumber}`;
}

/** `datang:KRC-002` → `{ action: 'datang', queueNumber: 'KRC-002' }`; anything else → undefined. */
export function parseReminderPayload(payload: string): { action: ReminderAction; queueNumber: string } | undefined {
  const match = /^(datang|ubah|batal):(.+)$/.exec(payload);
  if (!match?.[1] || !match[2]) return undefined;
  return { action: match[1] as ReminderAction, queueNumber: match[2] };
}

/** One template parameter: whitespace runs (line breaks, tabs, many spaces) become one space; never empty. */
export function parameter(value: string): string {
  const single = value.replace(/\s+/g, ' ').trim();
  return single === '' ? '-' : single;
}

/** The body as the applicant reads it: placeholders replaced by the parameters. */
export function renderTemplateBody(definition: TemplateDefinition, body: readonly string[]): string {
  return bodyOf(definition)?.text.replace(/\{\{(\d+)\}\}/g, (whole, index: string) => body[Number(index) - 1] ?? whole) ?? '';
}

/** Shortens the free-text parameter at `index` (with …) so that the rendered body stays within Meta's 1024. */
function fitBody(definition: TemplateDefinition, body: readonly string[], index: number): string[] {
  const result = [...body];
  const over = renderTemplateBody(definition, result).length - TEMPLATE_LIMITS.bodyLength;
  const value = result[index];
  if (over <= 0 || value === undefined) return result;
  const cut = value.slice(0, Math.max(1, value.length - over - 1)).replace(/[\uD800-\uDBFF]$/, '');
  result[index] = `${cut.trimEnd()}…`;
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Meta's rules.

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const HAS_PLACEHOLDER = /\{\{[^{}]*\}\}/;
const PROMOTIONAL_WORDS = [
  'promo',
  'promosi',
  'diskon',
  'gratis',
  'hadiah',
  'penawaran',
  'cashback',
  'voucher',
  'kupon',
  'hemat',
  'spesial',
  'discount',
  'offer',
  'sale',
  'free',
  'deal',
];

/** Meta's creation rules; an empty list when the definition would be accepted for review. */
export function validateTemplateDefinition(definition: TemplateDefinition): string[] {
  const problems: string[] = [];
  const { name, language, category, components } = definition;

  if (typeof name !== 'string' || !/^[a-z0-9_]+$/.test(name)) problems.push('name: only lowercase letters a-z, digits and _ are allowed');
  else if (name.length > TEMPLATE_LIMITS.nameLength) problems.push(`name: longer than ${TEMPLATE_LIMITS.nameLength} characters`);
  if (typeof language !== 'string' || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(language)) problems.push('language: not a language code such as id or en_US');
  if (!['UTILITY', 'MARKETING', 'AUTHENTICATION'].includes(category)) problems.push('category: must be UTILITY, MARKETING or AUTHENTICATION');
  if (!Array.isArray(components)) return [...problems, 'components: missing'];

  const counts = new Map<string, number>();
  for (const component of components) counts.set(component.type, (counts.get(component.type) ?? 0) + 1);
  for (const [type, count] of counts) if (count > 1) problems.push(`${type}: at most one ${type} component`);
  if (!counts.get('BODY')) problems.push('BODY: a template needs a body');

  for (const component of components) {
    switch (component.type) {
      case 'HEADER':
        problems.push(...headerProblems(component));
        break;
      case 'BODY':
        problems.push(...bodyProblems(component));
        break;
      case 'FOOTER':
        if (!component.text) problems.push('FOOTER: text is empty');
        if ((component.text ?? '').length > TEMPLATE_LIMITS.footerLength) problems.push(`FOOTER: longer than ${TEMPLATE_LIMITS.footerLength} characters`);
        if (HAS_PLACEHOLDER.test(component.text ?? '')) problems.push('FOOTER: placeholders are not allowed in a footer');
        break;
      case 'BUTTONS':
        problems.push(...buttonProblems(component));
        break;
      default:
        problems.push(`components: unknown type ${String((component as { type?: unknown }).type)}`);
    }
  }

  if (category === 'UTILITY') {
    const words = components.flatMap(textsOf).join(' ').toLowerCase();
    const promotional = PROMOTIONAL_WORDS.filter((word) => new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'u').test(words));
    if (promotional.length > 0) problems.push(`UTILITY: promotional wording (${promotional.join(', ')}) gets a utility template re-categorised as MARKETING`);
  }
  return problems;
}

function headerProblems(header: TemplateHeader): string[] {
  const problems: string[] = [];
  if (header.format === 'TEXT') {
    if (!header.text) problems.push('HEADER: a TEXT header needs text');
    if ((header.text ?? '').length > TEMPLATE_LIMITS.headerTextLength) problems.push(`HEADER: longer than ${TEMPLATE_LIMITS.headerTextLength} characters`);
    const placeholders = placeholdersOf(header.text ?? '');
    if (placeholders.length > 1) problems.push('HEADER: at most one placeholder in a text header');
    if (placeholders.length === 1 && header.example?.header_text?.length !== 1) problems.push('HEADER: example.header_text needs one value for the placeholder');
  } else if (['DOCUMENT', 'IMAGE', 'VIDEO'].includes(header.format)) {
    const handles = header.example?.header_handle;
    if (!Array.isArray(handles) || handles.length !== 1 || typeof handles[0] !== 'string' || handles[0] === '') {
      problems.push(`HEADER: a ${header.format} header needs example.header_handle with one uploaded sample's handle`);
    }
  } else {
    problems.push(`HEADER: unknown format ${String(header.format)}`);
  }
  return problems;
}

function bodyProblems(body: TemplateBody): string[] {
  const problems: string[] = [];
  const text = typeof body.text === 'string' ? body.text : '';
  if (text.trim() === '') return ['BODY: text is empty'];
  if (text.length > TEMPLATE_LIMITS.bodyLength) problems.push(`BODY: ${text.length} characters, more than ${TEMPLATE_LIMITS.bodyLength}`);
  if (/\t/.test(text) || / {4,}/.test(text)) problems.push('BODY: no tabs or runs of 4 or more spaces');

  const matches = [...text.matchAll(PLACEHOLDER)];
  const malformed = matches.filter((match) => !/^[1-9]\d*$/.test(match[1] ?? ''));
  if (malformed.length > 0) problems.push(`BODY: placeholders must look like {{1}}: ${malformed.map((match) => match[0]).join(', ')}`);
  const numbers = matches.map((match) => Number(match[1]));
  const count = numbers.length;
  if (malformed.length === 0 && numbers.some((number, index) => number !== index + 1)) {
    problems.push(`BODY: placeholders must be {{1}} to {{${count}}} in order, each once (found ${numbers.map((n) => `{{${n}}}`).join(' ')})`);
  }
  if (count === 0) return problems;

  const first = matches[0];
  const last = matches[count - 1];
  if (first?.index !== undefined && !hasWord(text.slice(0, first.index))) problems.push('BODY: the text must not start with a placeholder');
  if (last?.index !== undefined && !hasWord(text.slice(last.index + last[0].length))) problems.push('BODY: the text must not end with a placeholder');
  for (let i = 1; i < count; i += 1) {
    const before = matches[i - 1];
    const after = matches[i];
    if (before?.index === undefined || after?.index === undefined) continue;
    if (!hasWord(text.slice(before.index + before[0].length, after.index))) problems.push(`BODY: placeholders ${before[0]} and ${after[0]} are adjacent`);
  }
  const words = text
    .replace(PLACEHOLDER, ' ')
    .split(/\s+/)
    .filter((word) => hasWord(word)).length;
  if (words < 2 * count + 1) {
    problems.push(`BODY: too many placeholders for the text: ${count} placeholders need at least ${2 * count + 1} other words, found ${words}`);
  }

  const examples = body.example?.body_text;
  const row = Array.isArray(examples) && examples.length === 1 ? examples[0] : undefined;
  if (!Array.isArray(row) || row.length !== count) {
    problems.push(`BODY: example.body_text needs one row of ${count} example values`);
  } else {
    row.forEach((value, index) => {
      if (typeof value !== 'string' || value.trim() === '' || hasBadSpacing(value)) {
        problems.push(`BODY: example value ${index + 1} must be non-empty, one line, without tabs or 4+ spaces`);
      }
    });
  }
  return problems;
}

function buttonProblems(component: TemplateButtons): string[] {
  const problems: string[] = [];
  const buttons = Array.isArray(component.buttons) ? component.buttons : [];
  if (buttons.length === 0) problems.push('BUTTONS: at least one button');
  if (buttons.length > TEMPLATE_LIMITS.buttons) problems.push(`BUTTONS: at most ${TEMPLATE_LIMITS.buttons} buttons`);
  buttons.forEach((button, index) => {
    if (button.type !== 'QUICK_REPLY') problems.push(`BUTTONS: button ${index + 1} has unsupported type ${String(button.type)}`);
    if (!button.text) problems.push(`BUTTONS: button ${index + 1} has no text`);
    if ((button.text ?? '').length > TEMPLATE_LIMITS.buttonTextLength) {
      problems.push(`BUTTONS: button ${index + 1} text "${button.text}" is longer than ${TEMPLATE_LIMITS.buttonTextLength} characters`);
    }
    if (HAS_PLACEHOLDER.test(button.text ?? '')) problems.push(`BUTTONS: button ${index + 1} text must not hold a placeholder`);
  });
  const texts = buttons.map((button) => button.text);
  if (new Set(texts).size !== texts.length) problems.push('BUTTONS: button texts must be unique');
  return problems;
}

export interface TemplateSendError {
  readonly code: 132000 | 132001 | 132012;
  readonly message: string;
}

/**
 * What Meta answers to a send of `params` against the approved `definition` (undefined: no such template
 * in that language). Stricter than Meta in one point: a template with quick replies must get a payload
 * for every button, because the bot recognises taps by their payload.
 */
export function validateTemplateSend(definition: TemplateDefinition | undefined, params: TemplateParameters): TemplateSendError | undefined {
  if (!definition || definition.name !== params.name || definition.language !== params.language) {
    return { code: 132001, message: `(#132001) Template name does not exist in the translation: ${params.name} (${params.language})` };
  }
  const header = definition.components.find((component): component is TemplateHeader => component.type === 'HEADER');
  const mediaHeader = header !== undefined && header.format !== 'TEXT';
  const expectedBody = placeholdersOf(bodyOf(definition)?.text ?? '').length;
  const expectedButtons = definition.components
    .filter((component): component is TemplateButtons => component.type === 'BUTTONS')
    .flatMap((component) => component.buttons.filter((button) => button.type === 'QUICK_REPLY')).length;
  const mismatch = (what: string, expected: number, got: number): TemplateSendError => ({
    code: 132000,
    message: `(#132000) Number of parameters does not match the expected number of params: ${what} expects ${expected}, got ${got}`,
  });
  if (mediaHeader !== (params.headerDocument !== undefined)) return mismatch('header', mediaHeader ? 1 : 0, params.headerDocument ? 1 : 0);
  if (params.body.length !== expectedBody) return mismatch('body', expectedBody, params.body.length);
  const payloads = params.buttonPayloads ?? [];
  if (payloads.length !== expectedButtons) return mismatch('buttons', expectedButtons, payloads.length);

  const format = (what: string): TemplateSendError => ({
    code: 132012,
    message: `(#132012) Parameter format does not match format in the created template: ${what}`,
  });
  const badBody = params.body.findIndex((value) => typeof value !== 'string' || value.trim() === '' || hasBadSpacing(value));
  if (badBody >= 0) return format(`body parameter ${badBody + 1} is empty or has a new-line, tab or more than 3 consecutive spaces`);
  if (params.headerDocument && !params.headerDocument.link) return format('the document header needs a link or a media id');
  const badPayload = payloads.findIndex((payload) => typeof payload !== 'string' || payload === '');
  if (badPayload >= 0) return format(`button ${badPayload} has an empty payload`);
  return undefined;
}

function textsOf(component: TemplateComponent): string[] {
  switch (component.type) {
    case 'BUTTONS':
      return component.buttons.map((button) => button.text);
    case 'HEADER':
      return [component.text ?? ''];
    default:
      return [component.text];
  }
}

function bodyOf(definition: TemplateDefinition): TemplateBody | undefined {
  return definition.components.find((component): component is TemplateBody => component.type === 'BODY');
}

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[0]);
}

function hasWord(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

function hasBadSpacing(value: string): boolean {
  return /[\n\r\t]/.test(value) || / {4,}/.test(value);
}
