/** A complete deploy configuration for synthesizing in tests and the cost estimate: never deployed. */
import { type DeployConfig, parseDeployConfig } from '../../lib/deploy-config';

export function testDeployConfig(overrides: Record<string, unknown> = {}): DeployConfig {
  return parseDeployConfig(
    {
      stage: 'test',
      whatsapp: { phoneNumberId: '106540352242922', messagingLimit: '250' },
      uploadBaseUrl: 'function-url',
      alarmEmail: 'ops@example.org',
      ...overrides,
    },
    'the test deploy configuration',
  );
}
