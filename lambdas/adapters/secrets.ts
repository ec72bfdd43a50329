/**
 * The deployment's secrets. In AWS they live in one Secrets Manager secret (JSON), cached per container
 * for at most five minutes and refetched on demand (Meta's `190`), so a rotated token needs no redeploy.
 * Locally they come from the environment.
 */
import * as z from 'zod/mini';
import { parseOrExplain } from '../config/env';

/** Keys the operator fills in after the first deploy; LINK_SIGNING_KEY is generated. */
export const OPERATOR_SECRET_KEYS = ['WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN'] as const;

/** What the deployed secret holds until the operator fills it in: public, so it must never count as a key. */
export const SECRET_PLACEHOLDER = 'REPLACE_ME';

/** True when the operator has not filled this value in yet. */
export function isPlaceholder(value: string): boolean {
  return value.trim() === '' || value.includes(SECRET_PLACEHOLDER);
}

export const appSecretsSchema = z.object({
  WHATSAPP_ACCESS_TOKEN: z.string().check(z.minLength(1)),
  WHATSAPP_APP_SECRET: z.string().check(z.minLength(1)),
  WHATSAPP_VERIFY_TOKEN: z.string().check(z.minLength(1)),
  /** Signs applicants' upload links and officers' sessions. */
  LINK_SIGNING_KEY: z.string().check(z.minLength(16)),
  /** Optional: QR keys by id, and the id to sign with (see proof-keys.ts). */
  PROOF_KEYS: z.optional(
    z.record(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,32}$/, 'key ids are 1–32 of A-Z a-z 0-9 _ -')), z.string().check(z.minLength(16))),
  ),
  PROOF_KEY_ID: z.optional(z.string()),
  /** Optional: the first officer (role admin), created at the admin app's first request when no officer exists. */
  ADMIN_USERNAME: z.optional(z.string().check(z.regex(/^[a-z0-9._-]{3,32}$/, '3–32 of a-z 0-9 . _ -'))),
  ADMIN_PASSWORD: z.optional(z.string().check(z.minLength(10), z.maxLength(200))),
});
export type AppSecrets = z.infer<typeof appSecretsSchema>;

export interface SecretSource {
  get(): Promise<AppSecrets>;
  /** Forgets the cached value, so that the next `get` reads the store again. */
  invalidate(): void;
}

export function staticSecrets(values: unknown): SecretSource {
  const secrets = parseOrExplain(appSecretsSchema, values, 'secrets');
  return { get: async () => secrets, invalidate: () => undefined };
}

export const SECRET_CACHE_MS = 5 * 60 * 1000;

/** Caches what `fetchJson` returns for at most `maxAgeMs`; concurrent callers share one fetch. */
export function cachedSecrets(fetchJson: () => Promise<string>, now: () => number = Date.now, maxAgeMs: number = SECRET_CACHE_MS): SecretSource {
  let cached: { value: AppSecrets; at: number } | undefined;
  let inFlight: Promise<AppSecrets> | undefined;
  return {
    async get() {
      if (cached && now() - cached.at < maxAgeMs) return cached.value;
      inFlight ??= fetchJson()
        .then((text) => {
          const value = parseOrExplain(appSecretsSchema, JSON.parse(text), 'secret value');
          cached = { value, at: now() };
          return value;
        })
        .finally(() => {
          inFlight = undefined;
        });
      return inFlight;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
