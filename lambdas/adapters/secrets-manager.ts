import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { cachedSecrets, type SecretSource } from './secrets';

export function secretsManagerSource(secretArn: string, client = new SecretsManagerClient({})): SecretSource {
  return cachedSecrets(async () => {
    const result = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
    return result.SecretString ?? '{}';
  });
}
