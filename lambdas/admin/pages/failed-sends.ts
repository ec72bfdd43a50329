/** Messages that did not reach their applicant, newest first, with a phone number to call instead. */
import { ADMIN_TEXTS as TEXTS } from '../../domain/texts/officer';
import { instant, phoneNumber } from './format';
import { metaError } from './detail';
import { html } from './html';
import { ICONS, layout, type PageDeps, type RenderedPage } from './layout';
import { errorMessage } from './registrations';
import type { FailedSendView } from './views';

export async function renderFailedSendsPage(deps: PageDeps): Promise<RenderedPage> {
  const result = await deps.registrations.failedSends();
  const failures = result.ok ? result.value : undefined;
  const body = html`<div class="page-head"><div><h1>${ICONS.warning}<span>${TEXTS.failedSendsTitle}</span></h1><p class="muted">${TEXTS.failedSendsIntro}</p></div></div>
  ${failures === undefined ? html`<p class="form-error">${errorMessage(result)}</p>` : failures.length === 0 ? html`<p class="empty">${TEXTS.failedSendsNone}</p>` : table(failures, deps)}`;
  return { status: 200, html: layout({ title: TEXTS.failedSendsTitle, basePath: deps.basePath, body, deps, active: 'failed-sends' }) };
}

function table(failures: readonly FailedSendView[], deps: PageDeps) {
  const rows = failures.map((failure) => {
    const phone = failure.phone ? phoneNumber(failure.phone) : failure.waId ? `+${failure.waId}` : '—';
    const reason = TEXTS.failureReasons[failure.reason] ?? failure.reason;
    // The messaging limit's title is ours (Indonesian); Meta's titles are English: its code is explained instead.
    const detail = failure.reason === 'messaging-limit' ? html`${failure.title}` : metaError(failure.code);
    return html`<tr class="failed-send">
      <td data-label="${TEXTS.colWhen}">${instant(failure.at, deps.zone)}</td>
      <td data-label="${TEXTS.colQueue}" class="queue">${failure.queueNumber ? html`<a href="${deps.basePath}/registrations/${encodeURIComponent(failure.queueNumber)}">${failure.queueNumber}</a>` : '—'}</td>
      <td data-label="${TEXTS.colName}" class="name">${failure.name ?? '—'}</td>
      <td data-label="${TEXTS.colPhone}" class="phone">${phone}</td>
      <td data-label="${TEXTS.colMessage}">${failure.what}</td>
      <td data-label="${TEXTS.colReason}"><span class="reason"><strong>${reason}</strong><br>${detail}</span></td>
    </tr>`;
  });
  return html`<div class="table-wrap"><table class="list">
    <thead><tr><th scope="col">${TEXTS.colWhen}</th><th scope="col">${TEXTS.colQueue}</th><th scope="col">${TEXTS.colName}</th><th scope="col">${TEXTS.colPhone}</th><th scope="col">${TEXTS.colMessage}</th><th scope="col">${TEXTS.colReason}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table></div>`;
}
