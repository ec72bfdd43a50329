/**
 * The deployment's secret in AWS, for every function that reads it: one SigV4-signed `GetSecretValue`
 * (aws-json-api.ts) with the execution role's credentials from Lambda's environment. The SDK's Secrets
 * Manager client did the same call for ≈ 6 ms of the conversation function's cold start (README
 * "Performance"); the SDK stays for DynamoDB, S3 and SQS.
 */
import { requireEnv, type Env } from '../config/env';
import { awsJsonClient, environmentCredentials, signedSecretsSource } from './aws-json-api';
import type { SecretSource } from './secrets';

export function secretsManagerSource(env: Env, secretArn: string): SecretSource {
  const call = awsJsonClient({ region: requireEnv(env, 'AWS_REGION'), credentials: environmentCredentials(env) });
  return signedSecretsSource(call, secretArn);
}
