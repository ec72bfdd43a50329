/** The office's real days on the officers' pages: the reminder's answers, closed days' re-booking, the waitlist. */
import { REAL_DAYS_OFFICER_TEXTS } from '../../domain/texts/real-days';
import { REBOOKING_OFFICER_TEXTS } from '../../domain/texts/rebooking';
import { ADMIN_TEXTS as TEXTS, fillText } from '../../domain/texts/officer';
import { dayDate } from './format';
import { html, type Html } from './html';
import { ICONS, statusBadge, type PageDeps } from './layout';
import { detailLink } from './registrations';
import type { DayView, SummaryView } from './views';

/** *Datang* to the reminder: the applicant said they will come. */
export function attendanceBadge(): Html {
  return html`<span class="badge attendance-badge">${REAL_DAYS_OFFICER_TEXTS.attendanceComing}</span>`;
}

const STATE_WORDS = {
  chosen: REBOOKING_OFFICER_TEXTS.stateChosen,
  waiting: REBOOKING_OFFICER_TEXTS.stateWaiting,
  other: REBOOKING_OFFICER_TEXTS.stateOther,
} as const;

/** A closed day: who was moved off it, who has chosen a new date and who has not answered. */
export function rebookedSection(day: DayView, deps: PageDeps): Html {
  if (day.rebooked.length === 0) return html``;
  const rows = day.rebooked.map(
    (registration) => html`<tr data-href="${detailLink(deps.basePath, registration.queueNumber)}" class="rebooking-${registration.rebookingState}">
      <td data-label="${TEXTS.colQueue}" class="queue"><a href="${detailLink(deps.basePath, registration.queueNumber)}">${registration.queueNumber}</a></td>
      <td data-label="${TEXTS.colName}" class="name">${registration.name}</td>
      <td data-label="${TEXTS.fieldPhone}">${registration.phone}</td>
      <td data-label="${REBOOKING_OFFICER_TEXTS.colState}"><span class="badge rebooking-badge-${registration.rebookingState}">${STATE_WORDS[registration.rebookingState]}</span> ${statusBadge(registration.status)}</td>
      <td data-label="${REBOOKING_OFFICER_TEXTS.colNewDate}">${registration.rebookingState === 'chosen' ? dayDate(registration.appointmentDate) : '—'}</td>
    </tr>`,
  );
  return html`<section class="panel rebooked-panel" aria-labelledby="rebooked-title">
    <div class="panel-head"><h2 id="rebooked-title">${REBOOKING_OFFICER_TEXTS.movedTitle}</h2><span class="muted">${fillText(TEXTS.count, { count: day.rebooked.length })}</span></div>
    <p class="muted">${REBOOKING_OFFICER_TEXTS.movedIntro}</p>
    <div class="table-wrap"><table class="list">
      <thead><tr><th scope="col">${TEXTS.colQueue}</th><th scope="col">${TEXTS.colName}</th><th scope="col">${TEXTS.fieldPhone}</th><th scope="col">${REBOOKING_OFFICER_TEXTS.colState}</th><th scope="col">${REBOOKING_OFFICER_TEXTS.colNewDate}</th></tr></thead>
      <tbody>${rows}</tbody>
    </table></div>
  </section>`;
}

/** The dashboard: a closed day's applicants without an answer after 24 hours, to phone. */
export function rebookingCallSection(toCall: SummaryView['rebookingToCall'], deps: PageDeps): Html {
  if (toCall.length === 0) return html``;
  const rows = toCall.map(
    (registration) => html`<tr data-href="${detailLink(deps.basePath, registration.queueNumber)}">
      <td data-label="${TEXTS.colQueue}" class="queue"><a href="${detailLink(deps.basePath, registration.queueNumber)}">${registration.queueNumber}</a></td>
      <td data-label="${TEXTS.colName}" class="name">${registration.name}</td>
      <td data-label="${TEXTS.fieldPhone}"><a href="tel:+${registration.phone}">${registration.phone}</a></td>
      <td data-label="${TEXTS.colAppointment}">${dayDate(registration.closedDate)}</td>
    </tr>`,
  );
  return html`<section class="panel panel-alert" aria-labelledby="rebooking-call-title">
    <div class="panel-head"><h2 id="rebooking-call-title">${ICONS.warning}<span>${REBOOKING_OFFICER_TEXTS.callTitle}</span><span class="badge overdue-badge">${toCall.length}</span></h2></div>
    <div class="table-wrap"><table class="list">
      <thead><tr><th scope="col">${TEXTS.colQueue}</th><th scope="col">${TEXTS.colName}</th><th scope="col">${TEXTS.fieldPhone}</th><th scope="col">${TEXTS.colAppointment}</th></tr></thead>
      <tbody>${rows}</tbody>
    </table></div>
  </section>`;
}
