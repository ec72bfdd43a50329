/** The local run's settings (docs/contract.md names and defaults), parsed once with zod. */
import { z } from 'zod';

export const SIMULATOR_DEFAULTS = {
  phoneNumberId: '1122334455667',
  accessToken: 'sim-access-token',
  appSecret: 'sim-app-secret',
  verifyToken: 'sim-verify-token',
  graphVersion: 'v25.0',
} as const;

const localSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('.local-data'),
  PUBLIC_URL: z.string().url().optional(),
  WHATSAPP_API_URL: z.string().url().optional(),
  WHATSAPP_PHONE_NUMBER_ID: z.string().min(1).default(SIMULATOR_DEFAULTS.phoneNumberId),
  WHATSAPP_ACCESS_TOKEN: z.string().min(1).default(SIMULATOR_DEFAULTS.accessToken),
  WHATSAPP_APP_SECRET: z.string().min(1).default(SIMULATOR_DEFAULTS.appSecret),
  WHATSAPP_VERIFY_TOKEN: z.string().min(1).default(SIMULATOR_DEFAULTS.verifyToken),
  LINK_SIGNING_KEY: z.string().min(16).optional(),
  /** Use a DynamoDB that is already running instead of spawning DynamoDB Local (tests share one). */
  DYNAMODB_ENDPOINT: z.string().url().optional(),
  TABLE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{3,255}$/)
    .default('si-bapao'),
  /** Local retries wait the worker's chosen delay times this (tests shrink Meta's 4^X seconds). */
  QUEUE_RETRY_SCALE: z.coerce.number().gt(0).max(1).default(1),
  /** The longest a local retry waits, whatever the worker chose. */
  QUEUE_RETRY_MAX_MS: z.coerce
    .number()
    .int()
    .min(1)
    .max(15 * 60 * 1000)
    .default(10_000),
  /** The fake Graph API posts a `sent` status webhook for every message it takes, as Meta does. */
  SIM_STATUS_WEBHOOKS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('WARN'),
  /** The first officer (role admin), created at start when no officer exists. */
  ADMIN_USERNAME: z
    .string()
    .regex(/^[a-z0-9._-]{3,32}$/, '3–32 of a-z 0-9 . _ -')
    .default('admin'),
  /** Unset: a generated password, kept in DATA_DIR/admin-password. */
  ADMIN_PASSWORD: z.string().min(10).max(200).optional(),
});

export type LocalConfig = z.infer<typeof localSchema>;

export function loadLocalConfig(env: Record<string, string | undefined>): LocalConfig {
  const result = localSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  throw new Error(`Invalid local configuration: ${problems}`);
}

/** The process's environment: the one read of `process.env` in `local/` besides the command-line entry. */
export function localEnvironment(): Record<string, string | undefined> {
  return process.env;
}
