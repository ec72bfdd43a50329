/** The daily report as the parameters of the head of office's template (`ringkasan_harian`). */
import { formatDayDate } from './calendar';
import { decimalComma, type DailyReport } from './daily-report';
import type { TemplateParameters } from './replies';
import { parameter } from './templates';
import { dailySummary, DAILY_SUMMARY_WORDS } from './texts/daily-summary';

export function dailySummaryTemplate(officeName: string, report: DailyReport): TemplateParameters {
  const body = [
    officeName,
    formatDayDate(report.date),
    String(report.booked),
    String(report.checkedIn),
    String(report.served),
    String(report.noShows),
    report.averageWaitMinutes === null ? DAILY_SUMMARY_WORDS.none : DAILY_SUMMARY_WORDS.minutes(decimalComma(report.averageWaitMinutes)),
    report.satisfaction === null ? DAILY_SUMMARY_WORDS.none : decimalComma(report.satisfaction),
    String(report.pendingOver24h),
    String(report.failedSends),
  ].map(parameter);
  return { name: dailySummary.name, language: dailySummary.language, body };
}
