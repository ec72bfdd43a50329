/** STATUS, BATAL and the reschedule request: the applicant's own registrations. */
import { addDays, dayOfWeek, formatDayDate, formatTime, type IsoDate } from '../calendar';
import { zoneLabelOf } from '../offices';
import { messages } from '../texts';
import { isOpen, type Registration } from '../registration';
import { checkRescheduleRequest, rescheduleWindow, sameName, type RescheduleLine } from '../reschedule';
import { findService } from '../services';
import { ownRegistrations, reply, text } from './helpers';
import { type Conversation, type Decision, type DecisionContext } from './types';

export function describe(registration: Registration): string {
  return messages.selfService.registrationLine(
    registration.queueNumber,
    registration.name,
    registration.status,
    registration.appointmentDate ? formatDayDate(registration.appointmentDate) : undefined,
  );
}

export function showStatus(conversation: Conversation, context: DecisionContext): Decision {
  const registrations = [...ownRegistrations(context)].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 10);
  if (registrations.length === 0) return reply(conversation, messages.selfService.noRegistrations);
  const blocks = registrations.map((registration) =>
    messages.selfService.statusBlock({
      queueNumber: registration.queueNumber,
      name: registration.name,
      service: findService(context.office.services, registration.serviceId)?.name ?? '',
      status: registration.status,
      ...(registration.appointmentDate && registration.appointmentTime && isOpen(registration.status)
        ? { appointment: `${formatDayDate(registration.appointmentDate)}, ${formatTime(registration.appointmentTime, zoneLabelOf(context.office))}` }
        : {}),
      ...(registration.requestedDate ? { requestedDate: formatDayDate(registration.requestedDate) } : {}),
      ...(registration.waitlisted ? { waitlisted: true } : {}),
      // The officer's note matters where it asks something of the applicant or explains an end.
      ...(registration.note && (registration.status === 'PERLU_PERBAIKAN' || registration.status === 'DIBATALKAN') ? { note: registration.note } : {}),
    }),
  );
  return reply(conversation, messages.selfService.status(blocks).trimEnd());
}

export function startCancel(context: DecisionContext): Decision {
  const open = ownRegistrations(context).filter((registration) => isOpen(registration.status));
  if (open.length === 0) return reply({ step: { name: 'idle' } }, messages.selfService.noOpenRegistration);
  if (open.length === 1) return askCancel(open[0]!.queueNumber, context);
  return reply(
    { step: { name: 'cancel-choose', candidates: open.map((registration) => registration.queueNumber) } },
    messages.selfService.chooseToCancel(open.map(describe)),
  );
}

export function askCancel(queueNumber: string, context: DecisionContext): Decision {
  const registration = ownRegistrations(context).find((candidate) => candidate.queueNumber === queueNumber);
  if (!registration || !isOpen(registration.status)) return startCancel(context);
  return reply({ step: { name: 'cancel-confirm', queueNumber } }, messages.selfService.confirmCancel(queueNumber, registration.name));
}

/** `6`: the rules with the applicant's own appointments and their windows, or why there is nothing to move. */
export function showRescheduleRules(conversation: Conversation, context: DecisionContext): Decision {
  const own = ownRegistrations(context);
  const movable = own.filter((registration) => registration.status === 'DIKONFIRMASI' && !registration.rescheduled && registration.appointmentDate);
  if (movable.length === 0) {
    const requested = own.find((registration) => registration.status === 'PERUBAHAN_DIMINTA' && registration.requestedDate);
    if (requested?.requestedDate) {
      return reply(conversation, messages.selfService.rescheduleAlreadyRequested(requested.queueNumber, formatDayDate(requested.requestedDate)));
    }
    const used = own.find((registration) => registration.status === 'DIKONFIRMASI' && registration.rescheduled);
    if (used) return reply(conversation, messages.selfService.rescheduleAlreadyUsed(used.queueNumber));
    return reply(conversation, messages.selfService.noConfirmedAppointment);
  }
  const options = movable.map((registration) => {
    const date = registration.appointmentDate ?? '';
    const { earliest, latest } = rescheduleWindow(date, context.now, context.office);
    return {
      queueNumber: registration.queueNumber,
      name: registration.name,
      date,
      time: registration.appointmentTime ?? '',
      zone: zoneLabelOf(context.office),
      earliest,
      latest,
    };
  });
  const first = options[0]!;
  return reply({ step: { name: 'reschedule' } }, messages.rescheduleRules(options, { name: first.name.toUpperCase(), date: firstWeekday(first.earliest) }));
}

/** The first Monday–Friday on or after `date` (holidays are for the request's own check). */
export function firstWeekday(date: IsoDate): IsoDate {
  let day = date;
  while (dayOfWeek(day) === 0 || dayOfWeek(day) === 6) day = addDays(day, 1);
  return day;
}

export function requestReschedule(line: RescheduleLine | 'format', context: DecisionContext): Decision {
  const stay: Conversation = { step: { name: 'reschedule' } };
  if (line === 'format') return reply(stay, messages.selfService.rescheduleFormat);
  const confirmed = ownRegistrations(context).filter((registration) => registration.status === 'DIKONFIRMASI' || registration.status === 'PERUBAHAN_DIMINTA');
  const registration = confirmed.find((candidate) => sameName(candidate.name, line.name));
  if (!registration) return reply(stay, messages.selfService.rescheduleNoMatch(line.name, confirmed.map(describe)));
  const day = context.facts?.requestedDay;
  if (!day || day.date !== line.date) throw new Error('a reschedule request needs the requested day (lookupsFor)');
  const refusal = checkRescheduleRequest(registration, day, context.now, context.office);
  if (!refusal) {
    return {
      conversation: { step: { name: 'idle' } },
      replies: [text(messages.rescheduleRequested(line.date))],
      effects: [{ type: 'applicant-reschedule', queueNumber: registration.queueNumber, date: line.date }],
    };
  }
  const show = formatDayDate;
  switch (refusal.reason) {
    case 'already-used':
      return reply({ step: { name: 'idle' } }, messages.selfService.rescheduleAlreadyUsed(registration.queueNumber));
    case 'already-requested':
      return reply({ step: { name: 'idle' } }, messages.selfService.rescheduleAlreadyRequested(registration.queueNumber, show(refusal.requestedDate)));
    case 'not-after':
    case 'too-late':
      return reply(stay, messages.selfService.rescheduleOutside(show(refusal.confirmed), show(refusal.latest)));
    case 'too-soon':
      return reply(stay, messages.selfService.rescheduleTooSoon(show(refusal.earliest), show(refusal.latest)));
    case 'closed':
      return reply(stay, messages.selfService.rescheduleClosed(show(line.date), refusal.closedReason, show(refusal.earliest), show(refusal.latest)));
  }
}
