/** Officer accounts (admin only): the list, disabling, and a form to add one. */
import { ADMIN_TEXTS as TEXTS, fillText } from '../../domain/texts/officer';
import { OFFICE_TEXTS } from '../../domain/texts/offices';
import { instant } from './format';
import { html } from './html';
import { formError, layout, type PageDeps, type RenderedPage } from './layout';

export async function renderOfficersPage(deps: PageDeps): Promise<RenderedPage> {
  const officers = await deps.officers();
  // A superadmin adds an officer to any office; an office admin to their own (the API decides it).
  const allOffices = deps.offices ? await deps.offices() : [];
  const offices = allOffices.filter((office) => !office.disabled);
  // An account without an office is the default office's (accounts made before many offices).
  const officeName = (id: string | undefined) =>
    (allOffices.find((office) => office.id === id) ?? allOffices.find((office) => office.default))?.shortName ?? id ?? '';
  const rows = officers.map((officer) => {
    const self = officer.username === deps.officer.username;
    const state = officer.disabled
      ? html`<span class="badge officer-disabled">${TEXTS.officerDisabled}</span>`
      : html`<span class="badge officer-active">${TEXTS.officerActive}</span>`;
    // An account being guessed is told, not locked: the guesser only slows down themselves.
    const guessed = officer.guessing
      ? html` <span class="badge officer-guessed" role="status">${fillText(TEXTS.officerGuessed, { failures: String(officer.guessing.failures), sources: String(officer.guessing.sources) })}</span>`
      : '';
    const action =
      self || officer.disabled
        ? ''
        : html`<form data-api="officers/${encodeURIComponent(officer.username)}/disable" data-success="reload" data-confirm="${fillText(TEXTS.officerDisableConfirm, { username: officer.username })}">
            <button type="submit" class="button danger small">${TEXTS.officerDisable}</button>${formError()}</form>`;
    return html`<tr class="${officer.disabled ? 'disabled' : ''}">
      <td data-label="${TEXTS.officerUsername}"><strong>${officer.username}</strong>${self ? html` <span class="muted">${TEXTS.officerYou}</span>` : ''}</td>
      <td data-label="${TEXTS.officerRole}"><span class="role role-${officer.role}">${officer.role === 'admin' ? TEXTS.roleAdmin : TEXTS.rolePetugas}</span></td>
      ${offices.length > 1 ? html`<td data-label="${OFFICE_TEXTS.officerOffice}">${officeName(officer.office)}</td>` : ''}
      <td data-label="${TEXTS.officerState}">${state}${guessed}</td>
      <td data-label="${TEXTS.officerLastLogin}">${officer.lastLoginAt ? instant(officer.lastLoginAt, deps.zone) : TEXTS.never}</td>
      <td data-label="${TEXTS.officerCreated}"><span>${instant(officer.createdAt, deps.zone)}${officer.createdBy ? html` <span class="muted">· ${officer.createdBy}</span>` : ''}</span></td>
      <td class="row-action">${action}</td>
    </tr>`;
  });
  const body = html`<div class="page-head"><div><h1>${TEXTS.officersTitle}</h1><p class="muted">${TEXTS.officersIntro}</p></div>${
    deps.offices ? html`<a class="button" href="${deps.basePath}/offices">${OFFICE_TEXTS.pageTitle}</a>` : ''
  }</div>
  <div class="${offices.length > 1 ? 'stacked' : 'split'}">
    <section class="panel"><div class="table-wrap"><table class="list officers-table">
      <thead><tr><th scope="col">${TEXTS.officerUsername}</th><th scope="col">${TEXTS.officerRole}</th>${
        offices.length > 1 ? html`<th scope="col">${OFFICE_TEXTS.officerOffice}</th>` : ''
      }<th scope="col">${TEXTS.officerState}</th>
        <th scope="col">${TEXTS.officerLastLogin}</th><th scope="col">${TEXTS.officerCreated}</th><th scope="col"><span class="visually-hidden">${TEXTS.sectionActions}</span></th></tr></thead>
      <tbody>${rows}</tbody>
    </table></div></section>
    <section class="panel"><h2>${TEXTS.officerAddTitle}</h2>
      <form id="add-officer" class="stack" data-api="officers" data-success="reload" novalidate>
        <label class="field"><span>${TEXTS.officerUsername}</span><input name="username" required data-pattern-message="${TEXTS.officerInvalidUsername}" pattern="[a-z0-9._\\-]{3,32}" maxlength="32" autocomplete="off" autocapitalize="none" spellcheck="false"><small class="muted">${TEXTS.officerUsernameHint}</small></label>
        <label class="field"><span>${TEXTS.password}</span><input name="password" type="password" required minlength="10" maxlength="200" autocomplete="new-password"><small class="muted">${TEXTS.officerPasswordHint}</small></label>
        <label class="field"><span>${TEXTS.officerRole}</span><select name="role"><option value="petugas">${TEXTS.rolePetugas}</option><option value="admin">${TEXTS.roleAdmin}</option></select></label>
        ${
          offices.length > 1
            ? html`<label class="field"><span>${OFFICE_TEXTS.officerOffice}</span><select name="office">${offices.map(
                (office) => html`<option value="${office.id}"${office.default ? html` selected` : ''}>${office.name}</option>`,
              )}</select></label>`
            : ''
        }
        ${formError()}
        <button type="submit" class="button primary">${TEXTS.officerAdd}</button>
      </form>
    </section>
  </div>`;
  return { status: 200, html: layout({ title: TEXTS.officersTitle, basePath: deps.basePath, body, deps, active: 'officers' }) };
}
