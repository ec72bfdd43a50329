/**
 * What an officer may do to a registration (the status table of docs/contract.md) and what it changes. Pure: the
 * caller loads the registration and the days involved, and carries out the outcome in one transaction.
 */
import { formatDayDate, type IsoDate } from './calendar';
import { officeToday, zoneLabelOf } from './offices';
import { officerAnswerTexts } from './texts/officer-answers';
import { OFFICER_ACTION_WORDS } from './texts/officer-actions';
import { RECORD_TEXTS } from './texts/records';
import { DAY_OF_OFFICER_TEXTS } from './texts/day-of';
import type { OfficeProfile } from './office';
import type { Registration, RegistrationStatus } from './registration';
import { arrivalTimes, dateProblem, type DayState } from './schedule';
import { findService, type RequirementId, type ServiceCatalogue } from './services';
import {
  noticeKindOf,
  OFFICER_ACTION_NAMES,
  OFFICER_ACTIONS,
  type NotificationKind,
  type OfficerActionInput,
  type OfficerActionName,
  type OfficerAuditAction,
} from './officer-action-declarations';

export {
  NOTIFICATION_KINDS,
  OFFICER_ACTION_NAMES,
  type NotificationKind,
  type OfficerActionInput,
  type OfficerActionName,
} from './officer-action-declarations';

export function isOfficerActionName(name: string): name is OfficerActionName {
  return (OFFICER_ACTION_NAMES as readonly string[]).includes(name);
}

export interface OfficerOutcome {
  readonly registration: Registration;
  readonly audit: { readonly action: string; readonly detail: string };
  readonly notify?: NotificationKind;
  /** A place taken on this day. */
  readonly bookDay?: IsoDate;
  /** A place given back on this day. */
  readonly releaseDay?: IsoDate;
  /** The registration closes: its NIK may register again. */
  readonly releaseNik: boolean;
  /** Documents the applicant must send again (request-fix). */
  readonly redo?: readonly RequirementId[];
}

export interface OfficerRefusal {
  readonly kind: 'conflict' | 'invalid';
  readonly error: string;
  readonly message: string;
}

export type OfficerDecision = { readonly ok: true; readonly outcome: OfficerOutcome } | { readonly ok: false; readonly refusal: OfficerRefusal };

export const MAX_NOTE_LENGTH = 200;

/** The actions allowed in this status, in the order of the declarations (the review screen's). */
export function allowedActions(status: RegistrationStatus): OfficerActionName[] {
  return OFFICER_ACTION_NAMES.filter((action) => isAllowed(action, status));
}

function isAllowed(action: OfficerActionName, status: RegistrationStatus): boolean {
  const allowed: readonly RegistrationStatus[] = OFFICER_ACTIONS[action].allowedStatuses;
  return allowed.includes(status);
}

export function decideOfficerAction(
  registration: Registration,
  input: OfficerActionInput,
  context: { readonly now: Date; readonly office: OfficeProfile; readonly targetDay?: DayState },
): OfficerDecision {
  if (!isAllowed(input.action, registration.status)) {
    return refuse('conflict', 'status', officerAnswerTexts.officer.notAllowed(input.action, registration.status));
  }
  switch (input.action) {
    case 'confirm':
    case 'reschedule':
      return schedule(registration, input, context);
    case 'request-fix':
      return requestFix(registration, input, context.office.services);
    case 'cancel': {
      const reason = input.reason.trim();
      if (!reason || reason.length > 500) return refuse('invalid', 'reason', officerAnswerTexts.officer.reasonRequired);
      return ok({
        registration: { ...registration, status: 'DIBATALKAN', note: reason },
        audit: auditLine('cancelled', reason),
        notify: noticeKindOf('cancel'),
        ...(holdsADay(registration) && registration.appointmentDate ? { releaseDay: registration.appointmentDate } : {}),
        releaseNik: true,
      });
    }
    case 'call':
      return callToCounter(registration, input, context.now, context.office);
    case 'complete': {
      const today = officeToday(context.now, context.office);
      if (registration.appointmentDate && today < registration.appointmentDate) {
        return refuse('invalid', 'too-early', officerAnswerTexts.officer.completeTooEarly(formatDayDate(registration.appointmentDate)));
      }
      const correcting = registration.status === 'TIDAK_HADIR';
      if (correcting && registration.appointmentDate !== today) return refuse('invalid', 'too-late', DAY_OF_OFFICER_TEXTS.correctSameDayOnly);
      const status = input.attended ? 'SELESAI' : 'TIDAK_HADIR';
      return ok({
        registration: { ...registration, status },
        audit: input.attended ? auditLine('attended', RECORD_TEXTS.attended) : auditLine('no-show', RECORD_TEXTS.noShow),
        ...(input.attended ? { notify: noticeKindOf('complete') } : {}),
        // A no-show being corrected gave its NIK back already (it may be held by a new registration now).
        releaseNik: !correcting,
      });
    }
  }
}

function schedule(
  registration: Registration,
  input: Extract<OfficerActionInput, { action: 'confirm' | 'reschedule' }>,
  context: { readonly now: Date; readonly office: OfficeProfile; readonly targetDay?: DayState },
): OfficerDecision {
  if (!arrivalTimes(context.office, input.date).includes(input.time)) {
    return refuse(
      'invalid',
      'time',
      officerAnswerTexts.officer.badTime(
        context.office.arrivalHours.from,
        context.office.arrivalHours.to,
        context.office.arrivalHours.stepMinutes,
        zoneLabelOf(context.office),
      ),
    );
  }
  const note = input.note?.trim();
  if (note && (note.length > MAX_NOTE_LENGTH || /[\r\n]/.test(note))) return refuse('invalid', 'note', officerAnswerTexts.officer.badNote(MAX_NOTE_LENGTH));
  const day = context.targetDay;
  if (!day || day.date !== input.date) throw new Error('schedule needs the target day');
  // A registration whose day was closed (PERLU_JADWAL_ULANG) holds no place to keep or give back.
  const sameDay = holdsADay(registration) && registration.appointmentDate === input.date;
  // Moving within the same day keeps its place; any other day must have one free.
  const problem = dateProblem(sameDay ? { ...day, booked: day.booked - 1 } : day, context.now, context.office);
  if (problem) {
    switch (problem.error) {
      case 'date-past':
        return refuse('invalid', problem.error, officerAnswerTexts.officer.datePast(formatDayDate(problem.earliest)));
      case 'date-closed':
        return refuse('invalid', problem.error, officerAnswerTexts.officer.dateClosed(formatDayDate(input.date), problem.reason));
      case 'day-full':
        return refuse('invalid', problem.error, officerAnswerTexts.officer.dayFull(formatDayDate(input.date), problem.capacity));
    }
  }
  const isReschedule = input.action === 'reschedule';
  const applicantAsked = registration.status === 'PERUBAHAN_DIMINTA';
  const { requestedDate: _requested, note: _oldNote, rebooking: _rebooking, ...rest } = registration;
  return ok({
    registration: {
      ...rest,
      status: 'DIKONFIRMASI',
      appointmentDate: input.date,
      appointmentTime: input.time,
      ...(note ? { note } : {}),
      rescheduled: registration.rescheduled || (isReschedule && applicantAsked),
    },
    audit: auditLine(
      isReschedule ? (applicantAsked ? 'rescheduled-on-request' : 'rescheduled-by-office') : 'confirmed',
      `${isReschedule && registration.appointmentDate ? `${registration.appointmentDate} → ` : ''}${input.date} ${input.time}${note ? ` (${note})` : ''}`,
    ),
    notify: noticeKindOf(input.action),
    ...(sameDay ? {} : { bookDay: input.date }),
    ...(isReschedule && !sameDay && holdsADay(registration) && registration.appointmentDate ? { releaseDay: registration.appointmentDate } : {}),
    releaseNik: false,
  });
}

function requestFix(registration: Registration, input: Extract<OfficerActionInput, { action: 'request-fix' }>, services: ServiceCatalogue): OfficerDecision {
  const note = input.note.trim();
  if (!note || note.length > 500) return refuse('invalid', 'note', officerAnswerTexts.officer.fixNoteRequired);
  const service = findService(services, registration.serviceId);
  const known = service?.requirements ?? [];
  const asked = input.requirements && input.requirements.length > 0 ? input.requirements : known;
  const unknown = asked.filter((id) => !known.includes(id as RequirementId));
  if (unknown.length > 0) return refuse('invalid', 'requirements', officerAnswerTexts.officer.unknownRequirements(unknown));
  const redo = known.filter((id) => asked.includes(id));
  return ok({
    registration: { ...registration, status: 'PERLU_PERBAIKAN', note, fixRequirements: redo },
    audit: auditLine('fix-requested', `${redo.join(', ')}: ${note}`),
    notify: noticeKindOf('request-fix'),
    releaseNik: false,
    redo,
  });
}

function holdsADay(registration: Registration): boolean {
  return registration.status === 'DIKONFIRMASI' || registration.status === 'PERUBAHAN_DIMINTA' || registration.status === 'DILAYANI';
}

/** A history line of one of the declared audit actions (the review screen has a name for each). */
function auditLine(action: OfficerAuditAction, detail: string): OfficerOutcome['audit'] {
  return { action, detail };
}

function ok(outcome: OfficerOutcome): OfficerDecision {
  return { ok: true, outcome };
}

function refuse(kind: OfficerRefusal['kind'], error: string, message: string): OfficerDecision {
  return { ok: false, refusal: { kind, error, message } };
}

/** *Panggil*: an officer calls a confirmed applicant of today to a counter; they are being served (`DILAYANI`). */
function callToCounter(registration: Registration, input: Extract<OfficerActionInput, { action: 'call' }>, now: Date, office: OfficeProfile): OfficerDecision {
  if (registration.appointmentDate !== officeToday(now, office)) {
    return refuse('invalid', 'not-today', OFFICER_ACTION_WORDS.call.notToday(registration.appointmentDate ? formatDayDate(registration.appointmentDate) : '-'));
  }
  const counter = input.counter === undefined ? undefined : String(input.counter).trim() || undefined;
  const { counter: _previous, ...rest } = registration;
  return ok({
    registration: { ...rest, status: 'DILAYANI', calledAt: now.toISOString(), ...(counter ? { counter } : {}) },
    audit: auditLine('called', OFFICER_ACTION_WORDS.call.record(counter)),
    notify: noticeKindOf('call'),
    releaseNik: false,
  });
}
