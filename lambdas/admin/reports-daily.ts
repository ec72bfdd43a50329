/** `GET api/reports/daily?date=`: the day's figures (domain/daily-report.ts) for officers and the head of office. */
import { jakartaDate } from '../domain/calendar';
import { dailyReport } from '../domain/daily-report';
import { officerInput } from '../domain/officer-input';
import type { RegistrationsApiDeps } from './officer-api';
import { malformed, ok } from './results';

/** Failed sends are kept a while; a day's report reads back this many, newest first. */
const FAILED_SENDS_READ = 1000;

export function createDailyReportApi(deps: RegistrationsApiDeps) {
  async function dailyReportOf(query: { date?: string }) {
    const now = deps.clock.now();
    const date = query.date ?? jakartaDate(now);
    if (!officerInput.isoDate.safeParse(date).success) return malformed('tanggal harus YYYY-MM-DD');
    const [day, pending, failures] = await Promise.all([
      deps.store.listByDay(date),
      deps.store.listByStatus('PENDING'),
      deps.deliveries.listFailedSends(FAILED_SENDS_READ),
    ]);
    return ok(dailyReport({ date, day, pending, failedSendDates: failures.map((failure) => jakartaDate(new Date(failure.at))), now }));
  }

  return { dailyReport: dailyReportOf };
}
