/**
 * The office's real days (issue 21): the applicant's answer to the day-before reminder and what officers
 * read of it. Closed days and the waitlist add their words here as well.
 */
export const realDaysTexts = {
  /** *Datang* (button or typed) without a confirmed appointment to come to. */
  nothingToAttend: 'Belum ada jadwal kedatangan yang dikonfirmasi petugas untuk nomor WhatsApp ini. Ketik STATUS untuk melihat status pendaftaran Anda.',
} as const;

/** What the domain writes into a registration's history. */
export const REAL_DAYS_RECORDS = {
  attendanceDeclared: (date: string) => `Pemohon menjawab pengingat: akan datang ${date}`,
} as const;

/** Officers' words: the review screen and the day page. */
export const REAL_DAYS_OFFICER_TEXTS = {
  historyAttendanceDeclared: 'Menjawab pengingat: akan datang',
  /** The answer to the reminder, as a badge next to the name and a line on the review screen. */
  attendanceComing: 'Akan datang',
  attendanceLabel: 'Jawaban pengingat',
  attendanceNone: 'Belum menjawab',
} as const;
