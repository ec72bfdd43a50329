/** The dashboard: counts per status, the `PENDING` registrations past 24 hours in red, shortcuts. */
import { addDays } from '../../domain/calendar';
import { REGISTRATION_STATUSES } from '../../domain/registration';
import { ADMIN_TEXTS as TEXTS, fillText, STATUS_LABELS } from '../../domain/texts/officer';
import { dayDate, today } from './format';
import { html, trusted, type Html } from './html';
import { ICONS, layout, type PageDeps, type RenderedPage } from './layout';
import { errorMessage, registrationTable, searchForm } from './registrations';
import { rebookingCallSection } from './real-days';

/** `PERUBAHAN_DIMINTA` may wrap after its underscore, never inside a word. */
const breakable = (status: string): Html => html`${status.split('_').map((part, index) => html`${index > 0 ? trusted('_<wbr>') : ''}${part}`)}`;

export async function renderDashboard(deps: PageDeps): Promise<RenderedPage> {
  const result = await deps.registrations.summary();
  const summary = result.ok ? result.value : undefined;
  const stale = summary?.stalePending ?? [];
  const date = today(deps.now, deps.zone);
  const tomorrow = addDays(date, 1);

  const cards = REGISTRATION_STATUSES.map((status) => {
    const count = summary?.counts[status] ?? 0;
    const alert = status === 'PENDING' && stale.length > 0;
    return html`<li><a class="count-card status-card-${status.toLowerCase()}${alert ? ' alert' : ''}" href="${deps.basePath}/registrations?status=${status}">
      <span class="count">${count}</span><span class="count-status">${breakable(status)}</span><span class="count-label">${STATUS_LABELS[status]}</span>
    </a></li>`;
  });

  const body = html`<div class="page-head"><div><h1>${TEXTS.dashboardTitle}</h1><p class="muted">${fillText(TEXTS.dashboardGreeting, { username: deps.officer.username })} ${dayDate(date)}</p></div>${searchForm(deps.basePath, undefined)}</div>
  ${summary ? '' : html`<p class="form-error">${errorMessage(result)}</p>`}
  ${summary ? rebookingCallSection(summary.rebookingToCall, deps) : ''}
  <section class="panel ${stale.length > 0 ? 'panel-alert' : 'panel-ok'}" aria-labelledby="overdue-title">
    <div class="panel-head"><h2 id="overdue-title">${stale.length > 0 ? ICONS.warning : ICONS.check}<span>${TEXTS.overdueTitle}</span>${stale.length > 0 ? html`<span class="badge overdue-badge">${stale.length}</span>` : ''}</h2></div>
    ${stale.length > 0 ? html`<p class="muted">${TEXTS.overdueIntro}</p>${registrationTable(stale, deps)}` : html`<p class="muted">${TEXTS.overdueNone}</p>`}
  </section>
  ${
    summary && summary.recentFailedSends > 0
      ? html`<section class="panel panel-alert" aria-labelledby="failed-title">
    <div class="panel-head"><h2 id="failed-title">${ICONS.warning}<span>${TEXTS.failedSendsTitle}</span><span class="badge overdue-badge">${summary.recentFailedSends}</span></h2></div>
    <p class="muted">${fillText(TEXTS.failedSendsRecent, { count: String(summary.recentFailedSends) })} <a href="${deps.basePath}/failed-sends">${TEXTS.failedSendsLink}</a></p>
  </section>`
      : ''
  }
  <section aria-labelledby="counts-title">
    <h2 id="counts-title" class="section-title">${TEXTS.countsTitle}</h2>
    <ul class="count-grid">${cards}</ul>
  </section>
  <section aria-labelledby="links-title">
    <h2 id="links-title" class="section-title">${TEXTS.quickLinks}</h2>
    <ul class="quick-links">
      <li><a class="quick" href="${deps.basePath}/registrations?status=PENDING">${ICONS.list}<span>${TEXTS.linkPending}</span></a></li>
      <li><a class="quick" href="${deps.basePath}/day?date=${date}">${ICONS.calendar}<span>${TEXTS.linkToday}</span></a></li>
      <li><a class="quick" href="${deps.basePath}/day?date=${tomorrow}">${ICONS.calendar}<span>${TEXTS.linkTomorrow}</span></a></li>
      <li><a class="quick" href="${deps.basePath}/verify">${ICONS.qr}<span>${TEXTS.navVerify}</span></a></li>
    </ul>
  </section>`;
  return { status: 200, html: layout({ title: TEXTS.dashboardTitle, basePath: deps.basePath, body, deps, active: 'home' }) };
}
