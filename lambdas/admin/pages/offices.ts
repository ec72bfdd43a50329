/** The offices page (superadmin only): every office of the deployment, a form to add one and one to change each. */
import type { officeSummary } from '../offices-api';
import { OFFICE_TIMEZONE_NAMES } from '../../domain/offices';
import { OFFICE_TEXTS as TEXTS } from '../../domain/texts/offices';
import { html, type Html } from './html';
import { formError, layout, type PageDeps, type RenderedPage } from './layout';

export type OfficeSummary = ReturnType<typeof officeSummary>;

export async function renderOfficesPage(deps: PageDeps, offices: () => Promise<OfficeSummary[]>): Promise<RenderedPage> {
  const list = await offices();
  const rows = list.map(
    (office) => html`<tr class="${office.disabled ? 'disabled' : ''}">
      <td data-label="${TEXTS.columnId}"><code>${office.id}</code></td>
      <td data-label="${TEXTS.columnName}"><strong>${office.name}</strong><br><span class="muted">${office.address}</span></td>
      <td data-label="${TEXTS.columnNumber}"><span>${office.displayPhoneNumber}<br><span class="muted">${office.phoneNumberId}</span>${
        office.headOfOfficeWaId ? html`<br><span class="muted">${TEXTS.headOfOffice(office.headOfOfficeWaId)}</span>` : ''
      }</span></td>
      <td data-label="${TEXTS.columnPrefix}">${office.queuePrefix}</td>
      <td data-label="${TEXTS.columnZone}">${office.timezone}</td>
      <td data-label="${TEXTS.columnState}">${office.default ? TEXTS.stateDefault : office.disabled ? TEXTS.stateDisabled : TEXTS.stateActive}</td>
    </tr>`,
  );
  const editable = list.filter((office) => !office.default);
  const body = html`<div class="page-head"><div><h1>${TEXTS.pageTitle}</h1><p class="muted">${TEXTS.pageIntro}</p></div></div>
  <div class="split">
    <section class="panel"><div class="table-wrap"><table class="list offices-table">
      <thead><tr><th scope="col">${TEXTS.columnId}</th><th scope="col">${TEXTS.columnName}</th><th scope="col">${TEXTS.columnNumber}</th>
        <th scope="col">${TEXTS.columnPrefix}</th><th scope="col">${TEXTS.columnZone}</th><th scope="col">${TEXTS.columnState}</th></tr></thead>
      <tbody>${rows}</tbody>
    </table></div></section>
    <section class="panel"><h2>${TEXTS.formTitle}</h2>
      ${officeForm('add-office', 'offices', 'POST', undefined)}
      ${editable.map((office) => html`<details class="office-edit"><summary>${office.name}</summary>${officeForm(`edit-${office.id}`, `offices/${office.id}`, 'PUT', office)}</details>`)}
    </section>
  </div>`;
  return { status: 200, html: layout({ title: TEXTS.pageTitle, basePath: deps.basePath, body, deps }) };
}

function officeForm(id: string, api: string, method: 'POST' | 'PUT', office: OfficeSummary | undefined): Html {
  const field = (name: keyof OfficeSummary, label: string, attributes = '') =>
    html`<label class="field"><span>${label}</span><input name="${name}" value="${office ? String(office[name]) : ''}" required ${attributes}></label>`;
  return html`<form id="${id}" class="stack" data-api="${api}" data-method="${method}" data-success="reload" novalidate>
    ${office ? html`<input type="hidden" name="id" value="${office.id}">` : field('id', TEXTS.fieldId)}
    ${field('name', TEXTS.columnName)}
    ${field('address', TEXTS.fieldAddress)}
    ${field('phoneNumberId', TEXTS.fieldPhoneNumberId)}
    ${field('displayPhoneNumber', TEXTS.columnNumber)}
    ${field('queuePrefix', TEXTS.columnPrefix)}
    <label class="field"><span>${TEXTS.columnZone}</span><select name="timezone">${OFFICE_TIMEZONE_NAMES.map(
      (zone) => html`<option value="${zone}"${office?.timezone === zone ? ' selected' : ''}>${zone}</option>`,
    )}</select></label>
    <label class="field"><span>${TEXTS.fieldCapacity}</span><input name="dayCapacity" type="number" min="1" max="1000" data-number data-optional value="${office ? String(office.dayCapacity) : ''}"></label>
    <label class="field"><span>${TEXTS.fieldHeadOfOffice}</span><input name="headOfOfficeWaId" inputmode="numeric" pattern="[1-9][0-9]{7,14}" data-optional value="${office?.headOfOfficeWaId ?? ''}"></label>
    ${formError()}
    <button type="submit" class="button primary">${TEXTS.formSave}</button>
  </form>`;
}
