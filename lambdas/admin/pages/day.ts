/**
 * Who comes on a date (every officer), and the admin's page of capacities and closed days: both read
 * `GET api/days/{date}`; the admin's forms `PUT` it.
 */
import { addDays } from '../../domain/calendar';
import { ADMIN_TEXTS as TEXTS, fillText } from '../../domain/texts/officer';
import { dayDate, parseTypedDate, today, typedDate } from './format';
import { html, type Html } from './html';
import { formError, layout, type PageDeps, type RenderedPage } from './layout';
import { dayQueue } from './day-queue';
import { errorMessage, registrationTable } from './registrations';
import type { DayView } from './views';
import { rebookedSection } from './real-days';

const DAYS_SHOWN = 14;

/** A real date from the query (`DD-MM-YYYY` as typed, or `YYYY-MM-DD` from a link), or `fallback`. */
function dateParam(value: string | undefined, fallback: string): string {
  return parseTypedDate(value) ?? fallback;
}

/** A date field as officers type it: `DD-MM-YYYY`, its day name echoed beside it by the script. */
export function typedDateInput(options: { id: string; name: string; value: string; label: string; hiddenLabel?: boolean }): Html {
  return html`<label class="field compact date-field${options.hiddenLabel ? ' label-hidden' : ''}" for="${options.id}"><span>${options.label}</span>
    <input id="${options.id}" name="${options.name}" data-date required inputmode="numeric" autocomplete="off" maxlength="10" placeholder="${TEXTS.datePlaceholder}" value="${typedDate(options.value)}">
    <small class="date-echo" aria-live="polite">${dayDate(options.value)}</small></label>`;
}

function dayState(day: DayView): Html {
  if (!day.closed) return html`<span class="badge day-open">${TEXTS.dayOpen}</span>`;
  return html`<span class="badge day-closed">${TEXTS.dayClosed}</span>${day.closedReason ? html` <span class="muted">${day.closedReason}</span>` : ''}`;
}

function capacityBar(day: DayView): Html {
  const percent = day.capacity > 0 ? Math.min(100, Math.round((day.booked / day.capacity) * 100)) : 100;
  const level = percent >= 100 ? 'full' : percent >= 75 ? 'high' : 'ok';
  return html`<div class="capacity"><meter min="0" max="${day.capacity}" value="${day.booked}" class="meter-${level}">${percent}%</meter>
    <span>${fillText(TEXTS.dayCapacity, { booked: day.booked, capacity: day.capacity })}</span></div>`;
}

export async function renderDayPage(query: Readonly<Record<string, string | undefined>>, deps: PageDeps): Promise<RenderedPage> {
  const date = dateParam(query.date, today(deps.now, deps.zone));
  const result = await deps.registrations.getDay(date);
  const day = result.ok ? result.value : undefined;
  const isToday = date === today(deps.now, deps.zone);
  const code = isToday && deps.officer.role === 'admin' ? await deps.registrations.dayCode({ date }) : undefined;
  const dayCode = code?.ok ? code.value.code : undefined;
  const link = (target: string) => `${deps.basePath}/day?date=${target}`;
  const body = html`<div class="page-head"><h1>${TEXTS.dayTitle}</h1>
    <form class="date-pick" method="get" action="${deps.basePath}/day" novalidate>
      <span class="stepper">
        <a class="button" href="${link(addDays(date, -1))}" aria-label="${TEXTS.previousDay}" title="${TEXTS.previousDay}">‹</a>
        ${typedDateInput({ id: 'day-date', name: 'date', value: date, label: TEXTS.dayPick, hiddenLabel: true })}
        <a class="button" href="${link(addDays(date, 1))}" aria-label="${TEXTS.nextDay}" title="${TEXTS.nextDay}">›</a>
      </span>
      <button type="submit" class="button primary">${TEXTS.dayShow}</button>
      ${formError()}
    </form></div>
  ${
    day
      ? html`<section class="panel">
      <div class="panel-head day-head"><h2>${dayDate(date)}</h2><div>${dayState(day)}</div></div>
      ${capacityBar(day)}
      ${day.holiday ? html`<p class="muted">${fillText(TEXTS.dayHoliday, { name: day.holiday })}</p>` : ''}
      ${
        isToday
          ? dayQueue(day.registrations, deps, dayCode)
          : day.registrations.length > 0
            ? registrationTable(day.registrations, deps, { timeFirst: true })
            : html`<p class="empty">${TEXTS.dayNobody}</p>`
      }
    </section>${rebookedSection(day, deps)}`
      : html`<p class="form-error">${errorMessage(result)}</p>`
  }`;
  return { status: 200, html: layout({ title: `${TEXTS.dayTitle} ${dayDate(date)}`, basePath: deps.basePath, body, deps, active: 'day' }) };
}

export async function renderDaysPage(query: Readonly<Record<string, string | undefined>>, deps: PageDeps): Promise<RenderedPage> {
  const from = dateParam(query.from, addDays(today(deps.now, deps.zone), 1));
  const dates = Array.from({ length: DAYS_SHOWN }, (_, index) => addDays(from, index));
  const days = await Promise.all(
    dates.map(async (date) => {
      const result = await deps.registrations.getDay(date);
      return { date, day: result.ok ? result.value : undefined };
    }),
  );
  const rows = days.map(({ date, day }) =>
    day
      ? html`<tr class="${day.closed ? 'closed' : ''}">
        <td data-label="${TEXTS.dayPick}"><a href="${deps.basePath}/day?date=${date}">${dayDate(date)}</a>${day.holiday ? html`<br><span class="muted">${day.holiday}</span>` : ''}</td>
        <td data-label="${TEXTS.daysBooked}">${day.booked}</td>
        <td class="day-form-cell"><form class="day-form" data-api="days/${date}" data-method="PUT" data-success="reload" novalidate>
          <label class="field compact"><span>${TEXTS.daysCapacity}</span><input type="number" name="capacity" min="0" max="1000" step="1" value="${day.capacity}" required data-number></label>
          <label class="check compact"><input type="checkbox" name="closed"${day.closed ? html` checked` : ''} data-boolean><span>${TEXTS.daysClosed}</span></label>
          <label class="field compact grow"><span>${TEXTS.daysReason}</span><input name="reason" maxlength="200" value="${day.closed ? (day.closedReason ?? '') : ''}" placeholder="${TEXTS.daysReasonPlaceholder}" data-optional></label>
          <button type="submit" class="button">${TEXTS.daysSave}</button>
          ${formError()}
        </form></td>
      </tr>`
      : html`<tr><td>${dayDate(date)}</td><td colspan="2" class="form-error">${TEXTS.dataUnavailable}</td></tr>`,
  );
  const body = html`<div class="page-head"><div><h1>${TEXTS.daysTitle}</h1><p class="muted">${TEXTS.daysIntro}</p></div>
    <form class="date-pick" method="get" action="${deps.basePath}/days" novalidate>
      ${typedDateInput({ id: 'days-from', name: 'from', value: from, label: TEXTS.daysFrom })}
      <button type="submit" class="button">${TEXTS.dayShow}</button>
      ${formError()}
    </form></div>
  <section class="panel"><div class="table-wrap"><table class="list days-table">
    <thead><tr><th scope="col">${TEXTS.dayPick}</th><th scope="col">${TEXTS.daysBooked}</th><th scope="col">${TEXTS.daysCapacity} · ${TEXTS.daysClosed} · ${TEXTS.daysReason}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table></div></section>`;
  return { status: 200, html: layout({ title: TEXTS.daysTitle, basePath: deps.basePath, body, deps, active: 'days' }) };
}
