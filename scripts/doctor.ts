/**
 * `npm run doctor`: a read-only preflight of a deployment, one line per check, each `OK` or what to do.
 *
 *   npm run doctor -- --stage prod        the AWS deployment of config/deploy/prod.json (credentials and
 *                                         region from the environment, as for `cdk deploy`) and Meta
 *   npm run doctor                        the local server (`npm start`) and its fake Graph API
 *   npm run doctor -- --local http://127.0.0.1:3000
 *
 * It changes nothing: it reads the deploy configuration, the secret, the stack outputs and the reminder
 * heartbeat, sends the webhook the verify handshake Meta sends, and lists the message templates and the
 * phone number at Meta (and, with REGISTRATION_FORM=flow, the registration Flow). Exit code 1 when any
 * check needs fixing.
 */
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { isPlaceholder, OPERATOR_SECRET_KEYS } from '../lambdas/adapters/secrets';
import { keys } from '../lambdas/adapters/table-design';
import { loadOfficeProfile } from '../lambdas/config';
import type { RegistrationFormMode } from '../lambdas/domain/office';
import { REGISTRATION_FLOW_NAME } from '../lambdas/domain/registration-flow';
import { TEMPLATES } from '../lambdas/domain/templates';
import { type DeployConfig, loadDeployConfig, officeOverridesAsEnv, stageNames } from '../lib/deploy-config';
import { loadLocalConfig, SIMULATOR_DEFAULTS } from '../local/config';

export type Verdict = 'OK' | 'FIX' | 'WARN';
export interface DoctorLine {
  readonly verdict: Verdict;
  readonly check: string;
  readonly detail: string;
}

/** Where the checks look: AWS and Meta for a stage, or the local server and its fake Graph API. */
export interface DoctorTarget {
  readonly name: string;
  /** Throws with what is wrong when the configuration is incomplete. */
  configuration(): Promise<string>;
  secrets(): Promise<Record<string, unknown>>;
  webhookUrl(): Promise<string>;
  /** The Graph API root with its version, the phone number id and the business account id (if known). */
  graph(): Promise<{ apiUrl: string; phoneNumberId: string; businessAccountId?: string }>;
  /** When the daily reminder run last finished (ISO), or undefined when none is recorded. */
  lastReminderRun(): Promise<string | undefined>;
  /** What stage 4 offers first (`REGISTRATION_FORM`): `flow` needs the Flow published. */
  registrationForm(): Promise<RegistrationFormMode>;
  /** What to tell the operator for each kind of fix, in the target's own terms. */
  readonly advice: {
    readonly secret: string;
    readonly templates: string;
    readonly heartbeat: string;
  };
}

/** The daily run plus two hours of grace: older than this, the reminder has missed a day. */
const HEARTBEAT_MAX_AGE_MS = 26 * 3600_000;

export async function runDoctor(target: DoctorTarget, options: { fetch?: typeof fetch; now?: () => Date } = {}): Promise<DoctorLine[]> {
  const http = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const lines: DoctorLine[] = [];
  const check = async (name: string, run: () => Promise<Omit<DoctorLine, 'check'>>) => {
    try {
      lines.push({ check: name, ...(await run()) });
    } catch (error) {
      lines.push({ check: name, verdict: 'FIX', detail: (error as Error).message });
    }
  };

  await check('deploy configuration', async () => ({ verdict: 'OK', detail: await target.configuration() }));

  let secrets: Record<string, unknown> = {};
  await check('secret', async () => {
    secrets = await target.secrets();
    const unfilled = OPERATOR_SECRET_KEYS.filter((key) => typeof secrets[key] !== 'string' || isPlaceholder(String(secrets[key])));
    if (unfilled.length > 0) return { verdict: 'FIX', detail: `${unfilled.join(', ')} still unset or REPLACE_ME: ${target.advice.secret}` };
    if (typeof secrets.LINK_SIGNING_KEY !== 'string' || secrets.LINK_SIGNING_KEY.length < 16) {
      return { verdict: 'FIX', detail: 'LINK_SIGNING_KEY is missing or shorter than 16 characters: upload links cannot be signed' };
    }
    if (secrets.ADMIN_PASSWORD !== undefined) {
      return { verdict: 'WARN', detail: 'ADMIN_PASSWORD is still in the secret: once the first admin has logged in and changed it, remove the key' };
    }
    return { verdict: 'OK', detail: `${OPERATOR_SECRET_KEYS.join(', ')} and LINK_SIGNING_KEY are set` };
  });

  await check('webhook handshake', async () => {
    const url = new URL(await target.webhookUrl());
    const challenge = `doctor-${randomUUID()}`;
    url.searchParams.set('hub.mode', 'subscribe');
    url.searchParams.set('hub.verify_token', String(secrets.WHATSAPP_VERIFY_TOKEN ?? ''));
    url.searchParams.set('hub.challenge', challenge);
    const response = await http(url, { signal: AbortSignal.timeout(10_000) });
    const body = await response.text();
    if (response.status === 200 && body === challenge) return { verdict: 'OK', detail: `${url.origin}${url.pathname} answers Meta's verify handshake` };
    return {
      verdict: 'FIX',
      detail: `${url.origin}${url.pathname} answered ${response.status} to the handshake: is the stack deployed, and WHATSAPP_VERIFY_TOKEN the token typed in Meta's webhook settings?`,
    };
  });

  const token = typeof secrets.WHATSAPP_ACCESS_TOKEN === 'string' && !isPlaceholder(secrets.WHATSAPP_ACCESS_TOKEN) ? secrets.WHATSAPP_ACCESS_TOKEN : undefined;
  const graph = await target.graph().catch(() => undefined);
  const meta = async (path: string) => {
    if (!graph || !token) throw new Error('needs the Graph API settings and WHATSAPP_ACCESS_TOKEN: fix the lines above first');
    const response = await http(`${graph.apiUrl}/${path}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      const error = (body.error ?? {}) as { code?: number; message?: string };
      throw new Error(`Meta answered ${response.status} (${error.code ?? '?'}: ${error.message ?? 'no message'}) to GET ${path.split('?')[0]}`);
    }
    return body;
  };

  await check('phone number', async () => {
    const number = await meta(`${graph?.phoneNumberId}?fields=display_phone_number,verified_name`);
    return {
      verdict: 'OK',
      detail: `${graph?.phoneNumberId} is ${String(number.display_phone_number)} (${String(number.verified_name)}), reachable with this token`,
    };
  });

  await check('message templates', async () => {
    if (!graph?.businessAccountId)
      return { verdict: 'FIX', detail: 'the WhatsApp Business Account id is not configured: add whatsapp.businessAccountId to the deploy configuration' };
    const listed = ((await meta(`${graph.businessAccountId}/message_templates?fields=name,status,language&limit=200`)).data ?? []) as Array<{
      name: string;
      status: string;
      language: string;
    }>;
    const statusOf = (name: string, language: string) => listed.find((template) => template.name === name && template.language === language)?.status;
    const missing = TEMPLATES.filter((template) => !statusOf(template.name, template.language)).map((template) => template.name);
    const waiting = TEMPLATES.filter((template) => {
      const status = statusOf(template.name, template.language);
      return status !== undefined && status !== 'APPROVED';
    }).map((template) => `${template.name} (${statusOf(template.name, template.language)})`);
    if (missing.length > 0) return { verdict: 'FIX', detail: `not registered: ${missing.join(', ')}: ${target.advice.templates}` };
    if (waiting.length > 0)
      return { verdict: 'FIX', detail: `not approved: ${waiting.join(', ')}: messages after the 24-hour window fail until Meta approves them` };
    return { verdict: 'OK', detail: `all ${TEMPLATES.length} templates approved` };
  });

  if ((await target.registrationForm().catch(() => 'line')) === 'flow') {
    await check('registration Flow', async () => {
      if (!graph?.businessAccountId)
        return { verdict: 'FIX', detail: 'the WhatsApp Business Account id is not configured: add whatsapp.businessAccountId to the deploy configuration' };
      const flows = ((await meta(`${graph.businessAccountId}/flows?fields=id,name,status&limit=100`)).data ?? []) as Array<{ name: string; status: string }>;
      const status = flows.find((flow) => flow.name === REGISTRATION_FLOW_NAME)?.status;
      if (!status) return { verdict: 'FIX', detail: `${REGISTRATION_FLOW_NAME} does not exist, and REGISTRATION_FORM is flow: ${target.advice.templates}` };
      if (status !== 'PUBLISHED')
        return {
          verdict: 'FIX',
          detail: `${REGISTRATION_FLOW_NAME} is ${status}: applicants cannot open it until it is published (${target.advice.templates})`,
        };
      return { verdict: 'OK', detail: `${REGISTRATION_FLOW_NAME} is published` };
    });
  }

  await check('reminder heartbeat', async () => {
    const finishedAt = await target.lastReminderRun();
    if (!finishedAt) return { verdict: 'WARN', detail: `no reminder run recorded yet: ${target.advice.heartbeat}` };
    const age = now().getTime() - Date.parse(finishedAt);
    if (age > HEARTBEAT_MAX_AGE_MS)
      return { verdict: 'FIX', detail: `the last reminder run finished ${Math.round(age / 3600_000)} hours ago: ${target.advice.heartbeat}` };
    return { verdict: 'OK', detail: `the last reminder run finished at ${finishedAt}` };
  });

  return lines;
}

/** The AWS deployment of one stage, read-only. */
export function awsTarget(stage: string): DoctorTarget {
  const names = stageNames(stage);
  let config: DeployConfig | undefined;
  const outputs = new Map<string, Promise<Record<string, string>>>();
  const outputsOf = (stack: string) => {
    if (!outputs.has(stack)) {
      outputs.set(
        stack,
        new CloudFormationClient({})
          .send(new DescribeStacksCommand({ StackName: stack }))
          .then((result) => Object.fromEntries((result.Stacks?.[0]?.Outputs ?? []).map((output) => [output.OutputKey ?? '', output.OutputValue ?? '']))),
      );
    }
    return outputs.get(stack) as Promise<Record<string, string>>;
  };
  return {
    name: `stage ${stage} in AWS`,
    async configuration() {
      config = loadDeployConfig(stage);
      return `config/deploy/${stage}.json is complete`;
    },
    async secrets() {
      const result = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: names.secret }));
      return JSON.parse(result.SecretString ?? '{}') as Record<string, unknown>;
    },
    async webhookUrl() {
      const url = (await outputsOf(names.statelessStack)).WebhookUrl;
      if (!url) throw new Error(`${names.statelessStack} has no WebhookUrl output: deploy it first`);
      return url;
    },
    async graph() {
      const deployed = config ?? loadDeployConfig(stage);
      return {
        apiUrl: deployed.whatsapp.apiUrl,
        phoneNumberId: deployed.whatsapp.phoneNumberId,
        ...(deployed.whatsapp.businessAccountId ? { businessAccountId: deployed.whatsapp.businessAccountId } : {}),
      };
    },
    async lastReminderRun() {
      const table = (await outputsOf(names.statefulStack)).TableName;
      if (!table) throw new Error(`${names.statefulStack} has no TableName output: deploy it first`);
      const item = await DynamoDBDocumentClient.from(new DynamoDBClient({})).send(new GetCommand({ TableName: table, Key: keys.heartbeat('reminders') }));
      return typeof item.Item?.finishedAt === 'string' ? item.Item.finishedAt : undefined;
    },
    async registrationForm() {
      return loadOfficeProfile(officeOverridesAsEnv(config ?? loadDeployConfig(stage))).registrationForm;
    },
    advice: {
      secret: `fill them in: aws secretsmanager put-secret-value --secret-id ${names.secret} (README "Deploying", step 5)`,
      templates: `WHATSAPP_WABA_ID=<id> WHATSAPP_ACCESS_TOKEN=<token> npm run templates:register`,
      heartbeat: 'it runs daily at the office\'s reminder hour; to run it now, README "Running the reminder by hand"',
    },
  };
}

/** The local server of `npm start` and its fake Graph API, with the same environment as the server. */
export function localTarget(base: string, env: Record<string, string | undefined> = process.env): DoctorTarget {
  const root = base.replace(/\/$/, '');
  return {
    name: `the local server at ${root}`,
    async configuration() {
      loadLocalConfig(env);
      return 'the local settings (environment) are valid';
    },
    async secrets() {
      const config = loadLocalConfig(env);
      return {
        WHATSAPP_ACCESS_TOKEN: config.WHATSAPP_ACCESS_TOKEN,
        WHATSAPP_APP_SECRET: config.WHATSAPP_APP_SECRET,
        WHATSAPP_VERIFY_TOKEN: config.WHATSAPP_VERIFY_TOKEN,
        LINK_SIGNING_KEY: config.LINK_SIGNING_KEY ?? 'generated-and-kept-in-DATA_DIR',
      };
    },
    async webhookUrl() {
      return `${root}/webhook`;
    },
    async graph() {
      const config = loadLocalConfig(env);
      return {
        apiUrl: config.WHATSAPP_API_URL ?? `${root}/_graph/${SIMULATOR_DEFAULTS.graphVersion}`,
        phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID,
        businessAccountId: env.WHATSAPP_WABA_ID || 'local',
      };
    },
    async lastReminderRun() {
      const response = await fetch(`${root}/_local/status`, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`${root}/_local/status answered ${response.status}: is npm start running?`);
      const status = (await response.json()) as { lastReminderRun: string | null };
      return status.lastReminderRun ?? undefined;
    },
    async registrationForm() {
      return loadOfficeProfile(env).registrationForm;
    },
    advice: {
      secret: 'set them in the environment of npm start',
      templates: `WHATSAPP_API_URL=${root}/_graph/${SIMULATOR_DEFAULTS.graphVersion} WHATSAPP_WABA_ID=local WHATSAPP_ACCESS_TOKEN=<the local token> npm run templates:register`,
      heartbeat: `run it: curl -X POST ${root}/_local/jobs/reminders`,
    },
  };
}

export function formatLines(lines: readonly DoctorLine[]): string {
  const width = Math.max(...lines.map((line) => line.check.length));
  return lines.map((line) => `${line.verdict.padEnd(4)} ${line.check.padEnd(width)}  ${line.detail}`).join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const stageIndex = argv.indexOf('--stage');
  const localIndex = argv.indexOf('--local');
  const stage = stageIndex >= 0 ? argv[stageIndex + 1] : undefined;
  if (stageIndex >= 0 && !stage) throw new Error('usage: npm run doctor -- --stage <name>');
  const target = stage ? awsTarget(stage) : localTarget(localIndex >= 0 ? (argv[localIndex + 1] ?? 'http://127.0.0.1:3000') : 'http://127.0.0.1:3000');
  process.stdout.write(`Checking ${target.name} (read-only)\n`);
  const lines = await runDoctor(target);
  process.stdout.write(`${formatLines(lines)}\n`);
  return lines.some((line) => line.verdict === 'FIX') ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(2);
    },
  );
}
