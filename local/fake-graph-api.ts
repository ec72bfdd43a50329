/**
 * A small stand-in for Meta's Graph API: it checks requests the way Meta does (token, envelope, the
 * limits of each message type), answers like Meta, and records what the bot sent for the simulator and
 * the tests. Tests can script failures.
 */
import { createHash } from 'node:crypto';
import { flowJsonProblems } from '../scripts/flow-json';
import { statusEnvelope } from './meta-envelope';
import { EventEmitter } from 'node:events';
import { z } from 'zod';
import type { TemplateParameters } from '../lambdas/domain/replies';
import { findTemplate, TEMPLATES, type TemplateDefinition } from '../lambdas/domain/templates';
import { validateTemplateDefinition, validateTemplateSend } from '../lambdas/meta/template-review';

export interface SentMessage {
  readonly id: string;
  readonly seq: number;
  /** `to` without the plus sign, or the BSUID from `recipient`. */
  readonly to: string;
  readonly type: string;
  readonly payload: Record<string, unknown>;
  readonly at: string;
  /** The office number it was sent from (`POST /{phone-number-id}/messages`). */
  readonly fromPhoneNumberId: string;
}

export interface GraphError {
  readonly httpStatus: number;
  readonly code: number;
  readonly message: string;
}

/**
 * Takes a message and then loses the answer: Meta has it (it is delivered and its status webhook comes),
 * the caller learns nothing (`timeout`: no answer at all; `cut`: a gateway's 502 without Meta's body).
 */
export interface AcceptThenFail {
  readonly afterAccepting: 'timeout' | 'cut';
}

/** What a failure script sees of a request. */
export interface ScriptedRequest {
  readonly kind: 'message' | 'read';
  readonly to?: string;
  readonly type?: string;
  /** The sender's `biz_opaque_callback_data` (the bot's outbox id). */
  readonly callbackData?: string;
  readonly payload?: Record<string, unknown>;
}

/** Decides, per request, to fail it (a Meta error, `timeout` to never answer, or to take it and lose the answer). */
export type FailureScript = (request: ScriptedRequest) => GraphError | 'timeout' | AcceptThenFail | undefined;

/** Posts a status webhook (Meta's envelope, unsigned) the way Meta does; resolves to the HTTP status. */
export type StatusPoster = (body: Record<string, unknown>) => Promise<number>;

/** An interactive `flow` message's action, as Meta checks it (flow_message_version 3, a CTA of at most 20 characters without emoji). */
const flowActionSchema = z.object({
  name: z.literal('flow'),
  parameters: z
    .object({
      flow_message_version: z.literal('3'),
      flow_token: z.string().max(200).optional(),
      flow_id: z.string().optional(),
      flow_name: z.string().optional(),
      flow_cta: z
        .string()
        .min(1)
        .max(20)
        .regex(/^[^\p{Extended_Pictographic}]*$/u, 'no emoji'),
      mode: z.enum(['draft', 'published']).optional(),
      flow_action: z.enum(['navigate', 'data_exchange']).optional(),
      flow_action_payload: z.object({ screen: z.string().min(1), data: z.record(z.string(), z.unknown()).optional() }).optional(),
    })
    .refine((parameters) => Boolean(parameters.flow_id) !== Boolean(parameters.flow_name), { message: 'exactly one of flow_id and flow_name' })
    .refine((parameters) => parameters.flow_action === 'data_exchange' || parameters.flow_action_payload !== undefined, {
      message: 'flow_action_payload.screen is required for navigate',
    }),
});

const listRowSchema = z.object({ id: z.string().min(1).max(200), title: z.string().min(1).max(24), description: z.string().max(72).optional() });
/** A media header of a reply-buttons message: an id or a link, not both (a document may name its file). */
const mediaHeaderSchema = z
  .object({ id: z.string().optional(), link: z.string().url().optional(), filename: z.string().optional() })
  .refine((media) => Boolean(media.id) !== Boolean(media.link), { message: 'exactly one of id and link' });
const buttonHeaderSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1).max(60) }),
  z.object({ type: z.literal('document'), document: mediaHeaderSchema }),
  z.object({ type: z.literal('image'), image: mediaHeaderSchema }),
  z.object({ type: z.literal('video'), video: mediaHeaderSchema }),
]);
const messageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.object({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() }) }),
  z.object({
    type: z.literal('interactive'),
    interactive: z.discriminatedUnion('type', [
      z.object({
        type: z.enum(['list', 'button']),
        /** Reply buttons only (Meta: header text, image, video or document). */
        header: buttonHeaderSchema.optional(),
        body: z.object({ text: z.string().min(1).max(4096) }),
        action: z.object({
          button: z.string().min(1).max(20).optional(),
          sections: z
            .array(z.object({ title: z.string().max(24).optional(), rows: z.array(listRowSchema).min(1) }))
            .min(1)
            .max(10)
            .optional(),
          buttons: z.array(z.unknown()).max(3).optional(),
        }),
      }),
      z.object({ type: z.literal('flow'), body: z.object({ text: z.string().min(1).max(1024) }), action: flowActionSchema }),
    ]),
  }),
  z.object({
    type: z.literal('document'),
    document: z.object({
      id: z.string().optional(),
      link: z.string().url().optional(),
      filename: z.string().optional(),
      caption: z.string().max(1024).optional(),
    }),
  }),
  z.object({
    type: z.literal('template'),
    template: z.object({ name: z.string(), language: z.object({ code: z.string() }), components: z.array(z.unknown()).optional() }),
  }),
]);
const envelopeSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  to: z
    .string()
    .regex(/^\+?\d{6,15}$/)
    .optional(),
  recipient: z.string().optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
});

/** A WhatsApp Flow created on a WhatsApp Business Account through `POST /{WABA_ID}/flows`. */
export interface StoredFlow {
  readonly id: string;
  readonly name: string;
  readonly categories: readonly string[];
  status: 'DRAFT' | 'PUBLISHED';
  /** The Flow JSON of the last `POST /{flow_id}/assets`. */
  json?: unknown;
  validationErrors: readonly { error: string; message: string }[];
}

const FLOW_CATEGORIES = ['SIGN_UP', 'SIGN_IN', 'APPOINTMENT_BOOKING', 'LEAD_GENERATION', 'CONTACT_US', 'CUSTOMER_SUPPORT', 'SURVEY', 'OTHER'] as const;
const createFlowSchema = z.object({ name: z.string().min(1).max(200), categories: z.array(z.enum(FLOW_CATEGORIES)).min(1) });

/** A template created on a WhatsApp Business Account through `POST /{WABA_ID}/message_templates`. */
export interface StoredTemplate {
  readonly id: string;
  readonly name: string;
  readonly language: string;
  readonly category: string;
  status: 'PENDING' | 'APPROVED' | 'REJECTED' | 'PAUSED' | 'DISABLED';
  readonly components: readonly unknown[];
}

/** The request shape Meta takes for a new template; Meta's content rules come after it (validateTemplateDefinition). */
const templateDefinitionSchema = z.object({
  name: z.string(),
  language: z.string(),
  category: z.enum(['UTILITY', 'MARKETING', 'AUTHENTICATION']),
  allow_category_change: z.boolean().optional(),
  parameter_format: z.literal('POSITIONAL').optional(),
  components: z
    .array(
      z.discriminatedUnion('type', [
        z.object({
          type: z.literal('HEADER'),
          format: z.enum(['TEXT', 'DOCUMENT', 'IMAGE', 'VIDEO']),
          text: z.string().optional(),
          example: z.object({ header_handle: z.array(z.string()).optional(), header_text: z.array(z.string()).optional() }).optional(),
        }),
        z.object({ type: z.literal('BODY'), text: z.string(), example: z.object({ body_text: z.array(z.array(z.string())) }).optional() }),
        z.object({ type: z.literal('FOOTER'), text: z.string() }),
        z.object({ type: z.literal('BUTTONS'), buttons: z.array(z.object({ type: z.literal('QUICK_REPLY'), text: z.string() })) }),
      ]),
    )
    .min(1),
});

export class FakeGraphApi extends EventEmitter {
  readonly sent: SentMessage[] = [];
  readonly readReceipts: string[] = [];
  private failureScript: FailureScript | undefined;
  private statusPoster: StatusPoster | undefined;
  private readonly statusTimers = new Set<NodeJS.Timeout>();
  private counter = 0;
  private readonly media = new Map<string, { bytes: Buffer; mimeType: string }>();
  /** Templates per WhatsApp Business Account id. */
  private readonly wabaTemplates = new Map<string, StoredTemplate[]>();
  /** Resumable Upload API sessions: id → declared length; `h` handles handed out. */
  private readonly uploadSessions = new Map<string, number>();
  readonly uploadHandles: string[] = [];
  /** Flows per WhatsApp Business Account id, and every flow by id. */
  private readonly wabaFlows = new Map<string, StoredFlow[]>();
  private readonly flowsById = new Map<string, StoredFlow>();
  /** The registry offices' numbers (many offices, one deployment): messages from them are taken too. */
  readonly otherPhoneNumberIds = new Set<string>();

  constructor(
    readonly phoneNumberId: string,
    private readonly accessToken: string,
    /** Where `GET /{media-id}` points its short-lived download URLs. */
    private readonly downloadBaseUrl = 'http://127.0.0.1/_graph/download',
    /** The one WABA id answered for; unset: every id is a WABA of its own. */
    private readonly wabaId?: string,
    /** The approved templates that sends are checked against. */
    private readonly approvedTemplates: readonly TemplateDefinition[] = TEMPLATES,
  ) {
    super();
    this.setMaxListeners(0);
  }

  /** Stores a file as if an applicant had sent it on WhatsApp; returns its media id and SHA-256 (base64). */
  addMedia(bytes: Uint8Array, mimeType: string): { mediaId: string; sha256: string } {
    const mediaId = String(7_000_000_000_000 + this.media.size + 1 + Math.floor(Math.random() * 1_000_000) * 1000);
    const buffer = Buffer.from(bytes);
    this.media.set(mediaId, { bytes: buffer, mimeType });
    return { mediaId, sha256: createHash('sha256').update(buffer).digest('base64') };
  }

  /** `GET <download url>`: the bytes, for the bearer token only, like Meta's lookaside host. */
  download(mediaId: string, authorization: string | undefined): { status: number; body: Buffer | unknown; contentType: string } {
    if (authorization !== `Bearer ${this.accessToken}`) return { status: 401, body: { error: 'unauthorized' }, contentType: 'application/json' };
    const file = this.media.get(mediaId);
    if (!file) return { status: 404, body: { error: 'not found' }, contentType: 'application/json' };
    return { status: 200, body: file.bytes, contentType: file.mimeType };
  }

  scriptFailures(script: FailureScript | undefined): void {
    this.failureScript = script;
  }

  /**
   * Posts a `sent` status webhook for every message taken, a few milliseconds later, as Meta does within
   * seconds, with the sender's `biz_opaque_callback_data`; a webhook that does not answer 200 is posted
   * again with back-off (Meta retries too). `undefined` stops it.
   */
  postStatusesTo(poster: StatusPoster | undefined): void {
    this.statusPoster = poster;
  }

  /** Stops status webhooks still waiting to be posted. */
  close(): void {
    this.statusPoster = undefined;
    for (const timer of this.statusTimers) clearTimeout(timer);
    this.statusTimers.clear();
  }

  private scheduleStatus(sent: SentMessage, callbackData: string | undefined, attempt = 0): void {
    const poster = this.statusPoster;
    if (!poster) return;
    const timer = setTimeout(
      () => {
        this.statusTimers.delete(timer);
        const body = statusEnvelope(sent.fromPhoneNumberId, sent.to, sent.id, 'sent', undefined, callbackData ? { callbackData } : {});
        poster(body).then(
          (status) => {
            if (status !== 200 && attempt < 8) this.scheduleStatus(sent, callbackData, attempt + 1);
          },
          () => {
            if (attempt < 8) this.scheduleStatus(sent, callbackData, attempt + 1);
          },
        );
      },
      attempt === 0 ? 5 : Math.min(5_000, 100 * 2 ** attempt),
    );
    this.statusTimers.add(timer);
  }

  sentTo(to: string): SentMessage[] {
    return this.sent.filter((message) => message.to === to);
  }

  /** The templates created on a WABA (the configured one when no id is given). */
  /** Meta's review of the templates waiting on an account: every PENDING one gets `status`. */
  reviewTemplates(status: 'APPROVED' | 'REJECTED', wabaId = this.wabaId ?? ''): void {
    this.wabaTemplates.set(
      wabaId,
      this.templatesOf(wabaId).map((template) => (template.status === 'PENDING' ? { ...template, status } : template)),
    );
  }

  /** The JSON of a published Flow of that name, on any WABA. */
  publishedFlow(name: string): unknown {
    return [...this.flowsById.values()].find((flow) => flow.name === name && flow.status === 'PUBLISHED')?.json;
  }

  /** The Flows created on a WABA (the configured one when no id is given). */
  flowsOf(wabaId = this.wabaId ?? ''): readonly StoredFlow[] {
    return this.wabaFlows.get(wabaId) ?? [];
  }

  templatesOf(wabaId = this.wabaId ?? ''): readonly StoredTemplate[] {
    return this.wabaTemplates.get(wabaId) ?? [];
  }

  /**
   * Handles `POST /{phone-number-id}/messages`, `GET /{media-id}`, `GET|POST /{waba-id}/message_templates`
   * and the Resumable Upload API (`POST /{app-id}/uploads`, `POST /upload:<session>`); resolves to status and
   * JSON body, or never (timeout). `path` is what follows the version; `query` its query string.
   */
  async handle(
    method: string,
    path: string,
    authorization: string | undefined,
    body: unknown,
    query: URLSearchParams = new URLSearchParams(),
    /** The request as sent, for the one multipart endpoint (`POST /{flow_id}/assets`). */
    raw?: { readonly bytes: Buffer; readonly contentType: string },
  ): Promise<{ status: number; body: unknown }> {
    const segments = path.split('/').filter(Boolean);
    // Meta's upload step takes the token as `OAuth <token>`; everything else as a bearer token.
    const uploadStep = method === 'POST' && segments.length === 1 && (segments[0] ?? '').startsWith('upload:');
    if (authorization !== `${uploadStep ? 'OAuth' : 'Bearer'} ${this.accessToken}`) {
      return error(401, 190, 'Error validating access token: The session has expired or is invalid.');
    }
    if (uploadStep) return this.finishUpload(segments[0] ?? '');
    if (method === 'GET' && segments.length === 1 && segments[0] === this.phoneNumberId) {
      return {
        status: 200,
        body: {
          id: this.phoneNumberId,
          display_phone_number: '+62 851-2673-0544',
          verified_name: 'Kantor Imigrasi Kerinci (simulator)',
          quality_rating: 'GREEN',
        },
      };
    }
    if (method === 'GET' && segments.length === 1) return this.mediaInfo(segments[0] ?? '');
    if (segments.length === 2 && segments[1] === 'message_templates') {
      const waba = segments[0] ?? '';
      if (this.wabaId !== undefined && waba !== this.wabaId) return error(400, 100, `Unsupported request: Object with ID '${waba}' does not exist`);
      if (method === 'GET') return this.listTemplates(waba, query);
      if (method === 'POST') return this.createTemplate(waba, body);
    }
    if (method === 'POST' && segments.length === 2 && segments[1] === 'uploads') return this.startUpload(query);
    if (segments.length === 2 && segments[1] === 'flows') {
      const waba = segments[0] ?? '';
      if (this.wabaId !== undefined && waba !== this.wabaId) return error(400, 100, `Unsupported request: Object with ID '${waba}' does not exist`);
      if (method === 'GET') return this.listFlows(waba);
      if (method === 'POST') return this.createFlow(waba, body);
    }
    if (method === 'POST' && segments.length === 2 && this.flowsById.has(segments[0] ?? '')) {
      const flow = this.flowsById.get(segments[0] ?? '');
      if (flow && segments[1] === 'assets') return this.uploadFlowJson(flow, raw);
      if (flow && segments[1] === 'publish') return this.publishFlow(flow);
    }
    if (method !== 'POST' || segments.length !== 2 || segments[1] !== 'messages') {
      return error(400, 100, `Unsupported request: ${method} ${path}`);
    }
    const from = segments[0] ?? '';
    if (from !== this.phoneNumberId && !this.otherPhoneNumberIds.has(from)) return error(400, 100, 'Object with ID does not exist');
    const record = (body ?? {}) as Record<string, unknown>;
    if (record.status === 'read') {
      const failure = this.failureScript?.({ kind: 'read' });
      if (failure) return this.fail(typeof failure === 'object' && 'afterAccepting' in failure ? 'timeout' : failure);
      this.readReceipts.push(String(record.message_id));
      return { status: 200, body: { success: true } };
    }
    const envelope = envelopeSchema.safeParse(record);
    const message = messageSchema.safeParse(record);
    if (!envelope.success || !message.success || (!envelope.data.to && !envelope.data.recipient)) {
      const issue = (envelope.error ?? message.error)?.issues[0];
      return error(400, 100, `(#100) Invalid parameter${issue ? `: ${issue.path.join('.')} ${issue.message}` : ''}`);
    }
    if (message.data.type === 'template') {
      const refused = this.checkTemplateSend(message.data.template);
      if (refused) return refused;
    }
    const to = envelope.data.to ? envelope.data.to.replace(/^\+/, '') : String(envelope.data.recipient);
    const callbackData = envelope.data.biz_opaque_callback_data;
    const failure = this.failureScript?.({ kind: 'message', to, type: message.data.type, ...(callbackData ? { callbackData } : {}), payload: record });
    const lostAnswer = typeof failure === 'object' && 'afterAccepting' in failure ? failure.afterAccepting : undefined;
    if (failure && !lostAnswer) return this.fail(failure as GraphError | 'timeout');
    this.counter += 1;
    const sent: SentMessage = {
      id: `wamid.SIM${String(this.counter).padStart(8, '0')}${Math.random().toString(36).slice(2, 8)}`,
      seq: this.counter,
      to,
      type: message.data.type,
      payload: record,
      at: new Date().toISOString(),
      fromPhoneNumberId: from,
    };
    this.sent.push(sent);
    this.emit('sent', sent);
    this.scheduleStatus(sent, callbackData);
    if (lostAnswer) return this.fail(lostAnswer === 'timeout' ? 'timeout' : { httpStatus: 502, code: 0, message: '' });
    return {
      status: 200,
      body: { messaging_product: 'whatsapp', contacts: [{ input: envelope.data.to ?? to, wa_id: to }], messages: [{ id: sent.id }] },
    };
  }

  /** Checks a template send against the approved definitions, answering 132001 / 132000 / 132012 like Meta. */
  private checkTemplateSend(template: {
    name: string;
    language: { code: string };
    components?: unknown[] | undefined;
  }): { status: number; body: unknown } | undefined {
    const definition = findTemplate(template.name, template.language.code, this.approvedTemplates);
    const params = templateParametersOf(template.name, template.language.code, template.components ?? []);
    const refused = !definition
      ? validateTemplateSend(undefined, { name: template.name, language: template.language.code, body: [] })
      : 'code' in params
        ? params
        : validateTemplateSend(definition, params);
    return refused ? templateError(refused.code, refused.message) : undefined;
  }

  private listTemplates(waba: string, query: URLSearchParams): { status: number; body: unknown } {
    const name = query.get('name');
    // Meta matches the name filter loosely, so callers compare names themselves.
    const data = this.templatesOf(waba)
      .filter((template) => !name || template.name.includes(name))
      .map((template) => ({
        name: template.name,
        status: template.status,
        language: template.language,
        category: template.category,
        id: template.id,
        components: template.components,
      }));
    return { status: 200, body: { data, paging: { cursors: { before: 'QVFIU0', after: 'QVFIU0' } } } };
  }

  private createTemplate(waba: string, body: unknown): { status: number; body: unknown } {
    const parsed = templateDefinitionSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return error(400, 100, `(#100) Invalid parameter${issue ? `: ${issue.path.join('.')} ${issue.message}` : ''}`);
    }
    const definition = parsed.data as TemplateDefinition;
    const problems = validateTemplateDefinition(definition);
    if (problems.length > 0) {
      return {
        status: 400,
        body: {
          error: {
            message: 'Invalid parameter',
            type: 'OAuthException',
            code: 100,
            error_user_title: 'Template rejected',
            error_user_msg: problems.join('; '),
            fbtrace_id: trace(),
          },
        },
      };
    }
    const templates = this.wabaTemplates.get(waba) ?? [];
    if (templates.some((template) => template.name === definition.name && template.language === definition.language)) {
      return {
        status: 400,
        body: {
          error: {
            message: 'Invalid parameter',
            type: 'OAuthException',
            code: 100,
            error_subcode: 2388024,
            error_user_title: 'Message template already exists',
            error_user_msg: `There is already ${definition.language} content for this template. You can create a new template and try again.`,
            fbtrace_id: trace(),
          },
        },
      };
    }
    const stored: StoredTemplate = {
      id: String(1_000_000_000_000_000 + Math.floor(Math.random() * 1_000_000_000)),
      name: definition.name,
      language: definition.language,
      category: definition.category,
      status: 'PENDING',
      components: definition.components,
    };
    this.wabaTemplates.set(waba, [...templates, stored]);
    this.emit('template', stored);
    return { status: 200, body: { id: stored.id, status: stored.status, category: stored.category } };
  }

  private listFlows(waba: string): { status: number; body: unknown } {
    const data = this.flowsOf(waba).map((flow) => ({
      id: flow.id,
      name: flow.name,
      status: flow.status,
      categories: flow.categories,
      validation_errors: flow.validationErrors,
    }));
    return { status: 200, body: { data, paging: { cursors: { before: 'QVFIU0', after: 'QVFIU0' } } } };
  }

  private createFlow(waba: string, body: unknown): { status: number; body: unknown } {
    const parsed = createFlowSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return error(400, 100, `(#100) Invalid parameter${issue ? `: ${issue.path.join('.')} ${issue.message}` : ''}`);
    }
    const flows = this.wabaFlows.get(waba) ?? [];
    // Meta refuses a second Flow of the same name on an account.
    if (flows.some((flow) => flow.name === parsed.data.name)) return error(400, 100, `(#100) Flow with the name ${parsed.data.name} already exists`);
    const flow: StoredFlow = {
      id: String(2_000_000_000_000_000 + Math.floor(Math.random() * 1_000_000_000)),
      name: parsed.data.name,
      categories: parsed.data.categories,
      status: 'DRAFT',
      validationErrors: [],
    };
    this.wabaFlows.set(waba, [...flows, flow]);
    this.flowsById.set(flow.id, flow);
    return { status: 200, body: { id: flow.id } };
  }

  /** Meta takes the Flow JSON as a multipart file (`file`, `name`, `asset_type=FLOW_JSON`) and answers with its validation errors. */
  private async uploadFlowJson(
    flow: StoredFlow,
    raw: { readonly bytes: Buffer; readonly contentType: string } | undefined,
  ): Promise<{ status: number; body: unknown }> {
    if (flow.status !== 'DRAFT') return error(400, 139001, '(#139001) Flow is published: a published Flow cannot be changed');
    if (!raw?.contentType.startsWith('multipart/form-data')) return error(400, 100, '(#100) Invalid parameter: the Flow JSON is sent as multipart/form-data');
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(raw.bytes), { headers: { 'content-type': raw.contentType } }).formData();
    } catch {
      return error(400, 100, '(#100) Invalid parameter: the multipart body cannot be read');
    }
    const file = form.get('file');
    if (form.get('asset_type') !== 'FLOW_JSON' || !(file instanceof Blob))
      return error(400, 100, '(#100) Invalid parameter: file and asset_type=FLOW_JSON are required');
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      flow.validationErrors = [{ error: 'INVALID_JSON', message: 'The file is not JSON.' }];
      return { status: 200, body: { success: true, validation_errors: flow.validationErrors } };
    }
    flow.json = json;
    const problems = flowJsonProblems(json);
    // Meta validates the Flow JSON on upload; only a Flow without errors can be published.
    flow.validationErrors = problems.map((message) => ({ error: 'INVALID_PROPERTY', message }));
    return { status: 200, body: { success: true, validation_errors: flow.validationErrors } };
  }

  private publishFlow(flow: StoredFlow): { status: number; body: unknown } {
    if (flow.json === undefined || flow.validationErrors.length > 0) {
      return error(400, 139002, '(#139002) Publishing failed: the Flow JSON has validation errors or was never uploaded');
    }
    flow.status = 'PUBLISHED';
    return { status: 200, body: { success: true } };
  }

  private startUpload(query: URLSearchParams): { status: number; body: unknown } {
    const length = Number(query.get('file_length'));
    const type = query.get('file_type');
    if (!Number.isInteger(length) || length <= 0 || !['application/pdf', 'image/jpeg', 'image/jpg', 'image/png', 'video/mp4'].includes(type ?? '')) {
      return error(400, 100, '(#100) Invalid parameter: file_length and file_type (application/pdf, image/jpeg, image/jpg, image/png, video/mp4) are required');
    }
    const session = `upload:${Buffer.from(`${type};${Date.now()};${Math.random()}`).toString('base64url')}`;
    this.uploadSessions.set(session, length);
    return { status: 200, body: { id: session } };
  }

  private finishUpload(session: string): { status: number; body: unknown } {
    if (!this.uploadSessions.has(session)) return error(400, 100, `Unsupported post request. Object with ID '${session}' does not exist`);
    this.uploadSessions.delete(session);
    const handle = `4::YXBwbGljYXRpb24vcGRm:${Buffer.from(session).toString('base64url').slice(0, 24)}`;
    this.uploadHandles.push(handle);
    return { status: 200, body: { h: handle } };
  }

  private mediaInfo(mediaId: string): { status: number; body: unknown } {
    const file = this.media.get(mediaId);
    if (!file) return error(404, 100, `Unsupported get request. Object with ID '${mediaId}' does not exist`);
    return {
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        url: `${this.downloadBaseUrl}/${mediaId}?ext=${Date.now()}`,
        mime_type: file.mimeType,
        sha256: createHash('sha256').update(file.bytes).digest('base64'),
        file_size: file.bytes.length,
        id: mediaId,
      },
    };
  }

  private async fail(failure: GraphError | 'timeout'): Promise<{ status: number; body: unknown }> {
    if (failure === 'timeout') return new Promise(() => undefined);
    // Code 0: not Meta's answer but a gateway's (the body is not Meta's JSON error).
    if (failure.code === 0) return { status: failure.httpStatus, body: 'Bad Gateway' };
    return error(failure.httpStatus, failure.code, failure.message);
  }
}

function error(status: number, code: number, message: string): { status: number; body: unknown } {
  return { status, body: { error: { message, type: 'OAuthException', code, fbtrace_id: trace() } } };
}

function templateError(code: number, message: string): { status: number; body: unknown } {
  return {
    status: 400,
    body: { error: { message, type: 'OAuthException', code, error_data: { messaging_product: 'whatsapp', details: message }, fbtrace_id: trace() } },
  };
}

function trace(): string {
  return `Sim${Date.now().toString(36)}`;
}

/** The Graph API's template `components` of a send, read back into the bot's `TemplateParameters`. */
export function templateParametersOf(name: string, language: string, components: unknown[]): TemplateParameters | { code: 132000 | 132012; message: string } {
  const format = (what: string) => ({ code: 132012 as const, message: `(#132012) Parameter format does not match format in the created template: ${what}` });
  let headerDocument: { link: string; filename: string } | undefined;
  let body: string[] = [];
  const buttons: { index: number; payload: string }[] = [];
  for (const raw of components) {
    const component = (raw ?? {}) as { type?: unknown; sub_type?: unknown; index?: unknown; parameters?: unknown };
    const parameters = Array.isArray(component.parameters) ? (component.parameters as Record<string, unknown>[]) : [];
    switch (String(component.type).toLowerCase()) {
      case 'header': {
        if (parameters.length !== 1)
          return { code: 132000, message: `(#132000) Number of parameters does not match the expected number of params: header got ${parameters.length}` };
        const document = parameters[0]?.document as { link?: unknown; id?: unknown; filename?: unknown } | undefined;
        if (parameters[0]?.type !== 'document' || !document) return format('the header takes a document');
        const link = typeof document.link === 'string' ? document.link : typeof document.id === 'string' ? `media:${document.id}` : '';
        headerDocument = { link, filename: typeof document.filename === 'string' ? document.filename : '' };
        break;
      }
      case 'body':
        if (parameters.some((parameter) => parameter?.type !== 'text' || typeof parameter.text !== 'string'))
          return format('body parameters are {type: "text", text}');
        body = parameters.map((parameter) => String(parameter.text));
        break;
      case 'button': {
        const payload = parameters[0] as { type?: unknown; payload?: unknown } | undefined;
        if (component.sub_type !== 'quick_reply' || parameters.length !== 1 || payload?.type !== 'payload' || typeof payload.payload !== 'string') {
          return format('a quick_reply button takes one {type: "payload", payload}');
        }
        buttons.push({ index: Number(component.index), payload: payload.payload });
        break;
      }
      default:
        return format(`unknown component type ${String(component.type)}`);
    }
  }
  buttons.sort((a, b) => a.index - b.index);
  if (buttons.some((button, position) => button.index !== position)) return format('button indexes must be 0, 1, 2, …');
  return {
    name,
    language,
    body,
    ...(headerDocument ? { headerDocument } : {}),
    ...(buttons.length > 0 ? { buttonPayloads: buttons.map((button) => button.payload) } : {}),
  };
}
