/** The daily report for officers and the head of office: `GET api/reports/daily?date=` as a page. */
import { DAILY_REPORT_TEXTS as TEXTS } from '../../domain/texts/day-of';
import { ADMIN_TEXTS, fillText } from '../../domain/texts/officer';
import { addDays } from '../../domain/calendar';
import { dayDate, parseTypedDate, today } from './format';
import { html, type Html } from './html';
import { formError, layout, type PageDeps, type RenderedPage } from './layout';
import { typedDateInput } from './day';
import { errorMessage } from './registrations';

function figure(label: string, value: string | number, key: string, link?: string): Html {
  const shown = html`<strong class="report-value">${String(value)}</strong>`;
  return html`<div class="report-figure" data-figure="${key}"><span class="report-label">${label}</span>${link ? html`<a href="${link}">${shown}</a>` : shown}</div>`;
}

export async function renderDailyReportPage(query: Readonly<Record<string, string | undefined>>, deps: PageDeps): Promise<RenderedPage> {
  const date = parseTypedDate(query.date) ?? today(deps.now);
  const result = await deps.registrations.dailyReport({ date });
  const link = (target: string) => `${deps.basePath}/reports/daily?date=${target}`;
  const report = result.ok ? result.value : undefined;
  const body = html`<div class="page-head"><div><h1>${TEXTS.title}</h1><p class="muted">${TEXTS.intro}</p></div>
    <form class="date-pick" method="get" action="${deps.basePath}/reports/daily" novalidate>
      <span class="stepper">
        <a class="button" href="${link(addDays(date, -1))}" aria-label="${ADMIN_TEXTS.previousDay}" title="${ADMIN_TEXTS.previousDay}">‹</a>
        ${typedDateInput({ id: 'report-date', name: 'date', value: date, label: ADMIN_TEXTS.dayPick, hiddenLabel: true })}
        <a class="button" href="${link(addDays(date, 1))}" aria-label="${ADMIN_TEXTS.nextDay}" title="${ADMIN_TEXTS.nextDay}">›</a>
      </span>
      <button type="submit" class="button primary">${TEXTS.show}</button>
      ${formError()}
    </form></div>
  ${
    report
      ? html`<section class="panel"><div class="panel-head"><h2>${dayDate(date)}</h2></div>
    <div class="report-grid">
      ${figure(TEXTS.booked, report.booked, 'booked', `${deps.basePath}/day?date=${date}`)}
      ${figure(TEXTS.checkedIn, report.checkedIn, 'checkedIn')}
      ${figure(TEXTS.served, report.served, 'served')}
      ${figure(TEXTS.noShows, report.noShows, 'noShows')}
      ${figure(TEXTS.averageWait, report.averageWaitMinutes === null ? TEXTS.none : fillText(TEXTS.minutes, { minutes: String(report.averageWaitMinutes).replace('.', ',') }), 'averageWaitMinutes')}
      ${figure(TEXTS.satisfaction, report.satisfaction === null ? TEXTS.none : String(report.satisfaction).replace('.', ','), 'satisfaction')}
      ${figure(TEXTS.pendingOver24h, report.pendingOver24h, 'pendingOver24h', `${deps.basePath}/registrations?status=PENDING`)}
      ${figure(TEXTS.failedSends, report.failedSends, 'failedSends', `${deps.basePath}/failed-sends`)}
    </div></section>`
      : html`<p class="form-error">${errorMessage(result)}</p>`
  }`;
  return { status: 200, html: layout({ title: `${TEXTS.title} ${dayDate(date)}`, basePath: deps.basePath, body, deps, active: 'daily-report' }) };
}
