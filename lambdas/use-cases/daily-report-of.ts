/**
 * The day's report read from the office's registrations and the failed sends: the one way it is counted,
 * for `GET api/reports/daily` and for the head of office's summary at closing time.
 */
import type { IsoDate } from '../domain/calendar';
import { dailyReport, type DailyReport } from '../domain/daily-report';
import { officeOfApplicantKey, officeToday } from '../domain/offices';
import type { OfficeProfile } from '../domain/office';
import type { DeliveryStore, OfficeRegistrationStore } from '../ports';

/** Failed sends are kept a while; a day's report reads back this many, newest first. */
const FAILED_SENDS_READ = 1000;

export interface DailyReportSources {
  readonly store: Pick<OfficeRegistrationStore, 'listByDay' | 'listByStatus'>;
  readonly deliveries: Pick<DeliveryStore, 'listFailedSends'>;
  readonly office: Pick<OfficeProfile, 'timezone'>;
  /** The registry office whose report it is; undefined: the default office. Only its own failed sends count. */
  readonly officeId?: string | undefined;
}

export async function readDailyReport(date: IsoDate, now: Date, sources: DailyReportSources): Promise<DailyReport> {
  const [day, pending, failures] = await Promise.all([
    sources.store.listByDay(date),
    sources.store.listByStatus('PENDING'),
    sources.deliveries.listFailedSends(FAILED_SENDS_READ),
  ]);
  const own = failures.filter((failure) => officeOfApplicantKey(failure.applicantKey) === sources.officeId);
  return dailyReport({ date, day, pending, failedSendDates: own.map((failure) => officeToday(new Date(failure.at), sources.office)), now });
}
