/** Builds the Si Bapao stacks of one stage into an App; shared by `bin/app.ts` and the infra tests. */
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type DeployConfig, officeOverridesAsEnv, stageNames } from './deploy-config';
import { officeProfileForSynth } from './office-config';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

export interface SiBapaoApp {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  readonly nag: AwsSolutionsChecks;
}

/**
 * Validates the office profile with the stage's overrides (throws ConfigurationError naming the bad
 * field), builds both stacks under the stage's names, in the configured account and region when the
 * configuration names them (environment-agnostic otherwise), and registers cdk-nag's AWS Solutions checks.
 */
export function buildApp(app: App, deploy: DeployConfig): SiBapaoApp {
  const office = officeProfileForSynth(officeOverridesAsEnv(deploy));
  const names = stageNames(deploy.stage);
  const description = `Si Bapao (${deploy.stage}): WhatsApp registration for ${office.officeShortName}`;
  const env =
    deploy.account || deploy.region
      ? { env: { ...(deploy.account ? { account: deploy.account } : {}), ...(deploy.region ? { region: deploy.region } : {}) } }
      : {};

  const stateful = new StatefulStack(app, names.statefulStack, {
    ...env,
    office,
    names,
    description: `${description} (data: table, documents bucket, secret)`,
  });
  const stateless = new StatelessStack(app, names.statelessStack, {
    ...env,
    office,
    names,
    deploy,
    table: stateful.table,
    bucket: stateful.bucket,
    secret: stateful.secret,
    description: `${description} (webhook, queue, workers)`,
  });

  const nag = new AwsSolutionsChecks(app);
  Validations.of(app).addPlugins(nag);
  return { stateful, stateless, nag };
}
