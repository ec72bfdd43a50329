/** `GET api/reports/daily?date=`: the day's figures (domain/daily-report.ts) for officers and the head of office. */
import { officeToday } from '../domain/offices';
import { monthlySatisfaction } from '../domain/satisfaction-report';
import { officerInput } from '../domain/officer-input';
import type { RegistrationsApiDeps } from './officer-api';
import { malformed, ok } from './results';
import { readDailyReport } from '../use-cases/daily-report-of';

export function createDailyReportApi(deps: RegistrationsApiDeps) {
  async function dailyReportOf(query: { date?: string }) {
    const now = deps.clock.now();
    const date = query.date ?? officeToday(now, deps.office);
    if (!officerInput.isoDate.safeParse(date).success) return malformed('tanggal harus YYYY-MM-DD');
    return ok(await readDailyReport(date, now, deps));
  }

  /** `GET api/reports/satisfaction?month=YYYY-MM`: the month's satisfaction figure, overall and per service. */
  async function satisfactionOf(query: { month?: string }) {
    const month = query.month ?? officeToday(deps.clock.now(), deps.office).slice(0, 7);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return malformed('bulan harus YYYY-MM');
    return ok(monthlySatisfaction(month, await deps.store.listByStatus('SELESAI'), deps.office.services));
  }

  return { dailyReport: dailyReportOf, monthlySatisfaction: satisfactionOf };
}
