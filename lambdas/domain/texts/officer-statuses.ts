/** Statuses and delivery states in the officers' words, and Meta's error codes explained to them. */
import type { RegistrationStatus } from '../registration';

/** What each status means, in words, beside its code. */
export const STATUS_LABELS: Readonly<Record<RegistrationStatus, string>> = {
  PENDING: 'Menunggu pemeriksaan',
  PERLU_PERBAIKAN: 'Perlu perbaikan berkas',
  DIKONFIRMASI: 'Jadwal dikonfirmasi',
  PERUBAHAN_DIMINTA: 'Pemohon minta ubah jadwal',
  DIBATALKAN: 'Dibatalkan',
  SELESAI: 'Selesai (hadir)',
  TIDAK_HADIR: 'Tidak hadir',
  DILAYANI: 'Sedang dilayani',
  PERLU_JADWAL_ULANG: 'Hari ditutup, menunggu pilihan tanggal',
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
