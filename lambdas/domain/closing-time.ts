/**
 * The office's closing time for the end-of-day job: an hour after the last arrival time (`arrivalHours.to`),
 * so that the applicant due last has the hour their interview takes to check in before being marked absent.
 */
import type { OfficeProfile } from './office';

export const CLOSING_MINUTES_AFTER_LAST_ARRIVAL = 60;

/** `{hour, minute}` in Asia/Jakarta (capped at 23:59). */
export function closingTime(office: Pick<OfficeProfile, 'arrivalHours'>): { readonly hour: number; readonly minute: number } {
  const [hours = 0, minutes = 0] = office.arrivalHours.to.split(':').map(Number);
  const total = Math.min(23 * 60 + 59, hours * 60 + minutes + CLOSING_MINUTES_AFTER_LAST_ARRIVAL);
  return { hour: Math.floor(total / 60), minute: total % 60 };
}
