/** Lists of registrations: by status (tabs), search results, and the table other pages reuse. */
import { REGISTRATION_STATUSES } from '../../domain/registration';
import { ADMIN_TEXTS as TEXTS, FLAG_LABELS, fillText, STATUS_LABELS } from '../../domain/texts/officer';
import { age, clockTime, instant, isOverdue, longDate } from './format';
import { html, type Html } from './html';
import { ICONS, layout, statusBadge, type PageDeps, type RenderedPage } from './layout';
import type { AdminResult } from '../results';
import { attendanceBadge } from './real-days';
import type { RegistrationView } from './views';

export const detailLink = (basePath: string, queueNumber: string) => `${basePath}/registrations/${encodeURIComponent(queueNumber)}`;

/** One row per registration; on a phone each row becomes a card (the labels come from `data-label`). */
export function registrationTable(registrations: readonly RegistrationView[], deps: PageDeps, options: { timeFirst?: boolean; keys?: boolean } = {}): Html {
  if (registrations.length === 0) return html`<p class="empty">${TEXTS.listEmpty}</p>`;
  const counted = registrations.some((registration) => registration.documentCount !== undefined);
  const waiting = registrations.every((registration) => registration.status === 'PENDING' || registration.status === 'PERLU_PERBAIKAN');
  const rows = registrations.map((registration, index) => {
    const overdue = isOverdue(registration, deps.now);
    const appointment = registration.appointmentDate
      ? `${longDate(registration.appointmentDate)}${registration.appointmentTime ? `, ${clockTime(registration.appointmentTime, deps.zone)}` : ''}`
      : '—';
    const href = detailLink(deps.basePath, registration.queueNumber);
    return html`<tr class="${overdue ? 'overdue' : ''}" data-href="${href}"${options.keys && index === 0 ? html` aria-selected="true"` : ''}>
      ${options.timeFirst ? html`<td data-label="${TEXTS.colTime}" class="time">${clockTime(registration.appointmentTime, deps.zone) || '—'}</td>` : ''}
      <td data-label="${TEXTS.colQueue}" class="queue"><a href="${href}">${registration.queueNumber}</a></td>
      <td data-label="${TEXTS.colName}" class="name">${registration.name}${registration.attendance === 'DATANG' ? html` ${attendanceBadge()}` : ''}</td>
      <td data-label="${TEXTS.colService}">${registration.service.name}</td>
      <td data-label="${TEXTS.colStatus}">${statusBadge(registration.status)}${overdue ? html` <span class="badge overdue-badge">${TEXTS.overdueBadge}</span>` : ''}</td>
      ${counted ? html`<td data-label="${TEXTS.colDocuments}" class="doc-count">${registration.documentCount === undefined ? '—' : fillText(TEXTS.documentCount, { count: registration.documentCount })}</td>` : ''}
      <td data-label="${TEXTS.colFlags}" class="flags">${registration.flags.length === 0 ? '—' : registration.flags.map((flag) => html`<span class="badge flag-badge" title="${FLAG_LABELS[flag]?.long ?? ''}">${FLAG_LABELS[flag]?.short ?? flag.toLowerCase().replace(/_/g, ' ')}</span> `)}</td>
      <td data-label="${waiting ? TEXTS.colWaiting : TEXTS.colCreated}" class="age"><span title="${instant(registration.createdAt, deps.zone)}">${waiting ? age(registration.createdAt, deps.now) : fillText(TEXTS.ago, { age: age(registration.createdAt, deps.now) })}</span></td>
      ${options.timeFirst ? '' : html`<td data-label="${TEXTS.colAppointment}">${appointment}</td>`}
    </tr>`;
  });
  return html`<div class="table-wrap"><table class="list"${options.keys ? html` data-keys` : ''}>
    <thead><tr>
      ${options.timeFirst ? html`<th scope="col">${TEXTS.colTime}</th>` : ''}
      <th scope="col">${TEXTS.colQueue}</th><th scope="col">${TEXTS.colName}</th><th scope="col">${TEXTS.colService}</th>
      <th scope="col">${TEXTS.colStatus}</th>${counted ? html`<th scope="col">${TEXTS.colDocuments}</th>` : ''}<th scope="col">${TEXTS.colFlags}</th><th scope="col">${waiting ? TEXTS.colWaiting : TEXTS.colCreated}</th>
      ${options.timeFirst ? '' : html`<th scope="col">${TEXTS.colAppointment}</th>`}
    </tr></thead>
    <tbody>${rows}</tbody>
  </table></div>${options.keys ? html`<p class="hint list-keys">${TEXTS.listKeys}</p>` : ''}`;
}

export function searchForm(basePath: string, q: string | undefined): Html {
  return html`<form class="search" method="get" action="${basePath}/registrations" role="search">
    <label class="visually-hidden" for="search-q">${TEXTS.searchLabel}</label>
    <input id="search-q" name="q" type="search" value="${q ?? ''}" placeholder="${TEXTS.searchPlaceholder}" maxlength="100" autocomplete="off">
    <button type="submit" class="button primary">${ICONS.search}<span>${TEXTS.searchButton}</span></button>
  </form>`;
}

export async function renderRegistrationsPage(query: Readonly<Record<string, string | undefined>>, deps: PageDeps): Promise<RenderedPage> {
  const status = REGISTRATION_STATUSES.find((candidate) => candidate === query.status);
  const q = query.q?.trim() || undefined;
  const result = await deps.registrations.list({ ...(status ? { status } : {}), ...(q ? { q } : {}), documentCount: true });
  const registrations = result.ok ? result.value : undefined;

  const tab = (value: string | undefined, label: string, title?: string) => {
    const href = `${deps.basePath}/registrations${value ? `?status=${value}` : ''}`;
    const current = !q && value === status;
    return html`<li><a href="${href}" title="${title ?? ''}" class="tab${value ? ` tab-${value.toLowerCase()}` : ''}"${current ? html` aria-current="page"` : ''}>${label}</a></li>`;
  };
  const heading = q ? fillText(TEXTS.searchResults, { q }) : status ? `${status} · ${STATUS_LABELS[status]}` : TEXTS.allOpen;
  const body = html`<div class="page-head"><h1>${TEXTS.registrationsTitle}</h1>${searchForm(deps.basePath, q)}</div>
  <nav class="tabs" aria-label="${TEXTS.colStatus}"><ul>
    ${tab(undefined, TEXTS.allOpen)}
    ${REGISTRATION_STATUSES.map((value) => tab(value, value, STATUS_LABELS[value]))}
  </ul></nav>
  <section class="panel">
    <div class="panel-head"><h2>${heading}</h2>${registrations ? html`<span class="muted">${fillText(TEXTS.count, { count: registrations.length })}</span>` : ''}</div>
    ${registrations ? registrationTable(registrations, deps, { keys: true }) : html`<p class="form-error">${errorMessage(result)}</p>`}
  </section>`;
  return { status: 200, html: layout({ title: TEXTS.registrationsTitle, basePath: deps.basePath, body, deps, active: 'registrations' }) };
}

/** The API's Indonesian message when it refused, or a general one. */
export function errorMessage(result: AdminResult<unknown>): string {
  return result.ok ? TEXTS.dataUnavailable : result.problem.message;
}
