/** The applicant's answer to the day-before reminder: *Datang* is kept on the registration for officers. */
import { formatDayDate } from './calendar';
import type { OfficerOutcome } from './officer-actions';
import type { Registration } from './registration';
import { REAL_DAYS_RECORDS } from './texts/real-days';

/** A registration that still expects the applicant on its date (a requested move keeps the old date valid). */
export function holdsAnAppointment(registration: Registration): boolean {
  return (registration.status === 'DIKONFIRMASI' || registration.status === 'PERUBAHAN_DIMINTA') && registration.appointmentDate !== undefined;
}

/** `undefined` when there is nothing to record: already said, or no appointment to come to. */
export function attendanceDeclared(registration: Registration): OfficerOutcome | undefined {
  if (!holdsAnAppointment(registration) || registration.attendance === 'DATANG') return undefined;
  return {
    registration: { ...registration, attendance: 'DATANG' },
    audit: { action: 'attendance-declared', detail: REAL_DAYS_RECORDS.attendanceDeclared(formatDayDate(registration.appointmentDate ?? '')) },
    releaseNik: false,
  };
}
