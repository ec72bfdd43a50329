/** What the admin API answers an officer when the gate refuses a request (sessions, CSRF, roles, bodies). */
export const OFFICER_API_TEXTS = {
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
} as const;
