/**
 * Today's appointments on the day page as a queue: each one's state (expected, checked in at, being served,
 * done) in the order the waiting room is served (appointment time, then arrival), with *Panggil* for those
 * waiting and *Selesai* / *Tidak hadir* for the one being served. Admins also see the day's check-in code
 * and the poster to print.
 */
import { DAY_QUEUE_TEXTS as TEXTS } from '../../domain/texts/day-of';
import { ADMIN_TEXTS, fillText } from '../../domain/texts/officer';
import { clockTime, instantClock, type PageZone } from './format';
import { html, type Html } from './html';
import { formError, statusBadge, type PageDeps } from './layout';
import type { RegistrationView } from './views';

/** Served order: appointment time, then arrival; those not yet arrived after those waiting at the same time. */
function servedOrder(registration: RegistrationView): string {
  return `${registration.appointmentTime ?? ''}#${registration.checkedInAt ?? '~'}#${registration.queueNumber}`;
}

function stateOf(registration: RegistrationView, zone: PageZone): { label: string; kind: string } {
  switch (registration.status) {
    case 'DILAYANI':
      return { label: registration.counter ? fillText(TEXTS.servingAt, { counter: registration.counter }) : TEXTS.serving, kind: 'serving' };
    case 'SELESAI':
      return { label: TEXTS.done, kind: 'done' };
    case 'TIDAK_HADIR':
      return { label: TEXTS.noShow, kind: 'no-show' };
    case 'DIBATALKAN':
      return { label: TEXTS.cancelled, kind: 'done' };
    default:
      return registration.checkedInAt
        ? { label: fillText(TEXTS.checkedIn, { time: instantClock(registration.checkedInAt, zone) }), kind: 'checked-in' }
        : { label: TEXTS.expected, kind: 'expected' };
  }
}

function actionOf(registration: RegistrationView): Html {
  const api = (action: string) => html`data-api="registrations/${encodeURIComponent(registration.queueNumber)}/${action}" data-action="${action}"`;
  const actions: readonly string[] = registration.allowedActions;
  const call = actions.includes('call')
    ? html`<form class="queue-call" ${api('call')} novalidate>
        <label class="field compact"><span>${TEXTS.counter}</span><input name="counter" maxlength="10" size="3" inputmode="numeric" autocomplete="off" data-optional value="${registration.counter ?? ''}"></label>
        <button type="submit" class="button${registration.status === 'DILAYANI' ? '' : ' primary'}">${registration.status === 'DILAYANI' ? TEXTS.callAgain : TEXTS.call}</button>${formError()}</form>`
    : '';
  const finish =
    registration.status === 'DILAYANI' && actions.includes('complete')
      ? html`<form class="queue-finish" ${api('complete')}><div class="button-row">
        <button type="submit" class="button success" name="attended" value="true" data-json>${TEXTS.finish}</button>
        <button type="submit" class="button" name="attended" value="false" data-json>${TEXTS.noShowButton}</button></div>${formError()}</form>`
      : '';
  return html`${finish}${call}`;
}

export function dayQueue(registrations: readonly RegistrationView[], deps: PageDeps, dayCode: string | undefined): Html {
  const ordered = [...registrations].sort((a, b) => servedOrder(a).localeCompare(servedOrder(b)));
  const rows = ordered.map((registration) => {
    const state = stateOf(registration, deps.zone);
    const href = `${deps.basePath}/registrations/${encodeURIComponent(registration.queueNumber)}`;
    return html`<tr class="queue-${state.kind}">
      <td data-label="${ADMIN_TEXTS.colTime}" class="time">${clockTime(registration.appointmentTime, deps.zone) || '—'}</td>
      <td data-label="${ADMIN_TEXTS.colQueue}" class="queue"><a href="${href}">${registration.queueNumber}</a></td>
      <td data-label="${ADMIN_TEXTS.colName}" class="name">${registration.name}</td>
      <td data-label="${TEXTS.colState}"><span class="badge queue-state queue-state-${state.kind}">${state.label}</span> ${statusBadge(registration.status)}</td>
      <td data-label="${TEXTS.colAction}" class="queue-actions">${actionOf(registration)}</td>
    </tr>`;
  });
  return html`<div class="queue-head"><h3>${TEXTS.title}</h3>${
    dayCode
      ? html`<p class="day-code">${TEXTS.dayCode}: <strong data-day-code>${dayCode}</strong> <a class="button" href="${deps.basePath}/poster.pdf" target="_blank" rel="noopener">${TEXTS.poster}</a></p>`
      : ''
  }</div>
    <p class="hint">${TEXTS.intro}</p>
    ${
      ordered.length === 0
        ? html`<p class="empty">${ADMIN_TEXTS.dayNobody}</p>`
        : html`<div class="table-wrap"><table class="list day-queue">
      <thead><tr><th scope="col">${ADMIN_TEXTS.colTime}</th><th scope="col">${ADMIN_TEXTS.colQueue}</th><th scope="col">${ADMIN_TEXTS.colName}</th><th scope="col">${TEXTS.colState}</th><th scope="col">${TEXTS.colAction}</th></tr></thead>
      <tbody>${rows}</tbody></table></div>`
    }`;
}
