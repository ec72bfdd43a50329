/** The office profile, the WhatsApp settings and the holiday list, each checked with zod on first use. */
import * as z from 'zod/mini';
import holidayYears from '../../config/holidays.json';
import officeDefaults from '../../config/office.json';
import { REGISTRATION_FORMS, type OfficeProfile } from '../domain/office';
import type { HolidayCalendar } from '../domain/schedule';
import { DEFAULT_SERVICES, serviceCatalogueSchema } from '../domain/services';
import { RESCHEDULE_MENU_NUMBER } from '../domain/texts/menu-numbers';
import { ConfigurationError } from '../errors';
import { parseOrExplain, type Env, type EnvName } from './env';

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
      /** The seed's reminder shows the full NIK; an office may show only its last four digits (UU 27/2022). */
      maskNikInReminder: z._default(z.boolean(), false),
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

/**
 * The national holidays as a function's wiring holds them: the list is parsed when first looked up, not at
 * the cold start, which for most requests (a menu reply, a delivery status, an officer's list) books no
 * date. The bundled list is checked by every test that schedules a day.
 */
export function lazyNationalHolidays(years: unknown = holidayYears): HolidayCalendar {
  const built = memo(() => loadHolidays(years));
  return {
    get size() {
      return built().size;
    },
    get: (date) => built().get(date),
    has: (date) => built().has(date),
    forEach: (callback, thisArg) => built().forEach(callback, thisArg),
    entries: () => built().entries(),
    keys: () => built().keys(),
    values: () => built().values(),
    [Symbol.iterator]: () => built()[Symbol.iterator](),
  };
}

function memo<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}
