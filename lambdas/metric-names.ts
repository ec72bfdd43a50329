/**
 * The names of every metric the code emits, in the `SiBapao` namespace. The CDK alarms and dashboard
 * read the same constants, so a renamed metric cannot leave an alarm watching nothing.
 */
import type { Metrics } from './ports';

export const METRIC_NAMESPACE = 'SiBapao';

/**
 * The one dimension every metric carries (Powertools' `service`): each name is one series (a paid custom
 * metric beyond CloudWatch's free ten). A breakdown (`Kind`, `Status`, `ErrorCode`) is a property of the
 * EMF line, counted by the dashboard's Logs Insights widgets, never a dimension.
 * In AWS each stage has its own value (`si-bapao-<stage>`, lib/deploy-config.ts); this one is the default.
 */
export const METRIC_SERVICE_DIMENSION = { service: 'si-bapao' } as const;

/**
 * The office a count belongs to (its registry id), on every count the worker and the reminder job make
 * for one office: like the other breakdowns a property of the EMF line, so the dashboard's per-office table
 * costs nothing per office (README "Cost"), while the alarms keep watching the deployment's series.
 */
export const OFFICE_BREAKDOWN = 'Office';

export const METRICS = {
  /** Webhook: applicant messages for our number put on the queue. */
  inboundMessages: 'InboundMessages',
  /** Worker: a DAFTAR line accepted, a queue number given. */
  registrationsCreated: 'RegistrationsCreated',
  /** Worker: an officer's decision told to the applicant; breakdown `Kind` (confirmed, rescheduled, …). */
  notificationsSent: 'NotificationsSent',
  /** Reminder job: reminders put on the queue by one run. */
  remindersQueued: 'RemindersQueued',
  /** Worker: reminders Meta accepted. */
  remindersSent: 'RemindersSent',
  /** Worker: status webhooks; breakdown `Status` (sent, delivered, read, failed). */
  messageStatuses: 'MessageStatuses',
  /** Worker: sends Meta refused for good or that failed after they were accepted; breakdown `ErrorCode`. */
  failedSends: 'FailedSends',
  /** Reminder job: applicants the run could not message because Meta's messaging limit (tier) was reached. */
  messagingLimitReached: 'MessagingLimitReached',
  /** Reminder job: 1 at the end of every run (the heartbeat alarm watches it). */
  reminderRunCompleted: 'ReminderRunCompleted',
  /** Scheduled check: PENDING registrations waiting more than 24 hours for an officer. */
  pendingOverdue: 'PendingOverdue',
  /** Admin app: a login refused (wrong password, unknown username, or throttled); the guessing alarm watches it. */
  failedLogins: 'FailedLogins',
} as const;

export type MetricName = (typeof METRICS)[keyof typeof METRICS];

/** For tests and the local run: a Metrics that keeps nothing. */
export const NO_METRICS = { count: () => undefined };

/** `metrics` for one office: each count also names the office (`OFFICE_BREAKDOWN`); no office: `metrics` as it is. */
export function officeMetrics(metrics: Metrics, officeId: string | undefined): Metrics {
  if (officeId === undefined) return metrics;
  return { count: (name, value, breakdown) => metrics.count(name, value, { ...breakdown, [OFFICE_BREAKDOWN]: officeId }) };
}
