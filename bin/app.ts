#!/usr/bin/env node
/**
 * CDK entry (cdk.json "app"): one stage per synth, chosen with `-c stage=<name>` and read from the committed
 * `config/deploy/<name>.json`. A missing or unfinished configuration stops here with one message naming
 * every field to fix, before anything reaches CloudFormation.
 */
import { App } from 'aws-cdk-lib';
import { buildApp } from '../lib/app';
import { loadDeployConfig } from '../lib/deploy-config';
import { ConfigurationError } from '../lambdas/errors';

const app = new App();
const stage: unknown = app.node.tryGetContext('stage');
const dir: unknown = app.node.tryGetContext('deployConfigDir');
try {
  buildApp(app, loadDeployConfig(typeof stage === 'string' ? stage : undefined, typeof dir === 'string' ? dir : undefined));
} catch (error) {
  if (!(error instanceof ConfigurationError)) throw error;
  process.stderr.write(`\n${error.message}\n\n`);
  process.exit(1);
}
app.synth();
