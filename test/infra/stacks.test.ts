/**
 * The CDK app as CloudFormation: what Meta reaches, how events flow, what data survives, and that
 * cdk-nag's AWS Solutions checks pass. Bundling is skipped (assets are placeholders); the context of
 * cdk.json is loaded so feature flags match `npm run synth`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { INDEXES } from '../../lambdas/adapters/table-design';
import { loadOfficeProfile } from '../../lambdas/config';
import { ConfigurationError } from '../../lambdas/errors';
import { buildApp, type SiBapaoApp } from '../../lib/app';
import { testDeployConfig } from '../support/deploy-config';
import { tallyFor } from '../support/tally';

const tally = tallyFor(__filename);

type Resource = { Type: string; Properties: Record<string, unknown> };

const cdkJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8')) as {
  context: Record<string, unknown>;
};

function newApp(context: Record<string, unknown> = {}): App {
  return new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [], ...context } });
}

/** The stacks of the test stage, with some of its deploy configuration changed. */
function build(overrides: Record<string, unknown> = {}): { app: App; built: SiBapaoApp } {
  const app = newApp();
  return { app, built: buildApp(app, testDeployConfig(overrides)) };
}

let built: SiBapaoApp;
let stateful: Template;
let stateless: Template;

beforeAll(() => {
  ({ built } = build());
  stateful = Template.fromStack(built.stateful);
  stateless = Template.fromStack(built.stateless);
});

function lambdas(template: Template): Record<string, Resource> {
  return template.findResources('AWS::Lambda::Function') as Record<string, Resource>;
}

function lambdaLogicalId(template: Template, descriptionStart: string): string {
  const [id] = Object.entries(lambdas(template)).find(([, resource]) => String(resource.Properties.Description).startsWith(descriptionStart)) ?? [];
  if (!id) throw new Error(`no Lambda described as "${descriptionStart}…"`);
  return id;
}

function environmentOf(template: Template, logicalId: string): Record<string, unknown> {
  const resource = lambdas(template)[logicalId];
  const environment = resource?.Properties.Environment as { Variables: Record<string, unknown> } | undefined;
  return environment?.Variables ?? {};
}

function policyActionsOfRoleUsedBy(template: Template, functionId: string): string[] {
  const roleId = (lambdas(template)[functionId]?.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as Resource[];
  const mine = policies.filter((policy) => (policy.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId));
  return mine.flatMap((policy) =>
    (policy.Properties.PolicyDocument as { Statement: Array<{ Action: string | string[] }> }).Statement.flatMap((statement) =>
      Array.isArray(statement.Action) ? statement.Action : [statement.Action],
    ),
  );
}

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };

function statementsOfRoleUsedBy(template: Template, functionId: string): Statement[] {
  const roleId = (lambdas(template)[functionId]?.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as Resource[];
  return policies
    .filter((policy) => (policy.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId))
    .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

function s3Statements(template: Template, functionId: string): Statement[] {
  return statementsOfRoleUsedBy(template, functionId).filter((statement) => [statement.Action].flat().some((action) => action.startsWith('s3:')));
}

describe('app', () => {
  it('builds two environment-agnostic stacks named after their stage', () => {
    expect(built.stateful.stackName).toBe('SiBapao-test-Stateful');
    expect(built.stateless.stackName).toBe('SiBapao-test-Stateless');
    expect(built.stateful.environment).toBe('aws://unknown-account/unknown-region');
    expect(built.stateless.environment).toBe('aws://unknown-account/unknown-region');
  });

  it('reports no unacknowledged cdk-nag AWS Solutions errors or warnings', () => {
    const fresh = build();
    expect(() => fresh.app.synth()).not.toThrow();
    const report = fresh.built.nag.validateScope(fresh.app);
    const findings = report.violations.map((v) => `${v.ruleName} (${v.severity}) at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    tally.add('cdk-nag', 'AWS Solutions findings left unacknowledged (none allowed)', 1, findings.length === 0 ? 1 : 0);
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('gives every cdk-nag acknowledgement in both stacks a reason of its own', () => {
    const acknowledged = [built.stateful, built.stateless].flatMap((stack) =>
      stack.node
        .findAll()
        .flatMap((c) => c.node.metadata)
        .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((m) => Object.entries(m.data as Record<string, string>)),
    );
    const withReason = acknowledged.filter(([, reason]) => typeof reason === 'string' && reason.trim().length >= 40);
    tally.add('cdk-nag', 'acknowledgements with a reason (≥ 40 characters)', acknowledged.length, withReason.length);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.filter(([, reason]) => typeof reason !== 'string' || reason.trim().length < 40)).toEqual([]);
  });

  it('cdk-nag is live: an unacknowledged finding fails the synth', () => {
    const { app: other, built: otherBuilt } = build();
    new Bucket(otherBuilt.stateful, 'UnloggedBucket', { encryption: BucketEncryption.S3_MANAGED, enforceSSL: true });
    expect(() => other.synth()).toThrow(/AwsSolutions-S1/);
  });

  it('acknowledges API authorization only on the two webhook routes, with the HMAC reason', () => {
    const acknowledged = built.stateless.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>))
      .filter(([id]) => id.endsWith('AwsSolutions-APIG4'));
    expect(acknowledged).toHaveLength(2);
    for (const [, reason] of acknowledged) expect(reason).toMatch(/X-Hub-Signature-256/);
  });

  it('fails the build with a message naming queuePrefix when the office override is invalid', () => {
    expect(() => build({ office: { queuePrefix: 'k1' } })).toThrow(ConfigurationError);
    expect(() => build({ office: { queuePrefix: 'k1' } })).toThrow(/queuePrefix/);
  });
});

describe('stateful stack', () => {
  it('has one pay-per-request table keyed pk/sk with PITR, TTL on expiresAt, AWS-managed encryption, retained', () => {
    stateful.resourceCountIs('AWS::DynamoDB::Table', 1);
    stateful.resourceCountIs('AWS::DynamoDB::GlobalTable', 0);
    stateful.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        SSESpecification: { SSEEnabled: true },
      }),
    });
  });

  it('has the three GSIs of table-design.ts with string keys and projection ALL', () => {
    const table = Object.values(stateful.findResources('AWS::DynamoDB::Table'))[0] as Resource;
    const gsis = table.Properties.GlobalSecondaryIndexes as Array<{
      IndexName: string;
      KeySchema: Array<{ AttributeName: string; KeyType: string }>;
      Projection: { ProjectionType: string };
    }>;
    const attributes = Object.fromEntries(
      (table.Properties.AttributeDefinitions as Array<{ AttributeName: string; AttributeType: string }>).map((a) => [a.AttributeName, a.AttributeType]),
    );
    expect(gsis.map((g) => g.IndexName).sort()).toEqual(['byDay', 'byOwner', 'byStatus']);
    for (const index of Object.values(INDEXES)) {
      const gsi = gsis.find((g) => g.IndexName === index.name);
      expect(gsi?.KeySchema).toEqual([
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ]);
      expect(gsi?.Projection).toEqual({ ProjectionType: 'ALL' });
      expect(attributes[index.partitionKey]).toBe('S');
      expect(attributes[index.sortKey]).toBe('S');
    }
  });

  it('keeps every bucket private, S3-encrypted and TLS-only', () => {
    const buckets = stateful.findResources('AWS::S3::Bucket');
    expect(Object.keys(buckets)).toHaveLength(2);
    for (const bucket of Object.values(buckets) as Resource[]) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      });
    }
    stateful.resourceCountIs('AWS::S3::BucketPolicy', 2);
    for (const bucketId of Object.keys(buckets)) {
      stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: bucketId },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Principal: { AWS: '*' },
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
  });

  it('logs documents-bucket access to the access-log bucket', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: {
        DestinationBucketName: { Ref: Match.stringLikeRegexp('^AccessLogBucket') },
        LogFilePrefix: 'documents-bucket/',
      },
    });
  });

  it('expires documents/ and proofs/ after retentionDays + 30, uncompleted uploads (pending/) and multipart uploads after a day', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Prefix: 'documents/', ExpirationInDays: 120, Status: 'Enabled' }),
          Match.objectLike({ Prefix: 'proofs/', ExpirationInDays: 120, Status: 'Enabled' }),
          Match.objectLike({ Prefix: 'pending/', ExpirationInDays: 1, Status: 'Enabled' }),
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
        ]),
      },
    });
  });

  it('takes the lifecycle backstop from the office profile (RETENTION_DAYS=10 gives 40 days)', () => {
    const { built: short } = build({ office: { retentionDays: 10 } });
    Template.fromStack(short.stateful).hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ Prefix: 'documents/', ExpirationInDays: 40 })]),
      },
    });
  });

  it('creates the si-bapao/test/app secret with operator placeholders and a generated 48-char LINK_SIGNING_KEY', () => {
    stateful.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        Name: 'si-bapao/test/app',
        GenerateSecretString: {
          SecretStringTemplate: JSON.stringify({
            WHATSAPP_ACCESS_TOKEN: 'REPLACE_ME',
            WHATSAPP_APP_SECRET: 'REPLACE_ME',
            WHATSAPP_VERIFY_TOKEN: 'REPLACE_ME',
          }),
          GenerateStringKey: 'LINK_SIGNING_KEY',
          ExcludePunctuation: true,
          PasswordLength: 48,
        },
      }),
    });
  });

  it('outputs the table name, bucket name and secret ARN', () => {
    expect(Object.keys(stateful.findOutputs('*'))).toEqual(expect.arrayContaining(['TableName', 'BucketName', 'SecretArn']));
  });
});

describe('stateless stack', () => {
  it('routes GET /webhook and POST /webhook to the webhook Lambda', () => {
    const webhookId = lambdaLogicalId(stateless, 'Si Bapao WhatsApp webhook');
    const integrations = stateless.findResources('AWS::ApiGatewayV2::Integration', {
      Properties: { IntegrationType: 'AWS_PROXY', IntegrationUri: { 'Fn::GetAtt': [webhookId, 'Arn'] } },
    });
    const integrationIds = Object.keys(integrations);
    expect(integrationIds.length).toBeGreaterThan(0);
    const routes = Object.values(stateless.findResources('AWS::ApiGatewayV2::Route')) as Resource[];
    const routeKeys = routes.map((r) => r.Properties.RouteKey).sort();
    expect(routeKeys).toEqual(['GET /webhook', 'POST /webhook']);
    for (const route of routes) {
      const target = JSON.stringify(route.Properties.Target);
      expect(integrationIds.some((id) => target.includes(id))).toBe(true);
    }
  });

  it('writes JSON access logs with requestId, status, routeKey and responseLatency, and throttles the stage', () => {
    const stage = Object.values(stateless.findResources('AWS::ApiGatewayV2::Stage'))[0] as Resource;
    const settings = stage.Properties.AccessLogSettings as { DestinationArn: unknown; Format: string };
    expect(settings.DestinationArn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^ApiAccessLogs/), 'Arn'] });
    const format = JSON.parse(settings.Format) as Record<string, string>;
    expect(format).toEqual(
      expect.objectContaining({
        requestId: '$context.requestId',
        status: '$context.status',
        routeKey: '$context.routeKey',
        responseLatency: '$context.responseLatency',
      }),
    );
    expect(stage.Properties.DefaultRouteSettings).toEqual(
      expect.objectContaining({ ThrottlingRateLimit: expect.any(Number), ThrottlingBurstLimit: expect.any(Number) }),
    );
  });

  it('has a FIFO events queue without content-based deduplication, kept 14 days, redriving to a FIFO DLQ after 8 receives', () => {
    stateless.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'si-bapao-test-events.fifo',
      FifoQueue: true,
      ContentBasedDeduplication: false,
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
      VisibilityTimeout: 360,
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EventsDeadLetterQueue'), 'Arn'] },
        maxReceiveCount: 8,
      },
    });
    stateless.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'si-bapao-test-events-dlq.fifo',
      FifoQueue: true,
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
  });

  it("denies non-TLS access to every queue (events, its DLQ, the reminder schedule's DLQ, the reminder's failures)", () => {
    const policies = Object.values(stateless.findResources('AWS::SQS::QueuePolicy')) as Resource[];
    expect(policies).toHaveLength(4);
    for (const policy of policies) {
      expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    }
  });

  it('feeds the conversation Lambda from the queue in batches of 10 with partial batch responses, at most 5 at once', () => {
    const conversationId = lambdaLogicalId(stateless, 'Si Bapao conversation worker');
    stateless.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: conversationId },
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EventsQueue'), 'Arn'] },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 5 },
    });
    expect(lambdas(stateless)[conversationId]?.Properties.Timeout).toBe(60);
  });

  it('runs every Lambda on nodejs24.x, arm64, handler index.handler, without source maps read at every cold start', () => {
    const all = Object.values(lambdas(stateless));
    expect(all).toHaveLength(6);
    for (const fn of all) {
      expect(fn.Properties).toEqual(expect.objectContaining({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Handler: 'index.handler' }));
      expect((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables.NODE_OPTIONS).toBeUndefined();
    }
  });

  it('gives every log group a retention and every Lambda its own log group', () => {
    for (const template of [stateful, stateless]) {
      for (const group of Object.values(template.findResources('AWS::Logs::LogGroup')) as Resource[]) {
        expect(group.Properties.RetentionInDays).toEqual(expect.any(Number));
      }
    }
    for (const fn of Object.values(lambdas(stateless))) {
      expect(fn.Properties.LoggingConfig).toEqual({ LogGroup: { Ref: expect.stringMatching(/Logs/) } });
    }
  });

  it('attaches no AWS managed policies to Lambda roles', () => {
    for (const role of Object.values(stateless.findResources('AWS::IAM::Role')) as Resource[]) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('gives the webhook its secret ARN, queue URL, phone number id and service name, and no table', () => {
    const env = environmentOf(stateless, lambdaLogicalId(stateless, 'Si Bapao WhatsApp webhook'));
    expect(Object.keys(env).sort()).toEqual(['POWERTOOLS_LOG_LEVEL', 'POWERTOOLS_SERVICE_NAME', 'QUEUE_URL', 'SECRET_ARN', 'WHATSAPP_PHONE_NUMBER_ID'].sort());
    expect(env.POWERTOOLS_SERVICE_NAME).toBe('si-bapao-test');
  });

  it('limits the webhook to reading the secret and sending to the queue', () => {
    const actions = policyActionsOfRoleUsedBy(stateless, lambdaLogicalId(stateless, 'Si Bapao WhatsApp webhook'));
    expect(actions.sort()).toEqual(
      [
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'secretsmanager:DescribeSecret',
        'secretsmanager:GetSecretValue',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
        'sqs:SendMessage',
      ].sort(),
    );
  });

  it('gives the conversation worker table, secret, Graph API, upload URL and office settings', () => {
    const env = environmentOf(stateless, lambdaLogicalId(stateless, 'Si Bapao conversation worker'));
    expect(env).toEqual(
      expect.objectContaining({
        TABLE_NAME: expect.anything(),
        SECRET_ARN: expect.anything(),
        WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
        WHATSAPP_API_URL: 'https://graph.facebook.com/v25.0',
        BUCKET_NAME: { 'Fn::ImportValue': expect.stringMatching(/DocumentsBucket/) },
        POWERTOOLS_SERVICE_NAME: 'si-bapao-test',
        QUEUE_PREFIX: 'KRC',
      }),
    );
  });

  it('lets the conversation worker read and write the table and its named indexes, never Scan or index/*', () => {
    const policy = JSON.stringify(stateless.findResources('AWS::IAM::Policy'));
    for (const index of Object.values(INDEXES)) expect(policy).toContain(`/index/${index.name}`);
    expect(policy).not.toContain('/index/*');
    const actions = policyActionsOfRoleUsedBy(stateless, lambdaLogicalId(stateless, 'Si Bapao conversation worker'));
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']));
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions).not.toContain('sqs:SendMessage');
  });

  it('takes phone number id and upload base URL from the deploy configuration', () => {
    const { built: configured } = build({ whatsapp: { phoneNumberId: '123456789', messagingLimit: '1000' }, uploadBaseUrl: 'https://u.example/up' });
    const template = Template.fromStack(configured.stateless);
    for (const description of ['Si Bapao WhatsApp webhook', 'Si Bapao conversation worker']) {
      expect(environmentOf(template, lambdaLogicalId(template, description)).WHATSAPP_PHONE_NUMBER_ID).toBe('123456789');
    }
    expect(environmentOf(template, lambdaLogicalId(template, 'Si Bapao conversation worker')).UPLOAD_BASE_URL).toBe('https://u.example/up');
  });

  it('puts no secret value in any Lambda environment: only the secret ARN, by reference', () => {
    for (const id of Object.keys(lambdas(stateless))) {
      const env = environmentOf(stateless, id);
      // The reminder job and the backlog check need no secret at all.
      if (!('SECRET_ARN' in env)) {
        expect(id).toMatch(/^(Reminder|PendingCheck)/);
        continue;
      }
      for (const name of Object.keys(env)) expect(name).not.toMatch(/TOKEN|APP_SECRET|SIGNING_KEY|PASSWORD/);
      for (const value of Object.values(env)) {
        expect(JSON.stringify(value)).not.toMatch(/WHATSAPP_(ACCESS_TOKEN|APP_SECRET|VERIFY_TOKEN)|LINK_SIGNING_KEY|REPLACE_ME|resolve:secretsmanager/);
      }
      expect(env.SECRET_ARN).toEqual({ 'Fn::ImportValue': expect.stringMatching(/AppSecret/) });
    }
  });

  it('outputs the webhook URL ending in /webhook', () => {
    const outputs = stateless.findOutputs('WebhookUrl');
    const join = JSON.stringify(outputs.WebhookUrl?.Value);
    expect(join).toContain('execute-api');
    expect(join).toMatch(/\/webhook"\]\]\}$/);
  });
});

describe('upload page', () => {
  const uploadId = () => lambdaLogicalId(stateless, 'Si Bapao upload page');

  it('runs the upload Lambda as index.handler on nodejs24.x, arm64', () => {
    expect(lambdas(stateless)[uploadId()]?.Properties).toEqual(
      expect.objectContaining({ Handler: 'index.handler', Runtime: 'nodejs24.x', Architectures: ['arm64'] }),
    );
  });

  it('serves it through a Function URL with AuthType NONE (the signed token in the path is the authorization)', () => {
    stateless.resourceCountIs('AWS::Lambda::Url', 2);
    stateless.hasResourceProperties('AWS::Lambda::Url', {
      AuthType: 'NONE',
      TargetFunctionArn: { 'Fn::GetAtt': [uploadId(), 'Arn'] },
    });
    stateless.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunctionUrl',
      FunctionName: { 'Fn::GetAtt': [uploadId(), 'Arn'] },
      FunctionUrlAuthType: 'NONE',
      Principal: '*',
    });
  });

  it('gives the upload Lambda the table, bucket and secret by reference, and nothing else', () => {
    const env = environmentOf(stateless, uploadId());
    expect(Object.keys(env).sort()).toEqual(['BUCKET_NAME', 'POWERTOOLS_LOG_LEVEL', 'POWERTOOLS_SERVICE_NAME', 'SECRET_ARN', 'TABLE_NAME'].sort());
    expect(env.TABLE_NAME).toEqual({ 'Fn::ImportValue': expect.stringMatching(/Table/) });
    expect(env.BUCKET_NAME).toEqual({ 'Fn::ImportValue': expect.stringMatching(/DocumentsBucket/) });
    expect(env.SECRET_ARN).toEqual({ 'Fn::ImportValue': expect.stringMatching(/AppSecret/) });
  });

  it('lets the upload Lambda read/write the table, read the secret, and touch only documents/ in the bucket', () => {
    const actions = policyActionsOfRoleUsedBy(stateless, uploadId());
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:BatchWriteItem', 'secretsmanager:GetSecretValue']));
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions.filter((action) => action.startsWith('sqs:'))).toEqual([]);
    const s3 = s3Statements(stateless, uploadId());
    expect(s3.flatMap((statement) => [statement.Action].flat()).sort()).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:ListBucket', 's3:PutObject'].sort());
    const objects = s3.find((statement) => [statement.Action].flat().includes('s3:PutObject'));
    expect(JSON.stringify(objects?.Resource)).toContain('"/documents/*"');
    expect(JSON.stringify(objects?.Resource)).toContain('"/pending/*"');
    const listing = s3.find((statement) => statement.Action === 's3:ListBucket');
    expect(listing?.Condition).toEqual({ StringLike: { 's3:prefix': ['documents/*', 'pending/*'] } });
  });

  it('passes the Function URL, without its trailing slash, to the conversation worker as UPLOAD_BASE_URL', () => {
    const env = environmentOf(stateless, lambdaLogicalId(stateless, 'Si Bapao conversation worker'));
    const urlId = Object.keys(stateless.findResources('AWS::Lambda::Url', { Properties: { TargetFunctionArn: { 'Fn::GetAtt': [uploadId(), 'Arn'] } } }))[0];
    expect(env.UPLOAD_BASE_URL).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::Select': [2, { 'Fn::Split': ['/', { 'Fn::GetAtt': [urlId, 'FunctionUrl'] }] }] }]],
    });
    expect(stateless.findOutputs('UploadUrl').UploadUrl?.Value).toEqual(env.UPLOAD_BASE_URL);
  });

  it('gives the conversation worker the bucket name and object rights under documents/, proofs/ and pending/ only', () => {
    const conversationId = lambdaLogicalId(stateless, 'Si Bapao conversation worker');
    const s3 = s3Statements(stateless, conversationId);
    const objects = s3.find((statement) => [statement.Action].flat().includes('s3:GetObject'));
    expect([objects?.Action].flat().sort()).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:PutObject']);
    const resources = JSON.stringify(objects?.Resource);
    expect(resources).toContain('"/documents/*"');
    expect(resources).toContain('"/proofs/*"');
    // pending/: DATA SAYA's PDF copies (forgotten after a day) and the pending uploads HAPUS DATA removes.
    expect(resources).toContain('"/pending/*"');
    expect(s3.find((statement) => statement.Action === 's3:ListBucket')?.Condition).toEqual({
      StringLike: { 's3:prefix': ['documents/*', 'proofs/*', 'pending/*'] },
    });
  });

  it('allows browsers to PUT to the documents bucket (CORS), which stays private', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: Match.anyValue(),
      CorsConfiguration: {
        CorsRules: [
          {
            AllowedMethods: ['PUT', 'GET', 'HEAD'],
            AllowedOrigins: ['*'],
            AllowedHeaders: ['*'],
            MaxAge: 3000,
          },
        ],
      },
    });
  });

  it('acknowledges only the documents/, pending/ and proofs/ object wildcards, each with a reason', () => {
    const acknowledged = built.stateless.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>))
      .filter(([id]) => id.includes('AwsSolutions-IAM5') && id.includes('Bucket'));
    expect(acknowledged.map(([id]) => id.replace(/^.*Bucket[^/]*\//, '')).sort()).toEqual([
      'documents/*]',
      'documents/*]',
      'documents/*]',
      'documents/*]',
      'pending/*]',
      'pending/*]',
      'proofs/*]',
      'proofs/*]',
      'proofs/*]',
    ]);
    for (const [, reason] of acknowledged) expect(reason).toMatch(/prefix/);
  });
});

describe('admin app', () => {
  const adminId = () => lambdaLogicalId(stateless, "Si Bapao officers' admin app");
  const adminUrlId = () =>
    Object.keys(stateless.findResources('AWS::Lambda::Url', { Properties: { TargetFunctionArn: { 'Fn::GetAtt': [adminId(), 'Arn'] } } }))[0];

  it('runs the admin Lambda as index.handler on nodejs24.x, arm64', () => {
    expect(lambdas(stateless)[adminId()]?.Properties).toEqual(
      expect.objectContaining({ Handler: 'index.handler', Runtime: 'nodejs24.x', Architectures: ['arm64'] }),
    );
  });

  it('serves it through its own Function URL with AuthType NONE (the app authenticates officers itself)', () => {
    expect(adminUrlId()).toBeDefined();
    stateless.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE', TargetFunctionArn: { 'Fn::GetAtt': [adminId(), 'Arn'] } });
    stateless.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunctionUrl',
      FunctionName: { 'Fn::GetAtt': [adminId(), 'Arn'] },
      FunctionUrlAuthType: 'NONE',
      Principal: '*',
    });
  });

  it('gives the admin Lambda the table, bucket, secret and queue by reference, and the office settings', () => {
    const env = environmentOf(stateless, adminId());
    expect(env).toEqual(
      expect.objectContaining({
        TABLE_NAME: { 'Fn::ImportValue': expect.stringMatching(/Table/) },
        BUCKET_NAME: { 'Fn::ImportValue': expect.stringMatching(/DocumentsBucket/) },
        SECRET_ARN: { 'Fn::ImportValue': expect.stringMatching(/AppSecret/) },
        QUEUE_URL: { Ref: expect.stringMatching(/^EventsQueue/) },
        POWERTOOLS_SERVICE_NAME: 'si-bapao-test',
        DAY_CAPACITY: '20',
      }),
    );
  });

  it('lets the admin Lambda read/write the table, read the secret, send to the queue, and only read documents/ and proofs/', () => {
    const actions = policyActionsOfRoleUsedBy(stateless, adminId());
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:BatchGetItem', 'secretsmanager:GetSecretValue', 'sqs:SendMessage']),
    );
    expect(actions).not.toContain('dynamodb:Scan');
    const s3 = s3Statements(stateless, adminId());
    expect(s3.flatMap((statement) => [statement.Action].flat())).toEqual(['s3:GetObject']);
    const resources = JSON.stringify(s3[0]?.Resource);
    expect(resources).toContain('"/documents/*"');
    expect(resources).toContain('"/proofs/*"');
  });

  it('outputs the admin Function URL as AdminUrl', () => {
    expect(stateless.findOutputs('AdminUrl').AdminUrl?.Value).toEqual({ 'Fn::GetAtt': [adminUrlId(), 'FunctionUrl'] });
  });
});

describe('reminder schedule', () => {
  it("runs the reminder job every day at the office's hour in Asia/Jakarta", () => {
    // The reminders, the end of the day, the hourly backlog check.
    stateless.resourceCountIs('AWS::Scheduler::Schedule', 4);
    stateless.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 8 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Jakarta',
      State: 'ENABLED',
    });
  });

  it('targets the reminder Lambda, with retries and a dead-letter queue', () => {
    const schedules = stateless.findResources('AWS::Scheduler::Schedule', { Properties: { Description: Match.stringLikeRegexp('H-1 reminders') } });
    const [schedule] = Object.values(schedules) as { Properties: { Target: Record<string, unknown> } }[];
    const target = schedule?.Properties.Target as {
      Arn: { 'Fn::GetAtt': string[] };
      DeadLetterConfig: { Arn: { 'Fn::GetAtt': string[] } };
      RetryPolicy: Record<string, number>;
    };
    const functions = stateless.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('reminder job') } });
    expect(Object.keys(functions)).toHaveLength(1);
    expect(target.Arn['Fn::GetAtt'][0]).toBe(Object.keys(functions)[0]);
    expect(target.RetryPolicy).toMatchObject({ MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 7200 });
    const queues = stateless.findResources('AWS::SQS::Queue');
    expect(Object.keys(queues)).toContain(target.DeadLetterConfig.Arn['Fn::GetAtt'][0]);
  });

  it("runs the end-of-day job on the reminder Lambda an hour after the office's last arrival time, in Asia/Jakarta", () => {
    const schedules = stateless.findResources('AWS::Scheduler::Schedule', { Properties: { Description: Match.stringLikeRegexp('end of day') } });
    const [schedule] = Object.values(schedules) as { Properties: Record<string, unknown> & { Target: { Arn: { 'Fn::GetAtt': string[] }; Input: string } } }[];
    const office = loadOfficeProfile({});
    const [hour = 0, minute = 0] = office.arrivalHours.to.split(':').map(Number);
    expect(schedule?.Properties).toMatchObject({
      ScheduleExpression: `cron(${minute} ${hour + 1} * * ? *)`,
      ScheduleExpressionTimezone: 'Asia/Jakarta',
      State: 'ENABLED',
    });
    const functions = stateless.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('reminder job') } });
    expect(schedule?.Properties.Target.Arn['Fn::GetAtt'][0]).toBe(Object.keys(functions)[0]);
    expect(JSON.parse(schedule?.Properties.Target.Input ?? '{}')).toEqual({ job: 'close-day' });
  });

  it("runs the hourly job on the reminder Lambda every hour (the registry offices' own reminder hours, the waitlist's offers)", () => {
    const schedules = stateless.findResources('AWS::Scheduler::Schedule', { Properties: { Description: Match.stringLikeRegexp('every hour') } });
    const [schedule] = Object.values(schedules) as { Properties: Record<string, unknown> & { Target: { Arn: { 'Fn::GetAtt': string[] }; Input: string } } }[];
    expect(schedule?.Properties).toMatchObject({ ScheduleExpression: 'cron(5 * * * ? *)', ScheduleExpressionTimezone: 'Asia/Jakarta', State: 'ENABLED' });
    const functions = stateless.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('reminder job') } });
    expect(schedule?.Properties.Target.Arn['Fn::GetAtt'][0]).toBe(Object.keys(functions)[0]);
    expect(JSON.parse(schedule?.Properties.Target.Input ?? '{}')).toEqual({ job: 'hourly' });
  });

  it('takes the hour from the office profile (REMINDER_HOUR=7)', () => {
    const { built } = build({ office: { reminderHour: 7 } });
    Template.fromStack(built.stateless).hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'cron(0 7 * * ? *)' });
  });

  it("acknowledges the scheduler roles' invoke-any-version wildcard only on the reminder and backlog check functions", () => {
    const acknowledged = built.stateless.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>))
      .filter(([id]) => id.includes('AwsSolutions-IAM5') && !id.includes('Bucket'));
    expect(acknowledged.map(([id]) => id).sort()).toEqual([
      expect.stringMatching(/<PendingCheckFunction[0-9A-F]+\.Arn>:\*\]$/),
      expect.stringMatching(/<ReminderFunction[0-9A-F]+\.Arn>:\*\]$/),
    ]);
  });

  it('lets the reminder Lambda query the table and send to the events queue', () => {
    const functions = stateless.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('reminder job') } });
    const [reminder] = Object.values(functions) as { Properties: { Environment: { Variables: Record<string, unknown> } } }[];
    expect(Object.keys(reminder?.Properties.Environment.Variables ?? {}).sort()).toEqual(
      ['BUCKET_NAME', 'POWERTOOLS_LOG_LEVEL', 'POWERTOOLS_SERVICE_NAME', 'QUEUE_URL', 'RETENTION_DAYS', 'TABLE_NAME', 'WHATSAPP_MESSAGING_LIMIT'].sort(),
    );
  });
});
