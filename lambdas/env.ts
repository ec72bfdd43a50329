/**
 * Reading the environment and parsing a value with a zod schema, failing fast with a message that names
 * the bad value. Apart from config.ts, whose office and holiday schemas the webhook does not need.
 */
import type * as z from 'zod/mini';
import { ConfigurationError } from './errors';

type Env = Record<string, string | undefined>;

export function parseOrExplain<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  throw new ConfigurationError(`Invalid ${what}: ${problems}`);
}

export function requireEnv(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new ConfigurationError(`Missing environment variable ${name}`);
  return value;
}

export function requirePositiveInteger(env: Env, name: string): number {
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
