/**
 * At the office's closing time, after the no-shows are marked: the day's report (the same count as
 * `GET api/reports/daily`) queued as one template to the head of office's WhatsApp number, when the office
 * has one. The mark per office and date keeps a rerun from queueing it again; a crash between queueing and
 * marking queues the same event id, which the worker sends once.
 */
import type { IsoDate } from '../domain/calendar';
import type { DailyReport } from '../domain/daily-report';
import { officeApplicantKey, type Office } from '../domain/offices';
import type { DailySummaryMarks, EventQueue } from '../ports';
import type { DailySummaryEvent } from '../queue-events';
import { readDailyReport, type DailyReportSources } from './daily-report-of';

export interface DailySummaryDeps extends DailyReportSources {
  readonly marks: DailySummaryMarks;
  readonly queue: EventQueue;
  readonly clock: { now(): Date };
  readonly log: { info(message: string, fields: Record<string, unknown>): void };
}

/** The office closing its day; `registry`: a registry office (its events and sessions carry its id), not the default. */
export interface SummaryOffice extends Pick<Office, 'id' | 'timezone' | 'headOfOfficeWaId'> {
  readonly registry: boolean;
}

export type DailySummaryOutcome = { readonly sent: 'queued'; readonly report: DailyReport } | { readonly sent: 'no-head' | 'already-queued' };

export async function queueDailySummary(office: SummaryOffice, date: IsoDate, deps: DailySummaryDeps): Promise<DailySummaryOutcome> {
  const head = office.headOfOfficeWaId;
  if (!head) return { sent: 'no-head' };
  if (await deps.marks.wasQueued(office.id, date)) return { sent: 'already-queued' };
  const registryId = office.registry ? office.id : undefined;
  const report = await readDailyReport(date, deps.clock.now(), { ...deps, officeId: registryId });
  const event: DailySummaryEvent = {
    type: 'daily-summary',
    eventId: `daily-summary:${office.id}:${date}`,
    applicant: { key: officeApplicantKey(head, registryId), waId: head },
    ...(registryId ? { office: registryId } : {}),
    report,
  };
  await deps.queue.enqueue([event]);
  await deps.marks.markQueued(office.id, date, deps.clock.now());
  deps.log.info('daily summary queued', { office: office.id, date });
  return { sent: 'queued', report };
}
