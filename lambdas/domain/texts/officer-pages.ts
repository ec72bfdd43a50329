/**
 * The officers' admin pages in Indonesian: frame, login, lists, dashboard, days, verify, errors, and what
 * the page's script says when it checks a field. `{name}` placeholders are filled by `fillText` (./officer).
 */
export const OFFICER_PAGE_TEXTS = {
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

  // Verify
  verifyTitle: 'Verifikasi bukti pendaftaran',
  verifyIntro: 'Pindai kode QR pada bukti PDF dengan kamera atau pemindai, atau tempel isinya di sini.',
  verifyLabel: 'Isi kode QR',
  verifyButton: 'Periksa',
  verifyValid: 'ASLI: bukti ini diterbitkan oleh Si Bapao.',
  verifyForged: 'TIDAK SAH: tanda tangan kode QR tidak cocok. Bukti ini mungkin telah diubah.',
  verifyMismatch: 'Bukti asli, tetapi datanya tidak lagi sama dengan pendaftaran saat ini: periksa detail di bawah.',

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
