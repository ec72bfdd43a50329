/** Webhook bodies shaped and serialised the way Meta sends them, for the simulator, tests and benchmarks. */
import { signBody } from '../lambdas/adapters/webhook-signature';

/** Meta's form: ASCII-only JSON, every other character as a lowercase `\uXXXX` escape. */
export function metaJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface SimulatedSender {
  readonly waId: string;
  readonly name: string;
  readonly userId?: string;
}

export type SimulatedMessage =
  | { readonly text: string }
  | { readonly choice: { readonly id: string; readonly title: string }; readonly list?: boolean }
  | { readonly button: { readonly payload: string; readonly text: string } }
  | {
      readonly media: {
        readonly kind: 'image' | 'document' | 'audio' | 'video' | 'sticker';
        readonly mediaId: string;
        readonly mimeType: string;
        readonly sha256?: string;
        readonly caption?: string;
        readonly filename?: string;
      };
    }
  /** A WhatsApp Flow submitted: the `complete` payload, which Meta sends as a JSON string (`nfm_reply.response_json`). */
  | { readonly flowReply: { readonly response: Readonly<Record<string, string>>; readonly flowToken?: string } }
  /** Any other message type as Meta sends it (`location`, `contacts`, `unsupported`, …): its type and its object. */
  | { readonly other: { readonly type: string; readonly body: Record<string, unknown> } };

let counter = 0;

export function newMessageId(): string {
  counter += 1;
  return `wamid.LOCAL${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export function messageEnvelope(
  phoneNumberId: string,
  sender: SimulatedSender,
  message: SimulatedMessage,
  options: { id?: string; timestamp?: Date } = {},
): { id: string; body: Record<string, unknown> } {
  const id = options.id ?? newMessageId();
  const timestamp = String(Math.floor((options.timestamp ?? new Date()).getTime() / 1000));
  const content =
    'text' in message
      ? { type: 'text', text: { body: message.text } }
      : 'choice' in message
        ? {
            type: 'interactive',
            interactive: message.list === false ? { type: 'button_reply', button_reply: message.choice } : { type: 'list_reply', list_reply: message.choice },
          }
        : 'flowReply' in message
          ? {
              type: 'interactive',
              interactive: {
                type: 'nfm_reply',
                nfm_reply: {
                  response_json: JSON.stringify({
                    ...(message.flowReply.flowToken ? { flow_token: message.flowReply.flowToken } : {}),
                    ...message.flowReply.response,
                  }),
                  body: 'Sent',
                  name: 'flow',
                },
              },
            }
          : 'button' in message
            ? { type: 'button', button: message.button }
            : 'other' in message
              ? { type: message.other.type, [message.other.type]: message.other.body }
              : {
                  type: message.media.kind,
                  [message.media.kind]: {
                    id: message.media.mediaId,
                    mime_type: message.media.mimeType,
                    ...(message.media.sha256 ? { sha256: message.media.sha256 } : {}),
                    ...(message.media.caption ? { caption: message.media.caption } : {}),
                    ...(message.media.filename ? { filename: message.media.filename } : {}),
                  },
                };
  return {
    id,
    body: messagesChange(phoneNumberId, {
      contacts: [{ profile: { name: sender.name }, wa_id: sender.waId, ...(sender.userId ? { user_id: sender.userId } : {}) }],
      messages: [{ from: sender.waId, ...(sender.userId ? { from_user_id: sender.userId } : {}), id, timestamp, ...content }],
    }),
  };
}

/** Meta's envelope around one `messages` change for our phone number. */
function messagesChange(phoneNumberId: string, value: Record<string, unknown>): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102938475610293',
        changes: [
          {
            field: 'messages',
            value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '6285126730544', phone_number_id: phoneNumberId }, ...value },
          },
        ],
      },
    ],
  };
}

export function signedRequest(body: unknown, appSecret: string): { payload: string; signature: string } {
  const payload = typeof body === 'string' ? body : metaJson(body);
  return { payload, signature: signBody(payload, appSecret) };
}

/** A status webhook for a message the business sent (`sent`, `delivered`, `read`, `failed`). */
export function statusEnvelope(
  phoneNumberId: string,
  recipientWaId: string,
  messageId: string,
  status: string,
  errorCode?: number,
  options: { callbackData?: string } = {},
): Record<string, unknown> {
  return messagesChange(phoneNumberId, {
    statuses: [
      {
        id: messageId,
        status,
        timestamp: String(Math.floor(Date.now() / 1000)),
        recipient_id: recipientWaId,
        ...(options.callbackData ? { biz_opaque_callback_data: options.callbackData } : {}),
        ...(errorCode !== undefined ? { errors: [{ code: errorCode, title: 'Error' }] } : {}),
      },
    ],
  });
}
