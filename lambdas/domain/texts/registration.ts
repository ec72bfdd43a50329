/** Stage 4: the registration line, its answers, one question at a time and the WhatsApp Flow. */
import type { OfficeProfile } from '../office';
import type { FormField } from '../registration-form';
import type { ServiceCatalogue } from '../services';
import { PENTING_HEADING } from './notices';
import { serviceNumbers } from './services';

export const registrationTexts = {
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

  /** Stage 4: the blank form, its own message so that it can be copied whole; the line reads its labels. */
  registrationTemplate: ['DAFTAR', 'Nama lengkap: ', 'Tempat lahir: ', 'Tanggal lahir (DD-MM-YYYY): ', 'NIK: ', 'Nomor HP: '].join('\n'),

  /** Stage 4 success. */
  registrationSucceeded(queueNumber: string, name: string): string {
    return [
      '✅ Pendaftaran Antrian Berhasil 🎉',
      '',
      `Nomor Antrian: ${queueNumber}`,
      `Nama: ${name}`,
      'Status: PENDING (Menunggu konfirmasi Petugas) ⏸️',
      '',
      PENTING_HEADING,
      '',
      '- 👮 Petugas akan segera mengkonfirmasi jadwal kedatangan Anda;',
      '- 🕒 Jadwal Kedatangan akan ditentukan oleh petugas dan dikirim via WhatsApp dalam 1x24 jam;',
      '- ❌ Jangan datang sebelum mendapat konfirmasi jadwal;',
      '- 📄 PDF bukti antrian akan dikirim setelah jadwal dikonfirmasi.',
      '',
      'Terima kasih!',
    ].join('\n');
  },

  /** Stage 4: answers around the registration line. */
  registration: {
    nikHasOpenRegistration: (queueNumber: string) =>
      `NIK ini sudah memiliki pendaftaran yang masih berjalan: Nomor Antrian ${queueNumber}. Satu NIK hanya dapat memiliki satu pendaftaran aktif. Ketik STATUS untuk melihat statusnya.`,
    nikHeldElsewhere: (office: OfficeProfile) =>
      `NIK ini sudah memiliki pendaftaran yang masih berjalan. Satu NIK hanya dapat memiliki satu pendaftaran aktif. Jika menurut Anda ini keliru, hubungi ${office.officeName} melalui WhatsApp ${office.whatsappNumber}.`,
    /** A DAFTAR line with no service chosen: a first try, or the next person of a family after a registration. */
    eachPersonOwnRegistration: (services: ServiceCatalogue) =>
      `Baris DAFTAR dikirim setelah memilih layanan dan mengupload berkas. Setiap orang (juga anggota keluarga) memerlukan pendaftarannya sendiri: ketik angka layanan untuk orang tersebut (${serviceNumbers(services)}), upload berkas miliknya melalui link yang dikirim, ketik SELESAI, lalu kirim baris DAFTAR dengan datanya.`,
    /** Text at stage 4 that is not a DAFTAR line. */
    notALine:
      'Pesan ini belum terbaca sebagai pendaftaran. Awali dengan kata DAFTAR, lalu nama lengkap, tempat lahir, tanggal lahir, NIK dan nomor HP, dipisah tanda / atau satu data per baris. Atau salin formulir pada pesan berikut, isi, lalu kirim.',
  },

  /** Stage 4 one question at a time (`REGISTRATION_FORM=questions`, or after two refused lines). */
  questions: {
    /** Before the first question when the office chose this mode. */
    intro:
      'Untuk pendaftaran layanan BAP, kami akan menanyakan 5 data satu per satu. Jawab setiap pertanyaan dengan satu pesan. Ketik MENU untuk kembali ke daftar layanan.',
    /** After the second refused DAFTAR line: the bot stops asking for the format and asks for each value. */
    switched:
      'Tidak apa-apa, kita isi satu per satu saja: kami akan menanyakan 5 data, jawab setiap pertanyaan dengan satu pesan (tanpa kata DAFTAR). Ketik MENU untuk kembali ke daftar layanan.',
    ask: {
      name: 'Pertanyaan 1 dari 5: Tulis *nama lengkap* Anda sesuai KTP/KK.\nContoh: Ahmad Budiman',
      placeOfBirth: 'Pertanyaan 2 dari 5: Tulis *tempat lahir* Anda (kota atau kabupaten).\nContoh: SUNGAI PENUH',
      dateOfBirth: 'Pertanyaan 3 dari 5: Tulis *tanggal lahir* Anda sebagai DD-MM-YYYY.\nContoh: 15-08-1990 (boleh juga 15 Agustus 1990)',
      nik: 'Pertanyaan 4 dari 5: Tulis *NIK* Anda, 16 angka (lihat KTP/KK).\nContoh: 3201231508900001',
      phone: 'Pertanyaan 5 dari 5: Tulis *nomor HP* yang dapat dihubungi.\nContoh: 081234567890',
    } satisfies Record<FormField, string>,
    /** The NIK's date and the birth date differ: the applicant confirms or writes both again. */
    confirmMismatch: 'Ketik YA jika keduanya sudah benar. Ketik TIDAK untuk menulis ulang tanggal lahir dan NIK.',
    /** A voice note, sticker… while a question waits. */
    now: (question: string) => `Jawab dengan mengetik. ${question}`,
  },

  /** Stage 4 through a WhatsApp Flow (`REGISTRATION_FORM=flow`): the message with the form's button. */
  registrationFlow: {
    body: [
      'Untuk pendaftaran layanan BAP, tekan tombol *Isi formulir* di bawah, isi data Anda, lalu tekan *Kirim*.',
      '',
      'Jika tombol tidak muncul, ketik: DAFTAR/nama lengkap/TEMPAT LAHIR/DD-MM-YYYY/NIK/Nomor HP',
    ].join('\n'),
    /** Meta: at most 20 characters, no emoji. */
    cta: 'Isi formulir',
    /** After a form with a wrong value: the same field-precise words, then the form again. */
    again: 'Silakan perbaiki pada formulir berikut.',
  },
} as const;
