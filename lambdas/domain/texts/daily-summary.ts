/**
 * The day's summary for the head of office, sent at closing time as the template `ringkasan_harian`
 * (the head usually has no open 24-hour window with the office's number). Its figures are the daily
 * report's (domain/daily-report.ts), the same as `GET api/reports/daily` gives.
 */
import { TEMPLATE_LANGUAGE, type TemplateDefinition } from '../template-definition';

export const DAILY_SUMMARY_TEMPLATE_NAME = 'ringkasan_harian';

export const dailySummary: TemplateDefinition = {
  name: DAILY_SUMMARY_TEMPLATE_NAME,
  language: TEMPLATE_LANGUAGE,
  category: 'UTILITY',
  components: [
    {
      type: 'BODY',
      text: [
        '📊 *RINGKASAN HARIAN LAYANAN*',
        '',
        'Kantor: {{1}}',
        'Tanggal: {{2}}',
        '',
        'Pendaftar terjadwal: {{3}}',
        'Sudah check-in (HADIR): {{4}}',
        'Selesai dilayani: {{5}}',
        'Tidak hadir: {{6}}',
        'Rata-rata waktu tunggu: {{7}}',
        'Kepuasan pemohon (skala 1–5): {{8}}',
        'Masih PENDING lebih dari 24 jam: {{9}}',
        'Pesan gagal terkirim: {{10}}',
        '',
        'Rincian lengkap ada di halaman Laporan harian aplikasi petugas.',
      ].join('\n'),
      example: { body_text: [['Kantor Imigrasi Kelas I Contoh', 'Senin, 7 Desember 2026', '40', '35', '33', '5', '12,5 menit', '4,25', '2', '0']] },
    },
  ],
};

/** How a figure reads in the summary: Indonesian decimals (a comma), "-" when there is none. */
export const DAILY_SUMMARY_WORDS = {
  minutes: (value: string) => `${value} menit`,
  none: '-',
} as const;
