/**
 * The decision on the review screen: one form per officer action allowed in the registration's status, in
 * the order of the declarations (domain/officer-action-declarations.ts), each titled and labelled as its
 * declaration says and posting to `registrations/{q}/{action}`. A new declared action fails to compile
 * here until it has a form.
 */
import { allowedActions } from '../../domain/officer-actions';
import { OFFICER_ACTIONS, type OfficerActionName } from '../../domain/officer-action-declarations';
import { REGISTRATION_STATUSES, type RegistrationStatus } from '../../domain/registration';
import { ADMIN_TEXTS as TEXTS, fillText } from '../../domain/texts/officer';
import { dayDate, shortDay, typedDate } from './format';
import { html, type Html } from './html';
import { formError, ICONS } from './layout';
import type { DetailView, OpenDayView, RegistrationView } from './views';

const DEFAULT_ARRIVAL_TIMES = Array.from({ length: 33 }, (_, index) => {
  const minutes = 8 * 60 + index * 15;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});

/** Where *Simpan & berikutnya* goes: the next PENDING registration after this one, oldest first. */
export interface NextStop {
  readonly href: string;
  readonly registration?: RegistrationView;
}

type OfficerDays = readonly OpenDayView[];

interface FormContext {
  readonly registration: DetailView;
  readonly status: RegistrationStatus;
  readonly openDays: OfficerDays;
  readonly times: readonly string[];
  /** `data-next…` of a form that can go on to the next registration. */
  readonly nextAttributes: Html;
  /** The form's `data-api` and `data-action`. */
  readonly target: Html;
}

const ACTION_FORMS: { readonly [Name in OfficerActionName]: (context: FormContext, page: (typeof OFFICER_ACTIONS)[Name]['page']) => Html } = {
  confirm: ({ openDays, times, nextAttributes, target }, page) =>
    html`<form class="action-form" ${target} novalidate${nextAttributes}><h3 class="visually-hidden">${page.title}</h3>
      ${scheduleFields(openDays, times, {})}${formError()}
      <div class="button-row">
        <button type="submit" class="button primary" data-then="next" aria-keyshortcuts="Control+Enter" title="${TEXTS.shortcutSave}">${ICONS.check}<span>${TEXTS.saveAndNext}</span></button>
        <button type="submit" class="button">${page.button}</button>
      </div></form>`,
  reschedule: ({ registration, openDays, times, target }, page) => {
    const requested = registration.requestedDate;
    return html`<form class="action-form" ${target} novalidate><h3>${page.title}</h3>
      <p class="hint${requested ? ' requested' : ''}">${requested ? fillText(TEXTS.rescheduleRequested, { date: dayDate(requested) }) : TEXTS.rescheduleOfficer}</p>
      ${scheduleFields(openDays, times, { ...(requested ? { date: requested } : {}), ...(registration.appointmentTime ? { time: registration.appointmentTime } : {}) })}${formError()}<button type="submit" class="button primary">${page.button}</button></form>`;
  },
  complete: ({ target }, page) =>
    html`<form class="action-form" ${target}><h3>${page.title}</h3>
      ${formError()}<div class="button-row">
        <button type="submit" class="button success" name="attended" value="true" data-json>${ICONS.check}<span>${page.button}</span></button>
        <button type="submit" class="button" name="attended" value="false" data-json>${ICONS.cross}<span>${page.noShowButton}</span></button>
      </div></form>`,
  'request-fix': ({ registration, status, nextAttributes, target }, page) => {
    const requirements = registration.requirements ?? [];
    return html`<details class="action-form fix-zone"${status === 'PENDING' ? '' : html` open`}><summary>${page.title}</summary>
      <form ${target} novalidate${nextAttributes}>
      <fieldset class="checks"><legend>${TEXTS.fixRequirements}</legend>
        ${requirements.map((requirement) => html`<label class="check"><input type="checkbox" name="requirements" value="${requirement.id}" data-list><span>${requirement.name}</span></label>`)}
      </fieldset>
      <label class="field"><span>${TEXTS.fixNote}</span><textarea name="note" rows="3" maxlength="500" required></textarea></label>
      ${formError()}<div class="button-row">
        ${status === 'PENDING' ? html`<button type="submit" class="button" data-then="next">${TEXTS.fixAndNext}</button>` : ''}
        <button type="submit" class="button">${page.button}</button>
      </div></form></details>`;
  },
  cancel: ({ target }, page) =>
    html`<details class="action-form danger-zone"><summary>${page.title}</summary>
      <form ${target} data-confirm="${TEXTS.cancelConfirm}" novalidate>
        <label class="field"><span>${TEXTS.cancelReason}</span><textarea name="reason" rows="2" maxlength="500" required></textarea></label>
        ${formError()}<button type="submit" class="button danger">${page.button}</button>
      </form></details>`,
  call: ({ registration, target }, page) =>
    html`<form class="action-form" ${target} novalidate><h3>${page.title}</h3>
      <label class="field"><span>${page.counter}</span><input name="counter" maxlength="10" data-optional autocomplete="off" inputmode="numeric" value="${registration.counter ?? ''}"></label>
      ${formError()}<button type="submit" class="button primary">${page.button}</button></form>`,
};

export function actionsPanel(registration: DetailView, arrivalTimes: readonly string[] | undefined, openDays: OfficerDays, next: NextStop): Html {
  const status = REGISTRATION_STATUSES.find((candidate) => candidate === registration.status);
  const actions = status ? allowedActions(status) : [];
  if (!status || actions.length === 0) {
    return html`<section class="panel panel-actions"><h2>${TEXTS.decisionTitle}</h2><p class="muted">${TEXTS.noActions}</p></section>`;
  }
  const base = { registration, status, openDays, times: arrivalTimes ?? DEFAULT_ARRIVAL_TIMES };
  const nextAttributes = html` data-next="${next.href}"${next.registration ? '' : html` data-next-done="${TEXTS.allReviewed}"`}`;
  const forms = actions.map((action) => {
    const target = html`data-api="registrations/${encodeURIComponent(registration.queueNumber)}/${action}" data-action="${action}"`;
    return formFor(action, { ...base, nextAttributes, target });
  });
  return html`<section class="panel panel-actions actions" aria-labelledby="actions-title"><h2 id="actions-title">${TEXTS.decisionTitle}</h2>${forms}</section>`;
}

function formFor<Name extends OfficerActionName>(action: Name, context: FormContext): Html {
  const render: (context: FormContext, page: (typeof OFFICER_ACTIONS)[Name]['page']) => Html = ACTION_FORMS[action];
  return render(context, OFFICER_ACTIONS[action].page);
}

/** The date buttons, the typed date that echoes its day, and the time set to the day's next free slot. */
function scheduleFields(openDays: OfficerDays, times: readonly string[], preferred: { date?: string; time?: string }): Html {
  const bookable = openDays.filter((day) => day.free > 0);
  const chosenDay = (preferred.date ? openDays.find((day) => day.date === preferred.date) : undefined) ?? (preferred.date ? undefined : bookable[0]);
  const date = preferred.date ?? chosenDay?.date;
  const time = (preferred.date && preferred.time) || chosenDay?.nextFreeTime || preferred.time;
  const buttons = openDays.map((day) => {
    const full = day.free <= 0;
    const label = fillText(full ? TEXTS.dayButtonFull : TEXTS.dayButton, { day: shortDay(day.date), free: day.free });
    return html`<button type="button" class="day-pick${full ? ' full' : ''}" data-date="${day.date}" data-short="${shortDay(day.date)}" data-typed="${typedDate(day.date)}" data-day="${dayDate(day.date)}"${day.nextFreeTime ? html` data-time="${day.nextFreeTime}"` : ''} aria-pressed="${day.date === date ? 'true' : 'false'}"${full ? html` disabled` : ''} title="${dayDate(day.date)}${day.holiday ? ` · ${day.holiday}` : ''}">${label}</button>`;
  });
  return html`<fieldset class="day-picks"><legend>${TEXTS.pickDate}</legend>
      ${bookable.length === 0 ? html`<p class="hint">${fillText(TEXTS.noOpenDays, { days: openDays.length })}</p>` : ''}
      <div class="day-pick-list">${buttons}</div>
    </fieldset>
    <div class="row schedule-row">
      <label class="field"><span>${TEXTS.otherDate}</span><input name="date" data-date required inputmode="numeric" autocomplete="off" maxlength="10" placeholder="${TEXTS.datePlaceholder}" value="${typedDate(date)}"><small class="date-echo" aria-live="polite">${dayDate(date)}</small></label>
      <label class="field"><span>${TEXTS.time}</span><select name="time" required title="${TEXTS.timeDefaultHint}">${time ? '' : html`<option value="">—</option>`}${times.map((option) => html`<option value="${option}"${option === time ? html` selected` : ''}>${option.replace(':', '.')}</option>`)}</select></label>
      <label class="field"><span>${TEXTS.noteShort}</span><input name="note" maxlength="200" data-optional autocomplete="off" placeholder="${TEXTS.notePlaceholder}"></label>
    </div>`;
}
