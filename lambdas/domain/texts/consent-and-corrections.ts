/**
 * The applicant's words about their personal data that came with the consent step, corrections and the
 * PDF copy (UU 27/2022, docs/personal-data.md). Access and erasure texts are in personal-data.ts.
 */

/** What the notice needs of the office profile (domain/office.ts). */
interface NoticeOffice {
  readonly officeName: string;
  readonly retentionDays: number;
}

/**
 * The privacy notice's version: change it whenever the notice's content changes (what, why, how long, who
 * else sees it). An applicant who agreed to an older version is asked again at their next registration.
 */
export const PRIVACY_NOTICE_VERSION = '2026.12.1';

export const consentTexts = {
  /** One short message before the first personal data is asked for; with two reply buttons (Meta: body ≤ 1,024 characters). */
  notice: (office: NoticeOffice) =>
    [
      '🔒 *PERSETUJUAN DATA PRIBADI*',
      '',
      `Untuk mendaftar, ${office.officeName} akan memproses data Anda: nama, tempat dan tanggal lahir, NIK, nomor HP, nomor WhatsApp, serta foto/scan dokumen (KTP, KK, akta lahir, paspor, surat kehilangan).`,
      'Tujuannya hanya pendaftaran wawancara BAP paspor.',
      `Data disimpan sampai ${office.retentionDays} hari setelah pendaftaran selesai atau dibatalkan, lalu dihapus.`,
      'Pesan WhatsApp dihantarkan oleh Meta (WhatsApp); selain itu hanya petugas kantor yang melihat data Anda.',
      '',
      'Kapan saja: DATA SAYA untuk melihat data Anda, UBAH DATA untuk memperbaikinya sebelum dikonfirmasi, HAPUS DATA untuk menghapusnya.',
      '',
      'Apakah Anda setuju? Ketuk *Setuju* (atau ketik SETUJU) untuk melanjutkan, atau *Tidak setuju* (ketik TIDAK).',
    ].join('\n'),
  /** Meta: at most 20 characters a button title. */
  agreeTitle: 'Setuju',
  refuseTitle: 'Tidak setuju',
  refused: (serviceId: number) =>
    [
      'Baik, tanpa persetujuan Anda kami tidak menerima data atau berkas apa pun, dan tidak ada yang disimpan.',
      `Bila Anda ingin mendaftar nanti, ketik angka layanan (${serviceId}) lagi dan ketuk *Setuju*.`,
    ].join('\n'),
  stillWaiting: 'Sebelum melanjutkan, ketuk *Setuju* (atau ketik SETUJU) atau *Tidak setuju* (ketik TIDAK).',
} as const;

/** UBAH DATA: the applicant corrects their DAFTAR data before an officer confirms. */
export const correctionTexts = {
  /** The fields in the officers' history line of a correction (before → after). */
  fieldLabels: { name: 'Nama', placeOfBirth: 'Tempat lahir', dateOfBirth: 'Tanggal lahir', nik: 'NIK', phone: 'Nomor HP' },
  format: 'Untuk mengubah data pendaftaran, ketik: UBAH DATA/nama lengkap/TEMPAT LAHIR/DD-MM-YYYY/NIK/Nomor HP',
  corrected: (queueNumber: string, fields: { name: string; birth: string; nikLastFour: string; phone: string }) =>
    [
      `✅ Data pendaftaran Nomor Antrian ${queueNumber} sudah diubah:`,
      `Nama: ${fields.name}`,
      `Tempat/tanggal lahir: ${fields.birth}`,
      `NIK: ••••••••••••${fields.nikLastFour}`,
      `Nomor HP: ${fields.phone}`,
      '',
      'Petugas akan memeriksa data yang baru. Ketik STATUS untuk melihat status pendaftaran.',
    ].join('\n'),
  unchanged: (queueNumber: string) => `Data pendaftaran Nomor Antrian ${queueNumber} sudah sama dengan yang Anda kirim; tidak ada yang diubah.`,
  afterConfirmation: (queueNumber: string, office: { readonly officeName: string; readonly whatsappNumber: string }) =>
    [
      `Pendaftaran Nomor Antrian ${queueNumber} sudah dikonfirmasi petugas, sehingga datanya tidak dapat diubah lagi melalui chat.`,
      `Silakan sampaikan perbaikan data kepada petugas ${office.officeName} saat datang, atau melalui WhatsApp ${office.whatsappNumber}.`,
    ].join('\n'),
  nothingToCorrect:
    'Tidak ada pendaftaran dari nomor WhatsApp ini yang sedang diperiksa petugas, sehingga tidak ada data yang dapat diubah. Ketik STATUS untuk melihat pendaftaran Anda.',
} as const;

/** DATA SAYA's PDF copy: its caption in the chat and its own words. */
export const heldDataCopyTexts = {
  caption: (hours: number) => `📎 Salinan data Anda dalam PDF. Tautannya hanya berlaku ${hours} jam; simpan berkasnya bila perlu.`,
  filename: 'data-saya-si-bapao.pdf',
  title: 'SALINAN DATA PRIBADI ANDA DI SI BAPAO',
  madeAt: (at: string) => `Dibuat: ${at}`,
  footer:
    'Salinan ini dibuat atas permintaan Anda (DATA SAYA) sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi. NIK hanya ditampilkan 4 angka terakhirnya.',
} as const;
