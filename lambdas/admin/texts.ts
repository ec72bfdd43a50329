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
  flagOther: 'Tanda: {flag}',

  // Verify
  verifyTitle: 'Verifikasi bukti pendaftaran',
  verifyIntro: 'Pindai kode QR pada bukti PDF dengan pemindai, atau tempel isinya di sini.',
  verifyLabel: 'Isi kode QR',
  verifyButton: 'Periksa',
  verifyValid: 'ASLI: bukti ini diterbitkan oleh Si Bapao.',
  verifyForged: 'TIDAK SAH: tanda tangan kode QR tidak cocok. Bukti ini mungkin telah diubah.',
  verifyMismatch: 'Bukti asli, tetapi datanya tidak lagi sama dengan pendaftaran saat ini: periksa detail di bawah.',

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
