/**
 * The stack and the code agree on each function's configuration: every function's environment, as the
 * synthesized template sets it (plus what Lambda itself sets), passes that function's own configuration
 * reader in lambdas/config/. A name the stack forgets, misspells or gives the wrong function fails here,
 * not at the first cold start after a deploy.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { adminConfig, pendingCheckConfig, reminderConfig, uploadConfig, webhookConfig, workerConfig } from '../../lambdas/config';
import { buildApp } from '../../lib/app';
import { testDeployConfig } from '../support/deploy-config';

const cdkJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };

/** What Lambda's runtime sets in every function (not in the template). */
const LAMBDA_RUNTIME = { AWS_REGION: 'ap-southeast-3', AWS_ACCESS_KEY_ID: 'ASIA', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' };

/** The function's description (lib/) → its configuration reader (lambdas/config/). */
const READERS: readonly [string, (env: Record<string, string>) => unknown][] = [
  ['Si Bapao WhatsApp webhook', webhookConfig],
  ['Si Bapao conversation worker', workerConfig],
  ['Si Bapao upload page', uploadConfig],
  ["Si Bapao officers' admin app", adminConfig],
  ['Si Bapao daily H-1 reminder job', reminderConfig],
  ['Si Bapao hourly backlog check', pendingCheckConfig],
];

/** A deploy-time value (a Ref, a GetAtt, a Join) stands for a non-empty string; a URL where one is read as a URL. */
function resolved(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  return name.endsWith('_URL') ? 'https://deploy-time.example/value' : `deploy-time-${name.toLowerCase()}`;
}

const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
const built = buildApp(app, testDeployConfig());
const functions = Object.values(Template.fromStack(built.stateless).findResources('AWS::Lambda::Function')) as {
  Properties: { Description?: string; Environment?: { Variables?: Record<string, unknown> } };
}[];

it.each(READERS)('the stack gives "%s…" every setting its configuration reader needs', (description, read) => {
  const matching = functions.filter((resource) => resource.Properties.Description?.startsWith(description));
  expect(matching).toHaveLength(1);
  const variables = matching[0]?.Properties.Environment?.Variables ?? {};
  const environment = { ...LAMBDA_RUNTIME, ...Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, resolved(name, value)])) };
  expect(() => read(environment)).not.toThrow();
});

it('fails a function whose stack forgot a setting (the check can fail)', () => {
  const worker = functions.find((resource) => resource.Properties.Description?.startsWith('Si Bapao conversation worker'));
  const { QUEUE_URL: _forgotten, ...rest } = (worker?.Properties.Environment?.Variables ?? {}) as Record<string, unknown>;
  const environment = { ...LAMBDA_RUNTIME, ...Object.fromEntries(Object.entries(rest).map(([name, value]) => [name, resolved(name, value)])) };
  expect(() => workerConfig(environment)).toThrow('Missing environment variable QUEUE_URL');
});
