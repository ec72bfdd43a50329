/** What the domain writes into a registration's record: audit details and notes officers and applicants read. */
export const RECORD_TEXTS = {
  registered: (documentsMode: string) => `Pendaftaran melalui WhatsApp (${documentsMode})`,
  documentsFixed: 'Berkas perbaikan dikirim',
  attended: 'Pemohon hadir',
  noShow: 'Pemohon tidak hadir',
  rescheduleRequested: (date: string) => `Pemohon meminta ${date}`,
  cancelledByApplicantNote: 'Dibatalkan oleh pemohon melalui WhatsApp',
  cancelledByApplicantAudit: 'Dibatalkan oleh pemohon melalui WhatsApp (BATAL)',
  /** Why a day is closed (the officer's own reason, a holiday's name, or these). */
  closedByAdmin: 'Ditutup oleh admin',
  weekend: 'Sabtu/Minggu',
  checkedIn: 'Pemohon hadir di kantor (HADIR melalui WhatsApp)',
  closedNoShow: 'Tidak tercatat hadir sampai kantor tutup (ditandai otomatis)',
  /** A weekday an office with its own opening hours does not open. */
  notOpening: 'Kantor tidak buka pada hari ini',
} as const;
