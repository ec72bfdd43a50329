/**
 * The decision on the review screen: one form per officer action allowed in the registration's status, in
 * the order of the declarations (domain/officer-action-declarations.ts), each drawn from the parts its
 * declaration lists (domain/officer-action-forms.ts) and posting to `registrations/{q}/{action}`.
 */
import type { ActionForm, ActionFormButton, ActionFormPart } from '../../domain/officer-action-forms';
import { allowedActions } from '../../domain/officer-actions';
import { OFFICER_ACTIONS } from '../../domain/officer-action-declarations';
import { REGISTRATION_STATUSES, type RegistrationStatus } from '../../domain/registration';
import { ADMIN_TEXTS as TEXTS, fillText } from '../../domain/texts/officer';
import { dayDate, shortDay, typedDate, type PageZone } from './format';
import { zoneLabelOf } from '../../domain/offices';
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
  /** The time field's label, in the office's zone: `Jam (WITA)`. */
  readonly timeLabel: string;
  /** `data-next…` of a form that can go on to the next registration. */
  readonly nextAttributes: Html;
  /** The form's `data-api` and `data-action`. */
  readonly target: Html;
}

export function actionsPanel(
  registration: DetailView,
  arrivalTimes: readonly string[] | undefined,
  openDays: OfficerDays,
  next: NextStop,
  zone: PageZone,
): Html {
  const status = REGISTRATION_STATUSES.find((candidate) => candidate === registration.status);
  const actions = status ? allowedActions(status) : [];
  if (!status || actions.length === 0) {
    return html`<section class="panel panel-actions"><h2>${TEXTS.decisionTitle}</h2><p class="muted">${TEXTS.noActions}</p></section>`;
  }
  const base = { registration, status, openDays, times: arrivalTimes ?? DEFAULT_ARRIVAL_TIMES, timeLabel: TEXTS.time(zoneLabelOf(zone)) };
  const nextAttributes = html` data-next="${next.href}"${next.registration ? '' : html` data-next-done="${TEXTS.allReviewed}"`}`;
  const forms = actions.map((action) => {
    const target = html`data-api="registrations/${encodeURIComponent(registration.queueNumber)}/${action}" data-action="${action}"`;
    return actionForm(OFFICER_ACTIONS[action].form, { ...base, nextAttributes, target });
  });
  return html`<section class="panel panel-actions actions" aria-labelledby="actions-title"><h2 id="actions-title">${TEXTS.decisionTitle}</h2>${forms}</section>`;
}

function actionForm(form: ActionForm, context: FormContext): Html {
  const buttons = form.buttons.filter((button) => offersButton(button, context.status));
  const goesOn = buttons.some((button) => button.andNext);
  const body = html`${form.parts.map((part) => formPart(part, context))}${formError()}<div class="button-row">${buttons.map(formButton)}</div>`;
  const attributes = html`${context.target}${form.confirm ? html` data-confirm="${form.confirm}"` : ''} novalidate${goesOn ? context.nextAttributes : ''}`;
  switch (form.look) {
    case 'open':
    case 'untitled':
      return html`<form class="action-form" ${attributes}><h3${form.look === 'untitled' ? html` class="visually-hidden"` : ''}>${form.title}</h3>${body}</form>`;
    case 'folded':
    case 'danger': {
      const open = form.look === 'folded' && !(form.foldedIn ?? []).includes(context.status);
      return html`<details class="action-form ${form.look === 'danger' ? 'danger-zone' : 'fix-zone'}"${open ? html` open` : ''}><summary>${form.title}</summary>
      <form ${attributes}>${body}</form></details>`;
    }
  }
}

function offersButton(button: ActionFormButton, status: RegistrationStatus): boolean {
  return !Array.isArray(button.andNext) || button.andNext.includes(status);
}

function formButton(button: ActionFormButton): Html {
  const look = button.look === 'plain' ? '' : ` ${button.look}`;
  const label = button.icon ? html`${ICONS[button.icon]}<span>${button.label}</span>` : html`${button.label}`;
  return html`<button type="submit" class="button${look}"${button.andNext ? html` data-then="next"` : ''}${
    button.shortcut ? html` aria-keyshortcuts="Control+Enter" title="${button.shortcut}"` : ''
  }${button.sends ? html` name="${button.sends.name}" value="${String(button.sends.value)}" data-json` : ''}>${label}</button>`;
}

function formPart(part: ActionFormPart, { registration, openDays, times, timeLabel }: FormContext): Html {
  switch (part.kind) {
    case 'schedule': {
      if (part.prefill === 'first-free') return scheduleFields(openDays, times, timeLabel, {});
      const requested = registration.requestedDate;
      const hint = part.hint
        ? html`<p class="hint${requested ? ' requested' : ''}">${requested ? fillText(part.hint.requested, { date: dayDate(requested) }) : part.hint.otherwise}</p>`
        : '';
      return html`${hint}${scheduleFields(openDays, times, timeLabel, { ...(requested ? { date: requested } : {}), ...(registration.appointmentTime ? { time: registration.appointmentTime } : {}) })}`;
    }
    case 'documents':
      return html`<fieldset class="checks"><legend>${part.label}</legend>
        ${(registration.requirements ?? []).map((requirement) => html`<label class="check"><input type="checkbox" name="requirements" value="${requirement.id}" data-list><span>${requirement.name}</span></label>`)}
      </fieldset>`;
    case 'text':
      return html`<label class="field"><span>${part.label}</span>${
        part.lines
          ? html`<textarea name="${part.name}" rows="${part.lines}" maxlength="${part.maxLength}"${part.required ? html` required` : ''}></textarea>`
          : html`<input name="${part.name}" maxlength="${part.maxLength}" autocomplete="off"${part.numeric ? html` inputmode="numeric"` : ''}${
              part.valueFrom ? html` value="${registration[part.valueFrom] ?? ''}"` : ''
            }${part.required ? html` required` : html` data-optional`}>`
      }</label>`;
  }
}

/** The date buttons, the typed date that echoes its day, and the time set to the day's next free slot. */
function scheduleFields(openDays: OfficerDays, times: readonly string[], timeLabel: string, preferred: { date?: string; time?: string }): Html {
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
      <label class="field"><span>${timeLabel}</span><select name="time" required title="${TEXTS.timeDefaultHint}">${time ? '' : html`<option value="">—</option>`}${times.map((option) => html`<option value="${option}"${option === time ? html` selected` : ''}>${option.replace(':', '.')}</option>`)}</select></label>
      <label class="field"><span>${TEXTS.noteShort}</span><input name="note" maxlength="200" data-optional autocomplete="off" placeholder="${TEXTS.notePlaceholder}"></label>
    </div>`;
}
