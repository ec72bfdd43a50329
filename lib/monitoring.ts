/**
 * What tells operators that something broke: CloudWatch alarms to one SNS topic (its e-mail subscriber is
 * the `AlarmEmail` deploy parameter), and one dashboard. Application metrics come from the functions as
 * EMF (`lambdas/adapters/metrics.ts`) under the names of `lambdas/metric-names.ts`, read here from the same
 * constants; the rest are AWS's own (Lambda, SQS, API Gateway).
 */
import { CfnParameter, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
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
import { METRIC_NAMESPACE, METRIC_SERVICE_DIMENSION, METRICS, type MetricName } from '../lambdas/metric-names';
import type { SiBapaoFunction } from './si-bapao-function';

export const ALARM_EMAIL_PARAMETER = 'AlarmEmail';
export const DASHBOARD_NAME = 'SiBapao';

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
} as const;

export interface MonitoringProps {
  /** The functions to watch (errors, throttles, durations), by the name operators see in alarm names. */
  readonly functions: Readonly<Record<string, SiBapaoFunction>>;
  /** The dead-letter queues, by name. */
  readonly deadLetterQueues: Readonly<Record<string, IQueue>>;
  readonly api: HttpApi;
  /** The reminder's hour (Asia/Jakarta), for the heartbeat alarm's description. */
  readonly reminderHour: number;
}

/** One of our EMF metrics, on the service-only series the alarms watch. */
export function appMetric(name: MetricName, statistic: string, period: Duration, label?: string): Metric {
  return new Metric({
    namespace: METRIC_NAMESPACE,
    metricName: name,
    dimensionsMap: { ...METRIC_SERVICE_DIMENSION },
    statistic,
    period,
    ...(label ? { label } : {}),
  });
}

/** One series per value of `dimension` (e.g. FailedSends by ErrorCode): a dashboard SEARCH, never an alarm. */
function breakdown(name: MetricName, dimension: string, statistic: string, period: Duration): MathExpression {
  const search = `{${METRIC_NAMESPACE},${dimension},service} MetricName="${name}" service="${METRIC_SERVICE_DIMENSION.service}"`;
  return new MathExpression({ expression: `SEARCH('${search}', '${statistic}', ${period.toSeconds()})`, usingMetrics: {}, period, label: '' });
}

export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarmEmail: CfnParameter;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const stack = Stack.of(this);

    // At stack level, so that the parameter is `AlarmEmail` in `cdk deploy --parameters`.
    this.alarmEmail = new CfnParameter(stack, ALARM_EMAIL_PARAMETER, {
      type: 'String',
      description: 'E-mail address that receives Si Bapao alarms (confirm the subscription e-mail SNS sends).',
      allowedPattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
      constraintDescription: 'must be an e-mail address',
    });
    this.topic = new Topic(this, 'AlarmTopic', { displayName: 'Si Bapao alarms', enforceSSL: true });
    this.topic.addSubscription(new EmailSubscription(this.alarmEmail.valueAsString));
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
        "AWS managed key would stop CloudWatch from publishing (its key policy cannot be changed), and a customer " +
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
          alarmName: `si-bapao-${name}-dead-letters`,
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
          alarmName: `si-bapao-${name}-errors`,
          alarmDescription: `The ${name} function failed (unhandled error or timeout). README → Runbook → alarms.`,
          metric: fn.function.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
          threshold: ALARM_THRESHOLDS.lambdaErrors,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
      watch(
        new Alarm(this, `${name}ThrottlesAlarm`, {
          alarmName: `si-bapao-${name}-throttles`,
          alarmDescription: `The ${name} function was throttled (account concurrency exhausted). README → Runbook → alarms.`,
          metric: fn.function.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
          threshold: ALARM_THRESHOLDS.lambdaThrottles,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    watch(
      new Alarm(this, 'FailedSendsAlarm', {
        alarmName: 'si-bapao-failed-sends',
        alarmDescription: `More than ${ALARM_THRESHOLDS.failedSendsPerHour} messages to applicants failed at Meta in an hour. Dashboard → "Failed sends by Meta error code".`,
        metric: appMetric(METRICS.failedSends, 'Sum', Duration.hours(1)),
        threshold: ALARM_THRESHOLDS.failedSendsPerHour,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    watch(
      new Alarm(this, 'LoginGuessingAlarm', {
        alarmName: 'si-bapao-login-guessing',
        alarmDescription: `${ALARM_THRESHOLDS.failedLoginsPerHour} or more failed officer logins in an hour: someone may be guessing passwords. Admin page → Petugas shows which account; README → Runbook → alarms.`,
        metric: appMetric(METRICS.failedLogins, 'Sum', Duration.hours(1)),
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
        alarmName: 'si-bapao-reminder-heartbeat',
        alarmDescription: `The daily reminder run has not completed in 24 hours (it runs at ${String(props.reminderHour).padStart(2, '0')}:00 WIB; checked by ${dueBy}). README → Runbook → alarms.`,
        metric: appMetric(METRICS.reminderRunCompleted, 'Sum', Duration.hours(1)),
        threshold: 1,
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: 24,
        datapointsToAlarm: 24,
        treatMissingData: TreatMissingData.BREACHING,
      }),
    );

    watch(
      new Alarm(this, 'WebhookServerErrorsAlarm', {
        alarmName: 'si-bapao-webhook-5xx',
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
        alarmName: 'si-bapao-webhook-latency-p99',
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
      new Alarm(this, 'MessagingLimitAlarm', {
        alarmName: 'si-bapao-messaging-limit',
        alarmDescription: "Meta's messaging limit stopped reminders: some applicants were not reached. README → Runbook → alarms.",
        metric: appMetric(METRICS.messagingLimitReached, 'Sum', Duration.hours(1)),
        threshold: ALARM_THRESHOLDS.messagingLimitReached,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    watch(
      new Alarm(this, 'PendingOverdueAlarm', {
        alarmName: 'si-bapao-pending-overdue',
        alarmDescription: 'PENDING registrations have waited more than 24 hours for an officer. Admin page → dashboard (red rows).',
        metric: appMetric(METRICS.pendingOverdue, 'Maximum', Duration.hours(1)),
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
    const perFunction = (metric: (fn: SiBapaoFunction) => IMetric) =>
      fns.map(([name, fn]) => {
        const m = metric(fn);
        return m instanceof Metric ? m.with({ label: name }) : m;
      });
    const dashboard = new Dashboard(this, 'Dashboard', { dashboardName: DASHBOARD_NAME, defaultInterval: Duration.days(7) });
    dashboard.addWidgets(
      new TextWidget({
        markdown:
          '# Si Bapao\nApplicants, registrations and reminders first; then failures and the functions. ' +
          'Counts are sums per period; the README\'s Runbook explains every graph and alarm.',
        width: 24,
        height: 2,
      }),
    );
    dashboard.addWidgets(
      new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 4 }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Inbound messages (per hour)',
        left: [appMetric(METRICS.inboundMessages, 'Sum', hour, 'inbound messages')],
        width: 8,
      }),
      new GraphWidget({
        title: 'Registrations per day',
        left: [appMetric(METRICS.registrationsCreated, 'Sum', day, 'registrations')],
        width: 8,
      }),
      new GraphWidget({
        title: "Officers' decisions told to applicants (per day, by kind)",
        left: [breakdown(METRICS.notificationsSent, 'Kind', 'Sum', day)],
        width: 8,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Reminders (per day): queued, accepted by Meta; delivered and read (all messages)',
        left: [
          appMetric(METRICS.remindersQueued, 'Sum', day, 'reminders queued'),
          appMetric(METRICS.remindersSent, 'Sum', day, 'reminders sent'),
        ],
        right: [breakdown(METRICS.messageStatuses, 'Status', 'Sum', day)],
        width: 12,
      }),
      new GraphWidget({
        title: 'Failed sends by Meta error code (per hour)',
        left: [breakdown(METRICS.failedSends, 'ErrorCode', 'Sum', hour)],
        width: 12,
      }),
    );
    dashboard.addWidgets(
      new SingleValueWidget({
        title: 'PENDING over 24 h (latest)',
        metrics: [appMetric(METRICS.pendingOverdue, 'Maximum', hour, 'overdue')],
        width: 6,
      }),
      new GraphWidget({
        title: 'Reminder runs and messaging limit (per hour)',
        left: [
          appMetric(METRICS.reminderRunCompleted, 'Sum', hour, 'runs completed'),
          appMetric(METRICS.messagingLimitReached, 'Sum', hour, 'not reached: messaging limit'),
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
      new GraphWidget({
        title: 'Cold starts (per hour, by function)',
        left: [breakdown(METRICS.coldStart, 'function_name', 'Sum', hour)],
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
