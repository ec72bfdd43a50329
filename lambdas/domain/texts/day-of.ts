/** The day of the interview: check-in with `HADIR <code>`, the call to the counter, the no-show at closing time. */
import { RESCHEDULE_MENU_NUMBER } from './menu-numbers';

/** One applicant's place in today's queue, as the check-in answer names it. */
export interface QueuePlace {
  readonly queueNumber: string;
  readonly name: string;
  /** `09.00 WIB` */
  readonly appointment: string;
  /** `08.47 WIB` */
  readonly arrivedAt: string;
  readonly position: number;
  readonly before: number;
}

export const DAY_OF_TEXTS = {
  checkedIn: (places: readonly QueuePlace[]) =>
    [
      places.length > 1 ? 'Terima kasih, kehadiran Anda semua sudah tercatat.' : 'Terima kasih, kehadiran Anda sudah tercatat.',
      '',
      ...places.map(
        (place) =>
          `📍 ${place.queueNumber} — ${place.name}\nJadwal ${place.appointment}, hadir ${place.arrivedAt}.\nUrutan ke-${place.position} dalam antrean hari ini; ${
            place.before === 0 ? 'tidak ada yang menunggu sebelum Anda.' : `${place.before} orang sebelum Anda.`
          }`,
      ),
      '',
      'Mohon tunggu di ruang tunggu. Saat tiba giliran Anda, kami kirim pesan "Giliran Anda" dengan nomor loket di WhatsApp ini.',
    ].join('\n'),
  codeMissing:
    'Untuk mencatat kehadiran, ketik HADIR diikuti kode hari ini yang tertera pada poster di ruang tunggu kantor (contoh: HADIR K7M3P), atau pindai kode QR pada poster itu.',
  codeWrong:
    'Kode kehadiran tidak cocok dengan kode hari ini. Pindai kode QR pada poster di ruang tunggu kantor, atau ketik HADIR diikuti kode yang tertera di poster.',
  codeStale: 'Kode itu kode hari sebelumnya: kode kehadiran berganti setiap hari. Pindai kode QR pada poster di ruang tunggu kantor hari ini.',
  notToday: (appointments: readonly string[]) =>
    [
      'Jadwal kedatangan Anda bukan hari ini:',
      ...appointments.map((line) => `- ${line}`),
      '',
      `Kehadiran hanya dicatat pada hari jadwal Anda. Untuk mengubah jadwal, ketik ${RESCHEDULE_MENU_NUMBER}.`,
    ].join('\n'),
  noConfirmedToday:
    'Tidak ada pendaftaran dengan jadwal kedatangan hari ini dari nomor WhatsApp ini. Kehadiran hanya dicatat untuk pendaftaran yang jadwalnya sudah dikonfirmasi petugas. Ketik STATUS untuk melihat status pendaftaran Anda.',
  alreadyCalled: (queueNumber: string, name: string) =>
    `Nomor Antrian ${queueNumber} atas nama ${name} sudah dipanggil hari ini. Jika Anda belum dilayani, silakan sampaikan kepada petugas di loket.`,
  /** An appointment line of `notToday`. */
  appointmentLine: (queueNumber: string, name: string, appointment: string) => `${queueNumber} atas nama ${name}: ${appointment}`,
  called: (queueNumber: string, name: string, counter: string | undefined) =>
    `🔔 *Giliran Anda*\nNomor Antrian ${queueNumber} atas nama ${name}: silakan menuju ${counter ? `Loket ${counter}` : 'loket pelayanan'} sekarang.`,
  noShow: (queueNumber: string, name: string, date: string) =>
    `Pendaftaran Nomor Antrian ${queueNumber} atas nama ${name} untuk ${date} ditutup dengan status TIDAK HADIR, karena kehadiran Anda tidak tercatat sampai kantor tutup. Jika Anda masih memerlukan layanan, silakan daftar kembali: ketik MENU. Jika Anda sebenarnya hadir hari ini, hubungi petugas di kantor hari ini juga.`,
  /** The reason the cancellation template gives when the no-show goes out as a template. */
  noShowReason: (date: string) => `Tidak hadir pada jadwal ${date}. Untuk mendaftar kembali, ketik MENU`,
} as const;

/** The officers' side of the day of the interview. */
export const DAY_OF_OFFICER_TEXTS = {
  correctSameDayOnly: 'Tanda tidak hadir hanya dapat dikoreksi pada hari jadwal itu sendiri.',
} as const;

/** The day page's queue of today (lambdas/admin/pages/day-queue.ts). */
export const DAY_QUEUE_TEXTS = {
  title: 'Antrean hari ini',
  intro: 'Urutan: jam jadwal, lalu jam hadir. Pemohon mencatat kehadiran dengan HADIR <kode> di WhatsApp.',
  colState: 'Keadaan',
  colAction: 'Tindakan',
  expected: 'Ditunggu',
  checkedIn: 'Hadir {time}',
  serving: 'Sedang dilayani',
  servingAt: 'Dilayani di Loket {counter}',
  done: 'Selesai',
  noShow: 'Tidak hadir',
  cancelled: 'Dibatalkan',
  counter: 'Loket',
  call: 'Panggil',
  callAgain: 'Panggil lagi',
  finish: 'Selesai',
  noShowButton: 'Tidak hadir',
  dayCode: 'Kode hadir hari ini',
  poster: 'Cetak poster (PDF)',
} as const;

/** The daily report page (lambdas/admin/pages/daily-report.ts). */
export const DAILY_REPORT_TEXTS = {
  title: 'Laporan harian',
  nav: 'Laporan harian',
  intro: 'Angka hari itu, dihitung dari pendaftaran: jadwal, kehadiran, pelayanan, dan kepuasan pemohon.',
  booked: 'Terjadwal',
  checkedIn: 'Hadir (HADIR)',
  served: 'Selesai dilayani',
  noShows: 'Tidak hadir',
  averageWait: 'Rata-rata tunggu (hadir → dipanggil)',
  minutes: '{minutes} menit',
  satisfaction: 'Kepuasan (1–5)',
  pendingOver24h: 'Menunggu pemeriksaan > 24 jam (saat ini)',
  failedSends: 'Pesan gagal terkirim',
  none: '—',
  show: 'Tampilkan',
  monthTitle: 'Kepuasan pemohon {month}',
  monthIntro: 'Indeks kepuasan layanan: rata-rata jawaban pemohon (1–5) yang selesai dilayani pada bulan ini, per layanan.',
  service: 'Layanan',
  answers: 'Jawaban',
  mean: 'Rata-rata (1–5)',
  allServices: 'Semua layanan',
} as const;

/** The waiting room's A4 poster (lambdas/domain/poster-pdf.ts): plain ASCII, as its standard font writes it. */
export const POSTER_TEXTS = {
  title: 'CATAT KEHADIRAN ANDA',
  /** The chat command the QR code prefills and the poster shows to type. */
  message: (code: string) => `HADIR ${code}`,
  scan: 'Pindai kode QR ini dengan kamera ponsel,',
  scanThen: 'lalu tekan Kirim pada pesan yang muncul di WhatsApp.',
  orType: (number: string) => `Atau kirim pesan WhatsApp ke ${number}:`,
  validOn: (date: string) => `Berlaku hanya ${date}. Kode berganti setiap hari.`,
  after: 'Anda akan menerima urutan antrean dan dipanggil ke loket melalui WhatsApp.',
  pdfTitle: (date: string) => `Poster kehadiran ${date}`,
} as const;

/** After SELESAI: the public-service satisfaction question (domain/satisfaction.ts). */
export const SATISFACTION_TEXTS = {
  question: (queueNumber: string) =>
    `Terima kasih telah datang. Pelayanan untuk Nomor Antrian ${queueNumber} sudah selesai.\n\nSeberapa puas Anda dengan pelayanan kami hari ini? Pilih satu jawaban dari daftar, atau ketik angka 1–5.`,
  button: 'Pilih jawaban',
  section: 'Kepuasan pelayanan',
  options: ['Sangat tidak puas', 'Tidak puas', 'Cukup', 'Puas', 'Sangat puas'],
  askComment: 'Terima kasih atas penilaian Anda. Jika ingin, tulis saran atau komentar Anda dalam satu pesan. Ketik LEWATI jika tidak ada.',
  thanks: 'Terima kasih, masukan Anda sudah kami terima. Ketik MENU jika memerlukan layanan lain.',
  skipped: 'Baik, terima kasih. Ketik MENU jika memerlukan layanan lain.',
  audit: (rating: number) => `Kepuasan ${rating}/5`,
  auditComment: 'Komentar pemohon tentang pelayanan',
} as const;
