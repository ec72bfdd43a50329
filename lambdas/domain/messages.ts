/**
 * The message catalogue: every text the applicant reads, built from the office's own flow
 * (`test/fixtures/office-flow/si-bapao-flow.txt`) with only the deliberate changes listed in docs/behaviour.md "Message texts".
 */
import { formatDateLong, formatDayDate, dayName, formatTime, type IsoDate } from './calendar';
import type { OfficeProfile } from './office';
import type { RegistrationStatus } from './registration';
import type { FormField, RegistrationFieldError } from './registration-form';
import { requirementsOf, SERVICES, type Service } from './services';

export interface AppointmentFacts {
  readonly queueNumber: string;
  readonly name: string;
  readonly nik: string;
  readonly date: IsoDate;
  readonly time: string;
  readonly note?: string;
}

/** A confirmed appointment the applicant may move, and the window of dates it may move to. */
export interface RescheduleOption {
  readonly queueNumber: string;
  readonly name: string;
  readonly date: IsoDate;
  readonly time: string;
  readonly earliest: IsoDate;
  readonly latest: IsoDate;
}

export type DocumentsHint =
  /** `validUntil`: the last day (Asia/Jakarta) the link works. */
  | { readonly mode: 'web'; readonly uploadUrl: string; readonly validUntil?: IsoDate }
  | { readonly mode: 'form'; readonly formUrl: string }
  | { readonly mode: 'chat' };

/** The seed's closing block of the stage 5 confirmation, shared with its template. */
export const PENTING_CONFIRMED = [
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

/** A link alone on its line (WhatsApp makes it tappable; nothing around it to break it), then until when it works. */
function linkLines(hint: Extract<DocumentsHint, { mode: 'web' }>): string[] {
  return [hint.uploadUrl, ...(hint.validUntil ? [`Link berlaku sampai ${formatDayDate(hint.validUntil)}.`] : [])];
}

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
      'Ketik STATUS untuk melihat status pendaftaran Anda, atau BATAL untuk membatalkan pendaftaran.',
      'Ketik DATA SAYA untuk melihat data Anda, atau HAPUS DATA untuk menghapusnya.',
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

  /** Stage 2: the chosen service's requirements; the last line depends on the upload mode. */
  requirements(service: Service, hint: DocumentsHint): string {
    const lastLine =
      hint.mode === 'web'
        ? ['Jika persyaratan sudah lengkap, silakan upload pada link berikut:', ...linkLines(hint)].join('\n')
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

  /**
   * Stage 4: why a DAFTAR line was refused (the first wrong field), and the format to send again; with
   * `then`, the same field-precise words followed by `then` instead (a question asked again, the form).
   */
  registrationError(error: RegistrationFieldError, then?: string): string {
    const example = 'DAFTAR/Ahmad Budiman/JAKARTA/15-08-1990/3201231508900001/089617841945';
    const format = 'DAFTAR/nama lengkap/TEMPAT LAHIR/DD-MM-YYYY/NIK/Nomor HP';
    const two = (n: number): string => String(n).padStart(2, '0');
    const dmy = (day: number, month: number, year: number): string => `${two(day)}-${two(month)}-${String(year).padStart(4, '0')}`;
    const fromIso = (date: IsoDate): string => date.split('-').reverse().join('-');
    const quoted = (chars: readonly string[]): string => chars.map((char) => `“${char}”`).join(', ');
    const sizeProblem = (size: number, min: number): string => (size === 0 ? 'belum diisi' : size < min ? 'terlalu pendek' : 'terlalu panjang');
    const refused = (label: string, problem: string, ...detail: string[]): string =>
      then !== undefined
        ? [`❌ *${label}* ${problem}.`, ...detail, '', then].join('\n')
        : [
            `❌ Pendaftaran belum berhasil: *${label}* ${problem}.`,
            ...detail,
            '',
            'Silakan kirim ulang dengan format:',
            format,
            'Contoh:',
            example,
            '',
            'Atau salin formulir pada pesan berikut, isi setelah tanda titik dua, lalu kirim.',
          ].join('\n');
    const fieldNames: Record<FormField, string> = {
      name: 'Nama lengkap',
      placeOfBirth: 'Tempat lahir',
      dateOfBirth: 'Tanggal lahir',
      nik: 'NIK',
      phone: 'Nomor HP',
    };

    switch (error.field) {
      case 'format':
        return error.reason === 'keyword'
          ? refused('Format pendaftaran', 'tidak sesuai', 'Awali pesan dengan kata DAFTAR, lalu pisahkan setiap data dengan tanda garis miring (/).')
          : refused(
              'Format pendaftaran',
              'tidak sesuai',
              `${error.fieldsFound === 0 ? 'Kami tidak menemukan data' : `Kami menemukan ${error.fieldsFound} data`} setelah DAFTAR, seharusnya 5: nama lengkap, tempat lahir, tanggal lahir, NIK, dan nomor HP.`,
              ...(error.missing.length > 0 && error.missing.length < 5
                ? [`Yang belum ada: ${error.missing.map((field) => `*${fieldNames[field]}*`).join(', ')}.`]
                : []),
              'Pisahkan setiap data dengan tanda garis miring (/), atau tulis satu data per baris.',
            );
      case 'name':
      case 'placeOfBirth': {
        const label = error.field === 'name' ? 'Nama lengkap' : 'Tempat lahir';
        switch (error.reason) {
          case 'length':
            return refused(
              label,
              sizeProblem(error.length, error.min),
              `${label} harus ${error.min}–${error.max} karakter; yang Anda tulis ${error.length} karakter.`,
            );
          case 'characters':
            return refused(
              label,
              'berisi karakter yang tidak diizinkan',
              `Hanya boleh huruf (boleh beraksen), spasi, titik (.), apostrof (') dan tanda hubung (-). Tidak diizinkan: ${quoted(error.invalid)}.`,
            );
          case 'letters':
            return refused(label, 'kurang huruf', `${label} harus memuat minimal ${error.min} huruf; yang Anda tulis ${error.letters} huruf.`);
        }
        break;
      }
      case 'dateOfBirth':
        switch (error.reason) {
          case 'format':
            return error.value === ''
              ? refused('Tanggal lahir', 'belum diisi', 'Tulis tanggal lahir sebagai DD-MM-YYYY, misalnya 15-08-1990 (boleh juga 15 Agustus 1990).')
              : refused(
                  'Tanggal lahir',
                  'tidak sesuai format',
                  `Tulis tanggal lahir sebagai DD-MM-YYYY, misalnya 15-08-1990 (boleh juga 15 Agustus 1990); yang Anda tulis: “${error.value}”.`,
                );
          case 'notRealDate': {
            const leap = error.month === 2 && error.day === 29 ? ` (${error.year} bukan tahun kabisat)` : '';
            return refused(
              'Tanggal lahir',
              'tidak ada di kalender',
              `Tanggal ${dmy(error.day, error.month, error.year)} tidak ada${leap}. Periksa kembali tanggal dan bulannya.`,
            );
          }
          case 'future':
            return refused('Tanggal lahir', 'belum terjadi', `Anda menulis ${fromIso(error.date)}, sedangkan hari ini ${fromIso(error.today)}.`);
          case 'tooOld':
            return refused(
              'Tanggal lahir',
              'terlalu lampau',
              `Anda menulis ${fromIso(error.date)}: usia pemohon paling tinggi 120 tahun (lahir pada atau setelah ${fromIso(error.earliest)}). Periksa kembali tahunnya.`,
            );
        }
        break;
      case 'nik':
        switch (error.reason) {
          case 'characters':
            return refused('NIK', 'hanya boleh berisi angka', `NIK terdiri dari 16 angka (lihat KTP/KK). Tidak diizinkan: ${quoted(error.invalid)}.`);
          case 'length':
            return refused(
              'NIK',
              error.digits === 0 ? 'belum diisi' : 'harus tepat 16 angka',
              `NIK terdiri dari 16 angka (lihat KTP/KK); yang Anda tulis ${error.digits} angka.`,
            );
          case 'encodedDate': {
            const wrong = [
              ...(error.dayPossible ? [] : [`tanggal ${error.encoded.slice(0, 2)} tidak mungkin`]),
              ...(error.monthPossible ? [] : [`bulan ${error.encoded.slice(2, 4)} tidak ada`]),
            ].join(' dan ');
            return refused(
              'NIK',
              'tidak sesuai',
              `Digit ke-7 sampai ke-12 NIK (${error.encoded}) berisi tanggal lahir sebagai DDMMYY (tanggal ditambah 40 untuk perempuan), tetapi ${wrong}. Periksa kembali NIK Anda di KTP/KK.`,
            );
          }
        }
        break;
      case 'phone':
        switch (error.reason) {
          case 'characters':
            return refused('Nomor HP', 'hanya boleh berisi angka', `Tidak diizinkan: ${quoted(error.invalid)}. Tulis nomor HP seperti 081234567890.`);
          case 'prefix':
            return error.start === ''
              ? refused('Nomor HP', 'belum diisi', 'Tulis nomor HP seluler Indonesia, diawali 08, 628 atau +628.')
              : refused('Nomor HP', 'bukan nomor seluler Indonesia', `Nomor HP harus diawali 08, 628 atau +628; yang Anda tulis diawali “${error.start}”.`);
          case 'length':
            return refused(
              'Nomor HP',
              sizeProblem(error.digits, error.min),
              `Ditulis dalam bentuk 628…, nomor HP harus ${error.min}–${error.max} angka; nomor Anda ${error.digits} angka.`,
            );
        }
        break;
      case 'nikDate':
        return [
          '❌ Pendaftaran belum berhasil: *NIK dan tanggal lahir* tidak cocok.',
          `NIK Anda (digit ke-7 sampai ke-12: ${error.encoded}) menunjukkan tanggal lahir ${dmy(error.nikDay, error.nikMonth, error.nikYear)}, tetapi Anda menulis ${fromIso(error.dateOfBirth)}.`,
          ...(error.sex === 'P' ? [`(Pada NIK perempuan tanggal ditambah 40: ${error.encoded.slice(0, 2)} berarti tanggal ${two(error.nikDay)}.)`] : []),
          ...(then !== undefined
            ? ['Mohon periksa kembali keduanya di KTP/KK.', '', then]
            : [
                'Mohon periksa kembali keduanya di KTP/KK. Jika keduanya sudah benar, kirim ulang baris yang sama dengan tambahan /YA di akhir:',
                `${format}/YA`,
                'Contoh:',
                `${example}/YA`,
              ]),
        ].join('\n');
    }
    return refused('Data pendaftaran', 'tidak sesuai');
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

  /**
   * Stage 6: the rules, then the applicant's own confirmed appointments with the dates each may move to,
   * and an example built from them (a name and a real date in the window), not a date in the past.
   */
  rescheduleRules(appointments: readonly RescheduleOption[], example: { readonly name: string; readonly date: IsoDate }): string {
    const dmy = example.date.split('-').reverse().join('-');
    return [
      'Anda memilih Layanan Perubahan Jadwal BAP Paspur, Berikut Ketentuan Perubahan Jadwal!!',
      '',
      '- Perubahan jadwal hanya diberikan 1x kesempatan',
      '- Pemilihan perubahan jadwal hanya berlaku setelah tanggal waktu kedatangan yang telah ditentukan',
      '- Perubahan jadwal diberikan dalam rentang waktu 1 bulan kalender',
      '',
      ...appointments.flatMap((appointment) => [
        `📅 Jadwal Anda: ${appointment.queueNumber} ${appointment.name}, ${formatDayDate(appointment.date)}, ${formatTime(appointment.time)}`,
        `Tanggal baru yang bisa dipilih: ${formatDayDate(appointment.earliest)} sampai ${formatDayDate(appointment.latest)} (Senin–Jumat, bukan hari libur).`,
        '',
      ]),
      'Jika ingin diubah, ketik: Ubah jadwal: nama/tanggal',
      '',
      'contoh:',
      '',
      `${example.name}/${dmy}`,
    ].join('\n');
  },

  /** Stage 6: the request is taken, and it is a request: the officer decides and calls. */
  rescheduleRequested(date: IsoDate): string {
    return [
      `Permintaan perubahan jadwal ke ${formatDayDate(date)} sudah kami terima dan *menunggu persetujuan petugas*.`,
      'Petugas akan segera menelpon anda. Jadwal baru dan PDF bukti antrian yang baru dikirim via WhatsApp setelah disetujui. Terima Kasih 🙏🙏',
    ].join('\n');
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

  /** Stage 3: documents, in every mode. */
  documents: {
    /** `SELESAI` (or a DAFTAR line) while requirements have no document yet; web mode repeats the current link. */
    incomplete(missing: readonly string[], hint: Extract<DocumentsHint, { mode: 'web' | 'chat' }>): string {
      return [
        '*BERKAS ANDA BELUM LENGKAP*',
        '',
        'Berkas yang belum ada:',
        ...missing.map((name) => `- ${name}`),
        '',
        ...(hint.mode === 'web'
          ? ['Silakan lengkapi melalui link berikut, lalu ketik SELESAI:', ...linkLines(hint)]
          : ['Silakan kirim berkas tersebut di chat ini, lalu ketik SELESAI.']),
      ].join('\n');
    },
    /** The same service chosen again: its application goes on where it was. */
    continued(present: readonly string[], mode: 'web' | 'chat'): string {
      const where = mode === 'web' ? 'Link di atas sama dengan sebelumnya' : 'Lanjutkan mengirim berkas di chat ini';
      return present.length === 0
        ? `Anda melanjutkan permohonan yang sudah dimulai. ${where}; belum ada berkas yang tersimpan.`
        : [`Anda melanjutkan permohonan yang sudah dimulai. ${where}; berkas yang sudah tersimpan tetap ada:`, ...present.map((name) => `✅ ${name}`)].join(
            '\n',
          );
    },
    ask: (name: string) => `Silakan kirim *${name}* (foto atau PDF, paling besar 5 MB).`,
    received: (name: string, page: number) => `✅ *${name}* diterima (halaman ${page}).`,
    allReceived: 'Berkas anda sudah terupload/terekam silakan ketik SELESAI',
    addPage: (name: string) => `Silakan kirim halaman berikutnya untuk *${name}*.`,
    redo: (name: string) => `Berkas *${name}* dihapus. Silakan kirim ulang *${name}*.`,
    nothingYet: (name: string) => `Belum ada berkas yang dikirim. Silakan kirim *${name}* dulu.`,
    wrongType: (name: string) =>
      `Maaf, berkas ini tidak bisa diterima. Yang diterima hanya foto (JPEG/PNG) atau PDF, paling besar 5 MB per berkas. Silakan kirim ulang *${name}*.`,
    tooLarge: (name: string, megabytes: string) =>
      `Maaf, berkas ini terlalu besar (${megabytes} MB). Batasnya 5 MB per berkas: kirim foto biasa (bukan dokumen asli kamera) atau PDF yang lebih kecil. Silakan kirim ulang *${name}*.`,
    unavailable: (name: string) => `Maaf, berkas tidak dapat diambil dari WhatsApp. Silakan kirim ulang *${name}*.`,
    /** Form mode: the bot cannot see the form, so it takes the applicant's word. */
    formTrusted: 'Berkas Anda di formulir akan diperiksa petugas.',
  },

  /** Stage 4: answers around the registration line. */
  registration: {
    nikHasOpenRegistration: (queueNumber: string) =>
      `NIK ini sudah memiliki pendaftaran yang masih berjalan: Nomor Antrian ${queueNumber}. Satu NIK hanya dapat memiliki satu pendaftaran aktif. Ketik STATUS untuk melihat statusnya.`,
    nikHeldElsewhere: (office: OfficeProfile) =>
      `NIK ini sudah memiliki pendaftaran yang masih berjalan. Satu NIK hanya dapat memiliki satu pendaftaran aktif. Jika menurut Anda ini keliru, hubungi ${office.officeName} melalui WhatsApp ${office.whatsappNumber}.`,
    /** A DAFTAR line with no service chosen: a first try, or the next person of a family after a registration. */
    eachPersonOwnRegistration:
      'Baris DAFTAR dikirim setelah memilih layanan dan mengupload berkas. Setiap orang (juga anggota keluarga) memerlukan pendaftarannya sendiri: ketik angka layanan untuk orang tersebut (1–5), upload berkas miliknya melalui link yang dikirim, ketik SELESAI, lalu kirim baris DAFTAR dengan datanya.',
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

  /** What officers' decisions tell the applicant, besides stages 5 and 7. */
  notifications: {
    fixRequested(queueNumber: string, name: string, note: string, documents: readonly string[], hint: DocumentsHint): string {
      const how =
        hint.mode === 'web'
          ? ['Silakan upload ulang berkas tersebut pada link berikut:', ...linkLines(hint), 'Lalu ketik SELESAI.'].join('\n')
          : hint.mode === 'form'
            ? `Silakan perbaiki berkas tersebut melalui formulir: <${hint.formUrl}>\nLalu ketik SELESAI.`
            : 'Silakan kirim ulang berkas tersebut (foto atau PDF) di chat ini satu per satu, lalu ketik SELESAI.';
      return [
        '📝 *BERKAS PERLU DIPERBAIKI*',
        '',
        `Nomor Antrian: ${queueNumber}`,
        `Nama: ${name}`,
        '',
        'Berkas yang perlu diperbaiki:',
        ...documents.map((document) => `- ${document}`),
        '',
        `📌 Note: ${note}`,
        '',
        how,
      ].join('\n');
    },
    fixReceived: (queueNumber: string) =>
      `Terima kasih, berkas perbaikan untuk Nomor Antrian ${queueNumber} sudah diterima. Status: PENDING (Menunggu konfirmasi Petugas) ⏸️`,
    cancelled: (queueNumber: string, name: string, reason: string) =>
      [
        '❌ *PENDAFTARAN DIBATALKAN*',
        '',
        `Nomor Antrian: ${queueNumber}`,
        `Nama: ${name}`,
        `Alasan: ${reason}`,
        '',
        'Untuk mendaftar kembali, ketik MENU.',
      ].join('\n'),
  },

  /** Stage 6 refusals, BATAL and STATUS: the applicant's own requests. */
  selfService: {
    rescheduleFormat: 'Format perubahan jadwal belum sesuai. Ketik: Ubah jadwal: nama/DD-MM-YYYY\ncontoh:\nUbah jadwal: SIPULAN/31-12-2025',
    rescheduleNoMatch: (name: string, confirmed: readonly string[]) =>
      [
        `Tidak ada pendaftaran berstatus DIKONFIRMASI atas nama ${name} dari nomor WhatsApp ini.`,
        ...(confirmed.length > 0
          ? ['', 'Pendaftaran terkonfirmasi Anda:', ...confirmed.map((line) => `- ${line}`), '', 'Tulis nama persis seperti saat mendaftar.']
          : ['Perubahan jadwal hanya untuk pendaftaran yang jadwalnya sudah dikonfirmasi petugas. Ketik STATUS untuk melihat status pendaftaran Anda.']),
      ].join('\n'),
    rescheduleAlreadyUsed: (queueNumber: string) =>
      `Perubahan jadwal untuk Nomor Antrian ${queueNumber} sudah pernah digunakan. Perubahan jadwal hanya diberikan 1x kesempatan.`,
    rescheduleAlreadyRequested: (queueNumber: string, date: string) =>
      `Permintaan perubahan jadwal untuk Nomor Antrian ${queueNumber} ke ${date} sudah diterima. Petugas akan segera menelpon Anda.`,
    rescheduleOutside: (confirmed: string, latest: string) =>
      `Tanggal baru harus setelah jadwal Anda (${confirmed}) dan paling lambat ${latest} (1 bulan kalender), pada hari kerja Senin–Jumat yang bukan hari libur.`,
    rescheduleTooSoon: (earliest: string, latest: string) => `Tanggal baru paling cepat besok. Pilih tanggal dari ${earliest} sampai ${latest}.`,
    rescheduleClosed: (date: string, reason: string, earliest: string, latest: string) =>
      `${date} bukan hari layanan (${reason}). Pilih hari kerja Senin–Jumat yang bukan hari libur, dari ${earliest} sampai ${latest}.`,
    noOpenRegistration: 'Tidak ada pendaftaran aktif dari nomor WhatsApp ini. Ketik MENU untuk mendaftar.',
    /** `6` with no appointment to move. */
    noConfirmedAppointment:
      'Belum ada jadwal kedatangan yang dikonfirmasi petugas untuk nomor WhatsApp ini, jadi belum ada jadwal yang bisa diubah. Perubahan jadwal dapat diajukan setelah jadwal Anda dikonfirmasi. Ketik STATUS untuk melihat status pendaftaran Anda.',
    chooseToCancel: (lines: readonly string[]) =>
      [
        'Pendaftaran aktif Anda:',
        ...lines.map((line) => `- ${line}`),
        '',
        'Ketik nomor antrian yang ingin dibatalkan (mis. KRC-002), atau MENU untuk kembali.',
      ].join('\n'),
    confirmCancel: (queueNumber: string, name: string) =>
      `Batalkan pendaftaran Nomor Antrian ${queueNumber} atas nama ${name}? Ketik YA untuk membatalkan, atau TIDAK untuk kembali.`,
    cancelled: (queueNumber: string, name: string) =>
      `Pendaftaran Nomor Antrian ${queueNumber} atas nama ${name} telah dibatalkan. Untuk mendaftar kembali, ketik MENU.`,
    cancelKept: (queueNumber: string) => `Baik, pendaftaran Nomor Antrian ${queueNumber} tidak dibatalkan.`,
    status: (lines: readonly string[]) => ['Status pendaftaran Anda:', '', ...lines].join('\n'),
    /** STATUS: what each status means for the applicant, and what to do next. */
    statusMeaning: {
      PENDING: {
        meaning: 'Menunggu pemeriksaan berkas oleh petugas ⏸️',
        next: 'Tidak perlu melakukan apa-apa. Jadwal kedatangan akan dikirim via WhatsApp dalam 1x24 jam; jangan datang sebelum jadwal dikonfirmasi.',
      },
      PERLU_PERBAIKAN: {
        meaning: 'Berkas perlu diperbaiki 📝',
        next: 'Unggah ulang berkas yang diminta melalui link pada pesan *BERKAS PERLU DIPERBAIKI*, lalu ketik SELESAI.',
      },
      DIKONFIRMASI: {
        meaning: 'Jadwal kedatangan sudah dikonfirmasi ✅',
        next: 'Datang sesuai jadwal, 15 menit lebih awal, dengan print PDF bukti antrian dan dokumen asli. Untuk mengubah jadwal (1x kesempatan), ketik 6.',
      },
      PERUBAHAN_DIMINTA: {
        meaning: 'Permintaan perubahan jadwal menunggu persetujuan petugas ⏳',
        next: 'Petugas akan menelpon Anda. Jadwal baru dan PDF baru dikirim via WhatsApp setelah disetujui.',
      },
      DIBATALKAN: { meaning: 'Pendaftaran dibatalkan ❌', next: 'Untuk mendaftar lagi, ketik MENU.' },
      SELESAI: { meaning: 'Pemeriksaan BAP sudah selesai ✔️', next: 'Tidak ada yang perlu dilakukan lagi. Terima kasih.' },
      TIDAK_HADIR: { meaning: 'Tidak hadir pada jadwal kedatangan', next: 'Untuk mendaftar lagi, ketik MENU.' },
    } as const satisfies Record<RegistrationStatus, { meaning: string; next: string }>,
    statusNote: (note: string) => `Catatan petugas: ${note}`,
    statusNext: (next: string) => `👉 Langkah berikutnya: ${next}`,
    noRegistrations: 'Belum ada pendaftaran dari nomor WhatsApp ini. Ketik MENU untuk mendaftar.',
    comingThanks: (queueNumber: string) =>
      `Terima kasih, kedatangan Anda untuk Nomor Antrian ${queueNumber} kami tunggu sesuai jadwal. Bawa bukti PDF dan dokumen asli, datang 15 menit sebelum jadwal.`,
  },

  /** Answers to officers on the admin page when a rule stops an action (422) or the status does (409). */
  officer: {
    notAllowed: (action: string, status: string) => `Tindakan "${action}" tidak dapat dilakukan untuk pendaftaran berstatus ${status}.`,
    badTime: (from: string, to: string, step: number) => `Jam kedatangan harus antara ${from} dan ${to} WIB, setiap ${step} menit (misalnya ${from}).`,
    badNote: (max: number) => `Catatan harus satu baris dan paling banyak ${max} karakter.`,
    datePast: (earliest: string) => `Tanggal kedatangan paling cepat ${earliest} (besok).`,
    dateClosed: (date: string, reason: string) => `Kantor tidak melayani pada ${date}: ${reason}. Pilih hari kerja lain.`,
    dayFull: (date: string, capacity: number) => `Kuota ${date} sudah penuh (${capacity} pemohon). Pilih tanggal lain.`,
    reasonRequired: 'Alasan pembatalan wajib diisi (paling banyak 500 karakter).',
    fixNoteRequired: 'Catatan perbaikan wajib diisi (paling banyak 500 karakter): jelaskan apa yang harus diperbaiki.',
    unknownRequirements: (ids: readonly string[]) => `Persyaratan tidak dikenal untuk layanan ini: ${ids.join(', ')}.`,
    completeTooEarly: (date: string) => `Pendaftaran baru dapat ditandai selesai atau tidak hadir pada atau setelah ${date}.`,
    badCapacity: (booked: number) => `Kuota harus bilangan bulat 0–1000 dan tidak kurang dari jumlah yang sudah terjadwal (${booked}).`,
    malformed: (problem: string) => `Data tidak valid: ${problem}`,
    notFound: (queueNumber: string) => `Nomor antrian ${queueNumber} tidak ditemukan.`,
    /** The reminder in the delivery list of a detail page (an officer's notices are named by their action's declaration). */
    deliveryKinds: {
      reminder: 'Pengingat H-1',
    } as Readonly<Record<string, string>>,
    conversationReply: 'Balasan percakapan',
    /** Why a reminder was held back, in the officers' list of failed sends. */
    messagingLimitReached: (limit: number) => `Batas ${limit} penerima per 24 jam dari WhatsApp sudah tercapai`,
  },

  /** Short prompts for anything the current step did not expect: never silence. */
  prompts: {
    chooseFromMenu:
      'Maaf, pilihan tidak dikenali. Ketik angka 1 sampai 6 sesuai layanan yang Anda butuhkan (atau tulis misalnya "paspor hilang"), atau ketik MENU untuk melihat daftar layanan.',
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
    nowMenu: 'Ketik angka 1 sampai 6 sesuai layanan yang Anda butuhkan, atau ketik MENU untuk melihat daftar layanan.',
    nowRegistration: 'Ketik data pendaftaran Anda: DAFTAR/nama lengkap/TEMPAT LAHIR/DD-MM-YYYY/NIK/Nomor HP (atau satu data per baris setelah DAFTAR).',
    nowReschedule: 'Ketik: Ubah jadwal: nama/DD-MM-YYYY, atau MENU untuk kembali.',
    nowCancelChoose: 'Ketik nomor antrian yang ingin dibatalkan (mis. KRC-002), atau MENU untuk kembali.',
    nowCancelConfirm: (queueNumber: string) => `Ketik YA untuk membatalkan pendaftaran Nomor Antrian ${queueNumber}, atau TIDAK untuk kembali.`,
  },

  /** UU 27/2022: the applicant's own access and erasure (docs/personal-data.md). */
  personalData: {
    held(lines: readonly string[]): string {
      return ['📋 *DATA ANDA DI SI BAPAO*', '', ...lines].join('\n');
    },
    heldWhatsapp: (number: string) => `Nomor WhatsApp: ${number}`,
    heldRegistration: (fields: {
      queueNumber: string;
      service: string;
      status: string;
      createdAt: string;
      name: string;
      birth: string;
      nikLastFour: string;
      phone: string;
      appointment?: string;
      documents: readonly string[];
    }) =>
      [
        `📄 ${fields.queueNumber} — ${fields.service}`,
        `Status: ${fields.status}`,
        `Didaftarkan: ${fields.createdAt}`,
        `Nama: ${fields.name}`,
        `Tempat/tanggal lahir: ${fields.birth}`,
        `NIK: ••••••••••••${fields.nikLastFour}`,
        `Nomor HP: ${fields.phone}`,
        ...(fields.appointment ? [`Jadwal: ${fields.appointment}`] : []),
        `Berkas: ${fields.documents.length > 0 ? fields.documents.join(', ') : 'tidak ada'}`,
        '',
      ].join('\n'),
    heldDrafts: (lines: readonly string[]) => ['Berkas yang sedang diunggah (belum didaftarkan):', ...lines.map((line) => `- ${line}`), ''].join('\n'),
    heldNothing: 'Tidak ada pendaftaran atau berkas dari nomor WhatsApp ini.',
    heldFooter: (office: OfficeProfile) =>
      `Data disimpan sampai ${office.retentionDays} hari setelah pendaftaran selesai atau dibatalkan. Ketik HAPUS DATA untuk menghapus data Anda.`,
    eraseBlocked: (lines: readonly string[]) =>
      [
        'Pendaftaran berikut masih berjalan, sehingga datanya belum dapat dihapus:',
        ...lines.map((line) => `- ${line}`),
        '',
        'Ketik BATAL untuk membatalkan pendaftaran tersebut terlebih dahulu, lalu ketik HAPUS DATA lagi.',
      ].join('\n'),
    eraseAsk: (registrations: number) =>
      [
        '🗑️ *HAPUS DATA*',
        '',
        `Yang akan dihapus: ${registrations > 0 ? `${registrations} pendaftaran yang sudah selesai/dibatalkan beserta berkas dan PDF buktinya, ` : ''}berkas yang belum didaftarkan, dan percakapan Anda dengan SI BAPAO.`,
        ...(registrations > 0 ? ['Yang tetap tercatat hanya nomor antrian dan waktunya, tanpa data pribadi.'] : []),
        'Penghapusan tidak dapat dibatalkan.',
        '',
        'Ketuk *Ya, hapus* (atau ketik YA HAPUS) untuk menghapus, atau *Tidak* untuk kembali.',
      ].join('\n'),
    eraseConfirmTitle: 'Ya, hapus',
    eraseKeepTitle: 'Tidak',
    erased: (queueNumbers: readonly string[]) =>
      [
        '✅ Data Anda telah dihapus.',
        ...(queueNumbers.length > 0 ? [`Nomor antrian ${queueNumbers.join(', ')} tetap tercatat tanpa data pribadi.`] : []),
        'Ketik MENU bila ingin mendaftar lagi.',
      ].join('\n'),
    eraseKept: 'Baik, data Anda tidak dihapus. Ketik MENU untuk kembali ke menu.',
    eraseStillWaiting: 'Ketuk *Ya, hapus* atau ketik YA HAPUS untuk menghapus data Anda, atau ketik MENU untuk kembali.',
  },

  /** BANTUAN: the whole way in a few lines, and who to ask. */
  help(office: OfficeProfile): string {
    return [
      'ℹ️ *BANTUAN SI BAPAO*',
      '',
      '1. Ketik MENU, lalu angka layanan yang Anda butuhkan (1–5).',
      '2. Upload berkas melalui link yang dikirim, lalu ketik SELESAI.',
      '3. Kirim data Anda: DAFTAR/nama lengkap/TEMPAT LAHIR/DD-MM-YYYY/NIK/Nomor HP.',
      '4. Petugas memeriksa berkas dan mengirim jadwal kedatangan beserta PDF bukti antrian.',
      '',
      'Ketik STATUS untuk melihat status pendaftaran, 6 untuk mengubah jadwal, BATAL untuk membatalkan.',
      'Ketik DATA SAYA untuk melihat data Anda yang kami simpan, HAPUS DATA untuk menghapusnya.',
      'Setiap orang (juga anggota keluarga) memerlukan pendaftarannya sendiri: pilih layanan lagi untuk orang tersebut.',
      '',
      `Pertanyaan lain: hubungi ${office.officeName} melalui WhatsApp ${office.whatsappNumber}.`,
    ].join('\n');
  },
} as const;
