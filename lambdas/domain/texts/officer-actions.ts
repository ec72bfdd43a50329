/**
 * The words of each officer action (lambdas/domain/officer-action-declarations.ts): how the history names
 * the lines it writes, how the delivery list names the notice it sends, its form on the review screen,
 * and the input checks' problems.
 */
export const OFFICER_ACTION_WORDS = {
  confirm: {
    audit: { confirmed: 'Mengonfirmasi jadwal' },
    delivery: 'Konfirmasi jadwal + PDF',
    page: { title: 'Konfirmasi jadwal', button: 'Konfirmasi', andNext: 'Simpan & berikutnya', shortcut: 'Ctrl+Enter: simpan & berikutnya' },
  },
  reschedule: {
    audit: { 'rescheduled-on-request': 'Mengubah jadwal (permintaan pemohon)', 'rescheduled-by-office': 'Memindahkan jadwal (kantor)' },
    delivery: 'Perubahan jadwal + PDF',
    page: {
      title: 'Ubah jadwal',
      button: 'Simpan jadwal baru',
      requested: 'Pemohon meminta tanggal {date}. Hubungi pemohon, lalu tetapkan tanggal yang disepakati.',
      byOffice: 'Memindahkan jadwal atas inisiatif kantor tidak memakai kesempatan ubah jadwal pemohon.',
    },
  },
  complete: {
    audit: { attended: 'Menandai hadir', 'no-show': 'Menandai tidak hadir' },
    delivery: 'Pertanyaan kepuasan (setelah SELESAI)',
    page: { title: 'Setelah jadwal kedatangan', button: 'Hadir (SELESAI)', noShowButton: 'Tidak hadir' },
  },
  'request-fix': {
    audit: { 'fix-requested': 'Meminta perbaikan berkas' },
    delivery: 'Permintaan perbaikan berkas',
    page: {
      title: 'Minta perbaikan berkas',
      button: 'Kirim permintaan perbaikan',
      andNext: 'Kirim & berikutnya',
      documents: 'Berkas yang harus dikirim ulang',
      note: 'Catatan perbaikan',
    },
  },
  cancel: {
    audit: { cancelled: 'Membatalkan' },
    delivery: 'Pemberitahuan pembatalan',
    page: {
      title: 'Batalkan pendaftaran',
      button: 'Batalkan pendaftaran',
      reason: 'Alasan pembatalan (dikirim ke pemohon)',
      confirm: 'Batalkan pendaftaran ini? Pemohon akan diberi tahu.',
    },
  },
  call: {
    audit: { called: 'Memanggil ke loket' },
    delivery: 'Panggilan "Giliran Anda"',
    page: { title: 'Panggil ke loket', button: 'Panggil', counter: 'Loket (nomor)' },
    /** The history line's detail. */
    record: (counter: string | undefined) => (counter ? `Dipanggil ke Loket ${counter}` : 'Dipanggil ke loket'),
    notToday: (date: string) => `Hanya pemohon dengan jadwal hari ini yang dapat dipanggil (jadwal pendaftaran ini: ${date}).`,
  },
  /** Not an officer's action: the end-of-day job's notice to those who never checked in. */
  closeDay: { delivery: 'Pemberitahuan tidak hadir (kantor tutup)' },
} as const;

/** What the checks of an officer's input say (zod/mini has no messages of its own loaded). */
export const OFFICER_INPUT_PROBLEMS = {
  missing: 'wajib diisi',
  mustBe: (what: string) => `harus ${what}`,
  tooLong: (max: number) => `paling banyak ${max} karakter`,
  tooManyDocuments: (max: number) => `paling banyak ${max} dokumen`,
  date: 'tanggal harus YYYY-MM-DD',
  time: 'jam harus HH:MM',
  text: 'teks',
  flag: 'true atau false',
} as const;
