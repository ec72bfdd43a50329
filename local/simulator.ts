/**
 * The WhatsApp simulator: a chat page where a person plays the applicant. What they type is turned into
 * a Meta-shaped webhook body, signed with the app secret and posted to the real `/webhook`; what the bot
 * sends is read from the fake Graph API.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { z } from 'zod';
import { templateParametersOf, type FakeGraphApi, type SentMessage } from './fake-graph-api';
import { findTemplate, renderTemplateBody } from '../lambdas/domain/templates';
import { REGISTRATION_FLOW_NAME } from '../lambdas/domain/registration-flow';
import { readRegistrationFlow } from '../scripts/flow-json';
import { readBody } from './http-events';
import { safeJson } from '../lambdas/http/json';
import { messageEnvelope, signedRequest } from './meta-envelope';

const STATIC_FILES: Record<string, { file: string; type: string }> = {
  '/sim': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/sim/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/sim/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/sim/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

/** WhatsApp takes documents up to 100 MB; the simulator keeps to 16 MB. */
const MAX_FILE_BASE64 = Math.ceil((16 * 1024 * 1024 * 4) / 3);

const sendSchema = z.object({
  waId: z.string().regex(/^\d{8,15}$/, 'nomor WhatsApp: 8–15 angka, mis. 6281234567890'),
  name: z.string().trim().min(1).max(100),
  text: z.string().min(1).max(4096).optional(),
  choice: z.object({ id: z.string().min(1), title: z.string() }).optional(),
  button: z.object({ payload: z.string(), text: z.string() }).optional(),
  /** A photo or file "sent" from the phone: stored as WhatsApp media, then announced by webhook. */
  file: z.object({ name: z.string().max(200), type: z.string().max(100), base64: z.string().max(MAX_FILE_BASE64) }).optional(),
  caption: z.string().max(1024).optional(),
  /** Which office's number the person writes to (many offices); the default office's when absent. */
  phoneNumberId: z
    .string()
    .regex(/^\d{5,30}$/)
    .optional(),
  /** A WhatsApp Flow submitted from the form the page drew: its `complete` payload. */
  flowReply: z
    .object({
      response: z.record(z.string().max(40), z.string().max(1000)).refine((response) => Object.keys(response).length <= 20, 'at most 20 values'),
      flowToken: z.string().max(200).optional(),
    })
    .optional(),
});

const LONG_POLL_MS = 25_000;

export class Simulator {
  constructor(
    private readonly options: {
      fakeGraph: FakeGraphApi;
      appSecret: string;
      phoneNumberId: string;
      webhookUrl: string;
      /** The offices to choose from (default first); one office: no choice shown. */
      offices?: () => Promise<readonly { id: string; name: string; phoneNumberId: string }[]>;
    },
  ) {}

  async handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const asset = STATIC_FILES[path];
    if (asset && request.method === 'GET') {
      response.writeHead(200, {
        'content-type': asset.type,
        'content-security-policy': "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
        'cache-control': 'no-store',
      });
      response.end(readFileSync(join(__dirname, 'sim', asset.file)));
      return;
    }
    if (path === '/sim/api/send' && request.method === 'POST') return this.send(request, response);
    if (path === '/sim/api/messages' && request.method === 'GET') return this.messages(request, response);
    if (path === '/sim/api/offices' && request.method === 'GET') return json(response, 200, { offices: await this.offices() });
    if (path.startsWith('/sim/api/flows/') && request.method === 'GET') return this.flow(response, decodeURIComponent(path.slice('/sim/api/flows/'.length)));
    json(response, 404, { error: 'not found' });
  }

  private async offices(): Promise<readonly { id: string; name: string; phoneNumberId: string }[]> {
    return this.options.offices ? this.options.offices() : [];
  }

  private async send(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const parsed = sendSchema.safeParse(safeJson(await readBody(request, MAX_FILE_BASE64 + 64 * 1024)));
    if (!parsed.success) {
      json(response, 400, { error: parsed.error.issues[0]?.message ?? 'invalid' });
      return;
    }
    const { waId, name, text, choice, button, file, caption, flowReply } = parsed.data;
    const message =
      text !== undefined
        ? { text }
        : choice
          ? { choice }
          : button
            ? { button }
            : file
              ? this.media(file, caption)
              : flowReply
                ? { flowReply: { response: flowReply.response, ...(flowReply.flowToken ? { flowToken: flowReply.flowToken } : {}) } }
                : undefined;
    if (!message) {
      json(response, 400, { error: 'text, choice, button, file or flowReply is required' });
      return;
    }
    const offices = await this.offices();
    const to = offices.find((office) => office.phoneNumberId === parsed.data.phoneNumberId)?.phoneNumberId ?? this.options.phoneNumberId;
    const envelope = messageEnvelope(to, { waId, name }, message);
    const { payload, signature } = signedRequest(envelope.body, this.options.appSecret);
    const result = await fetch(this.options.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
      body: payload,
    });
    json(response, 200, { id: envelope.id, webhookStatus: result.status });
  }

  /**
   * The Flow JSON a flow message names, for the page to draw as a form: the one published on the fake
   * Graph API under that name, else the repository's registration Flow (locally nothing publishes it).
   */
  private flow(response: ServerResponse, name: string): void {
    const published = this.options.fakeGraph.publishedFlow(name);
    if (published !== undefined) return json(response, 200, published);
    if (name === REGISTRATION_FLOW_NAME) return json(response, 200, readRegistrationFlow());
    json(response, 404, { error: `no Flow named ${name}` });
  }

  private media(file: { name: string; type: string; base64: string }, caption: string | undefined) {
    const mimeType = file.type || 'application/octet-stream';
    const { mediaId, sha256 } = this.options.fakeGraph.addMedia(Buffer.from(file.base64, 'base64'), mimeType);
    const kind = mimeType === 'image/jpeg' || mimeType === 'image/png' ? ('image' as const) : ('document' as const);
    return {
      media: { kind, mediaId, mimeType, sha256, ...(caption ? { caption } : {}), ...(kind === 'document' ? { filename: file.name } : {}) },
    };
  }

  /** Long poll: answers at once when the bot sent something after `after`, else waits for it. */
  private async messages(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const waId = url.searchParams.get('waId') ?? '';
    const after = Number(url.searchParams.get('after') ?? '0');
    // One conversation per office: only what the chosen office's number sent.
    const from = url.searchParams.get('phoneNumberId') || this.options.phoneNumberId;
    const pick = () => this.options.fakeGraph.sentTo(waId).filter((message) => message.seq > after && message.fromPhoneNumberId === from);
    let found = pick();
    if (found.length === 0 && url.searchParams.get('wait') !== '0') {
      found = await new Promise<SentMessage[]>((resolve) => {
        const onSent = (message: SentMessage) => {
          if (message.to !== waId) return;
          cleanup();
          // Let the rest of a reply arrive so that it renders together.
          setTimeout(() => resolve(pick()), 150);
        };
        const timer = setTimeout(() => {
          cleanup();
          resolve([]);
        }, LONG_POLL_MS);
        const cleanup = () => {
          clearTimeout(timer);
          this.options.fakeGraph.off('sent', onSent);
        };
        request.on('close', cleanup);
        this.options.fakeGraph.on('sent', onSent);
      });
    }
    if (response.destroyed) return;
    json(response, 200, {
      messages: found.map((message) => ({
        seq: message.seq,
        type: message.type,
        payload: message.payload,
        at: message.at,
        ...(message.type === 'template' ? { template: renderedTemplate(message.payload) } : {}),
      })),
    });
  }
}

/**
 * A template send as the phone shows it: the approved definition's words with the parameters in place,
 * the header's document, the footer, and each quick reply's label with the payload it answers with.
 */
export function renderedTemplate(payload: Record<string, unknown>): RenderedTemplate | undefined {
  const sent = payload.template as { name?: unknown; language?: { code?: unknown }; components?: unknown } | undefined;
  const name = typeof sent?.name === 'string' ? sent.name : '';
  const language = typeof sent?.language?.code === 'string' ? sent.language.code : '';
  const definition = findTemplate(name, language);
  const parameters = templateParametersOf(name, language, Array.isArray(sent?.components) ? sent.components : []);
  if (!definition || 'code' in parameters) return undefined;
  const footer = definition.components.find((component) => component.type === 'FOOTER');
  const labels = definition.components.flatMap((component) => (component.type === 'BUTTONS' ? component.buttons.map((button) => button.text) : []));
  return {
    body: renderTemplateBody(definition, parameters.body),
    ...(parameters.headerDocument ? { document: parameters.headerDocument } : {}),
    ...(footer?.type === 'FOOTER' ? { footer: footer.text } : {}),
    // Meta answers a quick reply without a payload of its send with the label itself.
    buttons: labels.map((text, index) => ({ text, payload: parameters.buttonPayloads?.[index] ?? text })),
  };
}

export interface RenderedTemplate {
  readonly body: string;
  readonly document?: { readonly link: string; readonly filename: string };
  readonly footer?: string;
  readonly buttons: readonly { readonly text: string; readonly payload: string }[];
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
