/**
 * The review screen of one registration: the data, the document viewer, the decision forms and the
 * history. The title and button of each officer action are in its declaration (domain/officer-action-declarations).
 */
export const OFFICER_REVIEW_TEXTS = {
  // Documents changed after the registration was made
  documentAddedAfterSubmission: 'Diunggah setelah pendaftaran',

  // Detail
  detailBack: 'Kembali ke daftar',
  sectionApplicant: 'Data pemohon',
  sectionSchedule: 'Jadwal',
  sectionDocuments: 'Berkas',
  sectionActions: 'Tindakan',
  sectionDeliveries: 'Pesan terkirim',
  sectionHistory: 'Riwayat',
  fieldQueue: 'Nomor antrian',
  fieldName: 'Nama lengkap',
  fieldNik: 'NIK',
  fieldPlaceOfBirth: 'Tempat lahir',
  fieldDateOfBirth: 'Tanggal lahir',
  fieldBirth: 'Tempat, tanggal lahir',
  fieldPhone: 'Nomor HP',
  fieldProfileName: 'Nama profil WhatsApp',
  fieldService: 'Layanan',
  fieldStatus: 'Status',
  fieldCreated: 'Mendaftar',
  fieldAppointment: 'Tanggal kedatangan',
  fieldTime: 'Jam kedatangan',
  fieldRequestedDate: 'Tanggal yang diminta pemohon',
  fieldRescheduled: 'Kesempatan ubah jadwal pemohon',
  fieldNote: 'Catatan',
  rescheduledYes: 'Sudah dipakai',
  rescheduledNo: 'Belum dipakai',
  noDocuments: 'Belum ada berkas.',
  documentsInForm: 'Berkas dikirim melalui formulir eksternal; periksa di formulir tersebut.',
  openPdf: 'Buka PDF',
  openFile: 'Buka berkas',
  noDeliveries: 'Belum ada catatan pengiriman.',
  noHistory: 'Belum ada riwayat.',
  historyAt: 'Waktu',
  historyActor: 'Oleh',
  historyAction: 'Tindakan',
  historyDetail: 'Keterangan',
  noActions: 'Pendaftaran ini sudah selesai; tidak ada tindakan lagi.',

  // Actions
  date: 'Tanggal',
  /** The time field's label, in the office's zone: `Jam (WITA)`. */
  time: (zone: string) => `Jam (${zone})`,
  note: 'Catatan untuk pemohon (opsional, satu baris, maks. 200 karakter)',
  noteShort: 'Catatan untuk pemohon',
  notePlaceholder: 'opsional, satu baris',

  // Flags
  flagNikDate: 'Tanggal lahir pada NIK berbeda dengan tanggal lahir yang diisi. Pemohon sudah menegaskan datanya (/YA): periksa KTP.',
  flagOther: 'Tanda lain pada pendaftaran ini ({flag}): periksa datanya.',

  // Review screen: the document viewer
  viewerTitle: 'Berkas',
  viewerOf: 'Berkas {index} dari {total}',
  viewerOfPair: 'Berkas {from}–{to} dari {total}',
  viewerPrevious: 'Berkas sebelumnya',
  viewerNext: 'Berkas berikutnya',
  viewerZoomIn: 'Perbesar',
  viewerZoomOut: 'Perkecil',
  viewerRotate: 'Putar 90°',
  viewerReset: 'Ukuran semula',
  viewerOpenTab: 'Buka di tab baru',
  viewerMissing: 'Belum dikirim',
  viewerShortcuts: 'Tombol pintas: ← → pindah berkas (layar lebar: dua sekaligus) · + − perbesar/perkecil · R putar · 0 ukuran semula',
  viewerPdfFallback: 'Browser ini tidak dapat menampilkan PDF di halaman.',

  // Review screen: the decision
  decisionTitle: 'Keputusan',
  pickDate: 'Tanggal kedatangan',
  dayButton: '{day} · {free} sisa',
  dayButtonFull: '{day} · penuh',
  otherDate: 'Tanggal (DD-MM-YYYY)',
  timeDefaultHint: 'Jam terisi otomatis dengan jam kosong berikutnya pada tanggal itu.',
  nextPending: 'Berikutnya: {queue} · {name}',
  noNextPending: 'Ini pendaftaran terakhir yang menunggu pemeriksaan.',
  allReviewed: 'Semua pendaftaran yang menunggu sudah diperiksa.',
  savedFor: '{queue}: {status}.',
  savedForDate: '{queue}: {status}, {date} {time}.',
  noOpenDays: 'Tidak ada hari kerja dengan kuota tersisa dalam {days} hari ke depan. Tulis tanggal lain di bawah.',
  waitingSince: 'Menunggu {age}',
} as const;

/** A flag in words: the short label of the list, the long one of the review screen. */
export const FLAG_LABELS: Readonly<Record<string, { short: string; long: string }>> = {
  NIK_TANGGAL_LAHIR_BERBEDA: {
    short: 'Tgl lahir ≠ NIK',
    long: OFFICER_REVIEW_TEXTS.flagNikDate,
  },
};
