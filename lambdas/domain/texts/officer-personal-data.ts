/**
 * The officers' words about the applicants' personal-data requests (UU 27/2022): the *Permintaan data*
 * page and the registration page's panel. Indonesian, like every officer text (admin/texts.ts).
 */
export const officerPersonalDataTexts = {
  navDataRequests: 'Permintaan data',
  dataRequestsTitle: 'Permintaan data pribadi',
  dataRequestsIntro:
    'Permintaan pemohon atas data pribadinya (UU 27/2022): melihat (DATA SAYA), memperbaiki (UBAH DATA) dan menghapus (HAPUS DATA). Undang-undang meminta jawaban dalam 3 × 24 jam; Si Bapao menjawab seketika di chat.',
  dataRequestsNone: 'Belum ada permintaan data.',
  dataRequestsSummary: (total: number, late: number) =>
    late === 0 ? `${total} permintaan, semuanya dijawab dalam 3 × 24 jam.` : `${total} permintaan, ${late} tidak dijawab dalam 3 × 24 jam.`,
  colWhen: 'Waktu',
  colKind: 'Jenis',
  colQueueNumbers: 'Nomor antrian',
  colOutcome: 'Hasil',
  colAnswered: 'Dijawab ≤ 3 × 24 jam',
  answeredInTime: 'Ya, seketika',
  answeredLate: 'Tidak',
  noQueueNumbers: '—',
  kinds: {
    access: 'Melihat data (DATA SAYA)',
    erasure: 'Menghapus data (HAPUS DATA)',
    correction: 'Memperbaiki data (UBAH DATA)',
  } as Readonly<Record<string, string>>,
  outcomes: {
    answered: 'Dijawab',
    erased: 'Dihapus',
    'refused-open-registration': 'Ditolak: pendaftaran masih berjalan',
    corrected: 'Diperbaiki',
    'refused-confirmed': 'Ditolak: sudah dikonfirmasi, diminta menghubungi petugas',
  } as Readonly<Record<string, string>>,
  /** The registration page's panel. */
  sectionPersonalData: 'Data pribadi',
  consentLabel: 'Persetujuan pemberitahuan data',
  consentGiven: (version: string, at: string) => `Disetujui ${at} (versi pemberitahuan ${version})`,
  consentMissing: 'Tidak tercatat (didaftarkan sebelum langkah persetujuan ada)',
  requestsLabel: 'Permintaan pemohon atas datanya',
  requestsNone: 'Tidak ada permintaan perbaikan atau penghapusan.',
  /** The history's line for an applicant's correction. */
  historyCorrected: 'Memperbaiki data (UBAH DATA)',
} as const;
