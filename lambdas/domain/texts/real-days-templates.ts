/**
 * The words of the two issue-21 templates sent when the 24-hour window has closed: a closed day (its
 * quick reply *Pilih tanggal* answers with the dates to choose from) and an earlier place freed for one
 * waiting (its quick reply *Ambil* takes it). Same facts as the free-form texts (texts/rebooking.ts,
 * texts/waitlist.ts), category UTILITY, no promotional words.
 */
import { TEMPLATE_LANGUAGE, type TemplateDefinition } from '../template-definition';
import { waitlistTexts } from './waitlist';

export const REAL_DAYS_TEMPLATE_NAMES = {
  dayClosed: 'hari_kedatangan_ditutup',
  earlierPlace: 'jadwal_lebih_awal_tersedia',
} as const;

/** The closed-day template's quick reply: it asks for the dates open now. */
export const CHOOSE_DATE_BUTTON = 'Pilih tanggal';

export const dayClosedTemplateDefinition: TemplateDefinition = {
  name: REAL_DAYS_TEMPLATE_NAMES.dayClosed,
  language: TEMPLATE_LANGUAGE,
  category: 'UTILITY',
  components: [
    {
      type: 'BODY',
      text: [
        '⚠️ *JADWAL PERLU DIUBAH*',
        '',
        'Nomor Antrian: {{1}}',
        'Nama: {{2}}',
        '',
        'Mohon maaf, kantor tutup pada {{3}} (jadwal Anda {{4}}).',
        'Alasan: {{5}}',
        '',
        'Ketuk Pilih tanggal untuk melihat tanggal kedatangan baru yang masih tersedia. Jam kedatangan tetap sama. Perubahan ini tidak mengurangi kesempatan ubah jadwal Anda.',
      ].join('\n'),
      example: { body_text: [['KRC-002', 'SIPULAN', 'Rabu, 31 Desember 2025', '09.00 WIB', 'Banjir di depan kantor']] },
    },
    { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: CHOOSE_DATE_BUTTON }] },
  ],
};

export const earlierPlaceTemplateDefinition: TemplateDefinition = {
  name: REAL_DAYS_TEMPLATE_NAMES.earlierPlace,
  language: TEMPLATE_LANGUAGE,
  category: 'UTILITY',
  components: [
    {
      type: 'BODY',
      text: [
        '📅 *JADWAL LEBIH AWAL TERSEDIA*',
        '',
        'Nomor Antrian: {{1}}',
        'Nama: {{2}}',
        'Ada tempat kosong pada {{3}} pukul {{4}}.',
        'Jadwal Anda sekarang: {{5}}',
        '',
        // Two hours: OFFER_HOLD_MS in domain/waitlist.ts (a template's words are fixed at review).
        'Ketuk Ambil untuk pindah ke tanggal itu. Tempat ini kami simpan untuk Anda selama 2 jam sejak pesan ini dikirim; perubahan ini tidak mengurangi kesempatan ubah jadwal Anda.',
      ].join('\n'),
      example: { body_text: [['KRC-002', 'SIPULAN', 'Senin, 22 Desember 2025', '09.00 WIB', 'Rabu, 31 Desember 2025']] },
    },
    { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: waitlistTexts.takeButton }] },
  ],
};
