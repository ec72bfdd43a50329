/**
 * What can be redeployed freely: the webhook (HTTP API → webhook λ → SQS FIFO), the conversation worker
 * (SQS FIFO → conversation λ) and the upload page (Function URL → upload λ, presigned uploads to the
 * bucket). Data lives in the stateful stack and arrives as props.
 */
import { CfnOutput, Duration, Fn, Stack, TimeZone, type StackProps, Validations } from 'aws-cdk-lib';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { CfnStage, HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { FunctionUrlAuthType, type CfnFunction, type FunctionUrl } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { Construct, IConstruct } from 'constructs';
import { INDEXES } from '../lambdas/adapters/table-design';
import type { EnvName } from '../lambdas/config';
import { closingTime } from '../lambdas/domain/closing-time';
import type { OfficeProfile } from '../lambdas/domain/office';
import { type DeployConfig, FUNCTION_URL, type StageNames } from './deploy-config';
import { Monitoring } from './monitoring';
import { officeEnvironment } from './office-config';
import { FUNCTION_MEMORY_MB } from './function-memory';
import { PendingOverdueCheck } from './pending-overdue-check';
import { ADMIN_PUBLIC_PACKAGE_FILES, SiBapaoFunction } from './si-bapao-function';

/** Attempts before the dead-letter queue: with Meta's 4^X pair-limit waits, about half an hour at worst. */
export const EVENTS_MAX_RECEIVE_COUNT = 8;
/** SQS's longest: a holiday-long outage of the worker or of Meta loses no applicant's message. */
export const EVENTS_RETENTION = Duration.days(14);
/** The worker's time limit: a batch of ten, each with a few Graph API calls, and the reserve it keeps. */
export const WORKER_TIMEOUT = Duration.seconds(60);

/** Item-level read and write: what `grantReadWriteData` grants less Scan, streams, DescribeTable and ConditionCheckItem, which no code calls. */
export const TABLE_READ_WRITE_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

/**
 * Table read/write on the table and on each index by name (from table-design.ts): the same rights as
 * `grantReadWriteData`, without its `index/*` wildcard resource (cdk-nag AwsSolutions-IAM5).
 */
/** Item actions on the table and its indexes: all of `TABLE_READ_WRITE_ACTIONS`, or only those a function uses. */
export function grantTableReadWrite(table: ITable, grantee: IGrantable, actions: readonly string[] = TABLE_READ_WRITE_ACTIONS): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: [...actions],
      resources: [table.tableArn, ...Object.values(INDEXES).map((index) => `${table.tableArn}/index/${index.name}`)],
    }),
  );
}

/** Object reads and writes under some prefixes of the bucket (no `s3:*Object*` wildcards). */
export const BUCKET_OBJECT_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'];

/**
 * Object actions under some prefixes of the bucket (no `s3:*Object*` wildcards), and, when `list`, listing
 * limited to those prefixes. Object keys are made at run time, so the object resource must end in a
 * wildcard: the cdk-nag finding is acknowledged (with `reason`) for exactly these prefixes on the grantee.
 */
function grantUnderPrefixes(
  bucket: IBucket,
  grantee: IGrantable & IConstruct,
  grant: { readonly prefixes: readonly string[]; readonly actions: readonly string[]; readonly list: boolean; readonly reason: string },
): void {
  for (const prefix of grant.prefixes) {
    Validations.of(grantee).acknowledge({ id: `AwsSolutions-IAM5[Resource::${flatBucketArn(bucket)}/${prefix}*]`, reason: grant.reason });
  }
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ actions: [...grant.actions], resources: grant.prefixes.map((prefix) => bucket.arnForObjects(`${prefix}*`)) }),
  );
  if (!grant.list) return;
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': grant.prefixes.map((prefix) => `${prefix}*`) } },
    }),
  );
}

/**
 * Read/write/delete on `<prefix>*` objects, and listing limited to those prefixes: without
 * `s3:ListBucket`, S3 answers a HEAD of a missing object with 403 instead of 404.
 */
export function grantBucketPrefixes(bucket: IBucket, grantee: IGrantable & IConstruct, prefixes: readonly string[], reason: string): void {
  grantUnderPrefixes(bucket, grantee, { prefixes, actions: BUCKET_OBJECT_ACTIONS, list: true, reason });
}

/** Object reads only (`s3:GetObject`) under some prefixes: what presigning a short-lived GET link needs. */
export function grantBucketPrefixReads(bucket: IBucket, grantee: IGrantable & IConstruct, prefixes: readonly string[], reason: string): void {
  grantUnderPrefixes(bucket, grantee, { prefixes, actions: ['s3:GetObject'], list: false, reason });
}

/** List and delete only, under some prefixes: what the retention sweeper needs. */
export function grantBucketPrefixDeletes(bucket: IBucket, grantee: IGrantable & IConstruct, prefixes: readonly string[], reason: string): void {
  grantUnderPrefixes(bucket, grantee, { prefixes, actions: ['s3:DeleteObject'], list: true, reason });
}

/**
 * The bucket ARN as cdk-nag writes it in a finding id: the name of the stateful stack's export (the same
 * export the automatic cross-stack reference uses), so the acknowledgement follows a renamed construct.
 */
function flatBucketArn(bucket: IBucket): string {
  const producer = Stack.of(bucket);
  const imported = producer.resolve(producer.exportValue(bucket.bucketArn)) as { 'Fn::ImportValue'?: string };
  if (!imported['Fn::ImportValue']) throw new Error('the documents bucket is expected in the stateful stack');
  return imported['Fn::ImportValue'];
}

/** `https://<id>.lambda-url.<region>.on.aws/` without its trailing slash. */
function withoutTrailingSlash(url: FunctionUrl): string {
  return Fn.join('', ['https://', Fn.select(2, Fn.split('/', url.url))]);
}

export interface StatelessStackProps extends StackProps {
  readonly table: ITable;
  /** The private documents bucket: applicants' documents (`documents/`) and PDF proofs (`proofs/`). */
  readonly bucket: IBucket;
  readonly secret: ISecret;
  readonly office: OfficeProfile;
  readonly deploy: DeployConfig;
  readonly names: StageNames;
}

export class StatelessStack extends Stack {
  readonly api: HttpApi;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly webhook: SiBapaoFunction;
  readonly conversation: SiBapaoFunction;
  readonly upload: SiBapaoFunction;
  readonly uploadUrl: FunctionUrl;
  readonly admin: SiBapaoFunction;
  readonly adminUrl: FunctionUrl;
  readonly reminder: SiBapaoFunction;
  readonly reminderDeadLetterQueue: Queue;
  /** Reminder runs that failed inside the function (after Lambda's own retries of the asynchronous invoke). */
  readonly reminderFailureQueue: Queue;
  readonly reminderSchedule: Schedule;
  readonly closeDaySchedule: Schedule;
  readonly hourlySchedule: Schedule;
  readonly pendingOverdueCheck: PendingOverdueCheck;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);

    const { names, deploy } = props;
    const serviceName = names.metricService;
    const phoneNumberId = deploy.whatsapp.phoneNumberId;
    const whatsappApiUrl = deploy.whatsapp.apiUrl;
    const messagingTier = deploy.whatsapp.messagingLimit;

    // The upload page: applicant → Function URL → upload λ; files go straight to the bucket (presigned PUTs).
    this.upload = new SiBapaoFunction(this, 'Upload', {
      memorySize: FUNCTION_MEMORY_MB.upload,
      entry: 'upload.ts',
      description: 'Si Bapao upload page: signed links, presigned uploads checked on arrival',
      publicDir: 'upload/public',
      // A flood of page loads on the public URL cannot take the concurrency the webhook needs.
      reservedConcurrency: deploy.concurrency.upload,
      environment: {
        TABLE_NAME: props.table.tableName,
        BUCKET_NAME: props.bucket.bucketName,
        SECRET_ARN: props.secret.secretArn,
        POWERTOOLS_SERVICE_NAME: serviceName,
      },
    });
    // The upload page only records a draft's documents: Put one, Query the list, BatchWrite a redo's removals,
    // Update the draft's upload and page counters (conditional: the caps).
    grantTableReadWrite(props.table, this.upload, ['dynamodb:BatchWriteItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    grantBucketPrefixes(
      props.bucket,
      this.upload,
      ['documents/', 'pending/'],
      'The upload page presigns PUTs under pending/<draft id>/… (expired by a lifecycle rule), checks them and ' +
        'moves good ones to documents/<draft id>/…; keys are made per upload at run time; the grant is limited to those prefixes.',
    );
    props.secret.grantRead(this.upload);
    // The signed, expiring token in every path is the authorization (upload-links.ts): applicants have no
    // account, and a Function URL with AWS_IAM auth would need SigV4-signed requests from their phones.
    this.uploadUrl = this.upload.function.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
    // A custom domain in front of the Function URL, when the deploy configuration names one.
    const uploadBaseUrl = deploy.uploadBaseUrl === FUNCTION_URL ? withoutTrailingSlash(this.uploadUrl) : deploy.uploadBaseUrl;

    // The conversation worker: SQS FIFO → conversation λ, partial batch responses.
    this.conversation = new SiBapaoFunction(this, 'Conversation', {
      memorySize: FUNCTION_MEMORY_MB.conversation,
      entry: 'conversation.ts',
      description: 'Si Bapao conversation worker: one applicant event at a time, in order',
      timeout: WORKER_TIMEOUT,
      environment: {
        TABLE_NAME: props.table.tableName,
        BUCKET_NAME: props.bucket.bucketName,
        SECRET_ARN: props.secret.secretArn,
        WHATSAPP_PHONE_NUMBER_ID: phoneNumberId,
        WHATSAPP_API_URL: whatsappApiUrl,
        UPLOAD_BASE_URL: uploadBaseUrl,
        POWERTOOLS_SERVICE_NAME: serviceName,
        ...officeEnvironment(props.office),
      },
    });

    this.deadLetterQueue = new Queue(this, 'EventsDeadLetterQueue', {
      queueName: names.eventsDeadLetterQueue,
      fifo: true,
      retentionPeriod: EVENTS_RETENTION,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `This queue is the dead-letter queue of ${names.eventsQueue}; a DLQ of a DLQ has no consumer.`,
    });

    this.queue = new Queue(this, 'EventsQueue', {
      queueName: names.eventsQueue,
      fifo: true,
      contentBasedDeduplication: false,
      retentionPeriod: EVENTS_RETENTION,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // AWS guidance for SQS event sources: at least six times the function timeout.
      visibilityTimeout: Duration.seconds(this.conversation.timeout.toSeconds() * 6),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: EVENTS_MAX_RECEIVE_COUNT },
    });
    // The worker sets each failed record's retry delay (ChangeMessageVisibility, in the consume grant).
    this.conversation.function.addEnvironment('QUEUE_URL' satisfies EnvName, this.queue.queueUrl);
    this.conversation.function.addEnvironment('MAX_RECEIVE_COUNT' satisfies EnvName, String(EVENTS_MAX_RECEIVE_COUNT));

    this.conversation.function.addEventSource(
      // At most this many workers at once: the 08:00 reminder burst cannot take the account's concurrency.
      new SqsEventSource(this.queue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: deploy.concurrency.worker }),
    );
    grantTableReadWrite(props.table, this.conversation);
    grantBucketPrefixes(
      props.bucket,
      this.conversation,
      ['documents/', 'proofs/', 'pending/'],
      "The conversation worker reads and writes applicants' documents (documents/<draft id>/…), PDF " +
        'proofs (proofs/<queue number>/…) and DATA SAYA copies (pending/data-copies/…, expired by a lifecycle rule), and removes ' +
        'pending uploads on HAPUS DATA; keys are made at run time; the grant is limited to those prefixes.',
    );
    props.secret.grantRead(this.conversation);

    // The webhook: Meta → HTTP API → webhook λ → SQS FIFO.
    this.webhook = new SiBapaoFunction(this, 'Webhook', {
      memorySize: FUNCTION_MEMORY_MB.webhook,
      entry: 'webhook.ts',
      description: 'Si Bapao WhatsApp webhook: verify the signature, enqueue, answer 200',
      environment: {
        SECRET_ARN: props.secret.secretArn,
        QUEUE_URL: this.queue.queueUrl,
        WHATSAPP_PHONE_NUMBER_ID: phoneNumberId,
        POWERTOOLS_SERVICE_NAME: serviceName,
      },
    });
    props.secret.grantRead(this.webhook);
    this.queue.grantSendMessages(this.webhook);

    this.api = new HttpApi(this, 'Api', {
      apiName: names.api,
      description: 'Si Bapao: WhatsApp Cloud API webhook',
    });
    const integration = new HttpLambdaIntegration('WebhookIntegration', this.webhook.function);
    const routes = this.api.addRoutes({ path: '/webhook', methods: [HttpMethod.GET, HttpMethod.POST], integration });
    for (const route of routes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Meta calls this webhook and cannot send credentials an API Gateway authorizer could check. Every ' +
          'POST is authenticated inside the Lambda by the HMAC-SHA256 X-Hub-Signature-256 over the raw body ' +
          '(app secret); GET is the public verify handshake, answered only when hub.verify_token matches.',
      });
    }

    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_MONTH });
    const stage = this.api.defaultStage?.node.defaultChild as CfnStage;
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        requestTime: '$context.requestTime',
        httpMethod: '$context.httpMethod',
        routeKey: '$context.routeKey',
        status: '$context.status',
        responseLength: '$context.responseLength',
        responseLatency: '$context.responseLatency',
        integrationLatency: '$context.integrationLatency',
        integrationError: '$context.integrationErrorMessage',
        sourceIp: '$context.identity.sourceIp',
      }),
    };
    stage.defaultRouteSettings = { throttlingRateLimit: 50, throttlingBurstLimit: 100 };

    // The officers' admin app: officer → Function URL → admin λ (pages and JSON API; decisions enqueue notify events).
    this.admin = new SiBapaoFunction(this, 'Admin', {
      memorySize: FUNCTION_MEMORY_MB.admin,
      entry: 'admin.ts',
      description: "Si Bapao officers' admin app: login, registrations, decisions, days, officers",
      publicDir: 'admin/public',
      reservedConcurrency: deploy.concurrency.admin,
      // The verify page decodes the camera's QR frames with jsQR in the browser.
      publicPackageFiles: ADMIN_PUBLIC_PACKAGE_FILES,
      environment: {
        TABLE_NAME: props.table.tableName,
        BUCKET_NAME: props.bucket.bucketName,
        SECRET_ARN: props.secret.secretArn,
        QUEUE_URL: this.queue.queueUrl,
        POWERTOOLS_SERVICE_NAME: serviceName,
        ...officeEnvironment(props.office),
      },
    });
    grantTableReadWrite(props.table, this.admin);
    grantBucketPrefixReads(
      props.bucket,
      this.admin,
      ['documents/', 'proofs/'],
      "The admin app presigns short-lived GET links to applicants' documents (documents/<draft id>/…) and PDF " +
        'proofs (proofs/<queue number>/…) whose keys are made at run time; read-only, limited to those prefixes.',
    );
    props.secret.grantRead(this.admin);
    this.queue.grantSendMessages(this.admin);
    // Officers log in with a browser: the app authenticates them itself (scrypt-hashed passwords, signed
    // HttpOnly session cookies checked against DynamoDB, CSRF tokens, lockout), which AWS_IAM auth (SigV4
    // signed requests) cannot replace for a browser.
    this.adminUrl = this.admin.function.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });

    // The daily reminder (stage 8): EventBridge Scheduler at the office's hour in Asia/Jakarta → reminder λ,
    // which finds tomorrow's appointments through the by-day index and queues one event per registration.
    this.reminder = new SiBapaoFunction(this, 'Reminder', {
      memorySize: FUNCTION_MEMORY_MB.reminder,
      entry: 'reminder.ts',
      description: 'Si Bapao daily H-1 reminder job: queue a reminder for every appointment tomorrow (Asia/Jakarta), then sweep data past retention',
      timeout: Duration.minutes(5),
      environment: {
        TABLE_NAME: props.table.tableName,
        QUEUE_URL: this.queue.queueUrl,
        WHATSAPP_MESSAGING_LIMIT: messagingTier,
        BUCKET_NAME: props.bucket.bucketName,
        RETENTION_DAYS: String(props.office.retentionDays),
        POWERTOOLS_SERVICE_NAME: serviceName,
        ...(props.deploy.office.headOfOfficeWaId ? { HEAD_OF_OFFICE_WA_ID: props.deploy.office.headOfOfficeWaId } : {}),
      },
    });
    // A run that fails inside the function (after Lambda's two retries of the asynchronous invoke) lands
    // here, where an alarm sees it: the Scheduler's own dead-letter queue only sees invokes that never started.
    this.reminderFailureQueue = new Queue(this, 'ReminderFailureQueue', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.reminderFailureQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: "This queue is itself an on-failure destination (the reminder function's failed runs); nothing consumes it but the operator.",
    });
    this.reminder.function.configureAsyncInvoke({ onFailure: new SqsDestination(this.reminderFailureQueue), retryAttempts: 2 });
    // Reminders: Query by day, BatchGet sessions and counters, Get/Update the slots, Put the heartbeat and
    // failed sends. The sweep: Query closed registrations and their items, BatchWrite the deletes.
    grantTableReadWrite(props.table, this.reminder, [
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
      // The end of the day: one transaction per no-show (the registration, its history, the NIK guard deleted).
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    grantBucketPrefixDeletes(
      props.bucket,
      this.reminder,
      ['documents/', 'proofs/'],
      'The daily job also sweeps closed registrations past RETENTION_DAYS: it lists and deletes their ' +
        'documents (documents/<draft id>/…) and proofs (proofs/<queue number>/…), keys made at run time; delete only, under those prefixes.',
    );
    this.queue.grantSendMessages(this.reminder);
    this.reminderDeadLetterQueue = new Queue(this, 'ReminderScheduleDeadLetterQueue', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.reminderDeadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the reminder schedule: invocations the Scheduler could not deliver land here.',
    });
    const schedulerRole = new Role(this, 'ReminderSchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
      description: 'Lets the reminder schedule invoke the reminder function, and nothing else',
    });
    Validations.of(schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(this.reminder.function.node.defaultChild as CfnFunction)}.Arn>:*]`,
      reason:
        'The Scheduler target grants lambda:InvokeFunction on the reminder function and its versions (<arn>:*), as ' +
        'aws-scheduler-targets.LambdaInvoke does; the role is assumed only by this schedule and can invoke nothing else.',
    });
    this.reminderSchedule = new Schedule(this, 'ReminderSchedule', {
      description: `Si Bapao: H-1 reminders every day at ${String(props.office.reminderHour).padStart(2, '0')}:00 Asia/Jakarta`,
      schedule: ScheduleExpression.cron({ minute: '0', hour: String(props.office.reminderHour), timeZone: TimeZone.ASIA_JAKARTA }),
      target: new LambdaInvoke(this.reminder.function, {
        role: schedulerRole,
        deadLetterQueue: this.reminderDeadLetterQueue,
        retryAttempts: 3,
        maxEventAge: Duration.hours(2),
      }),
    });

    // The end of the day (the interview day): at closing time the same function marks the day's confirmed
    // registrations that never checked in TIDAK_HADIR and queues their notices (use-cases/close-day.ts).
    const closing = closingTime(props.office);
    const closingLabel = `${String(closing.hour).padStart(2, '0')}:${String(closing.minute).padStart(2, '0')}`;
    this.closeDaySchedule = new Schedule(this, 'CloseDaySchedule', {
      description: `Si Bapao: end of day (no-shows marked) every day at ${closingLabel} Asia/Jakarta`,
      schedule: ScheduleExpression.cron({ minute: String(closing.minute), hour: String(closing.hour), timeZone: TimeZone.ASIA_JAKARTA }),
      target: new LambdaInvoke(this.reminder.function, {
        role: schedulerRole,
        deadLetterQueue: this.reminderDeadLetterQueue,
        retryAttempts: 3,
        maxEventAge: Duration.hours(2),
        input: ScheduleTargetInput.fromObject({ job: 'close-day' }),
      }),
    });

    // Every hour: each registry office's reminders at its own hour (WIB, WITA, WIT), waitlist offers past
    // their two hours passed on, notices still waiting in the table queued (use-cases/hourly-housekeeping.ts).
    this.hourlySchedule = new Schedule(this, 'HourlySchedule', {
      description: "Si Bapao: every hour, the offices' own reminder hours and the waitlist's offers",
      schedule: ScheduleExpression.cron({ minute: '5', hour: '*', timeZone: TimeZone.ASIA_JAKARTA }),
      target: new LambdaInvoke(this.reminder.function, {
        role: schedulerRole,
        deadLetterQueue: this.reminderDeadLetterQueue,
        retryAttempts: 3,
        maxEventAge: Duration.hours(1),
        input: ScheduleTargetInput.fromObject({ job: 'hourly' }),
      }),
    });

    // Operations: the hourly backlog check, then alarms (to the AlarmEmail parameter) and the dashboard.
    this.pendingOverdueCheck = new PendingOverdueCheck(this, 'PendingCheck', { table: props.table, serviceName });
    for (const fn of [this.webhook, this.conversation, this.upload, this.admin, this.reminder, this.pendingOverdueCheck.function]) {
      // Powertools' logger reads it; EMF metric lines are written whatever the level.
      fn.function.addEnvironment('POWERTOOLS_LOG_LEVEL' satisfies EnvName, deploy.logLevel);
    }
    this.monitoring = new Monitoring(this, 'Monitoring', {
      functions: {
        webhook: this.webhook,
        conversation: this.conversation,
        upload: this.upload,
        admin: this.admin,
        reminder: this.reminder,
        'pending-check': this.pendingOverdueCheck.function,
      },
      deadLetterQueues: {
        events: this.deadLetterQueue,
        'reminder-schedule': this.reminderDeadLetterQueue,
        'reminder-failures': this.reminderFailureQueue,
      },
      api: this.api,
      reminderHour: props.office.reminderHour,
      names,
      alarmEmail: deploy.alarmEmail,
      eventsQueue: this.queue,
      functionUrls: { admin: this.admin, upload: this.upload },
    });

    new CfnOutput(this, 'WebhookUrl', {
      value: `${this.api.url}webhook`,
      description: 'Callback URL to register in the Meta app dashboard (WhatsApp → Configuration).',
    });
    new CfnOutput(this, 'UploadUrl', {
      value: uploadBaseUrl,
      description: "Root of applicants' upload links (the upload Function URL unless the uploadBaseUrl context is set).",
    });
    new CfnOutput(this, 'DashboardUrl', {
      value: `https://console.aws.amazon.com/cloudwatch/home?region=${this.region}#dashboards:name=${names.dashboard}`,
      description: 'The Si Bapao CloudWatch dashboard (README → Runbook → "Reading the dashboard").',
    });
    new CfnOutput(this, 'AdminUrl', {
      value: this.adminUrl.url,
      description: "The officers' admin app. First officer: ADMIN_USERNAME/ADMIN_PASSWORD in the secret, or npm run officers -- add.",
    });
  }
}
