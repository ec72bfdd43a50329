/** The nearest days an appointment can still go to: open, with a free place, from the office's own tomorrow. */
import { addDays, type IsoDate } from '../domain/calendar';
import type { OfficeProfile } from '../domain/office';
import { bookable } from '../domain/rebooking';
import { dayState, earliestBookableDate, type HolidayCalendar } from '../domain/schedule';
import type { OfficeRegistrationStore } from '../ports';

/** Weekends and holidays are skipped by looking this many days ahead at most. */
const DAYS_LOOKED_AT = 31;

export async function nearestOpenDates(
  deps: { readonly registrations: Pick<OfficeRegistrationStore, 'getDays'>; readonly office: OfficeProfile; readonly holidays: HolidayCalendar },
  now: Date,
  count: number,
): Promise<IsoDate[]> {
  const start = earliestBookableDate(now, deps.office);
  const candidates = Array.from({ length: DAYS_LOOKED_AT }, (_, index) => addDays(start, index));
  const stored = await deps.registrations.getDays(candidates);
  return candidates
    .map((date) => {
      const found = stored.get(date) ?? { booked: 0 };
      return dayState(date, found.booked, found.override, deps.office, deps.holidays);
    })
    .filter((day) => bookable(day, now, deps.office))
    .slice(0, count)
    .map((day) => day.date);
}
