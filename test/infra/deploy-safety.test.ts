/**
 * Deploys that cannot fail silently: the settings a deploy needs come from a committed configuration that
 * synth refuses while incomplete, the generated secret can never be generated again, one public surface
 * cannot starve the webhook, what breaks raises an alarm, and two stages share nothing.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ConfigurationError } from '../../lambdas/errors';
import { buildApp } from '../../lib/app';
import { DEPLOY_CONFIG_DIR, loadDeployConfig, parseDeployConfig } from '../../lib/deploy-config';
import { testDeployConfig } from '../support/deploy-config';

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };

const ROOT = path.join(__dirname, '..', '..');
const cdkJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };

function templates(overrides: Record<string, unknown> = {}) {
  const built = buildApp(new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } }), testDeployConfig(overrides));
  return { stateful: Template.fromStack(built.stateful), stateless: Template.fromStack(built.stateless), built };
}
const { stateful, stateless } = templates();

function resourcesOf(template: Template, type: string): Record<string, Resource> {
  return template.findResources(type) as Record<string, Resource>;
}

function alarmNamed(name: string): Record<string, unknown> | undefined {
  return Object.values(resourcesOf(stateless, 'AWS::CloudWatch::Alarm')).find((alarm) => alarm.Properties.AlarmName === name)?.Properties;
}

function functionDescribed(start: string): [string, Resource] {
  const found = Object.entries(resourcesOf(stateless, 'AWS::Lambda::Function')).find(([, fn]) => String(fn.Properties.Description).startsWith(start));
  if (!found) throw new Error(`no function described as ${start}`);
  return found;
}

/** `cdk synth` as the CLI runs the app: `bin/app.ts` with the context in CDK_CONTEXT_JSON. */
function synth(context: Record<string, unknown>): { status: number | null; stderr: string; outdir: string } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'si-bapao-synth-'));
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bin', 'app.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify({ ...cdkJson.context, 'aws:cdk:bundling-stacks': [], ...context }) },
  });
  return { status: result.status, stderr: result.stderr, outdir };
}

describe('1. required settings live in a committed, validated deploy configuration', () => {
  it('stops synth of the committed prod configuration while it holds placeholders, naming each field', () => {
    const { status, stderr } = synth({ stage: 'prod' });
    expect(status).not.toBe(0);
    expect(stderr).toContain('config/deploy/prod.json is not ready to deploy');
    expect(stderr).toMatch(/whatsapp\.phoneNumberId: still the placeholder REPLACE_ME/);
    expect(stderr).toMatch(/alarmEmail: still the placeholder REPLACE_ME/);
  });

  it('stops synth without a stage, saying how to choose one', () => {
    const { status, stderr } = synth({});
    expect(status).not.toBe(0);
    expect(stderr).toContain('-c stage=<name>');
  });

  it('synthesizes both stacks from a complete configuration, with its values in the functions', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'si-bapao-deploy-'));
    const complete = JSON.parse(fs.readFileSync(path.join(DEPLOY_CONFIG_DIR, 'example.json'), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(
      path.join(dir, 'staging.json'),
      JSON.stringify({
        ...complete,
        stage: 'staging',
        whatsapp: { phoneNumberId: '106540352242922', messagingLimit: '1000' },
        alarmEmail: 'ops@kanim.example',
      }),
    );
    const { status, stderr, outdir } = synth({ stage: 'staging', deployConfigDir: dir });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const written = fs
      .readdirSync(outdir)
      .filter((file) => file.endsWith('.template.json'))
      .sort();
    expect(written).toEqual(['SiBapao-staging-Stateful.template.json', 'SiBapao-staging-Stateless.template.json']);
    const template = JSON.parse(fs.readFileSync(path.join(outdir, 'SiBapao-staging-Stateless.template.json'), 'utf8')) as {
      Resources: Record<string, Resource>;
    };
    const variables = Object.values(template.Resources)
      .filter((resource) => resource.Type === 'AWS::Lambda::Function')
      .map((fn) => (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables);
    expect(variables.filter((env) => env.WHATSAPP_PHONE_NUMBER_ID !== undefined).map((env) => env.WHATSAPP_PHONE_NUMBER_ID)).toEqual([
      '106540352242922',
      '106540352242922',
    ]);
    expect(variables.filter((env) => env.WHATSAPP_MESSAGING_LIMIT !== undefined).map((env) => env.WHATSAPP_MESSAGING_LIMIT)).toEqual(['1000']);
  });

  it.each([
    [{ whatsapp: { phoneNumberId: '', messagingLimit: '250' } }, /whatsapp\.phoneNumberId/],
    [{ whatsapp: { phoneNumberId: '1065403522', messagingLimit: '300' } }, /whatsapp\.messagingLimit/],
    [{ uploadBaseUrl: 'http://upload.example' }, /uploadBaseUrl/],
    [{ alarmEmail: undefined }, /alarmEmail/],
    [{ stage: 'Prod' }, /stage/],
    [{ whatsappPhoneNumberId: '1065403522' }, /unknown field whatsappPhoneNumberId/],
  ])('refuses %j with a message naming the field', (overrides, message) => {
    expect(() => testDeployConfig(overrides)).toThrow(ConfigurationError);
    expect(() => testDeployConfig(overrides)).toThrow(message);
  });

  it('refuses a file whose stage differs from its name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'si-bapao-deploy-'));
    fs.writeFileSync(path.join(dir, 'prod.json'), JSON.stringify({ ...testDeployConfig(), stage: 'staging' }));
    expect(() => loadDeployConfig('prod', dir)).toThrow(/says stage "staging"; it must say "prod"/);
  });

  it('keeps the committed example and prod configuration parseable up to their placeholders', () => {
    for (const file of ['example.json', 'prod.json']) {
      const raw = JSON.parse(fs.readFileSync(path.join(DEPLOY_CONFIG_DIR, file), 'utf8')) as Record<string, unknown>;
      expect(() => parseDeployConfig(raw, file)).toThrow(/REPLACE_ME/);
      const filled = { ...raw, whatsapp: { phoneNumberId: '106540352242922', messagingLimit: '250' }, alarmEmail: 'ops@kanim.example' };
      expect(() => parseDeployConfig(filled, file)).not.toThrow();
    }
  });
});

describe('3. secrets survive every later deploy', () => {
  it("generates the secret from exactly this template: a change would make CloudFormation generate it again and wipe the operator's values", () => {
    const secrets = resourcesOf(stateful, 'AWS::SecretsManager::Secret');
    // Pinned on purpose. Do not edit these values to make the test pass: add a key by hand instead (README "Rotating secrets").
    expect(secrets).toEqual({
      AppSecretFAB5164C: {
        Type: 'AWS::SecretsManager::Secret',
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: {
          Name: 'si-bapao/test/app',
          Description: 'Si Bapao: WhatsApp Cloud API credentials (set by the operator) and the upload-link signing key (generated).',
          GenerateSecretString: {
            SecretStringTemplate: '{"WHATSAPP_ACCESS_TOKEN":"REPLACE_ME","WHATSAPP_APP_SECRET":"REPLACE_ME","WHATSAPP_VERIFY_TOKEN":"REPLACE_ME"}',
            GenerateStringKey: 'LINK_SIGNING_KEY',
            ExcludePunctuation: true,
            PasswordLength: 48,
          },
        },
      },
    });
  });
});

describe('4. one surface cannot starve the others', () => {
  it("reserves concurrency for the admin and upload functions, and caps the worker's event source", () => {
    expect(functionDescribed("Si Bapao officers' admin app")[1].Properties.ReservedConcurrentExecutions).toBe(5);
    expect(functionDescribed('Si Bapao upload page')[1].Properties.ReservedConcurrentExecutions).toBe(10);
    expect(functionDescribed('Si Bapao WhatsApp webhook')[1].Properties.ReservedConcurrentExecutions).toBeUndefined();
    const [mapping] = Object.values(resourcesOf(stateless, 'AWS::Lambda::EventSourceMapping'));
    expect(mapping?.Properties.ScalingConfig).toEqual({ MaximumConcurrency: 5 });
  });

  it('takes the limits from the deploy configuration', () => {
    const { stateless: other } = templates({ concurrency: { admin: 2, upload: 3, worker: 4 } });
    const reserved = Object.values(other.findResources('AWS::Lambda::Function') as Record<string, Resource>)
      .map((fn) => fn.Properties.ReservedConcurrentExecutions)
      .filter((value) => value !== undefined)
      .sort();
    expect(reserved).toEqual([2, 3]);
    const [mapping] = Object.values(other.findResources('AWS::Lambda::EventSourceMapping') as Record<string, Resource>);
    expect(mapping?.Properties.ScalingConfig).toEqual({ MaximumConcurrency: 4 });
  });
});

describe('6. alarms for what used to break unseen', () => {
  it('watches the age of the oldest applicant event on the events queue', () => {
    expect(alarmNamed('si-bapao-test-events-oldest-age')).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateAgeOfOldestMessage',
      Statistic: 'Maximum',
      Threshold: 1800,
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [expect.stringMatching(/^EventsQueue/), 'QueueName'] } }],
    });
  });

  it('watches refused signatures and other 4xx answers of the webhook', () => {
    expect(alarmNamed('si-bapao-test-webhook-4xx')).toMatchObject({ Namespace: 'AWS/ApiGateway', MetricName: '4xx', Statistic: 'Sum', Threshold: 3 });
  });

  it.each([
    ['admin', "Si Bapao officers' admin app"],
    ['upload', 'Si Bapao upload page'],
  ])('watches 5xx answers of the %s Function URL', (name, description) => {
    const [logicalId] = functionDescribed(description);
    expect(alarmNamed(`si-bapao-test-${name}-url-5xx`)).toMatchObject({
      Namespace: 'AWS/Lambda',
      MetricName: 'Url5xxCount',
      Threshold: 1,
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId } }],
    });
  });

  it('sends a reminder run that fails inside the function to a queue an alarm watches', () => {
    const [reminderId] = functionDescribed('Si Bapao daily H-1 reminder job');
    const [config] = Object.values(resourcesOf(stateless, 'AWS::Lambda::EventInvokeConfig'));
    expect(config?.Properties).toMatchObject({
      FunctionName: { Ref: reminderId },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [expect.stringMatching(/^ReminderFailureQueue/), 'Arn'] } } },
    });
    expect(alarmNamed('si-bapao-test-reminder-failures-dead-letters')).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [expect.stringMatching(/^ReminderFailureQueue/), 'QueueName'] } }],
    });
  });
});

describe('7. durability and stages', () => {
  it("keeps applicant events 14 days, SQS's longest", () => {
    stateless.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'si-bapao-test-events.fifo', MessageRetentionPeriod: 14 * 24 * 3600 });
  });

  it('gives two stages in one account no physical name in common', () => {
    const namesOf = (overrides: Record<string, unknown>) => {
      const { built, stateful: data, stateless: app } = templates(overrides);
      const explicit = [data, app].flatMap((template) =>
        Object.values(template.toJSON().Resources as Record<string, Resource>).flatMap((resource) =>
          ['QueueName', 'Name', 'AlarmName', 'DashboardName', 'TableName', 'BucketName', 'TopicName'].flatMap((key) => {
            const value = resource.Properties?.[key];
            return typeof value === 'string' ? [`${resource.Type}:${value}`] : [];
          }),
        ),
      );
      return [built.stateful.stackName, built.stateless.stackName, ...explicit];
    };
    const production = namesOf({ stage: 'prod' });
    const staging = namesOf({ stage: 'staging' });
    expect(production.length).toBeGreaterThan(20);
    expect(production.filter((name) => staging.includes(name))).toEqual([]);
  });

  it('retains the data when the stacks are destroyed: table, documents and access-log buckets, secret', () => {
    for (const type of ['AWS::DynamoDB::Table', 'AWS::S3::Bucket', 'AWS::SecretsManager::Secret']) {
      const found = Object.values(resourcesOf(stateful, type));
      expect(found.length).toBeGreaterThan(0);
      for (const resource of found) expect(resource.DeletionPolicy).toBe('Retain');
    }
  });
});
