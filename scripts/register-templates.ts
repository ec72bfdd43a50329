/**
 * Creates the bot's WhatsApp message templates (lambdas/domain/templates.ts) on the WhatsApp Business
 * Account, skipping those that already exist, and reports each one's review status; then creates the
 * registration Flow (flows/registration.json, for REGISTRATION_FORM=flow), uploads its JSON and publishes
 * it, unless a Flow of that name is already published:
 *
 *   npm run templates:register                 create what is missing; `<name>: created (PENDING)` / `exists (APPROVED)`
 *   npm run templates:register -- --dry-run   print each POST body (one JSON object per line), send nothing
 *
 * Environment: WHATSAPP_API_URL (default https://graph.facebook.com/v25.0), WHATSAPP_WABA_ID and
 * WHATSAPP_ACCESS_TOKEN (both required unless --dry-run), WHATSAPP_APP_ID (optional, recommended: Meta
 * wants the sample of a DOCUMENT header uploaded through the Resumable Upload API; with the app id the
 * script uploads a sample PDF and sends its handle, without it the definitions' placeholder handle goes).
 * Every definition is checked against Meta's rules first; nothing is sent when one fails. The token is
 * never printed. Exit code 1 when a check or a template failed, 2 on a usage or configuration error.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { z } from 'zod';
import { REGISTRATION_FLOW_NAME } from '../lambdas/domain/registration-flow';
import { EXAMPLE_DOCUMENT_HANDLE, TEMPLATES, type TemplateComponent, type TemplateDefinition } from '../lambdas/domain/templates';
import { validateTemplateDefinition } from '../lambdas/meta/template-review';
import { readRegistrationFlow, registrationFlowProblems } from './flow-json';

export const DEFAULT_API_URL = 'https://graph.facebook.com/v25.0';
const TIMEOUT_MS = 20_000;

export interface RegisterOptions {
  readonly apiUrl: string;
  readonly wabaId?: string;
  readonly accessToken?: string;
  readonly appId?: string;
  readonly dryRun: boolean;
  /** Defaults to the shipped `TEMPLATES`. */
  readonly templates?: readonly TemplateDefinition[];
  /** Defaults to the shipped registration Flow; `null` registers none. */
  readonly flow?: FlowToPublish | null;
  readonly fetch?: typeof fetch;
  /** Report lines (stdout by default) and warnings/errors (stderr by default). */
  readonly out?: (line: string) => void;
  readonly err?: (line: string) => void;
}

export type TemplateOutcome =
  | { readonly name: string; readonly result: 'exists' | 'created'; readonly status: string }
  | { readonly name: string; readonly result: 'failed'; readonly code?: number; readonly subcode?: number; readonly message: string }
  | { readonly name: string; readonly result: 'dry-run'; readonly body: TemplateDefinition };

/** A WhatsApp Flow to create (`POST /{WABA_ID}/flows`), fill (`POST /{flow_id}/assets`) and publish. */
export interface FlowToPublish {
  readonly name: string;
  readonly categories: readonly string[];
  readonly json: unknown;
}

export function registrationFlow(): FlowToPublish {
  return { name: REGISTRATION_FLOW_NAME, categories: ['SIGN_UP'], json: readRegistrationFlow() };
}

export type FlowOutcome =
  | { readonly name: string; readonly result: 'exists' | 'published'; readonly status: string }
  | { readonly name: string; readonly result: 'failed'; readonly code?: number; readonly subcode?: number; readonly message: string }
  | { readonly name: string; readonly result: 'dry-run' };

export interface RegisterResult {
  readonly exitCode: 0 | 1;
  /** Rule problems found before anything was sent (`<name>: <problem>`). */
  readonly problems: readonly string[];
  readonly outcomes: readonly TemplateOutcome[];
  /** The Flow's, when one was registered. */
  readonly flowOutcome?: FlowOutcome;
}

export class ConfigurationError extends Error {}

const envSchema = z.object({
  WHATSAPP_API_URL: z.string().url('WHATSAPP_API_URL must be a URL such as https://graph.facebook.com/v25.0').default(DEFAULT_API_URL),
  WHATSAPP_WABA_ID: z
    .string()
    .regex(/^[^/?#\s]+$/, 'WHATSAPP_WABA_ID must be an id, without / ? # or spaces')
    .optional(),
  WHATSAPP_ACCESS_TOKEN: z.string().min(1).optional(),
  WHATSAPP_APP_ID: z
    .string()
    .regex(/^[^/?#\s]+$/, 'WHATSAPP_APP_ID must be an id, without / ? # or spaces')
    .optional(),
});

/** Reads the options from the environment and arguments; throws ConfigurationError naming what is missing or wrong. */
export function optionsFromEnv(env: Record<string, string | undefined>, argv: readonly string[]): RegisterOptions {
  const unknown = argv.filter((arg) => arg !== '--dry-run');
  if (unknown.length > 0) throw new ConfigurationError(`unknown argument ${unknown.join(' ')}; usage: npm run templates:register [-- --dry-run]`);
  const dryRun = argv.includes('--dry-run');
  // Empty variables count as unset.
  const present = Object.fromEntries(
    ['WHATSAPP_API_URL', 'WHATSAPP_WABA_ID', 'WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_APP_ID'].flatMap((key) => (env[key] ? [[key, env[key]]] : [])),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) throw new ConfigurationError(parsed.error.issues.map((issue) => issue.message).join('; '));
  const missing = dryRun ? [] : (['WHATSAPP_WABA_ID', 'WHATSAPP_ACCESS_TOKEN'] as const).filter((key) => !parsed.data[key]);
  if (missing.length > 0)
    throw new ConfigurationError(`missing environment variable${missing.length > 1 ? 's' : ''} ${missing.join(' and ')} (required unless --dry-run)`);
  return {
    apiUrl: parsed.data.WHATSAPP_API_URL.replace(/\/+$/, ''),
    dryRun,
    ...(parsed.data.WHATSAPP_WABA_ID ? { wabaId: parsed.data.WHATSAPP_WABA_ID } : {}),
    ...(parsed.data.WHATSAPP_ACCESS_TOKEN ? { accessToken: parsed.data.WHATSAPP_ACCESS_TOKEN } : {}),
    ...(parsed.data.WHATSAPP_APP_ID ? { appId: parsed.data.WHATSAPP_APP_ID } : {}),
  };
}

export async function registerTemplates(options: RegisterOptions): Promise<RegisterResult> {
  const templates = options.templates ?? TEMPLATES;
  const flow = options.flow === undefined ? registrationFlow() : options.flow;
  const token = options.accessToken ?? '';
  const redact = (text: string): string => (token ? text.split(token).join('***') : text);
  const out = (line: string) => (options.out ?? console.log)(redact(line));
  const err = (line: string) => (options.err ?? console.error)(redact(line));

  const problems = [
    ...templates.flatMap((template) => validateTemplateDefinition(template).map((problem) => `${template.name}: ${problem}`)),
    ...(flow ? registrationFlowProblems(flow.json).map((problem) => `${flow.name}: ${problem}`) : []),
  ];
  if (problems.length > 0) {
    err(`Not sent: ${problems.length} problem${problems.length > 1 ? 's' : ''} with Meta's template or Flow rules`);
    problems.forEach((problem) => err(`  ${problem}`));
    return { exitCode: 1, problems, outcomes: [] };
  }

  if (options.dryRun) {
    const target = `${options.apiUrl}/${options.wabaId ?? '<WHATSAPP_WABA_ID>'}/message_templates`;
    templates.forEach((template) => out(JSON.stringify(template)));
    err(`Dry run: ${templates.length} POST bodies for ${target} printed, one JSON object per line; nothing sent.`);
    if (templates.some(usesPlaceholderHandle))
      err('DOCUMENT headers show the placeholder sample handle; a real run with WHATSAPP_APP_ID uploads a sample PDF and sends its handle.');
    if (flow) {
      out(JSON.stringify({ name: flow.name, categories: flow.categories }));
      err(
        `Dry run: the last line is the Flow ${flow.name} for ${options.apiUrl}/${options.wabaId ?? '<WHATSAPP_WABA_ID>'}/flows; its JSON would then be uploaded and published.`,
      );
    }
    return {
      exitCode: 0,
      problems,
      outcomes: templates.map((template) => ({ name: template.name, result: 'dry-run', body: template })),
      ...(flow ? { flowOutcome: { name: flow.name, result: 'dry-run' as const } } : {}),
    };
  }

  const { wabaId, accessToken } = options;
  if (!wabaId || !accessToken) throw new ConfigurationError('WHATSAPP_WABA_ID and WHATSAPP_ACCESS_TOKEN are required unless --dry-run');
  const graph = new Graph(options.apiUrl, accessToken, options.fetch ?? fetch);
  let sampleHandle: Promise<GraphAnswer<string>> | undefined;
  let warnedPlaceholder = false;

  const outcomes: TemplateOutcome[] = [];
  for (const template of templates) {
    const outcome = await registerOne(template);
    outcomes.push(outcome);
    if (outcome.result === 'failed') out(`${template.name}: failed ${describeError(outcome)}`);
    else if (outcome.result !== 'dry-run') out(`${template.name}: ${outcome.result} (${outcome.status})`);
  }
  const failed = outcomes.filter((outcome) => outcome.result === 'failed').length;
  if (failed > 0) err(`${failed} of ${templates.length} template${templates.length > 1 ? 's' : ''} failed`);
  const flowOutcome = flow ? await publishFlow(graph, wabaId, flow) : undefined;
  if (flowOutcome?.result === 'failed') out(`${flowOutcome.name} (Flow): failed ${describeError(flowOutcome)}`);
  else if (flowOutcome && flowOutcome.result !== 'dry-run') out(`${flowOutcome.name} (Flow): ${flowOutcome.result} (${flowOutcome.status})`);
  const exitCode = failed > 0 || flowOutcome?.result === 'failed' ? 1 : 0;
  return { exitCode, problems, outcomes, ...(flowOutcome ? { flowOutcome } : {}) };

  async function registerOne(template: TemplateDefinition): Promise<TemplateOutcome> {
    const listed = await graph.call<{ data?: { name?: unknown; language?: unknown; status?: unknown }[] }>(
      'GET',
      `${encodeURIComponent(wabaId ?? '')}/message_templates?name=${encodeURIComponent(template.name)}&fields=name,language,status,category,id&limit=100`,
    );
    if (!listed.ok) return { name: template.name, result: 'failed', ...listed.error };
    const existing = (listed.value.data ?? []).find((entry) => entry.name === template.name && entry.language === template.language);
    if (existing) return { name: template.name, result: 'exists', status: String(existing.status ?? 'UNKNOWN') };

    let body = template;
    if (usesPlaceholderHandle(template)) {
      if (options.appId) {
        sampleHandle ??= uploadSample(graph, options.appId);
        const handle = await sampleHandle;
        if (!handle.ok) return { name: template.name, result: 'failed', ...handle.error, message: `sample PDF upload: ${handle.error.message}` };
        body = withDocumentHandle(template, handle.value);
      } else if (!warnedPlaceholder) {
        warnedPlaceholder = true;
        err('WHATSAPP_APP_ID is not set: DOCUMENT headers carry a placeholder sample handle, which Meta may refuse. Set it to upload a sample PDF first.');
      }
    }
    const created = await graph.call<{ id?: unknown; status?: unknown }>('POST', `${encodeURIComponent(wabaId ?? '')}/message_templates`, body);
    if (!created.ok) return { name: template.name, result: 'failed', ...created.error };
    return { name: template.name, result: 'created', status: String(created.value.status ?? 'UNKNOWN') };
  }
}

/**
 * Finds the Flow by name first (a published Flow cannot be changed, so it is left as it is), creates it
 * when there is none, uploads its JSON as Meta's multipart asset and publishes it.
 */
async function publishFlow(graph: Graph, wabaId: string, flow: FlowToPublish): Promise<FlowOutcome> {
  const failed = (error: { code?: number; subcode?: number; message: string }, step: string): FlowOutcome => ({
    name: flow.name,
    result: 'failed',
    ...error,
    message: `${step}: ${error.message}`,
  });
  const listed = await graph.call<{ data?: { id?: unknown; name?: unknown; status?: unknown }[] }>(
    'GET',
    `${encodeURIComponent(wabaId)}/flows?fields=id,name,status&limit=100`,
  );
  if (!listed.ok) return failed(listed.error, 'list');
  const existing = (listed.value.data ?? []).find((entry) => entry.name === flow.name);
  if (existing && existing.status !== 'DRAFT') return { name: flow.name, result: 'exists', status: String(existing.status ?? 'UNKNOWN') };
  let flowId = typeof existing?.id === 'string' ? existing.id : undefined;
  if (!flowId) {
    const created = await graph.call<{ id?: unknown }>('POST', `${encodeURIComponent(wabaId)}/flows`, { name: flow.name, categories: flow.categories });
    if (!created.ok) return failed(created.error, 'create');
    if (typeof created.value.id !== 'string') return failed({ message: 'no flow id in the answer' }, 'create');
    flowId = created.value.id;
  }
  const form = new FormData();
  form.append('name', 'flow.json');
  form.append('asset_type', 'FLOW_JSON');
  form.append('file', new Blob([JSON.stringify(flow.json)], { type: 'application/json' }), 'flow.json');
  const uploaded = await graph.call<{ validation_errors?: { message?: unknown }[] }>('POST', `${encodeURIComponent(flowId)}/assets`, form);
  if (!uploaded.ok) return failed(uploaded.error, 'upload');
  const invalid = (uploaded.value.validation_errors ?? []).map((problem) => String(problem.message ?? ''));
  if (invalid.length > 0) return failed({ message: invalid.join('; ') }, 'Meta found errors in the Flow JSON');
  const published = await graph.call<{ success?: unknown }>('POST', `${encodeURIComponent(flowId)}/publish`);
  if (!published.ok) return failed(published.error, 'publish');
  return { name: flow.name, result: 'published', status: 'PUBLISHED' };
}

function describeError(outcome: { code?: number; subcode?: number; message: string }): string {
  const code = outcome.code === undefined ? '' : `(#${outcome.code}${outcome.subcode === undefined ? '' : `/${outcome.subcode}`}) `;
  return `${code}${outcome.message}`;
}

function usesPlaceholderHandle(template: TemplateDefinition): boolean {
  return template.components.some((component) => component.type === 'HEADER' && component.example?.header_handle?.includes(EXAMPLE_DOCUMENT_HANDLE));
}

function withDocumentHandle(template: TemplateDefinition, handle: string): TemplateDefinition {
  const components = template.components.map((component): TemplateComponent =>
    component.type === 'HEADER' && component.example?.header_handle?.includes(EXAMPLE_DOCUMENT_HANDLE)
      ? { ...component, example: { ...component.example, header_handle: [handle] } }
      : component,
  );
  return { ...template, components };
}

/** Resumable Upload API: start a session on the app, upload the bytes in one go, get the file handle `h`. */
async function uploadSample(graph: Graph, appId: string): Promise<GraphAnswer<string>> {
  const bytes = await samplePdf();
  const session = await graph.call<{ id?: unknown }>(
    'POST',
    `${encodeURIComponent(appId)}/uploads?file_name=contoh_bukti_antrian.pdf&file_length=${bytes.length}&file_type=application%2Fpdf`,
  );
  if (!session.ok) return session;
  if (typeof session.value.id !== 'string') return { ok: false, error: { message: 'no upload session id in the answer' } };
  const uploaded = await graph.call<{ h?: unknown }>('POST', session.value.id, bytes, { scheme: 'OAuth', headers: { file_offset: '0' } });
  if (!uploaded.ok) return uploaded;
  return typeof uploaded.value.h === 'string'
    ? { ok: true, value: uploaded.value.h }
    : { ok: false, error: { message: 'no file handle in the upload answer' } };
}

/** A one-page sample of the proof PDF, as the example Meta's reviewers see for the document header. */
async function samplePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([420, 595]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  page.drawText('CONTOH - BUKTI ANTRIAN BAP PASPOR', { x: 40, y: 540, size: 14, font: bold });
  ['Nomor Antrian: KRC-002', 'Nama: SIPULAN', 'Tanggal: Rabu, 31 Desember 2025', 'Jam Kedatangan: 09.00 WIB', 'Status: DIKONFIRMASI'].forEach((line, index) =>
    page.drawText(line, { x: 40, y: 500 - index * 20, size: 11, font }),
  );
  return pdf.save();
}

type GraphAnswer<T> = { ok: true; value: T } | { ok: false; error: { code?: number; subcode?: number; message: string } };

class Graph {
  constructor(
    private readonly apiUrl: string,
    private readonly token: string,
    private readonly fetchImpl: typeof fetch,
  ) {}

  async call<T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    options: { scheme?: 'Bearer' | 'OAuth'; headers?: Record<string, string> } = {},
  ): Promise<GraphAnswer<T>> {
    const binary = body instanceof Uint8Array;
    // A multipart body sets its own content type, with its boundary.
    const multipart = body instanceof FormData;
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.apiUrl}/${path}`, {
        method,
        headers: {
          authorization: `${options.scheme ?? 'Bearer'} ${this.token}`,
          ...(body === undefined || multipart ? {} : { 'content-type': binary ? 'application/pdf' : 'application/json' }),
          ...options.headers,
        },
        ...(body === undefined ? {} : { body: binary ? new Uint8Array(body) : multipart ? body : JSON.stringify(body) }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      return { ok: false, error: { message: `network error: ${(error as Error).message}` } };
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (response.ok && parsed !== undefined) return { ok: true, value: parsed as T };
    const error = (parsed as { error?: Record<string, unknown> } | undefined)?.error;
    if (!error) return { ok: false, error: { message: `HTTP ${response.status}${response.ok ? ': the answer is not JSON' : ''}` } };
    const detail = [error.message, error.error_user_title, error.error_user_msg].filter((part): part is string => typeof part === 'string' && part !== '');
    return {
      ok: false,
      error: {
        ...(typeof error.code === 'number' ? { code: error.code } : {}),
        ...(typeof error.error_subcode === 'number' ? { subcode: error.error_subcode } : {}),
        message: [...new Set(detail)].join(': ') || `HTTP ${response.status}`,
      },
    };
  }
}

async function main(): Promise<number> {
  let options: RegisterOptions;
  try {
    options = optionsFromEnv(process.env, process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(`templates:register: ${error.message}`);
    return 2;
  }
  return (await registerTemplates(options)).exitCode;
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`templates:register: ${(error as Error).message}`);
      process.exitCode = 1;
    },
  );
}
