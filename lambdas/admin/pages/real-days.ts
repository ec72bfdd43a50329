/** The office's real days on the officers' pages: the reminder's answers, closed days' re-booking, the waitlist. */
import { REAL_DAYS_OFFICER_TEXTS } from '../../domain/texts/real-days';
import { html, type Html } from './html';

/** *Datang* to the reminder: the applicant said they will come. */
export function attendanceBadge(): Html {
  return html`<span class="badge attendance-badge">${REAL_DAYS_OFFICER_TEXTS.attendanceComing}</span>`;
}
