/**
 * The review screen of one registration: the documents in a viewer on the page (← → between them,
 * zoom, rotate), the data and any flag beside them, and the decision on the same screen: the next open
 * days as buttons with their free places, the time set to the day's next free slot, and *Simpan &
 * berikutnya*, which goes on to the next `PENDING` registration. Below: what was sent and the history.
 * The script posts a form to the JSON API (the status table of docs/contract.md), then reloads or moves on.
 */
import type { RegistrationStatus } from '../../domain/registration';
import { actionsPanel, type NextStop } from './action-forms';
import { personalDataPanel } from './data-requests';
import {
  ADMIN_TEXTS as TEXTS,
  DELIVERY_STATES,
  FLAG_LABELS,
  HISTORY_LABELS,
  fillText,
  META_ERROR_CODE,
  META_ERROR_NO_CODE,
  META_ERROR_UNKNOWN,
  META_ERRORS,
  STATUS_LABELS,
} from '../../domain/texts/officer';
import { age, clockTime, dayDate, fileSize, groupedNik, instant, instantClock, instantDay, isOverdue, longDate, phoneNumber, readableDatesIn } from './format';
import { html, safeUrl, type Html } from './html';
import { ICONS, layout, statusBadge, type PageDeps, type RenderedPage } from './layout';
import { attendanceBadge } from './real-days';
import { REAL_DAYS_OFFICER_TEXTS } from '../../domain/texts/real-days';
import { nextPendingAfter } from '../registrations-api';
import { detailLink, errorMessage } from './registrations';
import { type DeliveryView, type DetailView, type DocumentView, type HistoryView, type RegistrationView } from './views';

export async function renderDetailPage(queueNumber: string, deps: PageDeps): Promise<RenderedPage> {
  const pendingAnswer = deps.registrations.list({ status: 'PENDING' });
  const [result, pendingResult, daysResult, nextPictures] = await Promise.all([
    // Fetched ahead of time, the page records no look at the documents: its script does once it is shown.
    deps.speculative ? deps.registrations.get(queueNumber, deps.officer, { recordView: false }) : deps.registrations.get(queueNumber, deps.officer),
    pendingAnswer,
    deps.registrations.openDays({}),
    // The next registration's pictures, which the script fetches while the officer looks at this one.
    pendingAnswer.then((answer) => {
      const following = nextPendingAfter(queueNumber, answer.ok ? answer.value : []);
      return following ? deps.registrations.pictureLinks(following.queueNumber) : [];
    }),
  ]);
  const registration = result.ok ? result.value : undefined;
  if (!registration) {
    const body = html`<a class="back" href="${deps.basePath}/registrations">← ${TEXTS.detailBack}</a>
      <section class="panel"><h1>${!result.ok && result.problem.kind === 'not-found' ? TEXTS.notFoundTitle : TEXTS.errorTitle}</h1><p>${errorMessage(result)}</p></section>`;
    return {
      status: !result.ok && result.problem.kind === 'not-found' ? 404 : 500,
      html: layout({ title: queueNumber, basePath: deps.basePath, body, deps, active: 'registrations' }),
    };
  }
  const pending = (pendingResult.ok ? pendingResult.value : undefined) ?? [];
  const openDays = (daysResult.ok ? daysResult.value.days : undefined) ?? [];
  const next = nextStop(registration.queueNumber, pending, deps.basePath);
  const status = registration.status as RegistrationStatus;
  const overdue = isOverdue(registration, deps.now);
  const personalData = await personalDataPanel(registration, deps);
  // Made ahead of time: the script records the look and takes the next stop and the free places again once shown.
  const body = html`<div class="review" data-queue="${registration.queueNumber}"${deps.speculative ? html` data-made-ahead` : ''}${next.registration ? html` data-prefetch="${next.href}"` : ''}${nextPictures.length > 0 ? html` data-next-pictures="${nextPictures.join(' ')}"` : ''}>
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
      ${actionsPanel(registration, deps.arrivalTimes, openDays, next, deps.zone)}
      ${schedulePanel(registration, deps.zone)}
    </div>
  </div>
  <div class="review-more">
    ${registration.deliveries ? deliveriesPanel(registration.deliveries, deps.zone) : ''}
    ${personalData}
    ${historyPanel(registration.history, deps.zone)}
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

/** The answer to the reminder, where the registration still expects the applicant. */
const attendanceFact = (registration: DetailView) =>
  registration.appointmentDate
    ? fact(
        REAL_DAYS_OFFICER_TEXTS.attendanceLabel,
        registration.attendance === 'DATANG' ? attendanceBadge() : REAL_DAYS_OFFICER_TEXTS.attendanceNone,
        'attendance',
      )
    : '';

const fact = (label: string, value: Html | string, className = '') => html`<div class="fact ${className}"><dt>${label}</dt><dd>${value || '—'}</dd></div>`;

function applicantPanel(registration: DetailView, deps: PageDeps): Html {
  // The order of the KTP: name, NIK, place and date of birth, so that the eye goes from one to the other.
  return html`<section class="panel panel-applicant"><h2>${TEXTS.sectionApplicant}</h2><dl class="facts">
    ${fact(TEXTS.fieldName, registration.name)}
    ${fact(TEXTS.fieldNik, html`<span class="mono">${groupedNik(registration.nik)}</span>`)}
    ${fact(TEXTS.fieldBirth, `${registration.placeOfBirth}, ${longDate(registration.dateOfBirth)}`)}
    ${fact(TEXTS.fieldPhone, html`<a href="tel:+${registration.phone}">${phoneNumber(registration.phone)}</a>`)}
    ${fact(TEXTS.fieldProfileName, registration.profileName ?? '', 'profile-name')}
    ${fact(TEXTS.fieldCreated, html`<span title="${fillText(TEXTS.ago, { age: age(registration.createdAt, deps.now) })}">${instant(registration.createdAt, deps.zone)}</span>`)}
  </dl></section>`;
}

function schedulePanel(registration: DetailView, zone: PageDeps['zone']): Html {
  return html`<section class="panel panel-schedule"><h2>${TEXTS.sectionSchedule}</h2><dl class="facts">
    ${fact(TEXTS.fieldAppointment, dayDate(registration.appointmentDate))}
    ${fact(TEXTS.fieldTime, clockTime(registration.appointmentTime, zone))}
    ${registration.requestedDate ? fact(TEXTS.fieldRequestedDate, html`<strong>${dayDate(registration.requestedDate)}</strong>`, 'requested') : ''}
    ${fact(TEXTS.fieldRescheduled, registration.rescheduled ? TEXTS.rescheduledYes : TEXTS.rescheduledNo)}
    ${attendanceFact(registration)}
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
function historyPanel(history: readonly HistoryView[], zone: PageDeps['zone']): Html {
  const entries = [...history].sort((a, b) => b.at.localeCompare(a.at));
  type Line = { at: string; actor: string; text: string; detail: string; views?: { count: number; first: string; last: string } };
  const lines: Line[] = [];
  const viewLines = new Map<string, Line>();
  for (const entry of entries) {
    if (entry.action === 'documents-viewed') {
      const key = `${entry.actor}\u0000${instantDay(entry.at, zone)}`;
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
      text: HISTORY_LABELS[entry.action] ?? entry.action,
      detail: entry.detail ? readableDatesIn(entry.detail, zone) : '',
    });
  }
  const describe = (line: Line) => {
    if (!line.views) return line.text;
    const { count, first, last } = line.views;
    const between =
      count > 1 && instantClock(first, zone) !== instantClock(last, zone)
        ? ` (${fillText(TEXTS.historyBetween, { from: instantClock(first, zone), to: instantClock(last, zone) })})`
        : '';
    return count > 1 ? `${fillText(TEXTS.historyViews, { count })}${between}` : TEXTS.historyViewsOnce;
  };
  return html`<section class="panel panel-history"><h2>${TEXTS.sectionHistory}</h2>
  ${
    lines.length === 0
      ? html`<p class="muted">${TEXTS.noHistory}</p>`
      : html`<ol class="history">${lines.map(
          (line) =>
            html`<li${line.views ? html` class="history-views"` : ''}><time datetime="${line.at}">${instant(line.at, zone)}</time><p><strong>${line.actor}</strong> · ${describe(line)}</p>${line.detail ? html`<p class="history-detail">${line.detail}</p>` : ''}</li>`,
        )}</ol>`
  }
  </section>`;
}

/** A Meta error in Indonesian: what happened, what to do, and the code for the admin. */
export function metaError(code: number | undefined): Html {
  const explained = !code ? META_ERROR_NO_CODE : (META_ERRORS[code] ?? META_ERROR_UNKNOWN);
  return html`<span class="meta-error"><span>${explained.what}</span> <strong>${explained.todo}</strong>${code ? html` <small class="muted">(${fillText(META_ERROR_CODE, { code })})</small>` : ''}</span>`;
}

function deliveriesPanel(deliveries: readonly DeliveryView[], zone: PageDeps['zone']): Html {
  return html`<section class="panel panel-deliveries"><h2>${TEXTS.sectionDeliveries}</h2>
  ${
    deliveries.length === 0
      ? html`<p class="muted">${TEXTS.noDeliveries}</p>`
      : html`<ul class="deliveries">${deliveries.map((delivery) => {
          const state = (delivery.status ?? '').toLowerCase();
          const failed = state === 'failed' || delivery.errorCode !== undefined;
          return html`<li><span>${delivery.what ?? ''}</span><span class="badge delivery-${state}">${DELIVERY_STATES[state] ?? TEXTS.dataUnavailable}</span>${delivery.at ? html`<time class="muted">${instant(delivery.at, zone)}</time>` : ''}${failed ? html`<p class="form-error">${metaError(delivery.errorCode)}</p>` : ''}</li>`;
        })}</ul>`
  }
  </section>`;
}

/** A page handed in after the registration was made: the officer's earlier check did not see it. */
function changedBadge(document: DocumentView): Html | string {
  return document.addedAfterSubmission ? html`<span class="badge doc-changed">${TEXTS.documentAddedAfterSubmission}</span>` : '';
}
