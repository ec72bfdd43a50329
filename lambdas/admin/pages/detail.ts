/**
 * One registration: every field, the WhatsApp profile name, flags as warnings, the documents (images
 * inline, PDFs in a new tab), what was sent, the audit trail, and the forms of the actions its status
 * allows (the status table of docs/contract.md). The script posts a form to the JSON API and reloads the page.
 */
import { addDays } from '../../domain/calendar';
import { allowedActions } from '../../domain/officer-actions';
import { FLAG_NIK_DATE_MISMATCH, REGISTRATION_STATUSES, type RegistrationStatus } from '../../domain/registration';
import { ADMIN_TEXTS as TEXTS, fillText, STATUS_LABELS } from '../texts';
import { age, clockTime, dayDate, groupedNik, instant, isOverdue, longDate, phoneNumber, today } from './format';
import { html, safeUrl, type Html } from './html';
import { formError, ICONS, layout, statusBadge, type PageDeps, type RenderedPage } from './layout';
import { errorMessage } from './registrations';
import { detailSchema, parseView, type DeliveryView, type DetailView, type DocumentView, type HistoryView } from './views';

const DEFAULT_ARRIVAL_TIMES = Array.from({ length: 33 }, (_, index) => {
  const minutes = 8 * 60 + index * 15;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});

const HISTORY_ACTIONS: Readonly<Record<string, string>> = {
  registered: 'Mendaftar',
  'documents-viewed': 'Melihat berkas',
  confirmed: 'Mengonfirmasi jadwal',
  'fix-requested': 'Meminta perbaikan berkas',
  'documents-fixed': 'Mengirim ulang berkas',
  'document-added': TEXTS.historyDocumentAdded,
  'documents-removed': TEXTS.historyDocumentsRemoved,
  'rescheduled-on-request': 'Mengubah jadwal (permintaan pemohon)',
  'rescheduled-by-office': 'Memindahkan jadwal (kantor)',
  'reschedule-requested': 'Meminta ubah jadwal',
  cancelled: 'Membatalkan',
  'cancelled-by-applicant': 'Dibatalkan pemohon',
  attended: 'Menandai hadir',
  'no-show': 'Menandai tidak hadir',
  completed: 'Menandai selesai',
};

export async function renderDetailPage(queueNumber: string, deps: PageDeps): Promise<RenderedPage> {
  const result = await deps.registrations.get(queueNumber, deps.officer);
  const registration = result.status === 200 ? parseView(detailSchema, result.body) : undefined;
  if (!registration) {
    const body = html`<a class="back" href="${deps.basePath}/registrations">← ${TEXTS.detailBack}</a>
      <section class="panel"><h1>${result.status === 404 ? TEXTS.notFoundTitle : TEXTS.errorTitle}</h1><p>${errorMessage(result.body)}</p></section>`;
    return { status: result.status === 404 ? 404 : 500, html: layout({ title: queueNumber, basePath: deps.basePath, body, deps, active: 'registrations' }) };
  }
  const status = registration.status as RegistrationStatus;
  const overdue = isOverdue(registration, deps.now);
  const body = html`<a class="back" href="${deps.basePath}/registrations">← ${TEXTS.detailBack}</a>
  <div class="detail-head">
    <div class="detail-title">
      <p class="queue-big">${registration.queueNumber}</p>
      <h1>${registration.name}</h1>
      <p class="muted">${registration.service.name}</p>
    </div>
    <div class="detail-status" id="status">
      ${statusBadge(registration.status)}
      <span class="status-label">${STATUS_LABELS[status] ?? ''}</span>
      ${overdue ? html`<span class="badge overdue-badge">${TEXTS.overdueBadge}</span>` : ''}
    </div>
  </div>
  ${flagWarnings(registration.flags)}
  <div class="detail-grid">
    <div class="col-main">
      ${applicantPanel(registration, deps)}
      ${documentsPanel(registration)}
      ${historyPanel(registration.history)}
    </div>
    <div class="col-side">
      ${schedulePanel(registration)}
      ${actionsPanel(registration, deps)}
      ${registration.deliveries ? deliveriesPanel(registration.deliveries) : ''}
    </div>
  </div>`;
  return { status: 200, html: layout({ title: `${registration.queueNumber} · ${registration.name}`, basePath: deps.basePath, body, deps, active: 'registrations' }) };
}

function flagWarnings(flags: readonly string[]): Html {
  return html`${flags.map(
    (flag) => html`<p class="warning" role="note">${ICONS.warning}<span>${flag === FLAG_NIK_DATE_MISMATCH ? html`<strong>${flag}</strong> ${TEXTS.flagNikDate}` : fillText(TEXTS.flagOther, { flag })}</span></p>`,
  )}`;
}

const fact = (label: string, value: Html | string, className = '') => html`<div class="fact ${className}"><dt>${label}</dt><dd>${value || '—'}</dd></div>`;

function applicantPanel(registration: DetailView, deps: PageDeps): Html {
  return html`<section class="panel panel-applicant"><h2>${TEXTS.sectionApplicant}</h2><dl class="facts">
    ${fact(TEXTS.fieldName, registration.name)}
    ${fact(TEXTS.fieldNik, html`<span class="mono">${groupedNik(registration.nik)}</span>`)}
    ${fact(TEXTS.fieldPlaceOfBirth, registration.placeOfBirth)}
    ${fact(TEXTS.fieldDateOfBirth, longDate(registration.dateOfBirth))}
    ${fact(TEXTS.fieldPhone, html`<a href="tel:+${registration.phone}">${phoneNumber(registration.phone)}</a>`)}
    ${fact(TEXTS.fieldProfileName, registration.profileName ?? '', 'profile-name')}
    ${fact(TEXTS.fieldService, registration.service.name)}
    ${fact(TEXTS.fieldCreated, `${instant(registration.createdAt)} (${age(registration.createdAt, deps.now)} lalu)`)}
  </dl></section>`;
}

function schedulePanel(registration: DetailView): Html {
  return html`<section class="panel panel-schedule"><h2>${TEXTS.sectionSchedule}</h2><dl class="facts single">
    ${fact(TEXTS.fieldAppointment, dayDate(registration.appointmentDate))}
    ${fact(TEXTS.fieldTime, clockTime(registration.appointmentTime))}
    ${registration.requestedDate ? fact(TEXTS.fieldRequestedDate, html`<strong>${dayDate(registration.requestedDate)}</strong>`, 'requested') : ''}
    ${fact(TEXTS.fieldRescheduled, registration.rescheduled ? TEXTS.rescheduledYes : TEXTS.rescheduledNo)}
    ${fact(TEXTS.fieldNote, registration.note ?? '', 'note')}
  </dl></section>`;
}

function documentsPanel(registration: DetailView): Html {
  const groups = new Map<string, { name: string; documents: DocumentView[] }>();
  for (const requirement of registration.requirements ?? []) groups.set(requirement.id, { name: requirement.name, documents: [] });
  for (const document of registration.documents) {
    const group = groups.get(document.requirement) ?? { name: document.requirementName ?? document.requirement, documents: [] };
    group.documents.push(document);
    groups.set(document.requirement, group);
  }
  const formMode = registration.documentsMode === 'form' && registration.documents.length === 0;
  const content = formMode
    ? html`<p class="muted">${TEXTS.documentsInForm}</p>`
    : [...groups.entries()].map(
        ([requirement, group]) => html`<div class="doc-group" data-requirement="${requirement}">
          <h3>${group.name}</h3>
          ${group.documents.length === 0 ? html`<p class="muted missing">${TEXTS.noDocuments}</p>` : html`<ul class="docs">${group.documents.map(documentItem)}</ul>`}
        </div>`,
      );
  return html`<section class="panel panel-documents"><h2>${TEXTS.sectionDocuments}</h2><div class="doc-groups">${content}</div></section>`;
}

function documentItem(document: DocumentView): Html {
  const url = safeUrl(document.url);
  const kilobytes = document.size ? `${Math.max(1, Math.round(document.size / 1024))} KB` : '';
  if (/^image\/(jpeg|png|webp|gif)$/i.test(document.contentType)) {
    return html`<li class="doc doc-image"><figure>
      <a href="${url}" target="_blank" rel="noopener noreferrer"><img src="${url}" alt="${document.requirementName ?? document.requirement}: ${document.name}"></a>
      <figcaption><span class="doc-name">${document.name}</span>${changedBadge(document)}<span class="muted">${kilobytes}</span></figcaption>
    </figure></li>`;
  }
  const pdf = document.contentType === 'application/pdf';
  return html`<li class="doc doc-file"><a class="doc-link" href="${url}" target="_blank" rel="noopener noreferrer">${ICONS.file}<span class="doc-name">${document.name}</span>${changedBadge(document)}<span class="muted">${pdf ? TEXTS.openPdf : TEXTS.openFile}${kilobytes ? ` · ${kilobytes}` : ''}</span></a></li>`;
}

function historyPanel(history: readonly HistoryView[]): Html {
  const entries = [...history].sort((a, b) => b.at.localeCompare(a.at));
  return html`<section class="panel panel-history"><h2>${TEXTS.sectionHistory}</h2>
  ${entries.length === 0
    ? html`<p class="muted">${TEXTS.noHistory}</p>`
    : html`<ol class="history">${entries.map(
        (entry) => html`<li><time datetime="${entry.at}">${instant(entry.at)}</time><p><strong>${entry.actor}</strong> · ${HISTORY_ACTIONS[entry.action] ?? entry.action}</p>${entry.detail ? html`<p class="history-detail">${entry.detail}</p>` : ''}</li>`,
      )}</ol>`}
  </section>`;
}

function deliveriesPanel(deliveries: readonly DeliveryView[]): Html {
  return html`<section class="panel panel-deliveries"><h2>${TEXTS.sectionDeliveries}</h2>
  ${deliveries.length === 0
    ? html`<p class="muted">${TEXTS.noDeliveries}</p>`
    : html`<ul class="deliveries">${deliveries.map(
        (delivery) => html`<li><span>${delivery.what ?? delivery.kind ?? ''}</span><span class="badge delivery-${(delivery.status ?? '').toLowerCase()}">${delivery.status ?? ''}</span>${delivery.at ? html`<time class="muted">${instant(delivery.at)}</time>` : ''}${delivery.error ? html`<p class="form-error">${delivery.error}</p>` : ''}</li>`,
      )}</ul>`}
  </section>`;
}

function actionsPanel(registration: DetailView, deps: PageDeps): Html {
  const status = REGISTRATION_STATUSES.find((candidate) => candidate === registration.status);
  const actions = status ? allowedActions(status) : [];
  if (actions.length === 0) return html`<section class="panel panel-actions"><h2>${TEXTS.sectionActions}</h2><p class="muted">${TEXTS.noActions}</p></section>`;
  const api = (action: string) => `registrations/${encodeURIComponent(registration.queueNumber)}/${action}`;
  const times = deps.arrivalTimes ?? DEFAULT_ARRIVAL_TIMES;
  const tomorrow = addDays(today(deps.now), 1);
  const timeSelect = (selected: string | undefined) =>
    html`<select name="time" required><option value="">—</option>${times.map((time) => html`<option value="${time}"${time === selected ? html` selected` : ''}>${time.replace(':', '.')}</option>`)}</select>`;
  const scheduleFields = (date: string | undefined, time: string | undefined) => html`<div class="row">
      <label class="field"><span>${TEXTS.date}</span><input type="date" name="date" required min="${tomorrow}" value="${date ?? ''}"></label>
      <label class="field"><span>${TEXTS.time}</span>${timeSelect(time)}</label>
    </div>
    <label class="field"><span>${TEXTS.note}</span><input name="note" maxlength="200" data-optional autocomplete="off"></label>`;

  const forms: Html[] = [];
  if (actions.includes('confirm')) {
    forms.push(html`<form class="action-form" data-api="${api('confirm')}" data-action="confirm"><h3>${TEXTS.confirmTitle}</h3>
      ${scheduleFields(undefined, undefined)}${formError()}<button type="submit" class="button primary">${TEXTS.confirmButton}</button></form>`);
  }
  if (actions.includes('reschedule')) {
    const requested = registration.requestedDate;
    forms.push(html`<form class="action-form" data-api="${api('reschedule')}" data-action="reschedule"><h3>${TEXTS.rescheduleTitle}</h3>
      <p class="hint${requested ? ' requested' : ''}">${requested ? fillText(TEXTS.rescheduleRequested, { date: dayDate(requested) }) : TEXTS.rescheduleOfficer}</p>
      ${scheduleFields(requested, registration.appointmentTime)}${formError()}<button type="submit" class="button primary">${TEXTS.rescheduleButton}</button></form>`);
  }
  if (actions.includes('complete')) {
    forms.push(html`<form class="action-form" data-api="${api('complete')}" data-action="complete"><h3>${TEXTS.completeTitle}</h3>
      ${formError()}<div class="button-row">
        <button type="submit" class="button success" name="attended" value="true" data-json>${ICONS.check}<span>${TEXTS.attended}</span></button>
        <button type="submit" class="button" name="attended" value="false" data-json>${ICONS.cross}<span>${TEXTS.noShow}</span></button>
      </div></form>`);
  }
  if (actions.includes('request-fix')) {
    const requirements = registration.requirements ?? [];
    forms.push(html`<form class="action-form" data-api="${api('request-fix')}" data-action="request-fix"><h3>${TEXTS.fixTitle}</h3>
      <fieldset class="checks"><legend>${TEXTS.fixRequirements}</legend>
        ${requirements.map((requirement) => html`<label class="check"><input type="checkbox" name="requirements" value="${requirement.id}" data-list><span>${requirement.name}</span></label>`)}
      </fieldset>
      <label class="field"><span>${TEXTS.fixNote}</span><textarea name="note" rows="3" maxlength="500" required></textarea></label>
      ${formError()}<button type="submit" class="button">${TEXTS.fixButton}</button></form>`);
  }
  if (actions.includes('cancel')) {
    forms.push(html`<details class="action-form danger-zone"><summary>${TEXTS.cancelTitle}</summary>
      <form data-api="${api('cancel')}" data-action="cancel" data-confirm="${TEXTS.cancelConfirm}">
        <label class="field"><span>${TEXTS.cancelReason}</span><textarea name="reason" rows="2" maxlength="500" required></textarea></label>
        ${formError()}<button type="submit" class="button danger">${TEXTS.cancelButton}</button>
      </form></details>`);
  }
  return html`<section class="panel panel-actions actions" aria-labelledby="actions-title"><h2 id="actions-title">${TEXTS.sectionActions}</h2>${forms}</section>`;
}

/** A page handed in after the registration was made: the officer's earlier check did not see it. */
function changedBadge(document: DocumentView): Html | string {
  return document.addedAfterSubmission ? html`<span class="badge doc-changed">${TEXTS.documentAddedAfterSubmission}</span>` : '';
}
