/** The daily report for officers and the head of office: `GET api/reports/daily?date=` as a page. */
import { DAILY_REPORT_TEXTS as TEXTS } from '../../domain/texts/day-of';
import { ADMIN_TEXTS, fillText } from '../../domain/texts/officer';
import { addDays } from '../../domain/calendar';
import { decimalComma } from '../../domain/daily-report';
import { MONTH_NAMES } from '../../domain/texts/calendar';
import type { MonthlySatisfactionView } from '../officer-api';
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
  const date = parseTypedDate(query.date) ?? today(deps.now, deps.zone);
  const result = await deps.registrations.dailyReport({ date });
  const link = (target: string) => `${deps.basePath}/reports/daily?date=${target}`;
  const report = result.ok ? result.value : undefined;
  const month = await deps.registrations.monthlySatisfaction({ month: date.slice(0, 7) });
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
      ${figure(TEXTS.averageWait, report.averageWaitMinutes === null ? TEXTS.none : fillText(TEXTS.minutes, { minutes: decimalComma(report.averageWaitMinutes) }), 'averageWaitMinutes')}
      ${figure(TEXTS.satisfaction, report.satisfaction === null ? TEXTS.none : decimalComma(report.satisfaction), 'satisfaction')}
      ${figure(TEXTS.pendingOver24h, report.pendingOver24h, 'pendingOver24h', `${deps.basePath}/registrations?status=PENDING`)}
      ${figure(TEXTS.failedSends, report.failedSends, 'failedSends', `${deps.basePath}/failed-sends`)}
    </div></section>`
      : html`<p class="form-error">${errorMessage(result)}</p>`
  }${month.ok ? monthPanel(month.value) : ''}`;
  return { status: 200, html: layout({ title: `${TEXTS.title} ${dayDate(date)}`, basePath: deps.basePath, body, deps, active: 'daily-report' }) };
}

/** The month's satisfaction figure per service: what the office reports as its public-service satisfaction. */
function monthPanel(month: MonthlySatisfactionView): Html {
  const [year = '', number = '1'] = month.month.split('-');
  const shown = (value: number | null) => (value === null ? TEXTS.none : decimalComma(value));
  const row = (name: string, figure: { answers: number; satisfaction: number | null }, total = false) =>
    html`<tr${total ? html` class="total"` : ''}><th scope="row">${name}</th><td data-label="${TEXTS.answers}">${figure.answers}</td><td data-label="${TEXTS.mean}">${shown(figure.satisfaction)}</td></tr>`;
  return html`<section class="panel" data-satisfaction-month="${month.month}"><div class="panel-head"><h2>${fillText(TEXTS.monthTitle, {
    month: `${MONTH_NAMES[Number(number) - 1] ?? ''} ${year}`,
  })}</h2></div><p class="muted">${TEXTS.monthIntro}</p>
    <div class="table-wrap"><table class="list"><thead><tr><th scope="col">${TEXTS.service}</th><th scope="col">${TEXTS.answers}</th><th scope="col">${TEXTS.mean}</th></tr></thead>
    <tbody>${month.byService.map((service) => row(service.service, service))}${row(TEXTS.allServices, month, true)}</tbody></table></div></section>`;
}
