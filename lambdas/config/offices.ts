/**
 * The office registry's schema: what an office body must and may hold (docs/contract.md), checked with zod
 * before it is saved and again when it is read. A field left out takes the default office's value when the
 * office is read, so a later change of the default reaches every office that did not set its own.
 */
import * as z from 'zod/mini';
import { REGISTRATION_FORMS, type OfficeProfile } from '../domain/office';
import { OFFICE_TIMEZONE_NAMES, type Office, type WeeklyHours } from '../domain/offices';
import { serviceCatalogueSchema } from '../domain/services';
import { RESCHEDULE_MENU_NUMBER } from '../domain/texts/menu-numbers';
import { loadOfficeProfile } from './office';
import { parseOrExplain, type Env } from './env';

/** The local default and the AWS default of `DEFAULT_OFFICE_ID`: the seed's office. */
export const SEED_OFFICE_ID = 'kerinci';

const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM'));
const phone = z.string().check(z.regex(/^\+?\d{8,15}$/, 'must be a phone number'));
/** A WhatsApp id as Meta writes it: the country code and the number, digits only (628123456789). */
export const waIdSchema = z.string().check(z.regex(/^[1-9]\d{7,14}$/, 'must be digits with the country code, e.g. 628123456789'));
const text = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));
const whole = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));
const period = z.object({ from: hhmm, to: hhmm }).check(z.refine((p) => p.from < p.to, { message: 'from must be before to' }));
const dayHours = z
  .object({ from: hhmm, to: hhmm, breaks: z._default(z.array(period), []) })
  .check(z.refine((d) => d.from < d.to, { message: 'from must be before to' }));

export function officeBodySchema() {
  return z
    .strictObject({
      id: z.string().check(z.regex(/^[a-z][a-z0-9-]{1,39}$/, 'must be 2–40 lower-case letters, digits or hyphens')),
      name: text(3, 120),
      shortName: z.optional(text(3, 80)),
      address: text(3, 200),
      phoneNumberId: z.string().check(z.regex(/^\d{5,30}$/, 'must be the WhatsApp phone number id (digits)')),
      displayPhoneNumber: phone,
      queuePrefix: z.string().check(z.regex(/^[A-Z]{2,6}$/, 'must be 2–6 capital letters')),
      timezone: z.enum(OFFICE_TIMEZONE_NAMES),
      /** Per weekday `0` (Sunday) … `6`; a weekday left out is closed. */
      openingHours: z.optional(z.partialRecord(z.enum(['0', '1', '2', '3', '4', '5', '6']), dayHours)),
      arrivalHours: z.optional(z.object({ from: hhmm, to: hhmm, stepMinutes: whole(5, 120) })),
      dayCapacity: z.optional(whole(1, 1000)),
      reminderHour: z.optional(whole(0, 23)),
      localClosedDays: z.optional(z.record(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')), text(1, 120))),
      uploadMode: z.optional(z.enum(['web', 'chat', 'form'])),
      formUrl: z.optional(z.url()),
      registrationForm: z.optional(z.enum(REGISTRATION_FORMS)),
      services: z.optional(serviceCatalogueSchema([RESCHEDULE_MENU_NUMBER])),
      /** The number the office's messages end with ("WhatsApp: …"); the display number when left out. */
      contactLine: z.optional(phone),
      menuAsList: z.optional(z.boolean()),
      maskNikInReminder: z.optional(z.boolean()),
      retentionDays: z.optional(whole(1, 3650)),
      disabled: z.optional(z.boolean()),
      /** Where the day's summary goes at closing time; without it none is sent. */
      headOfOfficeWaId: z.optional(waIdSchema),
    })
    .check(
      z.refine((office) => office.uploadMode !== 'form' || Boolean(office.formUrl), {
        message: 'formUrl is required when uploadMode is form',
        path: ['formUrl'],
      }),
      z.refine((office) => !office.arrivalHours || office.arrivalHours.from < office.arrivalHours.to, {
        message: 'arrivalHours.from must be before arrivalHours.to',
        path: ['arrivalHours'],
      }),
    );
}

export type OfficeBody = z.infer<ReturnType<typeof officeBodySchema>>;

export type OfficeBodyCheck = { readonly ok: true; readonly body: OfficeBody } | { readonly ok: false; readonly problems: string[] };

/** Checks an office body; the problems name the field, for the 422 answer and the command line. */
export function checkOfficeBody(value: unknown): OfficeBodyCheck {
  const result = officeBodySchema().safeParse(value);
  if (result.success) return { ok: true, body: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) =>
      issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : `${issue.path.join('.') || '(body)'}: ${issue.message}`,
    ),
  };
}

/** A stored body as the office the domain reads: every field it left out is the default office's. */
export function officeFromBody(body: OfficeBody, defaults: OfficeProfile): Office {
  const arrivalHours = body.arrivalHours ?? (body.openingHours ? spanOf(body.openingHours) : undefined) ?? defaults.arrivalHours;
  // The head of office is a person of one office: the default office's is never inherited.
  const { headOfOfficeWaId: _defaultOfficesHead, ...inherited } = defaults as OfficeProfile & Partial<Pick<Office, 'headOfOfficeWaId'>>;
  return {
    ...inherited,
    id: body.id,
    officeName: body.name,
    officeShortName: body.shortName ?? body.name,
    address: body.address,
    whatsappNumber: body.contactLine ?? body.displayPhoneNumber,
    queuePrefix: body.queuePrefix,
    arrivalHours,
    dayCapacity: body.dayCapacity ?? defaults.dayCapacity,
    reminderHour: body.reminderHour ?? defaults.reminderHour,
    uploadMode: body.uploadMode ?? defaults.uploadMode,
    ...(body.formUrl ? { formUrl: body.formUrl } : {}),
    registrationForm: body.registrationForm ?? defaults.registrationForm,
    retentionDays: body.retentionDays ?? defaults.retentionDays,
    menuAsList: body.menuAsList ?? defaults.menuAsList,
    maskNikInReminder: body.maskNikInReminder ?? defaults.maskNikInReminder,
    services: body.services ?? defaults.services,
    phoneNumberId: body.phoneNumberId,
    displayPhoneNumber: body.displayPhoneNumber,
    timezone: body.timezone,
    localClosedDays: body.localClosedDays ?? {},
    ...(body.openingHours ? { openingHours: body.openingHours as WeeklyHours } : {}),
    disabled: body.disabled ?? false,
    ...(body.headOfOfficeWaId ? { headOfOfficeWaId: body.headOfOfficeWaId } : {}),
  };
}

/** The earliest opening and latest closing of the week: the arrival times the office offers at all. */
function spanOf(hours: WeeklyHours): OfficeProfile['arrivalHours'] | undefined {
  const days = Object.values(hours);
  if (days.length === 0) return undefined;
  const from = days.map((day) => day.from).sort()[0] ?? '08:00';
  const to =
    days
      .map((day) => day.to)
      .sort()
      .at(-1) ?? '16:00';
  return { from, to, stepMinutes: 15 };
}

/** The seed office (config/office.json + the environment's overrides): the default, and the one office of a fresh start. */
/** `profile`: the one the function parsed already from the same environment, not parsed twice at a cold start. */
export function seedOffice(env: Env, profile: OfficeProfile = loadOfficeProfile(env)): Office {
  return {
    ...profile,
    id: env.DEFAULT_OFFICE_ID || SEED_OFFICE_ID,
    phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID ?? '',
    displayPhoneNumber: profile.whatsappNumber,
    timezone: profile.timezone ?? 'Asia/Jakarta',
    localClosedDays: {},
    disabled: false,
    ...(env.HEAD_OF_OFFICE_WA_ID ? { headOfOfficeWaId: parseOrExplain(waIdSchema, env.HEAD_OF_OFFICE_WA_ID, 'HEAD_OF_OFFICE_WA_ID') } : {}),
  };
}
