/** The day of the interview in the officers' API: the day's check-in code and the waiting room's poster. */
import { officeToday } from '../domain/offices';
import { dayCodeFor } from '../domain/day-code';
import { officerInput } from '../domain/officer-input';
import type { RegistrationsApiDeps } from './officer-api';
import { malformed, ok } from './results';

export function createDayOfApi(deps: RegistrationsApiDeps) {
  /** `GET api/day-code?date=YYYY-MM-DD` (today without a date): `{date, code}`; admins only (the router). */
  async function dayCode(query: { date?: string }) {
    const date = query.date ?? officeToday(deps.clock.now(), deps.office);
    if (!officerInput.isoDate.safeParse(date).success) return malformed('tanggal harus YYYY-MM-DD');
    return ok({ date, code: dayCodeFor(await deps.dayCodeKey(), date) });
  }

  /** The A4 poster of the day (today without a date): its QR code opens WhatsApp with `HADIR <code>`. */
  async function posterPdf(query: { date?: string }) {
    const code = await dayCode(query);
    if (!code.ok) return code;
    // pdf-lib loads on first use: the admin function's cold start does not carry it.
    const { renderPosterPdf } = await import('../domain/poster-pdf');
    return ok({ date: code.value.date, pdf: await renderPosterPdf({ office: deps.office, date: code.value.date, code: code.value.code }) });
  }

  return { dayCode, posterPdf };
}
