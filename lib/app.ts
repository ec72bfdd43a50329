/** Builds the Si Bapao stacks into an App; shared by `bin/app.ts` and the infra tests. */
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type Env, officeProfileForSynth } from './office-config';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

export const STATEFUL_STACK_NAME = 'SiBapaoStateful';
export const STATELESS_STACK_NAME = 'SiBapaoStateless';

export interface SiBapaoApp {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  readonly nag: AwsSolutionsChecks;
}

/**
 * Validates the office profile (throws ConfigurationError naming the bad field), builds both stacks
 * environment-agnostic, and registers cdk-nag's AWS Solutions checks as a validation plugin.
 */
export function buildApp(app: App, env: Env = process.env): SiBapaoApp {
  const office = officeProfileForSynth(env);
  const description = `Si Bapao: WhatsApp registration for ${office.officeShortName}`;

  const stateful = new StatefulStack(app, STATEFUL_STACK_NAME, {
    office,
    description: `${description} (data: table, documents bucket, secret)`,
  });
  const stateless = new StatelessStack(app, STATELESS_STACK_NAME, {
    office,
    table: stateful.table,
    bucket: stateful.bucket,
    secret: stateful.secret,
    description: `${description} (webhook, queue, workers)`,
  });

  const nag = new AwsSolutionsChecks(app);
  Validations.of(app).addPlugins(nag);
  return { stateful, stateless, nag };
}
