/** Stage 1 (the menu and its list), the prompts for anything unexpected, and BANTUAN. */
import type { OfficeProfile } from '../office';
import type { DocumentsHint } from './facts';
import { linkLines } from './links';
import { RESCHEDULE_MENU_NUMBER } from './menu-numbers';
import { serviceNumbers } from './services';

export const menuTexts = {
  /** Stage 1. */
  welcome(office: OfficeProfile): string {
    return [
      `Selamat datang di SI BAPAO (Registrasi BAP Paspur Online) ${office.officeName}. Silakan pilih salah satu layanan berikut:`,
      '',
      // In number order: a service numbered after the reschedule's comes after its line.
      ...[
        ...office.services.map((service) => ({ number: service.id, name: service.menuName })),
        { number: RESCHEDULE_MENU_NUMBER, name: 'Perubahan Jadwal BAP Paspur' },
      ]
        .sort((a, b) => a.number - b.number)
        .map((line) => `${line.number}. ${line.name}`),
      '',
      'Ketik Angka sebagai kata kunci sesuai kebutuhan Anda.',
      'Ketik STATUS untuk melihat status pendaftaran Anda, atau BATAL untuk membatalkan pendaftaran.',
      'Ketik DATA SAYA untuk melihat data Anda, UBAH DATA untuk memperbaikinya, atau HAPUS DATA untuk menghapusnya.',
    ].join('\n');
  },

  /** Label of the interactive list that follows the stage 1 text. */
  menuList: {
    body: 'Atau ketuk tombol di bawah untuk memilih layanan.',
    button: 'Pilih layanan',
    sectionTitle: 'Layanan BAP',
    rescheduleTitle: 'Perubahan Jadwal',
    rescheduleDescription: 'Perubahan Jadwal BAP Paspur',
    statusTitle: 'Status pendaftaran',
    statusDescription: 'Lihat status dan langkah berikutnya',
    cancelTitle: 'Batalkan pendaftaran',
    cancelDescription: 'Batalkan pendaftaran yang masih berjalan',
    dataTitle: 'Data saya',
    dataDescription: 'Lihat atau hapus data Anda',
  },

  /** Short prompts for anything the current step did not expect: never silence. */
  prompts: {
    chooseFromMenu: `Maaf, pilihan tidak dikenali. Ketik angka 1 sampai ${RESCHEDULE_MENU_NUMBER} sesuai layanan yang Anda butuhkan (atau tulis misalnya "paspor hilang"), atau ketik MENU untuk melihat daftar layanan.`,
    documentsWeb: (hint: Extract<DocumentsHint, { mode: 'web' }>) =>
      ['Silakan upload berkas Anda melalui link berikut, lalu ketik SELESAI:', ...linkLines(hint), 'Ketik MENU untuk kembali ke daftar layanan.'].join('\n'),
    /** A photo or PDF sent in the chat while documents go through the upload page. */
    filesThroughLink: (hint: Extract<DocumentsHint, { mode: 'web' }>) =>
      ['Berkas tidak dikirim lewat chat ini. Silakan upload foto atau PDF berkas Anda melalui link berikut, lalu ketik SELESAI:', ...linkLines(hint)].join(
        '\n',
      ),
    documentsForm:
      'Silakan upload berkas Anda melalui link formulir yang sudah dikirim. Jika sudah, ketik SELESAI. Ketik MENU untuk kembali ke daftar layanan.',
    documentsChat: 'Silakan kirim foto atau PDF berkas Anda di chat ini. Jika sudah lengkap, ketik SELESAI. Ketik MENU untuk kembali ke daftar layanan.',
    /** A voice note, sticker, location, contact, video…: what it was, what the bot reads, then what to do now. */
    cannotRead: (what: string, now: string) => {
      const names: Readonly<Record<string, string>> = {
        audio: 'pesan suara',
        video: 'video',
        sticker: 'stiker',
        image: 'foto',
        document: 'dokumen',
        location: 'lokasi',
        contacts: 'kontak',
      };
      return `Maaf, Si Bapao tidak dapat membaca ${names[what] ?? 'jenis pesan ini'}; Si Bapao hanya membaca pesan yang diketik. ${now}`;
    },
    nowMenu: `Ketik angka 1 sampai ${RESCHEDULE_MENU_NUMBER} sesuai layanan yang Anda butuhkan, atau ketik MENU untuk melihat daftar layanan.`,
    nowRegistration: 'Ketik data pendaftaran Anda: DAFTAR/nama lengkap/TEMPAT LAHIR/DD-MM-YYYY/NIK/Nomor HP (atau satu data per baris setelah DAFTAR).',
    nowReschedule: 'Ketik: Ubah jadwal: nama/DD-MM-YYYY, atau MENU untuk kembali.',
    nowCancelChoose: 'Ketik nomor antrian yang ingin dibatalkan (mis. KRC-002), atau MENU untuk kembali.',
    nowCancelConfirm: (queueNumber: string) => `Ketik YA untuk membatalkan pendaftaran Nomor Antrian ${queueNumber}, atau TIDAK untuk kembali.`,
  },

  /** BANTUAN: the whole way in a few lines, and who to ask. */
  help(office: OfficeProfile): string {
    return [
      'ℹ️ *BANTUAN SI BAPAO*',
      '',
      `1. Ketik MENU, lalu angka layanan yang Anda butuhkan (${serviceNumbers(office.services)}).`,
      '2. Upload berkas melalui link yang dikirim, lalu ketik SELESAI.',
      '3. Kirim data Anda: DAFTAR/nama lengkap/TEMPAT LAHIR/DD-MM-YYYY/NIK/Nomor HP.',
      '4. Petugas memeriksa berkas dan mengirim jadwal kedatangan beserta PDF bukti antrian.',
      '',
      `Ketik STATUS untuk melihat status pendaftaran, ${RESCHEDULE_MENU_NUMBER} untuk mengubah jadwal, BATAL untuk membatalkan.`,
      'Ketik DATA SAYA untuk melihat data Anda yang kami simpan, UBAH DATA/nama/TEMPAT LAHIR/DD-MM-YYYY/NIK/Nomor HP untuk memperbaikinya sebelum dikonfirmasi, HAPUS DATA untuk menghapusnya.',
      'Setiap orang (juga anggota keluarga) memerlukan pendaftarannya sendiri: pilih layanan lagi untuk orang tersebut.',
      '',
      `Pertanyaan lain: hubungi ${office.officeName} melalui WhatsApp ${office.whatsappNumber}.`,
    ].join('\n');
  },
} as const;
