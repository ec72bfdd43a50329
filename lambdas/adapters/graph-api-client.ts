/**
 * The WhatsApp Cloud API (Graph API) client behind the `Messenger` port. Errors are classified by Meta's
 * error code (docs/whatsapp-cloud-api.md, "Error codes and rate limits"): retryable ones make the event retry, permanent ones are recorded.
 */
import type { Reply, TemplateParameters } from '../domain/replies';
import { GraphApiError, MediaRejectedError } from '../errors';
import { safeJson } from '../http/json';
import type { MediaSource, Messenger, Recipient } from '../ports';

/** Transient codes: rate limits, pair limit, temporary and unknown errors, maintenance. */
const RETRYABLE_CODES = new Set([1, 2, 4, 80007, 130429, 131000, 131016, 131056, 131057]);
const TOKEN_EXPIRED = 190;
const DEFAULT_TIMEOUT_MS = 10_000;

export interface GraphApiClientOptions {
  readonly apiUrl: string;
  readonly phoneNumberId: string;
  readonly accessToken: () => Promise<string>;
  /** Called on Meta's `190` before one retry with a freshly read token. */
  readonly onTokenExpired?: () => void;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

export function isRetryableCode(code: number, httpStatus: number): boolean {
  return RETRYABLE_CODES.has(code) || (code === 0 && (httpStatus >= 500 || httpStatus === 429));
}

export class GraphApiClient implements Messenger, MediaSource {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: GraphApiClientOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  async send(recipient: Recipient, reply: Reply, options: { callbackData?: string } = {}): Promise<{ messageId: string }> {
    const body = {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      ...recipientFields(recipient),
      ...(options.callbackData ? { biz_opaque_callback_data: options.callbackData } : {}),
      ...messageFields(reply),
    };
    const response = await this.post(`${this.options.phoneNumberId}/messages`, body);
    const messageId = (response as { messages?: { id?: string }[] }).messages?.[0]?.id;
    if (!messageId) throw new GraphApiError(0, 'No message id in the Graph API answer', true, 200);
    return { messageId };
  }

  async markRead(messageId: string): Promise<void> {
    await this.post(`${this.options.phoneNumberId}/messages`, {
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: messageId,
    });
  }

  /**
   * Media id → short-lived URL → bytes, both with the bearer token (§8). The URL lives five minutes: a
   * 404 on it gets a fresh one, once.
   */
  async fetchMedia(mediaId: string, maxBytes: number): Promise<{ bytes: Uint8Array; mimeType: string; sha256?: string }> {
    for (let attempt = 0; ; attempt += 1) {
      const info = (await this.request('GET', encodeURIComponent(mediaId))) as {
        url?: unknown;
        mime_type?: unknown;
        sha256?: unknown;
        file_size?: unknown;
      };
      const size = Number(info.file_size);
      if (Number.isFinite(size) && size > maxBytes) throw new MediaRejectedError('too-large', size);
      if (typeof info.url !== 'string') throw new MediaRejectedError('unavailable');
      const token = await this.options.accessToken();
      let response: Response;
      try {
        response = await this.fetchImpl(info.url, {
          headers: { authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
        });
      } catch (error) {
        throw new GraphApiError(0, `Network error: ${(error as Error).name}`, true, 0);
      }
      if (response.status === 404 && attempt === 0) continue;
      if (response.status === 404) throw new MediaRejectedError('unavailable');
      if (!response.ok)
        throw new GraphApiError(0, `Media download HTTP ${response.status}`, response.status >= 500 || response.status === 429, response.status);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.length > maxBytes) throw new MediaRejectedError('too-large', bytes.length);
      return {
        bytes,
        mimeType: typeof info.mime_type === 'string' ? info.mime_type : 'application/octet-stream',
        ...(typeof info.sha256 === 'string' ? { sha256: info.sha256 } : {}),
      };
    }
  }

  private post(path: string, body: unknown): Promise<unknown> {
    return this.request('POST', path, body);
  }

  private async request(method: 'GET' | 'POST', path: string, body?: unknown, retriedToken = false): Promise<unknown> {
    const token = await this.options.accessToken();
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.options.apiUrl}/${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
    } catch (error) {
      // A timeout leaves the outcome unknown: retrying may duplicate, which is the lesser harm.
      throw new GraphApiError(0, `Network error: ${(error as Error).name}`, true, 0);
    }
    const text = await response.text();
    const parsed = safeJson(text);
    if (response.ok) return parsed;
    const error = (parsed as { error?: { code?: unknown; message?: unknown; fbtrace_id?: unknown } } | undefined)?.error;
    const code = typeof error?.code === 'number' ? error.code : 0;
    if (code === TOKEN_EXPIRED && !retriedToken && this.options.onTokenExpired) {
      this.options.onTokenExpired();
      return this.request(method, path, body, true);
    }
    throw new GraphApiError(
      code,
      typeof error?.message === 'string' ? error.message : `HTTP ${response.status}`,
      isRetryableCode(code, response.status),
      response.status,
      typeof error?.fbtrace_id === 'string' ? error.fbtrace_id : undefined,
    );
  }
}

function recipientFields(recipient: Recipient): Record<string, string> {
  if (recipient.waId) return { to: `+${recipient.waId}` };
  if (recipient.userId) return { recipient: recipient.userId };
  throw new GraphApiError(131026, 'No WhatsApp id or user id to send to', false, 0);
}

function messageFields(reply: Reply): Record<string, unknown> {
  switch (reply.type) {
    case 'text':
      return { type: 'text', text: { preview_url: false, body: reply.body } };
    case 'list':
      return {
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: reply.body },
          action: { button: reply.button, sections: reply.sections },
        },
      };
    case 'buttons':
      return {
        type: 'interactive',
        interactive: {
          type: 'button',
          ...(reply.documentHeader ? { header: { type: 'document', document: reply.documentHeader } } : {}),
          body: { text: reply.body },
          action: { buttons: reply.buttons.map((button) => ({ type: 'reply', reply: { id: button.id, title: button.title } })) },
        },
      };
    case 'document':
      return {
        type: 'document',
        document: {
          ...(reply.mediaId ? { id: reply.mediaId } : { link: reply.link }),
          filename: reply.filename,
          ...(reply.caption ? { caption: reply.caption } : {}),
        },
      };
    case 'template':
      return { type: 'template', template: templateFields(reply.template) };
    case 'flow':
      return {
        type: 'interactive',
        interactive: {
          type: 'flow',
          body: { text: reply.body },
          action: {
            name: 'flow',
            parameters: {
              flow_message_version: '3',
              flow_name: reply.flowName,
              flow_token: reply.flowToken,
              flow_cta: reply.cta,
              flow_action: 'navigate',
              flow_action_payload: { screen: reply.screen },
            },
          },
        },
      };
  }
}

function templateFields(template: TemplateParameters): Record<string, unknown> {
  const components: unknown[] = [];
  if (template.headerDocument) {
    components.push({ type: 'header', parameters: [{ type: 'document', document: template.headerDocument }] });
  }
  if (template.body.length > 0) {
    components.push({ type: 'body', parameters: template.body.map((text) => ({ type: 'text', text })) });
  }
  (template.buttonPayloads ?? []).forEach((payload, index) => {
    components.push({ type: 'button', sub_type: 'quick_reply', index: String(index), parameters: [{ type: 'payload', payload }] });
  });
  return { name: template.name, language: { code: template.language }, components };
}
