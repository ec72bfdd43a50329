/**
 * What tells operators that something broke: CloudWatch alarms to one SNS topic (its e-mail subscriber is
 * the deploy configuration's `alarmEmail`), and one dashboard. Application metrics come from the functions as
 * EMF (`lambdas/adapters/metrics.ts`) under the names of `lambdas/metric-names.ts`, read here from the same
 * constants; the rest are AWS's own (Lambda, SQS, API Gateway).
 */
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  LogQueryVisualizationType,
  LogQueryWidget,
  Metric,
  SingleValueWidget,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRIC_NAMESPACE, METRICS, OFFICE_BREAKDOWN, type MetricName } from '../lambdas/metric-names';
import type { StageNames } from './deploy-config';
import type { SiBapaoFunction } from './si-bapao-function';

/** Every threshold an alarm uses, named, so the README's alarm table and the tests read the same values. */
export const ALARM_THRESHOLDS = {
  /** Sends Meta refused (or reported failed) in one hour before someone should look. */
  failedSendsPerHour: 5,
  /** Webhook answers slower than this at p99 (ms), in 2 of 3 five-minute periods. */
  webhookLatencyP99Ms: 1000,
  /** Any 5xx from the webhook in five minutes: Meta retries it, but it means a secret or SQS problem. */
  webhookServerErrors: 1,
  /** Failed officer logins in one hour (every account and source): someone is guessing passwords. */
  failedLoginsPerHour: 20,
  /** Any message in a dead-letter queue. */
  deadLetterMessages: 1,
  /** Any error or throttle of a function in five minutes. */
  lambdaErrors: 1,
  lambdaThrottles: 1,
  /** Any applicant the reminder run could not message because of Meta's messaging limit. */
  messagingLimitReached: 1,
  /** Any PENDING registration waiting more than 24 hours. */
  pendingOverdue: 1,
  /**
   * The oldest applicant event waiting longer than this (seconds): beyond the longest retry a healthy
   * worker schedules (Meta's pair-limit waits, capped at 15 minutes), so the worker is stuck or starved.
   */
  oldestEventAgeSeconds: 30 * 60,
  /** Refused signatures and other 4xx answers to Meta in five minutes: a wrong app secret, or someone probing. */
  webhookClientErrors: 3,
  /** Any 5xx from the admin or upload Function URL in five minutes: an officer or applicant saw an error page. */
  functionUrlServerErrors: 1,
} as const;

export interface MonitoringProps {
  /** The functions to watch (errors, throttles, durations), by the name operators see in alarm names. */
  readonly functions: Readonly<Record<string, SiBapaoFunction>>;
  /** The dead-letter queues, by name. */
  readonly deadLetterQueues: Readonly<Record<string, IQueue>>;
  readonly api: HttpApi;
  /** The reminder's hour (Asia/Jakarta), for the heartbeat alarm's description. */
  readonly reminderHour: number;
  /** The stage's names: alarm prefix, dashboard, the metrics' service dimension. */
  readonly names: StageNames;
  /** Receives every alarm (the deploy configuration's `alarmEmail`). */
  readonly alarmEmail: string;
  /** The applicant-facing queue: its oldest message's age says whether the worker keeps up. */
  readonly eventsQueue: IQueue;
  /** Functions behind a Function URL, by name: their 5xx answers reach officers or applicants directly. */
  readonly functionUrls: Readonly<Record<string, SiBapaoFunction>>;
}

/** One of our EMF metrics, on the service-only series the alarms watch. */
export function appMetric(service: string, name: MetricName, statistic: string, period: Duration, label?: string): Metric {
  return new Metric({
    namespace: METRIC_NAMESPACE,
    metricName: name,
    dimensionsMap: { service },
    statistic,
    period,
    ...(label ? { label } : {}),
  });
}

/**
 * A count by its breakdown (e.g. FailedSends by ErrorCode) from the EMF lines themselves, with Logs
 * Insights: the breakdown is a property of the line, not a dimension, so that it is not a paid metric
 * per value (README "Cost"); the service-only series beside it is what alarms watch.
 */
function breakdown(title: string, logGroups: readonly SiBapaoFunction[], name: MetricName, by: string, width: number): LogQueryWidget {
  return new LogQueryWidget({
    title,
    logGroupNames: logGroups.map((fn) => fn.logGroup.logGroupName),
    queryLines: [`filter ispresent(${name}) and ispresent(${by})`, `stats sum(${name}) as count by ${by}`, 'sort count desc'],
    view: LogQueryVisualizationType.TABLE,
    width,
  });
}

/**
 * Each office's own figures side by side (dashboard period), from the `Office` property the worker and
 * the reminder job put on every count they make for an office: one table for all offices, whatever their
 * number, at no metric cost per office.
 */
function perOffice(logGroups: readonly SiBapaoFunction[]): LogQueryWidget {
  const columns: [MetricName, string][] = [
    [METRICS.registrationsCreated, 'registrations'],
    [METRICS.notificationsSent, 'decisionsTold'],
    [METRICS.remindersQueued, 'remindersQueued'],
    [METRICS.remindersSent, 'remindersSent'],
    [METRICS.failedSends, 'failedSends'],
    [METRICS.messagingLimitReached, 'limitReached'],
  ];
  return new LogQueryWidget({
    title: 'Each office: registrations, decisions told, reminders, failed sends (dashboard period)',
    logGroupNames: logGroups.map((fn) => fn.logGroup.logGroupName),
    queryLines: [
      `filter ispresent(${OFFICE_BREAKDOWN})`,
      `stats ${columns.map(([name, label]) => `sum(${name}) as ${label}`).join(', ')} by ${OFFICE_BREAKDOWN}`,
      'sort registrations desc',
    ],
    view: LogQueryVisualizationType.TABLE,
    width: 24,
  });
}

export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const stack = Stack.of(this);

    // At stack level, so that the parameter is `AlarmEmail` in `cdk deploy --parameters`.
    this.topic = new Topic(this, 'AlarmTopic', { displayName: 'Si Bapao alarms', enforceSSL: true });
    this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    // The TLS-only policy replaces SNS's default topic policy: allow this account's alarms to publish.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm notifications carry alarm names and metric values only, never personal data. Encrypting with the ' +
        'AWS managed key would stop CloudWatch from publishing (its key policy cannot be changed), and a customer ' +
        'managed key adds cost for no confidentiality gain; the topic is TLS-only.',
    });
    const action = new SnsAction(this.topic);
    // Operators hear both when an alarm fires and when it clears.
    const watch = (created: Alarm): void => {
      created.addAlarmAction(action);
      created.addOkAction(action);
      this.alarms.push(created);
    };

    // Messages in any dead-letter queue: something failed five times (events) or could not be delivered (schedule).
    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      watch(
        new Alarm(this, `${name}DeadLetterAlarm`, {
          alarmName: `${props.names.alarmPrefix}-${name}-dead-letters`,
          alarmDescription: `Messages are waiting in the ${name} dead-letter queue. README → Runbook → "Replaying the dead-letter queue".`,
          metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
          threshold: ALARM_THRESHOLDS.deadLetterMessages,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    // Errors and throttles of each function.
    for (const [name, fn] of Object.entries(props.functions)) {
      watch(
        new Alarm(this, `${name}ErrorsAlarm`, {
          alarmName: `${props.names.alarmPrefix}-${name}-errors`,
          alarmDescription: `The ${name} function failed (unhandled error or timeout). README → Runbook → alarms.`,
          metric: fn.function.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
          threshold: ALARM_THRESHOLDS.lambdaErrors,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    // One alarm for every function: Lambda throttles when the account's (or a reserved) concurrency is used
    // up, which is one cause whichever function shows it; the dashboard breaks throttles down by function.
    // Six alarms would cost $0.50 a month more for the same call to action.
    watch(
      new Alarm(this, 'ThrottlesAlarm', {
        alarmName: `${props.names.alarmPrefix}-throttles`,
        alarmDescription:
          'A Lambda function in this account and region was throttled (concurrency used up). Dashboard → throttles by function; README → Runbook → alarms.',
        metric: new Metric({ namespace: 'AWS/Lambda', metricName: 'Throttles', statistic: 'Sum', period: Duration.minutes(5) }),
        threshold: ALARM_THRESHOLDS.lambdaThrottles,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    watch(
      new Alarm(this, 'FailedSendsAlarm', {
        alarmName: `${props.names.alarmPrefix}-failed-sends`,
        alarmDescription: `More than ${ALARM_THRESHOLDS.failedSendsPerHour} messages to applicants failed at Meta in an hour. Dashboard → "Failed sends by Meta error code".`,
        metric: appMetric(props.names.metricService, METRICS.failedSends, 'Sum', Duration.hours(1)),
        threshold: ALARM_THRESHOLDS.failedSendsPerHour,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    watch(
      new Alarm(this, 'LoginGuessingAlarm', {
        alarmName: `${props.names.alarmPrefix}-login-guessing`,
        alarmDescription: `${ALARM_THRESHOLDS.failedLoginsPerHour} or more failed officer logins in an hour: someone may be guessing passwords. Admin page → Petugas shows which account; README → Runbook → alarms.`,
        metric: appMetric(props.names.metricService, METRICS.failedLogins, 'Sum', Duration.hours(1)),
        threshold: ALARM_THRESHOLDS.failedLoginsPerHour,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    // The reminder heartbeat. An alarm cannot say "by 09:00 WIB"; it can say "no completed run in any of the
    // last 24 hourly periods", with missing data counted as breaching (no run writes no datapoint). The run
    // starts at REMINDER_HOUR:00 and lands in that hour's period, so yesterday's run leaves the 24-period
    // window as today's REMINDER_HOUR period closes: with no run today the alarm fires about an hour after the
    // configured time, and a run that succeeds on a Scheduler retry within that hour keeps it quiet. Hourly
    // periods rather than one daily period: a daily datapoint would be checked once a day at a time CloudWatch
    // chooses, not an hour after the run.
    const dueBy = `${String((props.reminderHour + 1) % 24).padStart(2, '0')}:00 WIB`;
    watch(
      new Alarm(this, 'ReminderHeartbeatAlarm', {
        alarmName: `${props.names.alarmPrefix}-reminder-heartbeat`,
        alarmDescription: `The daily reminder run has not completed in 24 hours (it runs at ${String(props.reminderHour).padStart(2, '0')}:00 WIB; checked by ${dueBy}). README → Runbook → alarms.`,
        metric: appMetric(props.names.metricService, METRICS.reminderRunCompleted, 'Sum', Duration.hours(1)),
        threshold: 1,
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: 24,
        datapointsToAlarm: 24,
        treatMissingData: TreatMissingData.BREACHING,
      }),
    );

    watch(
      new Alarm(this, 'WebhookServerErrorsAlarm', {
        alarmName: `${props.names.alarmPrefix}-webhook-5xx`,
        alarmDescription: 'The webhook answered Meta with 5xx. Meta retries, but look at the webhook logs now.',
        metric: props.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: ALARM_THRESHOLDS.webhookServerErrors,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    watch(
      new Alarm(this, 'WebhookLatencyAlarm', {
        alarmName: `${props.names.alarmPrefix}-webhook-latency-p99`,
        alarmDescription: `The webhook's p99 latency is over ${ALARM_THRESHOLDS.webhookLatencyP99Ms} ms (2 of 3 five-minute periods).`,
        metric: props.api.metricLatency({ period: Duration.minutes(5), statistic: 'p99' }),
        threshold: ALARM_THRESHOLDS.webhookLatencyP99Ms,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    watch(
      new Alarm(this, 'WebhookClientErrorsAlarm', {
        alarmName: `${props.names.alarmPrefix}-webhook-4xx`,
        alarmDescription:
          'The webhook refused requests (a wrong signature answers 401). If Meta is the sender, WHATSAPP_APP_SECRET in the secret ' +
          'is not the app secret of the Meta app: every message is being dropped. README → Runbook → alarms.',
        metric: props.api.metricClientError({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: ALARM_THRESHOLDS.webhookClientErrors,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    watch(
      new Alarm(this, 'OldestEventAlarm', {
        alarmName: `${props.names.alarmPrefix}-events-oldest-age`,
        alarmDescription: `An applicant event has waited more than ${ALARM_THRESHOLDS.oldestEventAgeSeconds / 60} minutes on the events queue: the worker is failing, throttled or stopped. README → Runbook → alarms.`,
        metric: props.eventsQueue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' }),
        threshold: ALARM_THRESHOLDS.oldestEventAgeSeconds,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    for (const [name, fn] of Object.entries(props.functionUrls)) {
      watch(
        new Alarm(this, `${name}UrlServerErrorsAlarm`, {
          alarmName: `${props.names.alarmPrefix}-${name}-url-5xx`,
          alarmDescription: `The ${name} page answered with a server error (5xx). Read the ${name} function's logs. README → Runbook → alarms.`,
          metric: fn.function.metric('Url5xxCount', { period: Duration.minutes(5), statistic: 'Sum' }),
          threshold: ALARM_THRESHOLDS.functionUrlServerErrors,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    watch(
      new Alarm(this, 'MessagingLimitAlarm', {
        alarmName: `${props.names.alarmPrefix}-messaging-limit`,
        alarmDescription: "Meta's messaging limit stopped reminders: some applicants were not reached. README → Runbook → alarms.",
        metric: appMetric(props.names.metricService, METRICS.messagingLimitReached, 'Sum', Duration.hours(1)),
        threshold: ALARM_THRESHOLDS.messagingLimitReached,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    watch(
      new Alarm(this, 'PendingOverdueAlarm', {
        alarmName: `${props.names.alarmPrefix}-pending-overdue`,
        alarmDescription: 'PENDING registrations have waited more than 24 hours for an officer. Admin page → dashboard (red rows).',
        metric: appMetric(props.names.metricService, METRICS.pendingOverdue, 'Maximum', Duration.hours(1)),
        threshold: ALARM_THRESHOLDS.pendingOverdue,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    this.dashboard = this.buildDashboard(props);
  }

  private buildDashboard(props: MonitoringProps): Dashboard {
    const hour = Duration.hours(1);
    const day = Duration.days(1);
    const fns = Object.entries(props.functions);
    // The worker writes the counts with a breakdown (decisions, statuses, failed sends).
    const worker = fns.filter(([name]) => name === 'conversation').map(([, fn]) => fn);
    const perFunction = (metric: (fn: SiBapaoFunction) => IMetric) =>
      fns.map(([name, fn]) => {
        const m = metric(fn);
        return m instanceof Metric ? m.with({ label: name }) : m;
      });
    const dashboard = new Dashboard(this, 'Dashboard', { dashboardName: props.names.dashboard, defaultInterval: Duration.days(7) });
    dashboard.addWidgets(
      new TextWidget({
        markdown:
          '# Si Bapao\nApplicants, registrations and reminders first; then failures and the functions. ' +
          "Counts are sums per period; the README's Runbook explains every graph and alarm.",
        width: 24,
        height: 2,
      }),
    );
    dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 4 }));
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Inbound messages (per hour)',
        left: [appMetric(props.names.metricService, METRICS.inboundMessages, 'Sum', hour, 'inbound messages')],
        width: 8,
      }),
      new GraphWidget({
        title: 'Registrations per day',
        left: [appMetric(props.names.metricService, METRICS.registrationsCreated, 'Sum', day, 'registrations')],
        width: 8,
      }),
      breakdown("Officers' decisions told to applicants, by kind (dashboard period)", worker, METRICS.notificationsSent, 'Kind', 8),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Reminders (per day): queued, accepted by Meta',
        left: [
          appMetric(props.names.metricService, METRICS.remindersQueued, 'Sum', day, 'reminders queued'),
          appMetric(props.names.metricService, METRICS.remindersSent, 'Sum', day, 'reminders sent'),
        ],
        width: 8,
      }),
      breakdown('Message statuses: sent, delivered, read, failed (dashboard period)', worker, METRICS.messageStatuses, 'Status', 8),
      breakdown('Failed sends by Meta error code (dashboard period)', worker, METRICS.failedSends, 'ErrorCode', 8),
    );
    dashboard.addWidgets(perOffice(fns.filter(([name]) => name === 'conversation' || name === 'reminder').map(([, fn]) => fn)));
    dashboard.addWidgets(
      new SingleValueWidget({
        title: 'PENDING over 24 h (latest)',
        metrics: [appMetric(props.names.metricService, METRICS.pendingOverdue, 'Maximum', hour, 'overdue')],
        width: 6,
      }),
      new GraphWidget({
        title: 'Reminder runs and messaging limit (per hour)',
        left: [
          appMetric(props.names.metricService, METRICS.reminderRunCompleted, 'Sum', hour, 'runs completed'),
          appMetric(props.names.metricService, METRICS.messagingLimitReached, 'Sum', hour, 'not reached: messaging limit'),
        ],
        width: 9,
      }),
      new GraphWidget({
        title: 'Dead-letter queues (messages)',
        left: Object.entries(props.deadLetterQueues).map(([name, queue]) =>
          queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum', label: name }),
        ),
        width: 9,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Lambda duration p99 (ms)',
        left: perFunction((fn) => fn.function.metricDuration({ statistic: 'p99', period: Duration.minutes(5) })),
        width: 8,
      }),
      // Lambda's REPORT line has `Init Duration` on a cold start only: no metric of ours needed.
      new LogQueryWidget({
        title: 'Cold starts by function: count, mean and slowest init (ms)',
        logGroupNames: fns.map(([, fn]) => fn.logGroup.logGroupName),
        queryLines: [
          'filter @type = "REPORT" and ispresent(@initDuration)',
          'stats count() as coldStarts, avg(@initDuration) as meanInitMs, max(@initDuration) as maxInitMs by @log',
        ],
        view: LogQueryVisualizationType.TABLE,
        width: 8,
      }),
      new GraphWidget({
        title: 'Lambda errors and throttles',
        left: perFunction((fn) => fn.function.metricErrors({ statistic: 'Sum', period: Duration.minutes(5) })),
        right: perFunction((fn) => fn.function.metricThrottles({ statistic: 'Sum', period: Duration.minutes(5) })),
        width: 8,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Webhook: requests, 5xx, latency p99 (ms)',
        left: [
          props.api.metricCount({ statistic: 'Sum', period: Duration.minutes(5), label: 'requests' }),
          props.api.metricServerError({ statistic: 'Sum', period: Duration.minutes(5), label: '5xx' }),
        ],
        right: [props.api.metricLatency({ statistic: 'p99', period: Duration.minutes(5), label: 'p99 ms' })],
        width: 24,
      }),
    );
    return dashboard;
  }
}
