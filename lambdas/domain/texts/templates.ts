/**
 * The WhatsApp message templates' words: what the applicant reads when the 24-hour window is closed
 * (docs/whatsapp-cloud-api.md, "The 24-hour window and templates"), exactly as `npm run templates:register`
 * POSTs them. Wording follows the seed (test/fixtures/office-flow/si-bapao-flow.txt stages 5, 7 and 8),
 * category UTILITY, without promotional words; the PENTING blocks are the chat's own (notices.ts).
 */
import { EXAMPLE_DOCUMENT_HANDLE, TEMPLATE_LANGUAGE, type TemplateButtons, type TemplateDefinition, type TemplateHeader } from '../template-definition';
import { PENTING_CONFIRMED, PENTING_RESCHEDULED } from './notices';
import { DAILY_SUMMARY_TEMPLATE_NAME, dailySummary } from './daily-summary';
import { dayClosedTemplateDefinition, earlierPlaceTemplateDefinition, REAL_DAYS_TEMPLATE_NAMES } from './real-days-templates';
import { waitlistTexts } from './waitlist';

export const TEMPLATE_NAMES = {
  confirmed: 'jadwal_dikonfirmasi',
  changed: 'jadwal_diubah',
  reminder: 'pengingat_kedatangan',
  fix: 'berkas_perlu_diperbaiki',
  cancelled: 'pendaftaran_dibatalkan',
  ...REAL_DAYS_TEMPLATE_NAMES,
  dailySummary: DAILY_SUMMARY_TEMPLATE_NAME,
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
/** The confirmation's quick reply, as its free-form reply button: the payload is the word MAJUKAN. */
const advanceButton: TemplateButtons = { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: waitlistTexts.joinButton }] };

export const confirmed: TemplateDefinition = {
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
    advanceButton,
  ],
};

export const changed: TemplateDefinition = {
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
        ...PENTING_RESCHEDULED,
        '',
        'Terima kasih atas perhatiannya!',
      ].join('\n'),
      example: { body_text: [[EXAMPLE.name, EXAMPLE.queueNumber, EXAMPLE.oldDate, EXAMPLE.date, EXAMPLE.time, EXAMPLE.note]] },
    },
    { type: 'FOOTER', text: 'Si Bapao Kantor Imigrasi' },
    advanceButton,
  ],
};

export const reminder: TemplateDefinition = {
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

export const fix: TemplateDefinition = {
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

export const cancelled: TemplateDefinition = {
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

export const TEMPLATES: readonly TemplateDefinition[] = [
  confirmed,
  changed,
  reminder,
  fix,
  cancelled,
  dayClosedTemplateDefinition,
  earlierPlaceTemplateDefinition,
  dailySummary,
];

/** Where to fix documents, in the fix template, when they come through the chat rather than a link. */
export const FIX_IN_CHAT = 'chat WhatsApp ini (kirim foto atau PDF setiap berkas satu per satu)';
