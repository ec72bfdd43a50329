#!/usr/bin/env node
/** CDK entry (cdk.json "app"): environment-agnostic stacks, so `cdk synth` needs no AWS credentials. */
import { App } from 'aws-cdk-lib';
import { buildApp } from '../lib/app';

const app = new App();
buildApp(app);
app.synth();
