/**
 * Every text of the officers' admin page, in Indonesian: the pages, the answers of the login and
 * officer-management calls, and the messages the page's script shows. `{name}` placeholders are filled
 * by `fillText`.
 */
import type { RegistrationStatus } from '../domain/registration';

export const ADMIN_TEXTS = {
  appName: 'SI BAPAO',
  appSubtitle: 'Halaman Petugas',
  officeTagline: 'Registrasi BAP Paspur Online',

  // Navigation and layout
  navDashboard: 'Beranda',
  navRegistrations: 'Pendaftaran',
  navDay: 'Jadwal harian',
  navVerify: 'Verifikasi bukti',
  navOfficers: 'Petugas',
  navDays: 'Kuota & hari libur',
  navFailedSends: 'Pesan gagal',
  logout: 'Keluar',
  roleAdmin: 'Admin',
  rolePetugas: 'Petugas',
  skipToContent: 'Langsung ke isi',
  noscript: 'Halaman ini membutuhkan JavaScript untuk menyimpan tindakan. Aktifkan JavaScript di browser Anda.',

  // Login
  loginTitle: 'Masuk',
  loginIntro: 'Masuk dengan akun petugas Anda.',
  username: 'Nama pengguna',
  password: 'Kata sandi',
  loginButton: 'Masuk',
  loginWorking: 'Memeriksa…',
  loginInvalid: 'Nama pengguna atau kata sandi salah.',
  loginThrottled: 'Terlalu banyak percobaan masuk yang gagal dari perangkat ini. Tunggu {seconds} detik, lalu coba lagi.',
  loginCrossSite: 'Masuk hanya dapat dilakukan dari halaman masuk petugas ini.',

  // API answers
  unauthenticated: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
  csrfRejected: 'Permintaan ditolak karena token keamanan tidak cocok. Muat ulang halaman lalu coba lagi.',
  adminOnly: 'Hanya admin yang dapat melakukan ini.',
  badRequest: 'Permintaan tidak valid.',
  notFound: 'Halaman atau data tidak ditemukan.',
  methodNotAllowed: 'Metode tidak diizinkan.',
  serverError: 'Terjadi kesalahan di server. Coba lagi sebentar lagi.',
  networkError: 'Tidak dapat terhubung ke server. Periksa koneksi lalu coba lagi.',
  saving: 'Menyimpan…',
  saved: 'Tersimpan.',

  // Documents changed after the registration was made
  documentAddedAfterSubmission: 'Diunggah setelah pendaftaran',
  historyDocumentAdded: 'Mengunggah berkas setelah mendaftar',
  historyDocumentsRemoved: 'Menghapus berkas setelah mendaftar',

  // Officers
  officersTitle: 'Akun petugas',
  officersIntro: 'Petugas dapat memeriksa berkas dan mengatur jadwal; admin juga dapat mengelola akun, kuota dan hari libur.',
  officerUsername: 'Nama pengguna',
  officerRole: 'Peran',
  officerState: 'Status',
  officerLastLogin: 'Terakhir masuk',
  officerCreated: 'Dibuat',
  officerActive: 'Aktif',
  officerDisabled: 'Nonaktif',
  officerGuessed: 'Sedang ditebak: {failures} kali gagal masuk dalam 2 jam terakhir dari {sources} alamat',
  officerYou: '(Anda)',
  officerDisable: 'Nonaktifkan',
  officerDisableConfirm: 'Nonaktifkan akun "{username}"? Sesi yang sedang berjalan langsung berakhir.',
  officerAddTitle: 'Tambah petugas',
  officerPasswordHint: 'Minimal 10 karakter.',
  officerUsernameHint: '3–32 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.',
  officerAdd: 'Tambah',
  officerExists: 'Nama pengguna sudah dipakai.',
  officerInvalidUsername: 'Nama pengguna harus 3–32 karakter: huruf kecil a–z, angka, titik, garis bawah atau tanda hubung.',
  officerPasswordTooShort: 'Kata sandi minimal 10 karakter.',
  officerPasswordTooLong: 'Kata sandi paling banyak 200 karakter.',
  officerInvalidRole: 'Peran harus petugas atau admin.',
  officerNotFound: 'Akun petugas tidak ditemukan.',
  officerCannotDisableSelf: 'Anda tidak dapat menonaktifkan akun Anda sendiri.',
  never: 'Belum pernah',

  // Dashboard
  dashboardTitle: 'Beranda',
  dashboardGreeting: 'Selamat datang, {username}.',
  countsTitle: 'Pendaftaran menurut status',
  overdueTitle: 'Menunggu lebih dari 24 jam',
  overdueIntro: 'Pemohon dijanjikan jawaban dalam 1×24 jam. Periksa pendaftaran ini lebih dulu.',
  overdueNone: 'Tidak ada pendaftaran yang menunggu lebih dari 24 jam.',

  // Messages that did not reach the applicant
  failedSendsTitle: 'Pesan yang tidak sampai',
  failedSendsIntro: 'Pesan berikut tidak sampai ke pemohon lewat WhatsApp. Hubungi pemohon lewat telepon.',
  failedSendsNone: 'Semua pesan terkirim. Tidak ada yang perlu dihubungi.',
  failedSendsRecent: '{count} pesan tidak sampai dalam 7 hari terakhir.',
  failedSendsLink: 'Lihat pesan gagal',
  colWhen: 'Waktu',
  colMessage: 'Pesan',
  colReason: 'Sebab',
  colPhone: 'Telepon',
  failureReasons: {
    refused: 'Ditolak WhatsApp',
    'failed-after-sending': 'Gagal setelah dikirim',
    'gave-up': 'Gagal setelah dicoba berulang kali',
    'held-back': 'Tidak sempat dikirim: tertahan di belakang pesan yang gagal',
    'messaging-limit': 'Batas harian pesan WhatsApp tercapai',
  } as Readonly<Record<string, string>>,

  overdueBadge: 'Lewat 24 jam',
  quickLinks: 'Pintasan',
  linkTomorrow: 'Siapa datang besok',
  linkToday: 'Siapa datang hari ini',
  linkPending: 'Perlu diperiksa',

  // Lists
  registrationsTitle: 'Pendaftaran',
  allOpen: 'Semua yang berjalan',
  searchLabel: 'Cari nama, NIK atau nomor antrian',
  searchPlaceholder: 'Nama, NIK atau nomor antrian',
  searchButton: 'Cari',
  searchResults: 'Hasil pencarian "{q}"',
  listEmpty: 'Tidak ada pendaftaran.',
  colQueue: 'Nomor',
  colName: 'Nama',
  colService: 'Layanan',
  colStatus: 'Status',
  colCreated: 'Mendaftar',
  colAppointment: 'Jadwal',
  colTime: 'Jam',
  count: '{count} pendaftaran',

  // Day view
  dayTitle: 'Jadwal harian',
  dayPick: 'Tanggal',
  dayShow: 'Tampilkan',
  dayCapacity: 'Terisi {booked} dari {capacity}',
  dayOpen: 'Buka',
  dayClosed: 'Tutup',
  dayClosedBecause: 'Tutup: {reason}',
  dayHoliday: 'Hari libur: {name}',
  dayNobody: 'Belum ada pemohon yang dijadwalkan pada tanggal ini.',
  previousDay: 'Sebelumnya',
  nextDay: 'Berikutnya',

  // Days (admin)
  daysTitle: 'Kuota & hari libur',
  daysIntro: 'Kuota bawaan dan hari libur berasal dari konfigurasi; di sini admin dapat mengubahnya per tanggal tanpa deploy ulang.',
  daysFrom: 'Mulai tanggal',
  daysCapacity: 'Kuota',
  daysBooked: 'Terjadwal',
  daysClosed: 'Tutup',
  daysReason: 'Alasan',
  daysSave: 'Simpan',
  daysReasonPlaceholder: 'mis. rapat kantor',

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
  confirmTitle: 'Konfirmasi jadwal',
  confirmButton: 'Konfirmasi',
  rescheduleTitle: 'Ubah jadwal',
  rescheduleButton: 'Simpan jadwal baru',
  rescheduleRequested: 'Pemohon meminta tanggal {date}. Hubungi pemohon, lalu tetapkan tanggal yang disepakati.',
  rescheduleOfficer: 'Memindahkan jadwal atas inisiatif kantor tidak memakai kesempatan ubah jadwal pemohon.',
  date: 'Tanggal',
  time: 'Jam (WIB)',
  note: 'Catatan untuk pemohon (opsional, satu baris, maks. 200 karakter)',
  noteShort: 'Catatan untuk pemohon',
  notePlaceholder: 'opsional, satu baris',
  fixTitle: 'Minta perbaikan berkas',
  fixRequirements: 'Berkas yang harus dikirim ulang',
  fixNote: 'Catatan perbaikan',
  fixButton: 'Kirim permintaan perbaikan',
  cancelTitle: 'Batalkan pendaftaran',
  cancelReason: 'Alasan pembatalan (dikirim ke pemohon)',
  cancelButton: 'Batalkan pendaftaran',
  cancelConfirm: 'Batalkan pendaftaran ini? Pemohon akan diberi tahu.',
  completeTitle: 'Setelah jadwal kedatangan',
  attended: 'Hadir (SELESAI)',
  noShow: 'Tidak hadir',

  // Flags
  flagNikDate: 'Tanggal lahir pada NIK berbeda dengan tanggal lahir yang diisi. Pemohon sudah menegaskan datanya (/YA): periksa KTP.',
  flagOther: 'Tanda lain pada pendaftaran ini ({flag}): periksa datanya.',

  // Verify
  verifyTitle: 'Verifikasi bukti pendaftaran',
  verifyIntro: 'Pindai kode QR pada bukti PDF dengan kamera atau pemindai, atau tempel isinya di sini.',
  verifyLabel: 'Isi kode QR',
  verifyButton: 'Periksa',
  verifyValid: 'ASLI: bukti ini diterbitkan oleh Si Bapao.',
  verifyForged: 'TIDAK SAH: tanda tangan kode QR tidak cocok. Bukti ini mungkin telah diubah.',
  verifyMismatch: 'Bukti asli, tetapi datanya tidak lagi sama dengan pendaftaran saat ini: periksa detail di bawah.',

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
  saveAndNext: 'Simpan & berikutnya',
  fixAndNext: 'Kirim & berikutnya',
  nextPending: 'Berikutnya: {queue} · {name}',
  noNextPending: 'Ini pendaftaran terakhir yang menunggu pemeriksaan.',
  allReviewed: 'Semua pendaftaran yang menunggu sudah diperiksa.',
  savedFor: '{queue}: {status}.',
  savedForDate: '{queue}: {status}, {date} {time}.',
  noOpenDays: 'Tidak ada hari kerja dengan kuota tersisa dalam {days} hari ke depan. Tulis tanggal lain di bawah.',
  waitingSince: 'Menunggu {age}',
  shortcutSave: 'Ctrl+Enter: simpan & berikutnya',

  // Lists: what needs looking at
  colDocuments: 'Berkas',
  colWaiting: 'Menunggu',
  colFlags: 'Tanda',
  documentCount: '{count} berkas',
  listKeys: 'Tombol pintas: J/K pindah baris, Enter buka pendaftaran.',
  ago: '{age} lalu',

  // Dates typed as DD-MM-YYYY
  datePlaceholder: 'DD-MM-YYYY',
  dateFormatError: 'Tulis tanggal sebagai DD-MM-YYYY, misalnya {example}.',
  dateUnreal: 'Tanggal {value} tidak ada di kalender.',

  // Validation, instead of the browser's own messages
  required: 'Wajib diisi.',
  requiredField: '{field}: wajib diisi.',
  numberRange: '{field}: isi angka {min} sampai {max}.',
  tooShort: '{field}: minimal {min} karakter.',
  patternMismatch: '{field}: format tidak sesuai.',
  pickOne: 'Pilih minimal satu berkas yang harus dikirim ulang.',

  // Phone menu
  menu: 'Menu',
  mainMenu: 'Menu utama',

  // History, grouped
  historyViews: 'Melihat berkas {count}×',
  historyViewsOnce: 'Melihat berkas',
  historyBetween: '{from}–{to}',

  // Verify with the camera
  verifyCamera: 'Pindai dengan kamera',
  verifyCameraStop: 'Matikan kamera',
  verifyCameraAim: 'Arahkan kamera ke kode QR pada bukti.',
  verifyCameraUnavailable: 'Kamera tidak tersedia di perangkat ini. Tempel isi kode QR di kotak, atau pakai pemindai.',
  verifyCameraDenied: 'Izin kamera ditolak. Izinkan kamera di pengaturan browser, atau tempel isi kode QR di kotak.',
  verifyOr: 'atau tempel isinya:',

  // Errors
  forbiddenTitle: 'Akses ditolak',
  notFoundTitle: 'Tidak ditemukan',
  errorTitle: 'Terjadi kesalahan',
  backHome: 'Kembali ke beranda',
  dataUnavailable: 'Data tidak dapat ditampilkan.',
} as const;

export type AdminTextKey = keyof typeof ADMIN_TEXTS;

/** What each status means, in words, beside its code. */
export const STATUS_LABELS: Readonly<Record<RegistrationStatus, string>> = {
  PENDING: 'Menunggu pemeriksaan',
  PERLU_PERBAIKAN: 'Perlu perbaikan berkas',
  DIKONFIRMASI: 'Jadwal dikonfirmasi',
  PERUBAHAN_DIMINTA: 'Pemohon minta ubah jadwal',
  DIBATALKAN: 'Dibatalkan',
  SELESAI: 'Selesai (hadir)',
  TIDAK_HADIR: 'Tidak hadir',
};

export function fillText(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A flag in words: the short label of the list, the long one of the review screen. */
export const FLAG_LABELS: Readonly<Record<string, { short: string; long: string }>> = {
  NIK_TANGGAL_LAHIR_BERBEDA: {
    short: 'Tgl lahir ≠ NIK',
    long: ADMIN_TEXTS.flagNikDate,
  },
};

/** A message's delivery state as WhatsApp reported it, in the officers' words. */
export const DELIVERY_STATES: Readonly<Record<string, string>> = {
  accepted: 'Terkirim',
  sent: 'Terkirim',
  delivered: 'Diterima',
  read: 'Dibaca',
  played: 'Dibaca',
  failed: 'Gagal',
};

/**
 * Meta's error codes (whatsapp-cloud-api error table), said in Indonesian: what happened and what the
 * officer does about it. Unknown codes get the general line.
 */
export const META_ERRORS: Readonly<Record<number, { what: string; todo: string }>> = {
  130429: { what: 'Terlalu banyak pesan dikirim sekaligus dari nomor kantor.', todo: 'Sistem mengirim ulang sendiri; tidak perlu tindakan.' },
  131056: { what: 'Terlalu banyak pesan ke nomor yang sama dalam waktu singkat.', todo: 'Tunggu beberapa menit; sistem mencoba lagi.' },
  131048: {
    what: 'WhatsApp membatasi nomor kantor karena pesan sebelumnya diblokir atau dilaporkan.',
    todo: 'Hubungi pemohon lewat telepon dan laporkan ke admin.',
  },
  131026: { what: 'Pesan tidak dapat diantar: nomor tidak memakai WhatsApp, atau aplikasinya terlalu lama.', todo: 'Hubungi pemohon lewat telepon atau SMS.' },
  131047: {
    what: 'Lebih dari 24 jam sejak pemohon terakhir membalas, sehingga pesan biasa tidak boleh dikirim.',
    todo: 'Sistem mengirim template resmi; bila tetap gagal, telepon pemohon.',
  },
  131053: { what: 'Lampiran (PDF) gagal diunggah ke WhatsApp.', todo: 'Laporkan ke admin; kirim ulang bukti setelah diperbaiki.' },
  131052: { what: 'Berkas dari pemohon tidak dapat diunduh dari WhatsApp.', todo: 'Minta pemohon mengirim ulang berkasnya.' },
  131051: { what: 'Jenis pesan tidak didukung WhatsApp.', todo: 'Tidak perlu tindakan.' },
  131049: { what: 'WhatsApp menahan pesan ini untuk menjaga pengalaman penerima.', todo: 'Hubungi pemohon lewat telepon.' },
  131050: { what: 'Pemohon menolak menerima pesan dari kantor.', todo: 'Hubungi pemohon lewat telepon.' },
  132000: { what: 'Isi template pesan tidak sesuai dengan yang disetujui WhatsApp.', todo: 'Laporkan ke admin (pengaturan template).' },
  132001: { what: 'Template pesan belum disetujui WhatsApp dalam bahasa Indonesia.', todo: 'Laporkan ke admin (pengaturan template).' },
  132012: { what: 'Format isi template pesan salah.', todo: 'Laporkan ke admin (pengaturan template).' },
  132015: { what: 'Template pesan sedang dihentikan WhatsApp karena kualitasnya rendah.', todo: 'Laporkan ke admin; telepon pemohon sementara itu.' },
  190: { what: 'Token akses WhatsApp kantor sudah kedaluwarsa.', todo: 'Segera laporkan ke admin (ganti token); pesan lain juga gagal.' },
  131000: { what: 'WhatsApp mengalami gangguan sementara.', todo: 'Sistem mencoba lagi; bila tetap gagal, telepon pemohon.' },
  131016: { what: 'Layanan WhatsApp sedang sibuk.', todo: 'Sistem mencoba lagi; bila tetap gagal, telepon pemohon.' },
  131057: { what: 'Akun WhatsApp kantor sedang dalam pemeliharaan.', todo: 'Sistem mencoba lagi sebentar lagi.' },
  131030: { what: 'Nomor pemohon belum didaftarkan pada nomor uji WhatsApp.', todo: 'Laporkan ke admin (nomor uji).' },
};
export const META_ERROR_UNKNOWN = { what: 'WhatsApp menolak pesan ini.', todo: 'Hubungi pemohon lewat telepon; laporkan ke admin bila sering terjadi.' };
/** A send given up without an answer from WhatsApp (network, timeouts). */
export const META_ERROR_NO_CODE = { what: 'Pesan tidak sampai ke WhatsApp setelah beberapa kali dicoba.', todo: 'Hubungi pemohon lewat telepon.' };
export const META_ERROR_CODE = 'Kode WhatsApp {code}';
