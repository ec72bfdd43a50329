/** The environment names every function may read, declared once, and the one read of `process.env`. */
import * as z from 'zod/mini';
import { ConfigurationError } from '../errors';

/** Every environment variable a function reads (docs/contract.md names). */
export const ENV_NAMES = [
  'AWS_REGION',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'POWERTOOLS_SERVICE_NAME',
  /** Read by the Powertools logger itself. */
  'POWERTOOLS_LOG_LEVEL',
  'TABLE_NAME',
  'BUCKET_NAME',
  'SECRET_ARN',
  'QUEUE_URL',
  'MAX_RECEIVE_COUNT',
  'UPLOAD_BASE_URL',
  'WHATSAPP_API_URL',
  'WHATSAPP_PHONE_NUMBER_ID',
  'WHATSAPP_TIMEOUT_MS',
  'WHATSAPP_MESSAGING_LIMIT',
  'MESSAGES_PER_SECOND',
  'QUEUE_PREFIX',
  'DAY_CAPACITY',
  'REMINDER_HOUR',
  'RETENTION_DAYS',
  'UPLOAD_MODE',
  'FORM_URL',
  'REGISTRATION_FORM',
  'MENU_AS_LIST',
  /** The service catalogue as JSON, replacing `config/office.json`'s (the five BAP services by default). */
  'OFFICE_SERVICES',
  /** The office of the seed profile (config/office.json + the overrides above) and of WHATSAPP_PHONE_NUMBER_ID. */
  'DEFAULT_OFFICE_ID',
  /** The default office's head: the day's summary goes to this WhatsApp number at closing time (optional). */
  'HEAD_OF_OFFICE_WA_ID',
] as const;
export type EnvName = (typeof ENV_NAMES)[number];

/** A function's `environment` as the stacks write it: only declared names. */
export type FunctionEnvironment = Partial<Record<EnvName, string>>;

/** An environment as read: only declared names, so a misspelt one does not compile. */
export type Env = { readonly [name in EnvName]?: string | undefined };

/** The running process's environment: the one read of `process.env` in `lambdas/`. */
export function processEnvironment(): Env {
  return process.env;
}

export function parseOrExplain<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
  throw new ConfigurationError(`Invalid ${what}: ${problems}`);
}

export function requireEnv(env: Env, name: EnvName): string {
  const value = env[name];
  if (!value) throw new ConfigurationError(`Missing environment variable ${name}`);
  return value;
}

export function requirePositiveInteger(env: Env, name: EnvName): number {
  const value = requireEnv(env, name);
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new ConfigurationError(`Invalid ${name}: ${value} (a whole number from 1)`);
  return parsed;
}

/** Meta's messaging-limit tiers (people messaged outside their window per 24 hours). */
export const MESSAGING_LIMIT_TIERS = ['250', '1000', '2000', '10000', '100000', 'unlimited'] as const;

/**
 * `WHATSAPP_MESSAGING_LIMIT`: the account's tier as WhatsApp Manager shows it; unset means 250, a new
 * account's. `unlimited` gives `undefined`.
 */
export function messagingLimit(env: Env): number | undefined {
  const value = env.WHATSAPP_MESSAGING_LIMIT || '250';
  if (!(MESSAGING_LIMIT_TIERS as readonly string[]).includes(value)) {
    throw new ConfigurationError(`Invalid WHATSAPP_MESSAGING_LIMIT: ${value} (one of ${MESSAGING_LIMIT_TIERS.join(', ')})`);
  }
  return value === 'unlimited' ? undefined : Number(value);
}

/** `MESSAGES_PER_SECOND` (1–1000), or `undefined` when unset: no pacing. */
export function messagesPerSecond(env: Env): number | undefined {
  const value = env.MESSAGES_PER_SECOND;
  if (value === undefined || value === '') return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 1000) {
    throw new ConfigurationError(`Invalid MESSAGES_PER_SECOND: ${value} (a whole number from 1 to 1000)`);
  }
  return parsed;
}

// ---- Per function: what each Lambda needs, read once per container by its wiring (lambdas/wiring/). ----
