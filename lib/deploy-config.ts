/**
 * A deployment's settings, committed per stage in `config/deploy/<stage>.json` and validated before
 * anything is synthesized. They used to be `-c` flags, and a later `cdk deploy` that forgot one silently
 * replaced the phone number id with a placeholder: every WhatsApp message was then ignored. A file in
 * the repository cannot be forgotten, and synth stops with a message naming the field that is missing or
 * still holds its placeholder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { REGISTRATION_FORMS } from '../lambdas/domain/office';
import { MESSAGING_LIMIT_TIERS, waIdSchema } from '../lambdas/config';
import { ConfigurationError } from '../lambdas/errors';

export const DEPLOY_CONFIG_DIR = join(__dirname, '..', 'config', 'deploy');

/** What a committed example holds until the operator fills it in. */
export const DEPLOY_PLACEHOLDER = 'REPLACE_ME';

/** The value of `uploadBaseUrl` that means "the upload function's own URL" (no custom domain). */
export const FUNCTION_URL = 'function-url';

const notPlaceholder = z.refine<string>((value) => !value.includes(DEPLOY_PLACEHOLDER), { message: `still the placeholder ${DEPLOY_PLACEHOLDER}: fill it in` });

const officeOverridesSchema = z.strictObject({
  queuePrefix: z.optional(z.string()),
  dayCapacity: z.optional(z.number()),
  reminderHour: z.optional(z.number()),
  retentionDays: z.optional(z.number()),
  uploadMode: z.optional(z.enum(['web', 'chat', 'form'])),
  formUrl: z.optional(z.string()),
  /** What the bot offers first for the applicant's data: `line` (the office's), `questions` or `flow` (README "Registration form"). */
  registrationForm: z.optional(z.enum(REGISTRATION_FORMS)),
  menuAsList: z.optional(z.boolean()),
  /** The head of office's WhatsApp number (628…): the day's summary at closing time (README "The day's summary"). */
  headOfOfficeWaId: z.optional(waIdSchema),
});

export const deployConfigSchema = z.strictObject({
  /** A note for the person editing the file; ignored. */
  $comment: z.optional(z.string()),
  /** Part of every resource name, so that stages share an account without sharing anything else. */
  stage: z.string().check(z.regex(/^[a-z][a-z0-9]{1,11}$/, 'must be 2–12 of a-z 0-9, starting with a letter')),
  /** Where the stacks go, e.g. `{ "account": "123456789012", "region": "ap-southeast-3" }`. */
  account: z.optional(z.string().check(z.regex(/^\d{12}$/, 'must be the 12-digit AWS account id'))),
  region: z.optional(z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as ap-southeast-3'))),
  whatsapp: z.strictObject({
    /** WhatsApp Manager → the number → Phone number ID (digits). Messages to any other number are ignored. */
    phoneNumberId: z.string().check(notPlaceholder, z.regex(/^\d{6,20}$/, 'must be the digits of the phone number id from WhatsApp Manager')),
    /** The messaging-limit tier WhatsApp Manager shows for the number. */
    messagingLimit: z.enum(MESSAGING_LIMIT_TIERS),
    /** WhatsApp Manager → Account tools → the WhatsApp Business Account id: `npm run doctor` checks the templates there. */
    businessAccountId: z.optional(z.string().check(notPlaceholder, z.regex(/^\d{6,20}$/, 'must be the digits of the WhatsApp Business Account id'))),
    /** The Graph API root, with its version. */
    apiUrl: z._default(z.url().check(z.startsWith('https://')), 'https://graph.facebook.com/v25.0'),
  }),
  /** Root of applicants' upload links: `function-url`, or the https address of a custom domain in front of it. */
  uploadBaseUrl: z.union([
    z.literal(FUNCTION_URL),
    z.url().check(
      notPlaceholder,
      z.startsWith('https://'),
      z.refine((url) => !url.endsWith('/'), { message: 'no trailing slash' }),
    ),
  ]),
  /** Receives every alarm (confirm the e-mail SNS sends after the first deploy). */
  alarmEmail: z.string().check(notPlaceholder, z.regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'must be an e-mail address')),
  /** The office profile's values that differ from `config/office.json` for this deployment. */
  office: z._default(officeOverridesSchema, {}),
  /**
   * The functions' log level (Powertools). `WARN` by default: INFO lines are most of the log volume, and
   * CloudWatch Logs bills what it ingests (README "Cost"); `INFO` or `DEBUG` while investigating, then back.
   */
  logLevel: z._default(z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']), 'WARN'),
  /** Upper bounds that keep one public surface from starving the others (README "Deploying"). */
  concurrency: z._default(
    z.strictObject({
      admin: z._default(z.number().check(z.int(), z.gte(1), z.lte(100)), 5),
      upload: z._default(z.number().check(z.int(), z.gte(1), z.lte(200)), 10),
      worker: z._default(z.number().check(z.int(), z.gte(2), z.lte(1000)), 5),
    }),
    { admin: 5, upload: 10, worker: 5 },
  ),
});

export type DeployConfig = z.infer<typeof deployConfigSchema>;

/** Parses a deploy configuration; the message names the file and every field that is wrong. */
export function parseDeployConfig(value: unknown, source: string): DeployConfig {
  const result = deployConfigSchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${explain(issue)}`).join('\n');
    throw new ConfigurationError(`${source} is not ready to deploy:\n${problems}`);
  }
  return result.data;
}

/** zod's mini build carries no English messages: say what a person editing the file needs to know. */
function explain(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.join(', ')} (see config/deploy/example.json)`;
  if (issue.code === 'invalid_type') return `required, ${issue.expected}`;
  if (issue.code === 'invalid_value') return `one of ${issue.values.map(String).join(', ')}`;
  return issue.message;
}

/** Reads `config/deploy/<stage>.json` (or `<dir>/<stage>.json`); the stage in the file must match its name. */
export function loadDeployConfig(stage: string | undefined, dir: string = DEPLOY_CONFIG_DIR): DeployConfig {
  if (!stage) {
    throw new ConfigurationError(
      'Choose the stage to synthesize or deploy: npx cdk deploy --all -c stage=<name> reads config/deploy/<name>.json ' +
        '(copy config/deploy/example.json to start one).',
    );
  }
  const file = join(dir, `${stage}.json`);
  if (!existsSync(file)) throw new ConfigurationError(`No deploy configuration for stage "${stage}": create ${file} from config/deploy/example.json.`);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const config = parseDeployConfig(value, file);
  if (config.stage !== stage) throw new ConfigurationError(`${file} says stage "${config.stage}"; it must say "${stage}", as its name does.`);
  return config;
}

/** The office profile's overrides in the environment names that `loadOfficeProfile` reads. */
export function officeOverridesAsEnv(config: DeployConfig): Record<string, string> {
  const office = config.office;
  const env: Record<string, string> = {};
  if (office.queuePrefix !== undefined) env.QUEUE_PREFIX = office.queuePrefix;
  if (office.dayCapacity !== undefined) env.DAY_CAPACITY = String(office.dayCapacity);
  if (office.reminderHour !== undefined) env.REMINDER_HOUR = String(office.reminderHour);
  if (office.retentionDays !== undefined) env.RETENTION_DAYS = String(office.retentionDays);
  if (office.uploadMode !== undefined) env.UPLOAD_MODE = office.uploadMode;
  if (office.formUrl !== undefined) env.FORM_URL = office.formUrl;
  if (office.registrationForm !== undefined) env.REGISTRATION_FORM = office.registrationForm;
  if (office.menuAsList !== undefined) env.MENU_AS_LIST = String(office.menuAsList);
  return env;
}

/** Every physical name of a stage, in one place: two stages in one account share none of them. */
export function stageNames(stage: string) {
  const prefix = `si-bapao-${stage}`;
  return {
    statefulStack: `SiBapao-${stage}-Stateful`,
    statelessStack: `SiBapao-${stage}-Stateless`,
    table: prefix,
    secret: `si-bapao/${stage}/app`,
    eventsQueue: `${prefix}-events.fifo`,
    eventsDeadLetterQueue: `${prefix}-events-dlq.fifo`,
    api: prefix,
    dashboard: `SiBapao-${stage}`,
    alarmPrefix: prefix,
    metricService: prefix,
  } as const;
}
export type StageNames = ReturnType<typeof stageNames>;
