/**
 * A small stand-in for Meta's Graph API: it checks requests the way Meta does (token, envelope, the
 * limits of each message type), answers like Meta, and records what the bot sent for the simulator and
 * the tests. Tests can script failures.
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { z } from 'zod';

export interface SentMessage {
  readonly id: string;
  readonly seq: number;
  /** `to` without the plus sign, or the BSUID from `recipient`. */
  readonly to: string;
  readonly type: string;
  readonly payload: Record<string, unknown>;
  readonly at: string;
}

export interface GraphError {
  readonly httpStatus: number;
  readonly code: number;
  readonly message: string;
}

/** Decides, per request, to fail it (a Meta error, or `timeout` to never answer). */
export type FailureScript = (request: { kind: 'message' | 'read'; to?: string; type?: string }) => GraphError | 'timeout' | undefined;

const listRowSchema = z.object({ id: z.string().min(1).max(200), title: z.string().min(1).max(24), description: z.string().max(72).optional() });
const messageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.object({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() }) }),
  z.object({
    type: z.literal('interactive'),
    interactive: z.object({
      type: z.enum(['list', 'button']),
      body: z.object({ text: z.string().min(1).max(4096) }),
      action: z.object({
        button: z.string().min(1).max(20).optional(),
        sections: z.array(z.object({ title: z.string().max(24).optional(), rows: z.array(listRowSchema).min(1) })).min(1).max(10).optional(),
        buttons: z.array(z.unknown()).max(3).optional(),
      }),
    }),
  }),
  z.object({
    type: z.literal('document'),
    document: z.object({ id: z.string().optional(), link: z.string().url().optional(), filename: z.string().optional(), caption: z.string().max(1024).optional() }),
  }),
  z.object({ type: z.literal('template'), template: z.object({ name: z.string(), language: z.object({ code: z.string() }), components: z.array(z.unknown()).optional() }) }),
]);
const envelopeSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  to: z.string().regex(/^\+?\d{6,15}$/).optional(),
  recipient: z.string().optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
});

export class FakeGraphApi extends EventEmitter {
  readonly sent: SentMessage[] = [];
  readonly readReceipts: string[] = [];
  private failureScript: FailureScript | undefined;
  private counter = 0;
  private readonly media = new Map<string, { bytes: Buffer; mimeType: string }>();

  constructor(
    readonly phoneNumberId: string,
    private readonly accessToken: string,
    /** Where `GET /{media-id}` points its short-lived download URLs. */
    private readonly downloadBaseUrl = 'http://127.0.0.1/_graph/download',
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

  sentTo(to: string): SentMessage[] {
    return this.sent.filter((message) => message.to === to);
  }

  /** Handles `POST /{phone-number-id}/messages`; resolves to status and JSON body, or never (timeout). */
  async handle(method: string, path: string, authorization: string | undefined, body: unknown): Promise<{ status: number; body: unknown }> {
    if (authorization !== `Bearer ${this.accessToken}`) {
      return error(401, 190, 'Error validating access token: The session has expired or is invalid.');
    }
    const segments = path.split('/').filter(Boolean);
    if (method === 'GET' && segments.length === 1) return this.mediaInfo(segments[0] ?? '');
    if (method !== 'POST' || segments.length !== 2 || segments[1] !== 'messages') {
      return error(400, 100, `Unsupported request: ${method} ${path}`);
    }
    if (segments[0] !== this.phoneNumberId) return error(400, 100, 'Object with ID does not exist');
    const record = (body ?? {}) as Record<string, unknown>;
    if (record.status === 'read') {
      const failure = this.failureScript?.({ kind: 'read' });
      if (failure) return this.fail(failure);
      this.readReceipts.push(String(record.message_id));
      return { status: 200, body: { success: true } };
    }
    const envelope = envelopeSchema.safeParse(record);
    const message = messageSchema.safeParse(record);
    if (!envelope.success || !message.success || (!envelope.data.to && !envelope.data.recipient)) {
      const issue = (envelope.error ?? message.error)?.issues[0];
      return error(400, 100, `(#100) Invalid parameter${issue ? `: ${issue.path.join('.')} ${issue.message}` : ''}`);
    }
    const to = envelope.data.to ? envelope.data.to.replace(/^\+/, '') : String(envelope.data.recipient);
    const failure = this.failureScript?.({ kind: 'message', to, type: message.data.type });
    if (failure) return this.fail(failure);
    this.counter += 1;
    const sent: SentMessage = {
      id: `wamid.SIM${String(this.counter).padStart(8, '0')}${Math.random().toString(36).slice(2, 8)}`,
      seq: this.counter,
      to,
      type: message.data.type,
      payload: record,
      at: new Date().toISOString(),
    };
    this.sent.push(sent);
    this.emit('sent', sent);
    return {
      status: 200,
      body: { messaging_product: 'whatsapp', contacts: [{ input: envelope.data.to ?? to, wa_id: to }], messages: [{ id: sent.id }] },
    };
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
    return error(failure.httpStatus, failure.code, failure.message);
  }
}

function error(status: number, code: number, message: string): { status: number; body: unknown } {
  return { status, body: { error: { message, type: 'OAuthException', code, fbtrace_id: `Sim${Date.now().toString(36)}` } } };
}
