/**
 * The history of a registration on the review screen: how each line is named. The lines an officer's action
 * writes are named in its declaration (officer-action-declarations.ts); these are the others.
 */
import { OFFICER_AUDIT_LABELS } from '../officer-action-declarations';
import { officerPersonalDataTexts } from './officer-personal-data';
import { REAL_DAYS_OFFICER_TEXTS } from './real-days';
import { REBOOKING_OFFICER_TEXTS } from './rebooking';
import { WAITLIST_OFFICER_TEXTS } from './waitlist';

const OTHER_HISTORY_LABELS: Readonly<Record<string, string>> = {
  registered: 'Mendaftar',
  'documents-viewed': 'Melihat berkas',
  'documents-fixed': 'Mengirim ulang berkas',
  'data-corrected': officerPersonalDataTexts.historyCorrected,
  'document-added': 'Mengunggah berkas setelah mendaftar',
  'documents-removed': 'Menghapus berkas setelah mendaftar',
  'reschedule-requested': 'Meminta ubah jadwal',
  'cancelled-by-applicant': 'Dibatalkan pemohon',
  completed: 'Menandai selesai',
  'checked-in': 'Hadir di kantor (HADIR)',
  'closed-no-show': 'Ditandai tidak hadir saat kantor tutup',
  satisfaction: 'Menilai pelayanan',
  'attendance-declared': REAL_DAYS_OFFICER_TEXTS.historyAttendanceDeclared,
  'day-closed': REBOOKING_OFFICER_TEXTS.historyDayClosed,
  rebooked: REBOOKING_OFFICER_TEXTS.historyRebooked,
  'waitlist-joined': WAITLIST_OFFICER_TEXTS.historyJoined,
  'waitlist-left': WAITLIST_OFFICER_TEXTS.historyLeft,
  'waitlist-offered': WAITLIST_OFFICER_TEXTS.historyOffered,
  'waitlist-taken': WAITLIST_OFFICER_TEXTS.historyTaken,
  'waitlist-passed-on': WAITLIST_OFFICER_TEXTS.historyPassedOn,
};

/** A history line's action in words (an unknown one as it is). */
export const HISTORY_LABELS: Readonly<Record<string, string>> = { ...OTHER_HISTORY_LABELS, ...OFFICER_AUDIT_LABELS };

/** Views of the documents, grouped per officer and day. */
export const OFFICER_HISTORY_TEXTS = {
  historyViews: 'Melihat berkas {count}×',
  historyViewsOnce: 'Melihat berkas',
  historyBetween: '{from}–{to}',
} as const;
