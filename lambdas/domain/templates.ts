/**
 * The WhatsApp message templates: what the applicant reads when the 24-hour window is closed
 * (docs/whatsapp-cloud-api.md, "The 24-hour window and templates"). `TEMPLATES` are the definitions exactly as `npm run templates:register`
 * POSTs them to `/{WABA_ID}/message_templates`; the builders turn the same facts the free-form texts use
 * (messages.ts) into the `TemplateParameters` of one send. Wording follows the seed (test/fixtures/office-flow/si-bapao-flow.txt
 * stages 5, 7 and 8), category UTILITY, without promotional words.
 * Meta's review rules for these definitions are in lambdas/meta/template-review.ts (only the register
 * script and the fake Graph API check them).
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
      text: ['❌ *PENDAFTARAN DIBATALKAN*', '', 'Nomor Antrian: {{1}}', 'Nama: {{2}}', 'Alasan: {{3}}', '', 'Untuk mendaftar kembali, ketik MENU.'].join('\n'),
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

/** The template's BODY component. */
export function bodyOf(definition: TemplateDefinition): TemplateBody | undefined {
  return definition.components.find((component): component is TemplateBody => component.type === 'BODY');
}
