/**
 * Every text of the `web`-mode upload page (docs/behaviour.md, Stage 3), in Indonesian. `*bold*` is rendered as
 * bold on the page, as WhatsApp would; `{name}` placeholders are filled by the page or its script.
 * The two seed lines (`incomplete`, `complete`) are the office's own words and stay as the seed writes them.
 */
export const UPLOAD_PAGE_TEXTS = {
  appName: 'SI BAPAO',
  tagline: 'Registrasi BAP Paspur Online',
  pageTitle: 'Unggah Berkas',
  serviceLabel: 'Layanan',
  intro: 'Unggah setiap berkas persyaratan di bawah ini, lalu tekan *Kirim*. Satu berkas boleh terdiri dari beberapa halaman.',
  fixIntro: 'Petugas meminta anda mengunggah ulang berkas di bawah ini, lalu tekan *Kirim*.',
  fixNote: 'Catatan petugas:',
  limits: 'Format JPG, PNG atau PDF, maksimal {maxMb} MB per file.',
  noscript: 'Halaman ini membutuhkan JavaScript untuk mengunggah berkas. Aktifkan JavaScript di browser anda, atau buka tautan ini di Chrome.',
  camera: 'Ambil foto',
  chooseFile: 'Pilih file',
  noFiles: 'Belum ada berkas.',
  clear: 'Hapus semua',
  clearConfirm: 'Hapus semua halaman "{name}"?',
  cleared: 'Halaman dihapus. Silakan unggah ulang.',
  fieldMissing: 'Berkas ini belum diunggah.',
  submit: 'Kirim',
  checking: 'Memeriksa berkas…',
  waitForUploads: 'Tunggu, masih mengunggah…',
  shrinking: 'Memperkecil foto {filename}…',
  queued: '{filename} siap, menunggu giliran diunggah…',
  uploading: 'Mengunggah {filename}… {percent}%',
  verifying: 'Memeriksa {filename}…',
  uploaded: '{filename} berhasil diunggah.',
  uploadFailed: '{filename} gagal diunggah. Silakan coba lagi.',
  retrying: 'Koneksi terputus. {filename} akan dilanjutkan otomatis saat koneksi kembali…',
  backToWhatsApp: 'Kembali ke WhatsApp',
  incomplete: '*BERKAS ANDA BELUM LENGKAP*',
  missingList: 'Kolom berwarna merah belum diisi:',
  complete: 'Berkas anda sudah terupload/terekam silakan kembali ke whatsapp dan ketik SELESAI',
  wrongType: 'Format file tidak didukung. Gunakan foto JPG/PNG atau PDF.',
  tooLarge: 'File lebih dari {maxMb} MB. Perkecil file atau foto ulang dengan resolusi lebih rendah.',
  emptyFile: 'File kosong. Silakan pilih file lain.',
  notWhatItClaims: 'File ini bukan foto JPG/PNG atau PDF yang sah, jadi tidak disimpan. Silakan unggah foto atau PDF yang benar.',
  notArrived: 'File belum sampai di server. Silakan unggah ulang.',
  tooManyPages: 'Maksimal {maxPages} halaman untuk setiap berkas. Hapus lalu unggah ulang bila perlu.',
  tooManyUploads: 'Terlalu banyak unggahan untuk berkas ini. Hapus halaman yang salah lalu kirim yang ada, atau minta tautan baru lewat WhatsApp.',
  unknownRequirement: 'Berkas ini tidak diminta melalui tautan ini.',
  badRequest: 'Permintaan tidak valid. Muat ulang halaman lalu coba lagi.',
  network: 'Koneksi terputus. Periksa internet anda lalu coba lagi.',
  serverError: 'Terjadi gangguan di server. Silakan coba lagi sebentar lagi.',
  invalidLinkTitle: 'Tautan tidak valid',
  invalidLink:
    'Tautan unggah ini tidak valid. Ketik *MENU* di WhatsApp lalu pilih layanan yang sama: Si Bapao mengirim tautan yang berlaku, dengan berkas yang sudah anda unggah.',
  expiredLinkTitle: 'Tautan sudah kedaluwarsa',
  expiredLink:
    'Tautan unggah ini sudah tidak berlaku (berlaku sampai {until}). Berkas yang sudah anda unggah tetap tersimpan. Ketik *MENU* di WhatsApp lalu pilih layanan yang sama: Si Bapao mengirim tautan yang berlaku untuk berkas yang sama.',
  serverErrorTitle: 'Terjadi gangguan',
  submittedTitle: 'Berkas sudah diserahkan',
  alreadySubmitted:
    'Berkas anda sudah menjadi bagian dari pendaftaran dan sedang atau sudah diperiksa petugas, jadi tidak dapat diubah lewat tautan ini. Bila petugas meminta perbaikan, anda akan menerima tautan baru di WhatsApp.',
  tooManyTitle: 'Terlalu banyak percobaan',
  tooMany: 'Tunggu satu menit, lalu buka lagi tautan dari pesan Si Bapao di WhatsApp.',
  notFoundTitle: 'Halaman tidak ditemukan',
  notFound: 'Periksa kembali tautan yang anda terima di WhatsApp.',
} as const;

export type UploadPageTexts = typeof UPLOAD_PAGE_TEXTS;

/** Fills `{name}` placeholders; unknown ones are left as they are. */
export function fillText(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
