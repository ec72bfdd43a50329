/**
 * *Permintaan data*: the applicants' access, correction and erasure requests, newest first, so the office
 * can show it answered each within 3 × 24 hours (UU 27/2022); and the registration page's panel with the
 * consent and the requests about that registration.
 */
import * as z from 'zod/mini';
import { officerPersonalDataTexts as TEXTS } from '../../domain/texts/officer-personal-data';
import { instant } from './format';
import { html, type Html } from './html';
import { ICONS, layout, type PageDeps, type RenderedPage } from './layout';
import { errorMessage } from './registrations';
import type { DataRequestView } from '../officer-api';

/** The law's limit for answering a request. */
export const ANSWER_WITHIN_MS = 3 * 24 * 60 * 60 * 1000;

const consentSchema = z.nullable(z.object({ version: z.string(), at: z.string() }));

/** The bot answers a request in the same step that records it: answered at the record's time unless it says otherwise. */
function answeredInTime(request: DataRequestView & { readonly answeredAt?: string }): boolean {
  return Date.parse(request.answeredAt ?? request.at) - Date.parse(request.at) <= ANSWER_WITHIN_MS;
}

export async function renderDataRequestsPage(deps: PageDeps): Promise<RenderedPage> {
  const result = await deps.registrations.dataRequests();
  const requests = result.ok ? result.value : undefined;
  const newestFirst = [...(requests ?? [])].sort((a, b) => b.at.localeCompare(a.at));
  const late = newestFirst.filter((request) => !answeredInTime(request)).length;
  const body = html`<div class="page-head"><div><h1>${ICONS.file}<span>${TEXTS.dataRequestsTitle}</span></h1><p class="muted">${TEXTS.dataRequestsIntro}</p></div></div>
  ${
    requests === undefined
      ? html`<p class="form-error">${errorMessage(result)}</p>`
      : requests.length === 0
        ? html`<p class="empty">${TEXTS.dataRequestsNone}</p>`
        : html`<p class="data-requests-summary"><strong>${TEXTS.dataRequestsSummary(requests.length, late)}</strong></p>${table(newestFirst, deps)}`
  }`;
  return { status: 200, html: layout({ title: TEXTS.dataRequestsTitle, basePath: deps.basePath, body, deps, active: 'data-requests' }) };
}

function table(requests: readonly DataRequestView[], deps: PageDeps): Html {
  const rows = requests.map((request) => {
    // An erased registration has no page any more: its number stays, without a link.
    const numbers =
      request.queueNumbers.length === 0
        ? TEXTS.noQueueNumbers
        : request.queueNumbers.map((queueNumber, index) =>
            request.outcome === 'erased'
              ? html`${index > 0 ? ', ' : ''}${queueNumber}`
              : html`${index > 0 ? ', ' : ''}<a href="${deps.basePath}/registrations/${encodeURIComponent(queueNumber)}">${queueNumber}</a>`,
          );
    const inTime = answeredInTime(request);
    return html`<tr class="data-request" data-kind="${request.kind}">
      <td data-label="${TEXTS.colWhen}">${instant(request.at, deps.zone)}</td>
      <td data-label="${TEXTS.colKind}">${TEXTS.kinds[request.kind] ?? request.kind}</td>
      <td data-label="${TEXTS.colQueueNumbers}" class="queue">${numbers}</td>
      <td data-label="${TEXTS.colOutcome}">${TEXTS.outcomes[request.outcome] ?? request.outcome}</td>
      <td data-label="${TEXTS.colAnswered}">${inTime ? TEXTS.answeredInTime : html`<strong class="form-error">${TEXTS.answeredLate}</strong>`}</td>
    </tr>`;
  });
  return html`<div class="table-wrap"><table class="list">
    <thead><tr><th scope="col">${TEXTS.colWhen}</th><th scope="col">${TEXTS.colKind}</th><th scope="col">${TEXTS.colQueueNumbers}</th><th scope="col">${TEXTS.colOutcome}</th><th scope="col">${TEXTS.colAnswered}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table></div>`;
}

/**
 * The registration page's *Data pribadi* panel: the consent the applicant gave (version, time) and the
 * correction and erasure requests about this registration.
 */
export async function personalDataPanel(registration: { readonly queueNumber: string; readonly consent?: unknown }, deps: PageDeps): Promise<Html> {
  const consent = consentSchema.safeParse(registration.consent ?? null);
  const given = consent.success ? consent.data : null;
  const result = await deps.registrations.dataRequests();
  const all = result.ok ? result.value : [];
  const mine = all
    .filter((request) => request.kind !== 'access' && request.queueNumbers.includes(registration.queueNumber))
    .sort((a, b) => b.at.localeCompare(a.at));
  return html`<section class="panel panel-personal-data"><h2>${TEXTS.sectionPersonalData}</h2>
  <dl class="facts">
    <dt>${TEXTS.consentLabel}</dt><dd class="consent">${given ? TEXTS.consentGiven(given.version, instant(given.at, deps.zone)) : TEXTS.consentMissing}</dd>
    <dt>${TEXTS.requestsLabel}</dt><dd class="data-requests">${
      mine.length === 0
        ? TEXTS.requestsNone
        : html`<ul>${mine.map(
            (request) =>
              html`<li><time datetime="${request.at}">${instant(request.at, deps.zone)}</time> · ${TEXTS.kinds[request.kind] ?? request.kind}: ${TEXTS.outcomes[request.outcome] ?? request.outcome}</li>`,
          )}</ul>`
    }</dd>
  </dl>
  </section>`;
}
