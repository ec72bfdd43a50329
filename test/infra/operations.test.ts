/**
 * Operations in the synthesized template: every alarm with its metric and threshold, all of them to the
 * SNS topic whose e-mail subscriber is the deploy configuration's alarmEmail, the dashboard, retention on every log
 * group, least-privilege roles per function, and bad office configuration failing the synth.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { INDEXES } from '../../lambdas/adapters/table-design';
import { ConfigurationError } from '../../lambdas/errors';
import { METRIC_NAMESPACE, METRICS, OFFICE_BREAKDOWN } from '../../lambdas/metric-names';
import { buildApp, type SiBapaoApp } from '../../lib/app';
import { testDeployConfig } from '../support/deploy-config';
import { ALARM_THRESHOLDS } from '../../lib/monitoring';

type Resource = { Type: string; Properties: Record<string, unknown> };
interface AlarmProperties {
  AlarmName: string;
  Namespace: string;
  MetricName: string;
  Dimensions: Array<{ Name: string; Value: unknown }>;
  Statistic?: string;
  ExtendedStatistic?: string;
  Period: number;
  EvaluationPeriods: number;
  DatapointsToAlarm?: number;
  Threshold: number;
  ComparisonOperator: string;
  TreatMissingData: string;
  AlarmActions: unknown[];
  OKActions: unknown[];
}

const cdkJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };

function build(overrides: Record<string, unknown> = {}): SiBapaoApp {
  return buildApp(new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } }), testDeployConfig(overrides));
}

let built: SiBapaoApp;
let stateless: Template;
let stateful: Template;

beforeAll(() => {
  built = build();
  stateless = Template.fromStack(built.stateless);
  stateful = Template.fromStack(built.stateful);
});

function resources(template: Template, type: string): Record<string, Resource> {
  return template.findResources(type) as Record<string, Resource>;
}

function alarms(): AlarmProperties[] {
  return Object.values(resources(stateless, 'AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties as unknown as AlarmProperties);
}

function alarmNamed(name: string): AlarmProperties {
  const alarm = alarms().find((candidate) => candidate.AlarmName === name);
  if (!alarm) throw new Error(`no alarm named ${name}`);
  return alarm;
}

function functionIdStartingWith(prefix: string): string {
  const id = Object.keys(resources(stateless, 'AWS::Lambda::Function')).find((candidate) => candidate.startsWith(prefix));
  if (!id) throw new Error(`no function ${prefix}…`);
  return id;
}

const serviceOnly = [{ Name: 'service', Value: 'si-bapao-test' }];

describe('alarms', () => {
  it.each([
    // name, namespace, metric, statistic, period (s), threshold, comparison
    ['si-bapao-test-failed-sends', METRIC_NAMESPACE, METRICS.failedSends, 'Sum', 3600, ALARM_THRESHOLDS.failedSendsPerHour, 'GreaterThanThreshold'],
    [
      'si-bapao-test-login-guessing',
      METRIC_NAMESPACE,
      METRICS.failedLogins,
      'Sum',
      3600,
      ALARM_THRESHOLDS.failedLoginsPerHour,
      'GreaterThanOrEqualToThreshold',
    ],
    ['si-bapao-test-messaging-limit', METRIC_NAMESPACE, METRICS.messagingLimitReached, 'Sum', 3600, 1, 'GreaterThanOrEqualToThreshold'],
    ['si-bapao-test-pending-overdue', METRIC_NAMESPACE, METRICS.pendingOverdue, 'Maximum', 3600, 1, 'GreaterThanOrEqualToThreshold'],
    ['si-bapao-test-reminder-heartbeat', METRIC_NAMESPACE, METRICS.reminderRunCompleted, 'Sum', 3600, 1, 'LessThanThreshold'],
    ['si-bapao-test-webhook-5xx', 'AWS/ApiGateway', '5xx', 'Sum', 300, 1, 'GreaterThanOrEqualToThreshold'],
    ['si-bapao-test-webhook-latency-p99', 'AWS/ApiGateway', 'Latency', 'p99', 300, 1000, 'GreaterThanThreshold'],
  ])('%s watches %s %s (%s over %i s) against %d', (name, namespace, metric, statistic, period, threshold, comparison) => {
    const alarm = alarmNamed(name);
    expect(alarm).toMatchObject({ Namespace: namespace, MetricName: metric, Period: period, Threshold: threshold, ComparisonOperator: comparison });
    expect(alarm.Statistic ?? alarm.ExtendedStatistic).toBe(statistic);
    if (namespace === METRIC_NAMESPACE) expect(alarm.Dimensions).toEqual(serviceOnly);
    else expect(alarm.Dimensions).toEqual([{ Name: 'ApiId', Value: { Ref: expect.stringMatching(/^Api/) } }]);
  });

  it('fires the reminder heartbeat when no run completed in 24 hourly periods, missing data counting as breaching', () => {
    expect(alarmNamed('si-bapao-test-reminder-heartbeat')).toMatchObject({
      Period: 3600,
      EvaluationPeriods: 24,
      DatapointsToAlarm: 24,
      TreatMissingData: 'breaching',
    });
  });

  it('names the hour the heartbeat is checked by, from the office profile (REMINDER_HOUR=7 → 08:00 WIB)', () => {
    const other = Template.fromStack(build({ office: { reminderHour: 7 } }).stateless);
    const heartbeat = Object.values(other.findResources('AWS::CloudWatch::Alarm')).find(
      (alarm) => (alarm as Resource).Properties.AlarmName === 'si-bapao-test-reminder-heartbeat',
    ) as Resource;
    expect(heartbeat.Properties.AlarmDescription).toMatch(/07:00 WIB.*by 08:00 WIB/);
  });

  it('alarms on p99 webhook latency only when 2 of 3 five-minute periods are slow', () => {
    expect(alarmNamed('si-bapao-test-webhook-latency-p99')).toMatchObject({ EvaluationPeriods: 3, DatapointsToAlarm: 2 });
  });

  it("watches messages in every dead-letter queue (the events DLQ and the reminder schedule's)", () => {
    const queues = resources(stateless, 'AWS::SQS::Queue');
    const deadLetterIds = Object.keys(queues).filter((id) => id.includes('DeadLetter'));
    expect(deadLetterIds).toHaveLength(2);
    for (const queueId of deadLetterIds) {
      const alarm = alarms().find(
        (candidate) => candidate.MetricName === 'ApproximateNumberOfMessagesVisible' && JSON.stringify(candidate.Dimensions).includes(`"${queueId}"`),
      );
      expect(alarm).toMatchObject({ Namespace: 'AWS/SQS', Statistic: 'Maximum', Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    }
  });

  it('watches errors of every function, and throttles of any function (one account-wide alarm)', () => {
    const functionIds = Object.keys(resources(stateless, 'AWS::Lambda::Function'));
    expect(functionIds).toHaveLength(6);
    for (const functionId of functionIds) {
      const alarm = alarms().find(
        (candidate) =>
          candidate.MetricName === 'Errors' && JSON.stringify(candidate.Dimensions) === JSON.stringify([{ Name: 'FunctionName', Value: { Ref: functionId } }]),
      );
      expect(alarm).toMatchObject({ Namespace: 'AWS/Lambda', Statistic: 'Sum', Period: 300, Threshold: 1 });
    }
    const throttles = alarms().filter((candidate) => candidate.MetricName === 'Throttles');
    expect(throttles).toHaveLength(1);
    expect(throttles[0]).toMatchObject({ Namespace: 'AWS/Lambda', Statistic: 'Sum', Period: 300, Threshold: 1 });
    expect(throttles[0]?.Dimensions).toBeUndefined();
  });

  it('watches only metrics the code names in METRICS, on the service-only series', () => {
    const ours = alarms().filter((alarm) => alarm.Namespace === METRIC_NAMESPACE);
    expect(ours.map((alarm) => alarm.MetricName).sort()).toEqual(
      [METRICS.failedSends, METRICS.failedLogins, METRICS.messagingLimitReached, METRICS.pendingOverdue, METRICS.reminderRunCompleted].sort(),
    );
    for (const alarm of ours) expect(alarm.Dimensions).toEqual(serviceOnly);
  });

  it('sends every alarm, and its recovery, to the one SNS topic', () => {
    const [topicId] = Object.keys(resources(stateless, 'AWS::SNS::Topic'));
    expect(alarms()).toHaveLength(21);
    for (const alarm of alarms()) {
      expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.OKActions).toEqual([{ Ref: topicId }]);
    }
  });

  it("subscribes the deploy configuration's alarm e-mail to the topic: no parameter a later deploy could forget", () => {
    expect(Object.keys(stateless.toJSON().Parameters ?? {}).filter((name) => !name.startsWith('BootstrapVersion'))).toEqual([]);
    const [topicId] = Object.keys(resources(stateless, 'AWS::SNS::Topic'));
    stateless.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org', TopicArn: { Ref: topicId } });
  });

  it('keeps the topic TLS-only and lets CloudWatch of this account publish to it', () => {
    const [policy] = Object.values(resources(stateless, 'AWS::SNS::TopicPolicy'));
    const statements = (policy?.Properties.PolicyDocument as { Statement: Array<Record<string, unknown>> }).Statement;
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: 'sns:Publish',
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
        }),
      ]),
    );
  });
});

describe('dashboard', () => {
  type Widget = { type: string; properties: { title?: string; metrics?: unknown[][]; alarms?: string[]; query?: string } };

  /** The dashboard body as JSON, each CloudFormation reference in it replaced by `<ref>`. */
  function widgets(): Widget[] {
    const [dashboard] = Object.values(resources(stateless, 'AWS::CloudWatch::Dashboard'));
    expect(dashboard?.Properties.DashboardName).toBe('SiBapao-test');
    const join = (dashboard?.Properties.DashboardBody as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
    const text = join.map((part) => (typeof part === 'string' ? part : '<ref>')).join('');
    return (JSON.parse(text) as { widgets: Widget[] }).widgets;
  }
  /** `[namespace, metric, ...dimensions]` of every graphed metric, and every SEARCH expression. */
  function graphed(): { metrics: string[][]; expressions: string[] } {
    const lines = widgets().flatMap((widget) => widget.properties.metrics ?? []);
    return {
      metrics: lines.filter((line) => typeof line[0] === 'string').map((line) => line.filter((part): part is string => typeof part === 'string')),
      expressions: lines.flatMap((line) => (typeof line[0] === 'object' ? [(line[0] as { expression: string }).expression] : [])),
    };
  }

  it.each([
    ['inbound messages', METRICS.inboundMessages],
    ['registrations per day', METRICS.registrationsCreated],
    ['reminders queued', METRICS.remindersQueued],
    ['reminders sent', METRICS.remindersSent],
    ['reminder runs', METRICS.reminderRunCompleted],
    ['the messaging limit', METRICS.messagingLimitReached],
    ['the PENDING backlog', METRICS.pendingOverdue],
  ])('graphs %s (%s) on the service series', (_what, metric) => {
    expect(graphed().metrics).toContainEqual([METRIC_NAMESPACE, metric, 'service', 'si-bapao-test']);
  });

  it.each([
    ['confirmations and other decisions, by kind', METRICS.notificationsSent, 'Kind'],
    ['delivered and read, by status', METRICS.messageStatuses, 'Status'],
    ['failures by Meta error code', METRICS.failedSends, 'ErrorCode'],
  ])("breaks down %s (%s by %s) with Logs Insights over the worker's log group, not a metric per value", (_what, metric, property) => {
    const queries = widgets()
      .filter((widget) => widget.type === 'log')
      .map((widget) => widget.properties.query ?? '');
    expect(queries).toContainEqual(expect.stringContaining(`stats sum(${metric}) as count by ${property}`));
    expect(graphed().expressions.filter((expression) => expression.includes(property))).toEqual([]);
  });

  it("tables each office's registrations, decisions, reminders and failed sends by the Office property, over the worker's and the reminder job's logs", () => {
    const perOffice = widgets().find((widget) => widget.type === 'log' && (widget.properties.query ?? '').includes(`by ${OFFICE_BREAKDOWN}`));
    for (const metric of [METRICS.registrationsCreated, METRICS.notificationsSent, METRICS.remindersQueued, METRICS.remindersSent, METRICS.failedSends]) {
      expect(perOffice?.properties.query).toContain(`sum(${metric})`);
    }
    expect(perOffice?.properties.query?.match(/SOURCE '<ref>'/g)).toHaveLength(2);
    expect(graphed().expressions.filter((expression) => expression.includes(OFFICE_BREAKDOWN))).toEqual([]);
  });

  it("counts cold starts by function from Lambda's REPORT lines (Init Duration) of all 6 log groups", () => {
    const coldStarts = widgets().find((widget) => widget.type === 'log' && (widget.properties.query ?? '').includes('@initDuration'));
    expect(coldStarts?.properties.query).toContain('filter @type = "REPORT" and ispresent(@initDuration)');
    expect(coldStarts?.properties.query?.match(/SOURCE '<ref>'/g)).toHaveLength(6);
  });

  it('graphs Lambda durations, errors and throttles of all 6 functions, the DLQs, the webhook, and every alarm', () => {
    const { metrics } = graphed();
    for (const [namespace, metric, count] of [
      ['AWS/Lambda', 'Duration', 6],
      ['AWS/Lambda', 'Errors', 6],
      ['AWS/Lambda', 'Throttles', 6],
      ['AWS/SQS', 'ApproximateNumberOfMessagesVisible', 3],
      ['AWS/ApiGateway', 'Latency', 1],
      ['AWS/ApiGateway', '5xx', 1],
    ] as const) {
      expect(metrics.filter((line) => line[0] === namespace && line[1] === metric)).toHaveLength(count);
    }
    const alarmWidget = widgets().find((widget) => widget.type === 'alarm');
    expect(alarmWidget?.properties.alarms).toHaveLength(alarms().length);
  });

  it('is linked from the stack outputs', () => {
    expect(JSON.stringify(stateless.findOutputs('DashboardUrl').DashboardUrl?.Value)).toContain('dashboards:name=SiBapao-test');
  });
});

describe('logs', () => {
  it('logs at WARN by default in every function of ours (INFO is most of the billed log volume)', () => {
    const ours = Object.values(resources(stateless, 'AWS::Lambda::Function')).filter((fn) => JSON.stringify(fn.Properties).includes('POWERTOOLS_SERVICE_NAME'));
    expect(ours).toHaveLength(6);
    for (const fn of ours) expect((fn.Properties.Environment as { Variables: Record<string, string> }).Variables.POWERTOOLS_LOG_LEVEL).toBe('WARN');
  });

  it('sets a retention on every log group of both stacks, and every function has its own', () => {
    const groups = [stateful, stateless].flatMap((template) => Object.values(resources(template, 'AWS::Logs::LogGroup')));
    // One per function, plus the API's access logs.
    expect(groups).toHaveLength(Object.keys(resources(stateless, 'AWS::Lambda::Function')).length + 1);
    for (const group of groups) expect(group.Properties.RetentionInDays).toBe(30);
  });
});

describe('least privilege', () => {
  function actionsOf(functionId: string): string[] {
    const fn = resources(stateless, 'AWS::Lambda::Function')[functionId];
    const roleId = (fn?.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
    return Object.values(resources(stateless, 'AWS::IAM::Policy'))
      .filter((policy) => (policy.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId))
      .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Array<{ Action: string | string[] }> }).Statement)
      .flatMap((statement) => [statement.Action].flat())
      .sort();
  }
  const logs = ['logs:CreateLogStream', 'logs:PutLogEvents'];
  const table = [
    'dynamodb:BatchGetItem',
    'dynamodb:BatchWriteItem',
    'dynamodb:DeleteItem',
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:Query',
    'dynamodb:UpdateItem',
  ];
  const secret = ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'];
  const send = ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'];

  // Metrics need no right here: EMF lines are log lines, written with logs:PutLogEvents.
  it.each([
    ['Webhook', [...logs, ...secret, ...send]],
    [
      'Conversation',
      [
        ...logs,
        ...table,
        ...secret,
        's3:DeleteObject',
        's3:GetObject',
        's3:ListBucket',
        's3:PutObject',
        'sqs:ChangeMessageVisibility',
        'sqs:DeleteMessage',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
        'sqs:ReceiveMessage',
      ],
    ],
    [
      'Upload',
      [
        ...logs,
        'dynamodb:BatchWriteItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
        ...secret,
        's3:DeleteObject',
        's3:GetObject',
        's3:ListBucket',
        's3:PutObject',
      ],
    ],
    ['Admin', [...logs, ...table, ...secret, 's3:GetObject', ...send]],
    [
      'Reminder',
      [
        ...logs,
        // DeleteItem: the end-of-day job frees each no-show's NIK guard in its transaction.
        ...['BatchGetItem', 'BatchWriteItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'].map((action) => `dynamodb:${action}`),
        ...send,
        's3:DeleteObject',
        's3:ListBucket',
      ],
    ],
    ['PendingCheck', [...logs, 'dynamodb:Query']],
  ])('the %s function may do exactly what it uses', (prefix, expected) => {
    expect(actionsOf(functionIdStartingWith(prefix))).toEqual([...expected].sort());
  });

  it('lets the backlog check query only the by-status index', () => {
    const policy = JSON.stringify(resources(stateless, 'AWS::IAM::Policy'));
    const check = Object.values(resources(stateless, 'AWS::IAM::Policy')).find((candidate) =>
      JSON.stringify(candidate.Properties.Roles).includes('PendingCheck'),
    );
    const statements = (check?.Properties.PolicyDocument as { Statement: Array<{ Action: string; Resource: unknown }> }).Statement;
    const query = statements.find((statement) => statement.Action === 'dynamodb:Query');
    expect(JSON.stringify(query?.Resource)).toMatch(new RegExp(`/index/${INDEXES.byStatus.name}"\\]\\]\\}$`));
    expect(policy).not.toContain('cloudwatch:PutMetricData');
  });
});

describe('office configuration at synth', () => {
  it.each([
    [{ queuePrefix: 'k1' }, /Invalid office profile: queuePrefix: must be 2–6 capital letters/],
    [{ reminderHour: 25 }, /Invalid office profile: reminderHour/],
    [{ dayCapacity: 0 }, /Invalid office profile: dayCapacity/],
    [{ uploadMode: 'form' }, /Invalid office profile: formUrl: FORM_URL is required when UPLOAD_MODE is form/],
    [{ retentionDays: 0 }, /Invalid office profile: retentionDays/],
  ])('refuses the office override %j with a message naming the field', (office, message) => {
    expect(() => build({ office })).toThrow(ConfigurationError);
    expect(() => build({ office })).toThrow(message);
  });

  it('refuses a registration form that is none of the three, and hands a valid one to the functions', () => {
    expect(() => build({ office: { registrationForm: 'formulir' } })).toThrow(/office\.registrationForm: one of line, questions, flow/);
    const flow = Template.fromStack(build({ office: { registrationForm: 'flow' } }).stateless);
    const variables = Object.values(flow.findResources('AWS::Lambda::Function')).map(
      (fn) => ((fn as Resource).Properties.Environment as { Variables: Record<string, unknown> } | undefined)?.Variables.REGISTRATION_FORM,
    );
    expect(variables.filter(Boolean)).toEqual(expect.arrayContaining(['flow']));
    expect(variables.filter(Boolean).every((value) => value === 'flow')).toBe(true);
    const defaults = Object.values(stateless.findResources('AWS::Lambda::Function')).map(
      (fn) => ((fn as Resource).Properties.Environment as { Variables: Record<string, unknown> } | undefined)?.Variables.REGISTRATION_FORM,
    );
    expect(defaults.filter(Boolean)).toEqual(expect.arrayContaining(['line']));
  });

  it("hands the head of office's number to the reminder function alone, and refuses one without the country code", () => {
    expect(() => build({ office: { headOfOfficeWaId: '081200000001' } })).toThrow(/office\.headOfOfficeWaId: must be digits with the country code/);
    const withHead = Template.fromStack(build({ office: { headOfOfficeWaId: '6281200000001' } }).stateless);
    const heads = Object.entries(withHead.findResources('AWS::Lambda::Function')).flatMap(([id, fn]) => {
      const value = ((fn as Resource).Properties.Environment as { Variables: Record<string, unknown> } | undefined)?.Variables.HEAD_OF_OFFICE_WA_ID;
      return value === undefined ? [] : [[id.replace(/[0-9A-F]{8}$/, ''), value]];
    });
    expect(heads).toEqual([['ReminderFunction', '6281200000001']]);
    const none = Object.values(stateless.findResources('AWS::Lambda::Function')).filter(
      (fn) => ((fn as Resource).Properties.Environment as { Variables: Record<string, unknown> } | undefined)?.Variables.HEAD_OF_OFFICE_WA_ID !== undefined,
    );
    expect(none).toEqual([]);
  });
});
