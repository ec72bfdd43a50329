/**
 * The closed-day message and the waitlist offer outside the 24-hour window (issue 21): the facts of the
 * free-form messages (rebooking.ts, waitlist.ts) as the parameters of their approved templates, and the
 * quick replies' payloads (*Pilih tanggal* asks for the dates open now; *Ambil* is the free-form button's).
 */
import { formatDayDate, formatTime } from './calendar';
import type { OfficeProfile } from './office';
import { zoneLabelOf } from './offices';
import { rebookingChoicesPayload } from './rebooking';
import type { Registration } from './registration';
import type { TemplateParameters } from './replies';
import { parameter } from './templates';
import { dayClosedTemplateDefinition, earlierPlaceTemplateDefinition } from './texts/real-days-templates';
import { takePayload } from './waitlist';

/** The closed day: queue number, name, the closed date, the time, the reason; *Pilih tanggal*. */
export function dayClosedTemplate(registration: Registration, office: OfficeProfile): TemplateParameters {
  const closed = registration.rebooking?.from ?? registration.appointmentDate ?? '';
  const body = [
    registration.queueNumber,
    registration.name,
    formatDayDate(closed),
    formatTime(registration.appointmentTime ?? '', zoneLabelOf(office)),
    registration.rebooking?.reason ?? '',
  ].map(parameter);
  return {
    name: dayClosedTemplateDefinition.name,
    language: dayClosedTemplateDefinition.language,
    body,
    buttonPayloads: [rebookingChoicesPayload(registration.queueNumber)],
  };
}

/** The earlier place: queue number, name, the offered date, the time, the current date; *Ambil*. */
export function earlierPlaceTemplate(registration: Registration, office: OfficeProfile): TemplateParameters {
  const offered = registration.offer?.date ?? '';
  const body = [
    registration.queueNumber,
    registration.name,
    formatDayDate(offered),
    formatTime(registration.appointmentTime ?? '', zoneLabelOf(office)),
    formatDayDate(registration.appointmentDate ?? ''),
  ].map(parameter);
  return {
    name: earlierPlaceTemplateDefinition.name,
    language: earlierPlaceTemplateDefinition.language,
    body,
    buttonPayloads: [takePayload(registration.queueNumber, offered)],
  };
}
