/** Stage 4: why a registration line (or one answer, or the Flow form) was refused, field by field. */
import type { IsoDate } from '../calendar';
import type { FormField, RegistrationFieldError } from '../registration-form';

export const registrationErrorTexts = {
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
} as const;
