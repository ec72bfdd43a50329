/** What officers read about offices (many offices, one deployment): the offices page and the API's refusals. */
export const OFFICE_TEXTS = {
  superadminOnly: 'Hanya superadmin yang dapat mengelola kantor.',
  otherOffice: 'Anda hanya dapat mengelola petugas kantor Anda sendiri.',
  unknownOffice: 'Kantor tidak dikenal.',
  officeNotFound: 'Kantor tidak ditemukan.',
  invalid: (problems: readonly string[]) => `Data kantor tidak valid: ${problems.join('; ')}`,
  duplicate: (field: string) =>
    `${{ id: 'Kode kantor', phoneNumberId: 'Phone number ID WhatsApp', queuePrefix: 'Awalan nomor antrian' }[field] ?? field} sudah dipakai kantor lain.`,
  pageTitle: 'Kantor',
  /** The officers page's add form, for a superadmin: which office the new account belongs to. */
  officerOffice: 'Kantor',
  pageIntro: 'Kantor yang dilayani Si Bapao. Kantor baru aktif tanpa deploy ulang, dalam satu menit.',
  columnId: 'Kode',
  columnName: 'Nama',
  columnNumber: 'Nomor WhatsApp',
  columnPrefix: 'Awalan',
  columnZone: 'Zona waktu',
  columnState: 'Status',
  stateDefault: 'Kantor utama',
  stateActive: 'Aktif',
  stateDisabled: 'Nonaktif',
  formTitle: 'Tambah atau ubah kantor',
  formHelp: 'Tempel data kantor dalam format JSON (lihat README, "Menambah kantor"). Kode yang sudah ada akan diubah.',
  formSave: 'Simpan kantor',
  saved: 'Kantor tersimpan.',
  fieldId: 'Kode kantor (huruf kecil, tanpa spasi)',
  fieldAddress: 'Alamat',
  fieldPhoneNumberId: 'Phone number ID WhatsApp (dari Meta)',
  fieldCapacity: 'Kapasitas per hari (kosong: sama dengan kantor utama)',
  /** The optional number the day's summary goes to at closing time (the template ringkasan_harian). */
  fieldHeadOfOffice: 'WhatsApp kepala kantor untuk ringkasan harian (opsional, contoh 628123456789)',
  headOfOffice: (waId: string) => `Ringkasan harian ke ${waId}`,
} as const;
