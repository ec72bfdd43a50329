/** Infra tier: CDK synth with cdk-nag. (A project's `testTimeout` is ignored by Jest 30.) */
jest.setTimeout(60_000);
