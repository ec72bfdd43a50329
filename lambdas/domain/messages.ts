/**
 * The message catalogue: every text the applicant reads, built from the office's own flow
 * (`si-bapao-flow.txt`) with only the deliberate changes listed in PRODUCT.md "Message texts".
 */
import { formatDateLong, formatDayDate, dayName, formatTime, type IsoDate } from './calendar';
import type { OfficeProfile } from './office';
import { requirementsOf, SERVICES, type Service } from './services';

export interface AppointmentFacts {
  readonly queueNumber: string;
  readonly name: string;
  readonly nik: string;
  readonly date: IsoDate;
  readonly time: string;
  readonly note?: string;
}

export type DocumentsHint =
  | { readonly mode: 'web'; readonly uploadUrl: string }
  | { readonly mode: 'form'; readonly formUrl: string }
  | { readonly mode: 'chat' };

const PENTING_CONFIRMED = [
  '⚠️ PENTING:',
  '',
  'File PDF ini adalah bukti resmi antrian Anda.',
  'Silakan PDF ini di-Print',
  'Bawa bukti saat kedatangan',
  'Datang 15 menit sebelum jadwal',
  'Tidak perlu konfirmasi lagi!.',
  '',
  'Jika jadwal tidak sesuai yang diharapkan',
  'silakan mengajukan pergantian jadwal dengan',
  'ketik 6',
];

export const messages = {
  /** Stage 1. */
  welcome(office: OfficeProfile): string {
    return [
      `Selamat datang di SI BAPAO (Registrasi BAP Paspur Online) ${office.officeName}. Silakan pilih salah satu layanan berikut:`,
      '',
      ...SERVICES.map((service) => `${service.id}. ${service.menuName}`),
      '6. Perubahan Jadwal BAP Paspur',
      '',
      'Ketik Angka sebagai kata kunci sesuai kebutuhan Anda.',
    ].join('\n');
  },

  /** Label of the interactive list that follows the stage 1 text. */
  menuList: {
    body: 'Atau ketuk tombol di bawah untuk memilih layanan.',
    button: 'Pilih layanan',
    sectionTitle: 'Layanan BAP',
    rescheduleTitle: 'Perubahan Jadwal',
    rescheduleDescription: 'Perubahan Jadwal BAP Paspur',
  },

  /** Stage 2: the chosen service's requirements; the last line depends on the upload mode. */
  requirements(service: Service, hint: DocumentsHint): string {
    const lastLine =
      hint.mode === 'web'
        ? `Jika persyaratan sudah lengkap, silakan upload pada link berikut: <${hint.uploadUrl}>`
        : hint.mode === 'form'
          ? `Jika persyaratan sudah lengkap, silakan upload pada link berikut: <${hint.formUrl}>`
          : 'Jika persyaratan sudah lengkap, silakan kirim foto atau PDF setiap berkas di chat ini satu per satu.';
    return [
      `Anda memilih Layanan ${service.id} ${service.name}, Silahkan Isi Identitas anda dan Lengkapi persyaratan, sebagai berikut:`,
      '',
      ...requirementsOf(service).map((requirement) => `- ${requirement.label}`),
      '',
      lastLine,
    ].join('\n');
  },

  /** Stage 4 instruction, after SELESAI. */
  registrationInstruction(): string {
    return [
      'Untuk pendaftaran layanan BAP silakan ketik:',
      'DAFTAR/nama lengkap/TEMPATLAHIR/DD-MM-YYYY/NIK/Nomor HP',
      'Contoh:',
      'DAFTAR/Ahmad Budiman/JAKARTA/15-08-1990/3201231508900001/089617841945',
      '',
      '⚠️ Pastikan semua data diisi dengan benar!',
    ].join('\n');
  },

  /** Stage 4 success. */
  registrationSucceeded(queueNumber: string, name: string): string {
    return [
      '✅ Pendaftaran Antrian Berhasil 🎉',
      '',
      `Nomor Antrian: ${queueNumber}`,
      `Nama: ${name}`,
      'Status: PENDING (Menunggu konfirmasi Petugas) ⏸️',
      '',
      '⚠️ PENTING:',
      '',
      '- 👮 Petugas akan segera mengkonfirmasi jadwal kedatangan Anda;',
      '- 🕒 Jadwal Kedatangan akan ditentukan oleh petugas dan dikirim via WhatsApp dalam 1x24 jam;',
      '- ❌ Jangan datang sebelum mendapat konfirmasi jadwal;',
      '- 📄 PDF bukti antrian akan dikirim setelah jadwal dikonfirmasi.',
      '',
      'Terima kasih!',
    ].join('\n');
  },

  /** Stage 5: the confirmation, sent with (or as the caption of) the PDF proof. */
  scheduleConfirmed(facts: AppointmentFacts): string {
    return [
      '✅ *Jadwal Antrian Dikonfirmasi*',
      `Nomor: ${facts.queueNumber}`,
      `Nama: ${facts.name}`,
      `Tanggal: ${formatDayDate(facts.date)}`,
      `Jam Kedatangan: ${formatTime(facts.time)}`,
      'Status: DIKONFIRMASI',
      '',
      ...(facts.note ? [`📌 Note: ${facts.note}`] : []),
      'Terima kasih!',
      '',
      ...PENTING_CONFIRMED,
    ].join('\n');
  },

  /** Stage 6: the reschedule rules. */
  rescheduleRules(): string {
    return [
      'Anda memilih Layanan Perubahan Jadwal BAP Paspur, Berikut Ketentuan Perubahan Jadwal!!',
      '',
      '- Perubahan jadwal hanya diberikan 1x kesempatan',
      '- Pemilihan perubahan jadwal hanya berlaku setelah tanggal waktu kedatangan yang telah ditentukan',
      '- Perubahan jadwal diberikan dalam rentang waktu 1 bulan kalender',
      '',
      'Jika ingin diubah, ketik: Ubah jadwal: nama/tanggal',
      '',
      'contoh:',
      '',
      'SIPULAN/31-12-2025',
    ].join('\n');
  },

  /** Stage 6: the request is taken. */
  rescheduleRequested(): string {
    return '“Perubahan Jadwal terkonfirmasi, Petugas akan segera mengonfirmasi terkait permintaan perubahan jadwal tersebut dengan menelpon anda. Terima Kasih 🙏🙏”';
  },

  /** Stage 7: the officer set the new date. */
  scheduleChanged(facts: AppointmentFacts & { readonly oldDate: IsoDate }, office: OfficeProfile): string {
    return [
      'PERUBAHAN JADWAL KEDATANGAN',
      '',
      `Halo ${facts.name},`,
      '',
      'Jadwal kedatangan Anda telah diperbarui oleh petugas:',
      '',
      `📄 Nomor Antrian: ${facts.queueNumber}`,
      '',
      `📅 Jadwal Lama: ${formatDayDate(facts.oldDate)}`,
      '',
      `📅 Jadwal Baru: ${formatDayDate(facts.date)}`,
      '',
      `🕒 Jam Kedatangan: ${formatTime(facts.time)}`,
      '',
      ...(facts.note ? [`📌 Note: ${facts.note}`, ''] : []),
      '⚠️ Penting:',
      '',
      '- File PDF ini adalah bukti resmi antrian Anda yang baru;',
      '- Silakan File ini di-Print;',
      '- Harap datang sesuai jadwal baru;',
      '- Bawa semua dokumen yang diperlukan (ASLI & Fotocopy).',
      '',
      'Terima kasih atas perhatiannya!',
      '',
      `Si Bapao ${office.officeShortName}`,
    ].join('\n');
  },

  /** Stage 8: the day-before reminder. */
  reminder(facts: AppointmentFacts, office: OfficeProfile): string {
    return [
      '🔔 *PENGINGAT KEDATANGAN BESOK*',
      'DETAIL ANTRIAN ANDA:',
      ` Nomor Antrian: ${facts.queueNumber}`,
      ` Nama: ${facts.name}`,
      ` NIK: ${facts.nik}`,
      '',
      '📅 *JADWAL KEDATANGAN:*',
      ` Hari: ${dayName(facts.date)}`,
      ` Tanggal: ${formatDateLong(facts.date)}`,
      ` Waktu: ${formatTime(facts.time)}`,
      '',
      '📍 *LOKASI:*',
      ` ${office.officeName}`,
      ` ${office.address}`,
      '',
      '🕒 *REMINDER:*',
      ' Bawa semua dokumen yang diperlukan (ASLI & Fotocopy);',
      ' Datang 15 menit sebelum jadwal;',
      ' Tunjukkan Hasil print PDF yang telah diberikan petugas.',
      '',
      '☎️ *INFO & BANTUAN:*',
      ` WhatsApp: ${office.whatsappNumber}`,
      ' Terima kasih dan sampai bertemu besok! 🙏',
      '',
      `Pesan otomatis dari SIBAPAO ${office.officeShortName}`,
    ].join('\n');
  },

  /** Short prompts for anything the current step did not expect: never silence. */
  prompts: {
    chooseFromMenu: 'Maaf, pilihan tidak dikenali. Ketik angka 1 sampai 6 sesuai layanan yang Anda butuhkan, atau ketik MENU untuk melihat daftar layanan.',
    unsupportedAtMenu: 'Maaf, Si Bapao hanya membaca pesan teks di sini. Ketik angka 1 sampai 6 sesuai layanan yang Anda butuhkan, atau ketik MENU untuk melihat daftar layanan.',
    documentsWeb: 'Silakan upload berkas Anda melalui link yang sudah dikirim. Jika sudah, ketik SELESAI. Ketik MENU untuk kembali ke daftar layanan.',
    documentsForm: 'Silakan upload berkas Anda melalui link formulir yang sudah dikirim. Jika sudah, ketik SELESAI. Ketik MENU untuk kembali ke daftar layanan.',
    documentsChat: 'Silakan kirim foto atau PDF berkas Anda di chat ini. Jika sudah lengkap, ketik SELESAI. Ketik MENU untuk kembali ke daftar layanan.',
  },
} as const;
