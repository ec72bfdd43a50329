/**
 * The review screen of one registration: the documents in a viewer on the page (← → between them,
 * zoom, rotate), the data and any flag beside them, and the decision on the same screen: the next open
 * days as buttons with their free places, the time set to the day's next free slot, and *Simpan &
 * berikutnya*, which goes on to the next `PENDING` registration. Below: what was sent and the history.
 * The script posts a form to the JSON API (the status table of docs/contract.md), then reloads or moves on.
 */
import { officerPersonalDataTexts } from '../../domain/texts/officer-personal-data';
import { personalDataPanel } from './data-requests';
import { allowedActions } from '../../domain/officer-actions';
import { REGISTRATION_STATUSES, type RegistrationStatus } from '../../domain/registration';
import {
  ADMIN_TEXTS as TEXTS,
  DELIVERY_STATES,
  FLAG_LABELS,
  fillText,
  META_ERROR_CODE,
  META_ERROR_NO_CODE,
  META_ERROR_UNKNOWN,
  META_ERRORS,
  STATUS_LABELS,
} from '../texts';
import {
  age,
  clockTime,
  dayDate,
  fileSize,
  groupedNik,
  instant,
  instantClock,
  instantDay,
  isOverdue,
  longDate,
  phoneNumber,
  readableDatesIn,
  shortDay,
  typedDate,
} from './format';
import { html, safeUrl, type Html } from './html';
import { formError, ICONS, layout, statusBadge, type PageDeps, type RenderedPage } from './layout';
import { nextPendingAfter } from '../registrations-api';
import { detailLink, errorMessage } from './registrations';
import {
  detailSchema,
  listSchema,
  openDaysSchema,
  parseView,
  type DeliveryView,
  type DetailView,
  type DocumentView,
  type HistoryView,
  type OpenDayView,
  type RegistrationView,
} from './views';

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
  'data-corrected': officerPersonalDataTexts.historyCorrected,
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

/** Where *Simpan & berikutnya* goes: the next PENDING registration after this one, oldest first. */
interface NextStop {
  readonly href: string;
  readonly registration?: RegistrationView;
}

export async function renderDetailPage(queueNumber: string, deps: PageDeps): Promise<RenderedPage> {
  const [result, pendingResult, daysResult] = await Promise.all([
    // Fetched ahead of time, the page records no look at the documents: its script does once it is shown.
    deps.speculative ? deps.registrations.get(queueNumber, deps.officer, { recordView: false }) : deps.registrations.get(queueNumber, deps.officer),
    deps.registrations.list({ status: 'PENDING' }),
    deps.registrations.openDays({}),
  ]);
  const registration = result.status === 200 ? parseView(detailSchema, result.body) : undefined;
  if (!registration) {
    const body = html`<a class="back" href="${deps.basePath}/registrations">← ${TEXTS.detailBack}</a>
      <section class="panel"><h1>${result.status === 404 ? TEXTS.notFoundTitle : TEXTS.errorTitle}</h1><p>${errorMessage(result.body)}</p></section>`;
    return { status: result.status === 404 ? 404 : 500, html: layout({ title: queueNumber, basePath: deps.basePath, body, deps, active: 'registrations' }) };
  }
  const pending = (pendingResult.status === 200 ? parseView(listSchema, pendingResult.body) : undefined) ?? [];
  const openDays = (daysResult.status === 200 ? parseView(openDaysSchema, daysResult.body)?.days : undefined) ?? [];
  const next = nextStop(registration.queueNumber, pending, deps.basePath);
  const status = registration.status as RegistrationStatus;
  const overdue = isOverdue(registration, deps.now);
  const personalData = await personalDataPanel(registration, deps);
  // Made ahead of time: the script records the look and takes the next stop and the free places again once shown.
  const body = html`<div class="review" data-queue="${registration.queueNumber}"${deps.speculative ? html` data-made-ahead` : ''}${next.registration ? html` data-prefetch="${next.href}"` : ''}>
  <div class="review-head">
    <a class="back" href="${deps.basePath}/registrations?status=PENDING">← ${TEXTS.detailBack}</a>
    <div class="review-title">
      <p class="queue-big">${registration.queueNumber}</p>
      <h1>${registration.name}</h1>
      <p class="muted">${registration.service.name}</p>
    </div>
    <div class="detail-status" id="status">
      ${statusBadge(registration.status)}
      <span class="status-label">${STATUS_LABELS[status] ?? ''}</span>
      ${overdue ? html`<span class="badge overdue-badge">${TEXTS.overdueBadge}</span>` : ''}
      ${status === 'PENDING' ? html`<span class="waiting${overdue ? ' late' : ''}">${fillText(TEXTS.waitingSince, { age: age(registration.createdAt, deps.now) })}</span>` : ''}
    </div>
    ${next.registration ? html`<a class="next-link" href="${next.href}">${fillText(TEXTS.nextPending, { queue: next.registration.queueNumber, name: next.registration.name })} →</a>` : ''}
  </div>
  <div class="review-grid">
    ${viewer(registration)}
    <div class="review-side">
      ${flagWarnings(registration.flags)}
      ${applicantPanel(registration, deps)}
      ${actionsPanel(registration, deps, openDays, next)}
      ${schedulePanel(registration)}
    </div>
  </div>
  <div class="review-more">
    ${registration.deliveries ? deliveriesPanel(registration.deliveries) : ''}
    ${personalData}
    ${historyPanel(registration.history)}
  </div>
</div>`;
  return {
    status: 200,
    html: layout({ title: `${registration.queueNumber} · ${registration.name}`, basePath: deps.basePath, body, deps, active: 'registrations' }),
  };
}

function nextStop(current: string, pending: readonly RegistrationView[], basePath: string): NextStop {
  const candidate = nextPendingAfter(current, pending);
  return candidate
    ? { href: detailLink(basePath, candidate.queueNumber), registration: candidate }
    : { href: `${basePath}/registrations?status=PENDING&done=1` };
}

function flagWarnings(flags: readonly string[]): Html {
  return html`${flags.map(
    (flag) =>
      html`<p class="warning flag" role="note">${ICONS.warning}<span>${FLAG_LABELS[flag] ? html`<strong>${FLAG_LABELS[flag].short}.</strong> ${FLAG_LABELS[flag].long}` : fillText(TEXTS.flagOther, { flag: flag.toLowerCase().replace(/_/g, ' ') })}</span></p>`,
  )}`;
}

const fact = (label: string, value: Html | string, className = '') => html`<div class="fact ${className}"><dt>${label}</dt><dd>${value || '—'}</dd></div>`;

function applicantPanel(registration: DetailView, deps: PageDeps): Html {
  // The order of the KTP: name, NIK, place and date of birth, so that the eye goes from one to the other.
  return html`<section class="panel panel-applicant"><h2>${TEXTS.sectionApplicant}</h2><dl class="facts">
    ${fact(TEXTS.fieldName, registration.name)}
    ${fact(TEXTS.fieldNik, html`<span class="mono">${groupedNik(registration.nik)}</span>`)}
    ${fact(TEXTS.fieldBirth, `${registration.placeOfBirth}, ${longDate(registration.dateOfBirth)}`)}
    ${fact(TEXTS.fieldPhone, html`<a href="tel:+${registration.phone}">${phoneNumber(registration.phone)}</a>`)}
    ${fact(TEXTS.fieldProfileName, registration.profileName ?? '', 'profile-name')}
    ${fact(TEXTS.fieldCreated, html`<span title="${fillText(TEXTS.ago, { age: age(registration.createdAt, deps.now) })}">${instant(registration.createdAt)}</span>`)}
  </dl></section>`;
}

function schedulePanel(registration: DetailView): Html {
  return html`<section class="panel panel-schedule"><h2>${TEXTS.sectionSchedule}</h2><dl class="facts">
    ${fact(TEXTS.fieldAppointment, dayDate(registration.appointmentDate))}
    ${fact(TEXTS.fieldTime, clockTime(registration.appointmentTime))}
    ${registration.requestedDate ? fact(TEXTS.fieldRequestedDate, html`<strong>${dayDate(registration.requestedDate)}</strong>`, 'requested') : ''}
    ${fact(TEXTS.fieldRescheduled, registration.rescheduled ? TEXTS.rescheduledYes : TEXTS.rescheduledNo)}
    ${fact(TEXTS.fieldNote, registration.note ?? '', 'note')}
  </dl></section>`;
}

const isImage = (document: DocumentView) => /^image\/(jpeg|png|webp|gif)$/i.test(document.contentType);

/** Every document, in the order of the service's requirements; one shown at a time. */
function viewer(registration: DetailView): Html {
  const order = (registration.requirements ?? []).map((requirement) => requirement.id);
  const documents = [...registration.documents].sort((a, b) => rank(order, a.requirement) - rank(order, b.requirement));
  const present = new Set(documents.map((document) => document.requirement));
  const missing = (registration.requirements ?? []).filter((requirement) => !present.has(requirement.id));
  const formMode = registration.documentsMode === 'form' && documents.length === 0;
  const tool = (name: string, label: string, key: string, glyph: string) =>
    html`<button type="button" class="button tool" data-viewer-action="${name}" title="${label} (${key})" aria-label="${label}" aria-keyshortcuts="${key === '←' ? 'ArrowLeft' : key === '→' ? 'ArrowRight' : key}">${glyph}</button>`;
  const first = documents[0];
  return html`<section class="panel panel-documents viewer" id="viewer" aria-labelledby="viewer-title" data-viewer>
    <div class="viewer-bar">
      <h2 id="viewer-title">${TEXTS.viewerTitle}</h2>
      ${documents.length > 0 ? html`<span class="viewer-count" aria-live="polite" data-of="${TEXTS.viewerOf}" data-of-pair="${TEXTS.viewerOfPair}">${fillText(TEXTS.viewerOf, { index: 1, total: documents.length })}</span>` : ''}
      ${
        documents.length > 0
          ? html`<div class="viewer-tools" role="toolbar" aria-label="${TEXTS.viewerTitle}">
        ${tool('previous', TEXTS.viewerPrevious, '←', '‹')}${tool('next', TEXTS.viewerNext, '→', '›')}
        ${tool('zoom-out', TEXTS.viewerZoomOut, '-', '−')}${tool('zoom-in', TEXTS.viewerZoomIn, '+', '+')}
        ${tool('rotate', TEXTS.viewerRotate, 'R', '⟳')}${tool('reset', TEXTS.viewerReset, '0', '1:1')}
        <a class="button tool open-tab" href="${first ? safeUrl(first.url) : '#'}" target="_blank" rel="noopener noreferrer" title="${TEXTS.viewerOpenTab}" aria-label="${TEXTS.viewerOpenTab}">↗</a>
      </div>`
          : ''
      }
    </div>
    ${
      formMode
        ? html`<p class="muted">${TEXTS.documentsInForm}</p>`
        : documents.length === 0
          ? html`<p class="empty">${TEXTS.noDocuments}</p>`
          : html`<ol class="viewer-tabs">${documents.map(
              (
                document,
                index,
              ) => html`<li><button type="button" class="viewer-tab" data-show="${index}" aria-pressed="${index === 0 ? 'true' : 'false'}" data-requirement="${document.requirement}">
              <span class="tab-requirement">${document.requirementName ?? document.requirement}</span><span class="tab-name">${document.name}</span></button></li>`,
            )}${missing.map((requirement) => html`<li class="viewer-missing" data-requirement="${requirement.id}"><span class="tab-requirement">${requirement.name}</span><span class="missing">${TEXTS.viewerMissing}</span></li>`)}</ol>
      <div class="viewer-stage">${documents.map((document, index) => viewerItem(document, index))}</div>
      <p class="hint viewer-keys">${TEXTS.viewerShortcuts}</p>`
    }
  </section>`;
}

function rank(order: readonly string[], requirement: string): number {
  const index = order.indexOf(requirement);
  return index < 0 ? order.length : index;
}

function viewerItem(document: DocumentView, index: number): Html {
  const url = safeUrl(document.url);
  const label = `${document.requirementName ?? document.requirement}: ${document.name}`;
  const caption = html`<figcaption><span class="doc-name">${document.name}</span>${changedBadge(document)}<span class="muted">${document.requirementName ?? document.requirement}${document.size ? ` · ${fileSize(document.size)}` : ''}</span></figcaption>`;
  const hidden = index === 0 ? '' : html` hidden`;
  if (isImage(document)) {
    // Only the pictures on screen first are on the page's critical path: the first two (side by side on a
    // wide screen; on a phone the second is the next →). The script fetches the others once the page is drawn.
    const source = index < 2 ? html`src="${url}"` : html`data-src="${url}"`;
    return html`<figure class="viewer-item doc-image" data-index="${index}" data-url="${url}" data-requirement="${document.requirement}"${hidden}>
      <div class="viewer-frame"><img ${source} alt="${label}" draggable="false"></div>${caption}</figure>`;
  }
  // A PDF loads when it is shown (the first at once): ten documents are not ten PDF viewers at a time.
  return html`<figure class="viewer-item doc-file" data-index="${index}" data-url="${url}" data-requirement="${document.requirement}"${hidden}>
    <div class="viewer-frame"><iframe data-viewer-pdf title="${label}" ${index === 0 ? html`src="${url}"` : html`data-src="${url}"`}></iframe></div>
    ${caption}<p class="muted pdf-fallback">${TEXTS.viewerPdfFallback} <a href="${url}" target="_blank" rel="noopener noreferrer">${TEXTS.viewerOpenTab}</a></p></figure>`;
}

/** Views of the documents, one line per officer and day; everything else as it happened. Newest first. */
function historyPanel(history: readonly HistoryView[]): Html {
  const entries = [...history].sort((a, b) => b.at.localeCompare(a.at));
  type Line = { at: string; actor: string; text: string; detail: string; views?: { count: number; first: string; last: string } };
  const lines: Line[] = [];
  const viewLines = new Map<string, Line>();
  for (const entry of entries) {
    if (entry.action === 'documents-viewed') {
      const key = `${entry.actor}\u0000${instantDay(entry.at)}`;
      const line = viewLines.get(key);
      if (line?.views) {
        line.views.count += 1;
        line.views.first = entry.at;
        continue;
      }
      const fresh: Line = { at: entry.at, actor: entry.actor, text: '', detail: '', views: { count: 1, first: entry.at, last: entry.at } };
      viewLines.set(key, fresh);
      lines.push(fresh);
      continue;
    }
    lines.push({
      at: entry.at,
      actor: entry.actor,
      text: HISTORY_ACTIONS[entry.action] ?? entry.action,
      detail: entry.detail ? readableDatesIn(entry.detail) : '',
    });
  }
  const describe = (line: Line) => {
    if (!line.views) return line.text;
    const { count, first, last } = line.views;
    const between =
      count > 1 && instantClock(first) !== instantClock(last)
        ? ` (${fillText(TEXTS.historyBetween, { from: instantClock(first), to: instantClock(last) })})`
        : '';
    return count > 1 ? `${fillText(TEXTS.historyViews, { count })}${between}` : TEXTS.historyViewsOnce;
  };
  return html`<section class="panel panel-history"><h2>${TEXTS.sectionHistory}</h2>
  ${
    lines.length === 0
      ? html`<p class="muted">${TEXTS.noHistory}</p>`
      : html`<ol class="history">${lines.map(
          (line) =>
            html`<li${line.views ? html` class="history-views"` : ''}><time datetime="${line.at}">${instant(line.at)}</time><p><strong>${line.actor}</strong> · ${describe(line)}</p>${line.detail ? html`<p class="history-detail">${line.detail}</p>` : ''}</li>`,
        )}</ol>`
  }
  </section>`;
}

/** A Meta error in Indonesian: what happened, what to do, and the code for the admin. */
export function metaError(code: number | undefined): Html {
  const explained = !code ? META_ERROR_NO_CODE : (META_ERRORS[code] ?? META_ERROR_UNKNOWN);
  return html`<span class="meta-error"><span>${explained.what}</span> <strong>${explained.todo}</strong>${code ? html` <small class="muted">(${fillText(META_ERROR_CODE, { code })})</small>` : ''}</span>`;
}

function deliveriesPanel(deliveries: readonly DeliveryView[]): Html {
  return html`<section class="panel panel-deliveries"><h2>${TEXTS.sectionDeliveries}</h2>
  ${
    deliveries.length === 0
      ? html`<p class="muted">${TEXTS.noDeliveries}</p>`
      : html`<ul class="deliveries">${deliveries.map((delivery) => {
          const state = (delivery.status ?? '').toLowerCase();
          const failed = state === 'failed' || delivery.errorCode !== undefined;
          return html`<li><span>${delivery.what ?? ''}</span><span class="badge delivery-${state}">${DELIVERY_STATES[state] ?? TEXTS.dataUnavailable}</span>${delivery.at ? html`<time class="muted">${instant(delivery.at)}</time>` : ''}${failed ? html`<p class="form-error">${metaError(delivery.errorCode)}</p>` : ''}</li>`;
        })}</ul>`
  }
  </section>`;
}

/** The date buttons, the typed date that echoes its day, and the time set to the day's next free slot. */
function scheduleFields(openDays: OfficerDays, times: readonly string[], preferred: { date?: string; time?: string }): Html {
  const bookable = openDays.filter((day) => day.free > 0);
  const chosenDay = (preferred.date ? openDays.find((day) => day.date === preferred.date) : undefined) ?? (preferred.date ? undefined : bookable[0]);
  const date = preferred.date ?? chosenDay?.date;
  const time = (preferred.date && preferred.time) || chosenDay?.nextFreeTime || preferred.time;
  const buttons = openDays.map((day) => {
    const full = day.free <= 0;
    const label = fillText(full ? TEXTS.dayButtonFull : TEXTS.dayButton, { day: shortDay(day.date), free: day.free });
    return html`<button type="button" class="day-pick${full ? ' full' : ''}" data-date="${day.date}" data-short="${shortDay(day.date)}" data-typed="${typedDate(day.date)}" data-day="${dayDate(day.date)}"${day.nextFreeTime ? html` data-time="${day.nextFreeTime}"` : ''} aria-pressed="${day.date === date ? 'true' : 'false'}"${full ? html` disabled` : ''} title="${dayDate(day.date)}${day.holiday ? ` · ${day.holiday}` : ''}">${label}</button>`;
  });
  return html`<fieldset class="day-picks"><legend>${TEXTS.pickDate}</legend>
      ${bookable.length === 0 ? html`<p class="hint">${fillText(TEXTS.noOpenDays, { days: openDays.length })}</p>` : ''}
      <div class="day-pick-list">${buttons}</div>
    </fieldset>
    <div class="row schedule-row">
      <label class="field"><span>${TEXTS.otherDate}</span><input name="date" data-date required inputmode="numeric" autocomplete="off" maxlength="10" placeholder="${TEXTS.datePlaceholder}" value="${typedDate(date)}"><small class="date-echo" aria-live="polite">${dayDate(date)}</small></label>
      <label class="field"><span>${TEXTS.time}</span><select name="time" required title="${TEXTS.timeDefaultHint}">${time ? '' : html`<option value="">—</option>`}${times.map((option) => html`<option value="${option}"${option === time ? html` selected` : ''}>${option.replace(':', '.')}</option>`)}</select></label>
      <label class="field"><span>${TEXTS.noteShort}</span><input name="note" maxlength="200" data-optional autocomplete="off" placeholder="${TEXTS.notePlaceholder}"></label>
    </div>`;
}

type OfficerDays = readonly OpenDayView[];

function actionsPanel(registration: DetailView, deps: PageDeps, openDays: OfficerDays, next: NextStop): Html {
  const status = REGISTRATION_STATUSES.find((candidate) => candidate === registration.status);
  const actions = status ? allowedActions(status) : [];
  if (actions.length === 0) return html`<section class="panel panel-actions"><h2>${TEXTS.decisionTitle}</h2><p class="muted">${TEXTS.noActions}</p></section>`;
  const api = (action: string) => `registrations/${encodeURIComponent(registration.queueNumber)}/${action}`;
  const times = deps.arrivalTimes ?? DEFAULT_ARRIVAL_TIMES;
  const nextAttributes = html` data-next="${next.href}"${next.registration ? '' : html` data-next-done="${TEXTS.allReviewed}"`}`;

  const forms: Html[] = [];
  if (actions.includes('confirm')) {
    forms.push(html`<form class="action-form" data-api="${api('confirm')}" data-action="confirm" novalidate${nextAttributes}><h3 class="visually-hidden">${TEXTS.confirmTitle}</h3>
      ${scheduleFields(openDays, times, {})}${formError()}
      <div class="button-row">
        <button type="submit" class="button primary" data-then="next" aria-keyshortcuts="Control+Enter" title="${TEXTS.shortcutSave}">${ICONS.check}<span>${TEXTS.saveAndNext}</span></button>
        <button type="submit" class="button">${TEXTS.confirmButton}</button>
      </div></form>`);
  }
  if (actions.includes('reschedule')) {
    const requested = registration.requestedDate;
    forms.push(html`<form class="action-form" data-api="${api('reschedule')}" data-action="reschedule" novalidate><h3>${TEXTS.rescheduleTitle}</h3>
      <p class="hint${requested ? ' requested' : ''}">${requested ? fillText(TEXTS.rescheduleRequested, { date: dayDate(requested) }) : TEXTS.rescheduleOfficer}</p>
      ${scheduleFields(openDays, times, { ...(requested ? { date: requested } : {}), ...(registration.appointmentTime ? { time: registration.appointmentTime } : {}) })}${formError()}<button type="submit" class="button primary">${TEXTS.rescheduleButton}</button></form>`);
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
    forms.push(html`<details class="action-form fix-zone"${status === 'PENDING' ? '' : html` open`}><summary>${TEXTS.fixTitle}</summary>
      <form data-api="${api('request-fix')}" data-action="request-fix" novalidate${nextAttributes}>
      <fieldset class="checks"><legend>${TEXTS.fixRequirements}</legend>
        ${requirements.map((requirement) => html`<label class="check"><input type="checkbox" name="requirements" value="${requirement.id}" data-list><span>${requirement.name}</span></label>`)}
      </fieldset>
      <label class="field"><span>${TEXTS.fixNote}</span><textarea name="note" rows="3" maxlength="500" required></textarea></label>
      ${formError()}<div class="button-row">
        ${status === 'PENDING' ? html`<button type="submit" class="button" data-then="next">${TEXTS.fixAndNext}</button>` : ''}
        <button type="submit" class="button">${TEXTS.fixButton}</button>
      </div></form></details>`);
  }
  if (actions.includes('cancel')) {
    forms.push(html`<details class="action-form danger-zone"><summary>${TEXTS.cancelTitle}</summary>
      <form data-api="${api('cancel')}" data-action="cancel" data-confirm="${TEXTS.cancelConfirm}" novalidate>
        <label class="field"><span>${TEXTS.cancelReason}</span><textarea name="reason" rows="2" maxlength="500" required></textarea></label>
        ${formError()}<button type="submit" class="button danger">${TEXTS.cancelButton}</button>
      </form></details>`);
  }
  return html`<section class="panel panel-actions actions" aria-labelledby="actions-title"><h2 id="actions-title">${TEXTS.decisionTitle}</h2>${forms}</section>`;
}

/** A page handed in after the registration was made: the officer's earlier check did not see it. */
function changedBadge(document: DocumentView): Html | string {
  return document.addedAfterSubmission ? html`<span class="badge doc-changed">${TEXTS.documentAddedAfterSubmission}</span>` : '';
}
