/**
 * `npm run templates:register` against the real local server's fake Graph API (WABA template endpoints,
 * the Resumable Upload API), and the fake's checks of template sends against the shipped definitions.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GraphApiClient } from '../../lambdas/adapters/graph-api-client';
import { GraphApiError } from '../../lambdas/errors';
import { cancelledTemplate, confirmedTemplate, reminderTemplate, TEMPLATES, type TemplateDefinition } from '../../lambdas/domain/templates';
import { REGISTRATION_FLOW_NAME } from '../../lambdas/domain/registration-flow';
import { readRegistrationFlow } from '../../scripts/flow-json';
import { registerTemplates, type RegisterOptions } from '../../scripts/register-templates';
import { testOffice } from '../support/office';
import { startTestServer, type TestServer } from '../support/test-server';

const run = promisify(execFile);
const FLOW_PUBLISHED = `${REGISTRATION_FLOW_NAME} (Flow): published (PUBLISHED)`;
const WABA_ID = '102938475610293';
const facts = { queueNumber: 'KRC-007', name: 'SIPULAN', nik: '3201231508900001', date: '2025-12-31', time: '09:00', note: 'Bawa KTP asli' };
const proof = { link: 'https://bucket.example/proof.pdf', filename: 'bukti_antrian_KRC-007.pdf' };

let server: TestServer;
let apiUrl: string;

beforeAll(async () => {
  server = await startTestServer();
  apiUrl = `${server.url}/_graph/v25.0`;
});
afterAll(async () => {
  await server.cleanUp();
});

/** Runs the script in-process, collecting what it prints. */
async function register(options: Partial<RegisterOptions> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const result = await registerTemplates({
    apiUrl,
    wabaId: WABA_ID,
    accessToken: server.secrets.WHATSAPP_ACCESS_TOKEN,
    dryRun: false,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    ...options,
  });
  return { ...result, out, err };
}

function postMessage(body: unknown, token = server.secrets.WHATSAPP_ACCESS_TOKEN) {
  return fetch(`${apiUrl}/${server.config.WHATSAPP_PHONE_NUMBER_ID}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function templateSend(template: Record<string, unknown>) {
  return { messaging_product: 'whatsapp', recipient_type: 'individual', to: '+6281299990001', type: 'template', template };
}

describe('npm run templates:register', () => {
  it('prints each POST body on --dry-run and registers nothing', async () => {
    const result = await register({ dryRun: true });
    expect(result.exitCode).toBe(0);
    expect(result.out.slice(0, -1).map((line) => JSON.parse(line) as TemplateDefinition)).toEqual(TEMPLATES);
    expect(JSON.parse(result.out.at(-1) ?? '')).toEqual({ name: REGISTRATION_FLOW_NAME, categories: ['SIGN_UP'] });
    expect(result.err.join('\n')).toMatch(/nothing sent/);
    expect(server.fakeGraph.templatesOf(WABA_ID)).toEqual([]);
    expect(server.fakeGraph.flowsOf(WABA_ID)).toEqual([]);
  });

  it('creates all six, uploading one sample PDF for the document headers, then finds them all existing', async () => {
    const first = await register({ appId: '4455667788' });
    expect(first.exitCode).toBe(0);
    expect(first.out).toEqual([...TEMPLATES.map((template) => `${template.name}: created (PENDING)`), FLOW_PUBLISHED]);
    const stored = server.fakeGraph.templatesOf(WABA_ID);
    expect(stored.map((template) => [template.name, template.language, template.category, template.status])).toEqual(
      TEMPLATES.map((template) => [template.name, 'id', 'UTILITY', 'PENDING']),
    );
    expect(server.fakeGraph.uploadHandles).toHaveLength(1);
    const handles = stored.flatMap((template) =>
      (template.components as { type: string; example?: { header_handle?: string[] } }[]).flatMap((component) =>
        component.type === 'HEADER' ? (component.example?.header_handle ?? []) : [],
      ),
    );
    expect(handles).toEqual([server.fakeGraph.uploadHandles[0], server.fakeGraph.uploadHandles[0]]);

    const reviewed = stored.find((template) => template.name === 'pengingat_kedatangan');
    if (reviewed) reviewed.status = 'APPROVED';
    const second = await register();
    expect(second.exitCode).toBe(0);
    expect(second.out).toEqual([
      ...TEMPLATES.map((template) => `${template.name}: exists (${template.name === 'pengingat_kedatangan' ? 'APPROVED' : 'PENDING'})`),
      `${REGISTRATION_FLOW_NAME} (Flow): exists (PUBLISHED)`,
    ]);
    expect(server.fakeGraph.flowsOf(WABA_ID)).toHaveLength(1);
    expect(server.fakeGraph.templatesOf(WABA_ID)).toHaveLength(TEMPLATES.length);
    expect(server.fakeGraph.uploadHandles).toHaveLength(1);
  });

  it("keeps each WhatsApp Business Account's templates apart and warns when no app id can upload the sample", async () => {
    const result = await register({ wabaId: '777000111' });
    expect(result.out).toEqual([...TEMPLATES.map((template) => `${template.name}: created (PENDING)`), FLOW_PUBLISHED]);
    expect(result.err.join('\n')).toMatch(/WHATSAPP_APP_ID is not set/);
    expect(server.fakeGraph.templatesOf('777000111')).toHaveLength(TEMPLATES.length);
  });

  it("reports Meta's code and message for each template, never the token, and exits 1", async () => {
    const token = 'wrong-token-abcdef';
    const result = await register({ wabaId: '888000111', accessToken: token });
    expect(result.exitCode).toBe(1);
    expect(result.out).toEqual([
      ...TEMPLATES.map((template) => `${template.name}: failed (#190) Error validating access token: The session has expired or is invalid.`),
      `${REGISTRATION_FLOW_NAME} (Flow): failed (#190) list: Error validating access token: The session has expired or is invalid.`,
    ]);
    expect([...result.out, ...result.err].join('\n')).not.toContain(token);
    expect(server.fakeGraph.templatesOf('888000111')).toEqual([]);
  });

  it("sends nothing when a definition breaks Meta's rules", async () => {
    const broken = { ...TEMPLATES[4], name: 'Pendaftaran Dibatalkan' } as TemplateDefinition;
    const result = await register({ wabaId: '999000111', templates: [broken] });
    expect(result.exitCode).toBe(1);
    expect(result.problems).toEqual([expect.stringMatching(/^Pendaftaran Dibatalkan: name:/)]);
    expect(server.fakeGraph.templatesOf('999000111')).toEqual([]);
    expect(server.fakeGraph.flowsOf('999000111')).toEqual([]);
  });

  it('runs from the command line, naming the missing variables, and registering with them', async () => {
    const script = join(__dirname, '../../scripts/register-templates.ts');
    const tsx = join(__dirname, '../../node_modules/.bin/tsx');
    const bare = { PATH: process.env.PATH ?? '' };
    const missing = await run(tsx, [script], { env: bare }).catch((error: { code: number; stderr: string }) => error);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/WHATSAPP_WABA_ID and WHATSAPP_ACCESS_TOKEN/) });

    const env = { ...bare, WHATSAPP_API_URL: apiUrl, WHATSAPP_WABA_ID: '555000111', WHATSAPP_ACCESS_TOKEN: server.secrets.WHATSAPP_ACCESS_TOKEN };
    const created = await run(tsx, [script], { env });
    expect(created.stdout.trim().split('\n')).toEqual([...TEMPLATES.map((template) => `${template.name}: created (PENDING)`), FLOW_PUBLISHED]);
    expect(created.stdout + created.stderr).not.toContain(server.secrets.WHATSAPP_ACCESS_TOKEN);
    const dry = await run(tsx, [script, '--dry-run'], { env });
    expect(dry.stdout.trim().split('\n')).toHaveLength(TEMPLATES.length + 1);
    expect(server.fakeGraph.templatesOf('555000111')).toHaveLength(TEMPLATES.length);
  }, 30_000);
});

describe('npm run templates:register and the registration Flow', () => {
  it('creates the Flow, uploads flows/registration.json as its JSON and publishes it, once', async () => {
    const waba = '321000111';
    const first = await register({ wabaId: waba, templates: [] });
    expect(first.exitCode).toBe(0);
    expect(first.out).toEqual([FLOW_PUBLISHED]);
    const [flow, ...others] = server.fakeGraph.flowsOf(waba);
    expect(others).toEqual([]);
    expect(flow).toMatchObject({ name: REGISTRATION_FLOW_NAME, categories: ['SIGN_UP'], status: 'PUBLISHED', validationErrors: [] });
    expect(flow?.json).toEqual(readRegistrationFlow());

    const again = await register({ wabaId: waba, templates: [] });
    expect(again.out).toEqual([`${REGISTRATION_FLOW_NAME} (Flow): exists (PUBLISHED)`]);
    expect(server.fakeGraph.flowsOf(waba)).toHaveLength(1);
  });

  it('finishes a Flow left as a draft (a run that stopped before publishing) instead of creating a second one', async () => {
    const waba = '321000222';
    const headers = { authorization: `Bearer ${server.secrets.WHATSAPP_ACCESS_TOKEN}`, 'content-type': 'application/json' };
    const draft = await fetch(`${apiUrl}/${waba}/flows`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: REGISTRATION_FLOW_NAME, categories: ['SIGN_UP'] }),
    });
    const { id } = (await draft.json()) as { id: string };
    const unpublishable = await fetch(`${apiUrl}/${id}/publish`, { method: 'POST', headers });
    expect(unpublishable.status).toBe(400);

    const result = await register({ wabaId: waba, templates: [] });
    expect(result.out).toEqual([FLOW_PUBLISHED]);
    expect(server.fakeGraph.flowsOf(waba)).toEqual([expect.objectContaining({ id, status: 'PUBLISHED' })]);
  });

  it('sends nothing when the Flow JSON would not work, naming what is wrong', async () => {
    const waba = '321000333';
    const json = structuredClone(readRegistrationFlow()) as { version: string };
    json.version = '3.1';
    const result = await register({ wabaId: waba, templates: [], flow: { name: REGISTRATION_FLOW_NAME, categories: ['SIGN_UP'], json } });
    expect(result.exitCode).toBe(1);
    expect(result.problems).toEqual([`${REGISTRATION_FLOW_NAME}: version: Flow JSON 5.0 or later (DatePicker values as YYYY-MM-DD)`]);
    expect(server.fakeGraph.flowsOf(waba)).toEqual([]);
  });
});

describe("the fake Graph API's template endpoints", () => {
  it('lists templates by name and refuses a duplicate or a definition against the rules', async () => {
    const headers = { authorization: `Bearer ${server.secrets.WHATSAPP_ACCESS_TOKEN}`, 'content-type': 'application/json' };
    const waba = '123123123';
    const created = await fetch(`${apiUrl}/${waba}/message_templates`, { method: 'POST', headers, body: JSON.stringify(TEMPLATES[4]) });
    expect(created.status).toBe(200);
    expect(await created.json()).toEqual({ id: expect.any(String), status: 'PENDING', category: 'UTILITY' });

    const listed = await fetch(`${apiUrl}/${waba}/message_templates?name=pendaftaran_dibatalkan`, { headers });
    expect(await listed.json()).toMatchObject({
      data: [{ name: 'pendaftaran_dibatalkan', status: 'PENDING', language: 'id', category: 'UTILITY', id: expect.any(String) }],
    });

    const duplicate = await fetch(`${apiUrl}/${waba}/message_templates`, { method: 'POST', headers, body: JSON.stringify(TEMPLATES[4]) });
    expect(duplicate.status).toBe(400);
    expect(await duplicate.json()).toMatchObject({ error: { code: 100, error_subcode: 2388024, error_user_title: 'Message template already exists' } });

    const startsWithPlaceholder = {
      ...TEMPLATES[4],
      name: 'dibatalkan_salah',
      components: [
        {
          type: 'BODY',
          text: '{{1}} dibatalkan atas nama {{2}} karena {{3}}. Untuk mendaftar kembali, ketik MENU.',
          example: { body_text: [['a', 'b', 'c']] },
        },
      ],
    };
    const refused = await fetch(`${apiUrl}/${waba}/message_templates`, { method: 'POST', headers, body: JSON.stringify(startsWithPlaceholder) });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 100, error_user_msg: expect.stringMatching(/must not start with a placeholder/) } });
  });
});

describe('the fake Graph API checks template sends against the shipped definitions', () => {
  it('answers 132001 to an unknown template name or language', async () => {
    const unknown = await postMessage(templateSend({ name: 'jadwal_konfirmasi', language: { code: 'id' }, components: [] }));
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: { code: 132001, message: expect.stringMatching(/Template name does not exist in the translation/) } });
    const english = await postMessage(templateSend({ name: 'pendaftaran_dibatalkan', language: { code: 'en_US' }, components: [] }));
    expect(await english.json()).toMatchObject({ error: { code: 132001 } });
  });

  it('answers 132000 to a wrong parameter count and 132012 to a parameter with a line break', async () => {
    const body = (texts: string[]) => [{ type: 'body', parameters: texts.map((text) => ({ type: 'text', text })) }];
    const tooFew = await postMessage(templateSend({ name: 'pendaftaran_dibatalkan', language: { code: 'id' }, components: body(['KRC-007', 'SIPULAN']) }));
    expect(tooFew.status).toBe(400);
    expect(await tooFew.json()).toMatchObject({ error: { code: 132000, message: expect.stringMatching(/Number of parameters does not match/) } });
    const noHeader = await postMessage(
      templateSend({
        name: 'jadwal_dikonfirmasi',
        language: { code: 'id' },
        components: body(['KRC-007', 'SIPULAN', 'Rabu, 31 Desember 2025', '09.00 WIB', '-']),
      }),
    );
    expect(await noHeader.json()).toMatchObject({ error: { code: 132000 } });
    const newline = await postMessage(
      templateSend({ name: 'pendaftaran_dibatalkan', language: { code: 'id' }, components: body(['KRC-007', 'SIPULAN', 'baris\nbaru']) }),
    );
    expect(await newline.json()).toMatchObject({ error: { code: 132012 } });
    expect(server.fakeGraph.sentTo('6281299990001')).toEqual([]);
  });

  it("accepts and records what the bot's Graph API client sends for each builder", async () => {
    const client = new GraphApiClient({
      apiUrl,
      phoneNumberId: server.config.WHATSAPP_PHONE_NUMBER_ID,
      accessToken: async () => server.secrets.WHATSAPP_ACCESS_TOKEN,
    });
    const to = '6281299990002';
    for (const template of [
      confirmedTemplate(facts, proof),
      reminderTemplate(facts, testOffice()),
      cancelledTemplate('KRC-007', 'SIPULAN', 'Berkas\ntidak lengkap'),
    ]) {
      await client.send({ waId: to }, { type: 'template', template });
    }
    const sent = server.fakeGraph.sentTo(to);
    expect(sent.map((message) => [message.type, (message.payload.template as { name: string }).name])).toEqual([
      ['template', 'jadwal_dikonfirmasi'],
      ['template', 'pengingat_kedatangan'],
      ['template', 'pendaftaran_dibatalkan'],
    ]);
    expect(sent[1]?.payload.template).toMatchObject({
      components: expect.arrayContaining([
        { type: 'button', sub_type: 'quick_reply', index: '2', parameters: [{ type: 'payload', payload: 'batal:KRC-007' }] },
      ]),
    });

    const wrong = client.send({ waId: to }, { type: 'template', template: { ...reminderTemplate(facts, testOffice()), buttonPayloads: [] } });
    await expect(wrong).rejects.toBeInstanceOf(GraphApiError);
    await expect(wrong).rejects.toMatchObject({ code: 132000, retryable: false });
  });
});
