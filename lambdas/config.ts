/**
 * The one configuration module: every environment name the functions read is declared here once (the
 * stacks in `lib/` type their `environment` blocks with `FunctionEnvironment`, so the stack and the code
 * cannot disagree on a name), each function's settings are parsed with zod and fail fast with a message
 * that names the bad value, and `process.env` is read here and nowhere else in `lambdas/` (lint rule).
 * The office profile comes from `config/office.json`, overridable per deployment by environment.
 */
import * as z from 'zod/mini';
import holidayYears from '../config/holidays.json';
import officeDefaults from '../config/office.json';
import { REGISTRATION_FORMS, type OfficeProfile } from './domain/office';
import type { HolidayCalendar } from './domain/schedule';
import { DEFAULT_SERVICES, serviceCatalogueSchema } from './domain/services';
import { RESCHEDULE_MENU_NUMBER } from './domain/texts/menu-numbers';
import { ConfigurationError } from './errors';

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
] as const;
export type EnvName = (typeof ENV_NAMES)[number];

/** A function's `environment` as the stacks write it: only declared names. */
export type FunctionEnvironment = Partial<Record<EnvName, string>>;

/** An environment as read: only declared names, so a misspelt one does not compile. */
type Env = { readonly [name in EnvName]?: string | undefined };

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

function requirePositiveInteger(env: Env, name: EnvName): number {
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

export interface WebhookConfig {
  readonly region: string;
  readonly phoneNumberId: string;
  readonly secretArn: string;
  readonly queueUrl: string;
  readonly serviceName: string | undefined;
}

export function webhookConfig(env: Env): WebhookConfig {
  return {
    region: requireEnv(env, 'AWS_REGION'),
    phoneNumberId: requireEnv(env, 'WHATSAPP_PHONE_NUMBER_ID'),
    secretArn: requireEnv(env, 'SECRET_ARN'),
    queueUrl: requireEnv(env, 'QUEUE_URL'),
    serviceName: env.POWERTOOLS_SERVICE_NAME,
  };
}

export interface WorkerConfig {
  readonly tableName: string;
  readonly bucketName: string;
  readonly secretArn: string;
  readonly queueUrl: string;
  readonly uploadBaseUrl: string;
  readonly maxReceiveCount: number;
  readonly graph: GraphConfig;
  readonly office: OfficeProfile;
  readonly messagesPerSecond: number | undefined;
  readonly serviceName: string | undefined;
}

export function workerConfig(env: Env): WorkerConfig {
  return {
    tableName: requireEnv(env, 'TABLE_NAME'),
    bucketName: requireEnv(env, 'BUCKET_NAME'),
    secretArn: requireEnv(env, 'SECRET_ARN'),
    queueUrl: requireEnv(env, 'QUEUE_URL'),
    uploadBaseUrl: requireEnv(env, 'UPLOAD_BASE_URL'),
    maxReceiveCount: requirePositiveInteger(env, 'MAX_RECEIVE_COUNT'),
    graph: loadGraphConfig(env),
    office: loadOfficeProfile(env),
    messagesPerSecond: messagesPerSecond(env),
    serviceName: env.POWERTOOLS_SERVICE_NAME,
  };
}

export interface UploadConfig {
  readonly tableName: string;
  readonly bucketName: string;
  readonly secretArn: string;
  readonly region: string;
  readonly office: OfficeProfile;
  readonly serviceName: string | undefined;
}

export function uploadConfig(env: Env): UploadConfig {
  return {
    tableName: requireEnv(env, 'TABLE_NAME'),
    bucketName: requireEnv(env, 'BUCKET_NAME'),
    secretArn: requireEnv(env, 'SECRET_ARN'),
    region: requireEnv(env, 'AWS_REGION'),
    office: loadOfficeProfile(env),
    serviceName: env.POWERTOOLS_SERVICE_NAME,
  };
}

export interface AdminConfig {
  readonly tableName: string;
  readonly bucketName: string;
  readonly secretArn: string;
  readonly queueUrl: string;
  readonly office: OfficeProfile;
  readonly serviceName: string | undefined;
}

export function adminConfig(env: Env): AdminConfig {
  return {
    tableName: requireEnv(env, 'TABLE_NAME'),
    bucketName: requireEnv(env, 'BUCKET_NAME'),
    secretArn: requireEnv(env, 'SECRET_ARN'),
    queueUrl: requireEnv(env, 'QUEUE_URL'),
    office: loadOfficeProfile(env),
    serviceName: env.POWERTOOLS_SERVICE_NAME,
  };
}

export interface ReminderConfig {
  readonly tableName: string;
  readonly bucketName: string;
  readonly queueUrl: string;
  readonly messagingLimit: number | undefined;
  readonly retentionDays: number;
  readonly serviceName: string | undefined;
}

export function reminderConfig(env: Env): ReminderConfig {
  return {
    tableName: requireEnv(env, 'TABLE_NAME'),
    bucketName: requireEnv(env, 'BUCKET_NAME'),
    queueUrl: requireEnv(env, 'QUEUE_URL'),
    messagingLimit: messagingLimit(env),
    retentionDays: loadOfficeProfile(env).retentionDays,
    serviceName: env.POWERTOOLS_SERVICE_NAME,
  };
}

export interface PendingCheckConfig {
  readonly tableName: string;
  readonly serviceName: string | undefined;
}

export function pendingCheckConfig(env: Env): PendingCheckConfig {
  return { tableName: requireEnv(env, 'TABLE_NAME'), serviceName: env.POWERTOOLS_SERVICE_NAME };
}

// ---- The office profile, the WhatsApp settings and the holiday list. ----
const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM'));
const integerFromEnv = (min: number, max: number) =>
  z.pipe(z.union([z.number(), z.string().check(z.regex(/^\d+$/, 'must be a whole number'))]), z.transform(Number)).check(z.gte(min), z.lte(max));

// Built on first use: the webhook loads this module for its four names and never parses an office.
const officeProfileSchema = memo(() =>
  z
    .object({
      officeName: z.string().check(z.minLength(3)),
      officeShortName: z.string().check(z.minLength(3)),
      address: z.string().check(z.minLength(3)),
      whatsappNumber: z.string().check(z.regex(/^\+?\d{8,15}$/, 'must be a phone number')),
      queuePrefix: z.string().check(z.regex(/^[A-Z]{2,6}$/, 'must be 2–6 capital letters')),
      arrivalHours: z.object({ from: hhmm, to: hhmm, stepMinutes: integerFromEnv(5, 120) }),
      dayCapacity: integerFromEnv(1, 1000),
      reminderHour: integerFromEnv(0, 23),
      uploadMode: z.enum(['web', 'chat', 'form']),
      formUrl: z.optional(z.url()),
      registrationForm: z.enum(REGISTRATION_FORMS),
      retentionDays: integerFromEnv(1, 3650),
      menuAsList: z.boolean(),
      services: z.optional(serviceCatalogueSchema([RESCHEDULE_MENU_NUMBER])),
    })
    .check(
      z.refine((office) => office.uploadMode !== 'form' || Boolean(office.formUrl), {
        message: 'FORM_URL is required when UPLOAD_MODE is form',
        path: ['formUrl'],
      }),
      z.refine((office) => office.arrivalHours.from < office.arrivalHours.to, {
        message: 'arrivalHours.from must be before arrivalHours.to',
        path: ['arrivalHours'],
      }),
    ),
);

/** A JSON value from the environment; what is not JSON is refused with the variable's name. */
function jsonOf(value: string, name: EnvName): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new ConfigurationError(`Invalid office profile: ${name} is not JSON`);
  }
}

/** Office defaults overlaid with the environment's overrides (docs/contract.md names). */
export function loadOfficeProfile(env: Env, defaults: unknown = officeDefaults): OfficeProfile {
  const base = typeof defaults === 'object' && defaults !== null ? defaults : {};
  const overrides = {
    ...(env.QUEUE_PREFIX ? { queuePrefix: env.QUEUE_PREFIX } : {}),
    ...(env.DAY_CAPACITY ? { dayCapacity: env.DAY_CAPACITY } : {}),
    ...(env.REMINDER_HOUR ? { reminderHour: env.REMINDER_HOUR } : {}),
    ...(env.RETENTION_DAYS ? { retentionDays: env.RETENTION_DAYS } : {}),
    ...(env.UPLOAD_MODE ? { uploadMode: env.UPLOAD_MODE } : {}),
    ...(env.FORM_URL ? { formUrl: env.FORM_URL } : {}),
    ...(env.REGISTRATION_FORM ? { registrationForm: env.REGISTRATION_FORM } : {}),
    ...(env.MENU_AS_LIST ? { menuAsList: env.MENU_AS_LIST === 'true' } : {}),
    ...(env.OFFICE_SERVICES ? { services: jsonOf(env.OFFICE_SERVICES, 'OFFICE_SERVICES') } : {}),
  };
  const office = parseOrExplain(officeProfileSchema(), { ...base, ...overrides }, 'office profile');
  return { ...office, services: office.services ?? DEFAULT_SERVICES };
}

const graphSchema = memo(() =>
  z.object({
    apiUrl: z.url(),
    phoneNumberId: z.string().check(z.minLength(1)),
    /** How long a Graph API call may take before it counts as a (retryable) timeout. */
    timeoutMs: z._default(z.coerce.number().check(z.int(), z.minimum(50), z.maximum(30_000)), 10_000),
  }),
);

export interface GraphConfig {
  readonly apiUrl: string;
  readonly phoneNumberId: string;
  readonly timeoutMs: number;
}

export function loadGraphConfig(env: Env, defaults: Partial<GraphConfig> = {}): GraphConfig {
  return parseOrExplain(
    graphSchema(),
    {
      apiUrl: env.WHATSAPP_API_URL ?? defaults.apiUrl,
      phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID ?? defaults.phoneNumberId,
      timeoutMs: env.WHATSAPP_TIMEOUT_MS || undefined,
    },
    'WhatsApp settings (WHATSAPP_API_URL, WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_TIMEOUT_MS)',
  );
}

const holidayYearSchema = memo(() =>
  z.record(
    z.string().check(z.regex(/^\d{4}$/)),
    z.object({
      status: z.enum(['official', 'provisional']),
      source: z.string().check(z.minLength(3)),
      days: z.record(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')), z.string().check(z.minLength(1))),
    }),
  ),
);

/** National holidays and cuti bersama by date (`config/holidays.json`, each year with its source). */
export function loadHolidays(years: unknown = holidayYears): HolidayCalendar {
  const parsed = parseOrExplain(holidayYearSchema(), years, 'holiday list (config/holidays.json)');
  const calendar = new Map<string, string>();
  for (const [year, entry] of Object.entries(parsed)) {
    for (const [date, name] of Object.entries(entry.days)) {
      if (!date.startsWith(`${year}-`)) throw new ConfigurationError(`Invalid holiday list: ${date} is listed under ${year}`);
      calendar.set(date, name);
    }
  }
  return calendar;
}

function memo<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}
