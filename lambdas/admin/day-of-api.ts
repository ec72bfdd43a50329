/** The day of the interview in the officers' API: the day's check-in code for the waiting room's poster. */
import { jakartaDate } from '../domain/calendar';
import { dayCodeFor } from '../domain/day-code';
import { officerInput } from '../domain/officer-input';
import type { RegistrationsApiDeps } from './officer-api';
import { malformed, ok } from './results';

export function createDayOfApi(deps: RegistrationsApiDeps) {
  /** `GET api/day-code?date=YYYY-MM-DD` (today without a date): `{date, code}`; admins only (the router). */
  async function dayCode(query: { date?: string }) {
    const date = query.date ?? jakartaDate(deps.clock.now());
    if (!officerInput.isoDate.safeParse(date).success) return malformed('tanggal harus YYYY-MM-DD');
    return ok({ date, code: dayCodeFor(await deps.dayCodeKey(), date) });
  }

  return { dayCode };
}
