/**
 * Meta's webhook envelope, parsed tolerantly: unknown fields are left out, unknown message types become
 * `other`, and one odd message never spoils the rest of a batch.
 */
import * as z from 'zod/mini';
import { fastObject } from './zod-fast-object';
import { isoFromUnix } from './iso-from-unix';
import type { InboundContent, MediaKind } from '../domain/inbound';
import { flowReplyContent } from './webhook-flow-reply';
import { ofOffice } from './office-events';
import type { ApplicantRef, InboundEvent, QueueEvent, StatusEvent } from '../queue-events';

const contactSchema = fastObject({
  wa_id: z.optional(z.string()),
  user_id: z.optional(z.string()),
  profile: z.optional(fastObject({ name: z.optional(z.string()) })),
});

const mediaSchema = fastObject({
  id: z.string(),
  mime_type: z.optional(z.string()),
  sha256: z.optional(z.string()),
  caption: z.optional(z.string()),
  filename: z.optional(z.string()),
  url: z.optional(z.string()),
});

/** What every message carries. Its content sits under the key its `type` names, parsed by that type's schema alone (below). */
const messageSchema = fastObject({
  id: z.string(),
  from: z.optional(z.string()),
  from_user_id: z.optional(z.string()),
  timestamp: z.optional(z.string()),
  type: z.string(),
});

/**
 * Each message type's content, by its `type`. Parsed apart from the common fields: one schema with every
 * type's key would look up (and allocate a result for) some twenty absent keys on every message Meta sends.
 */
const contentSchemas = {
  text: fastObject({ body: z.string() }),
  interactive: fastObject({
    type: z.string(),
    button_reply: z.optional(fastObject({ id: z.string(), title: z.optional(z.string()) })),
    list_reply: z.optional(fastObject({ id: z.string(), title: z.optional(z.string()) })),
    /** A WhatsApp Flow submitted: its `complete` payload as a JSON string. */
    nfm_reply: z.optional(fastObject({ response_json: z.string(), name: z.optional(z.string()), body: z.optional(z.string()) })),
  }),
  button: fastObject({ payload: z.optional(z.string()), text: z.optional(z.string()) }),
  image: mediaSchema,
  document: mediaSchema,
  audio: mediaSchema,
  video: mediaSchema,
  sticker: mediaSchema,
  system: fastObject({ type: z.optional(z.string()), wa_id: z.optional(z.string()) }),
  unsupported: fastObject({ type: z.optional(z.string()) }),
};
type ContentSchemas = typeof contentSchemas;
type MetaMessage = z.infer<typeof messageSchema> & { -readonly [K in keyof ContentSchemas]?: z.infer<ContentSchemas[K]> };

/** The message's common fields and its type's content; `undefined` when either is malformed (the message is then ignored). */
function parseMessage(raw: unknown): MetaMessage | undefined {
  const common = messageSchema.safeParse(raw);
  if (!common.success) return undefined;
  const message: MetaMessage = common.data;
  const type = message.type;
  if (!Object.hasOwn(contentSchemas, type)) return message;
  const key = type as keyof ContentSchemas;
  const rawContent = (raw as Record<string, unknown>)[key];
  if (rawContent === undefined) return message;
  const content = contentSchemas[key].safeParse(rawContent);
  if (!content.success) return undefined;
  (message as Record<string, unknown>)[key] = content.data;
  return message;
}

const statusSchema = fastObject({
  id: z.string(),
  status: z.string(),
  timestamp: z.optional(z.string()),
  recipient_id: z.optional(z.string()),
  recipient_user_id: z.optional(z.string()),
  biz_opaque_callback_data: z.optional(z.string()),
  errors: z.optional(z.array(fastObject({ code: z.optional(z.number()), title: z.optional(z.string()) }))),
});

const valueSchema = fastObject({
  metadata: z.optional(fastObject({ phone_number_id: z.optional(z.string()) })),
  contacts: z.optional(z.array(z.unknown())),
  messages: z.optional(z.array(z.unknown())),
  statuses: z.optional(z.array(z.unknown())),
});

const envelopeSchema = fastObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    fastObject({
      changes: z.optional(z.array(fastObject({ field: z.optional(z.string()), value: z.optional(z.unknown()) }))),
    }),
  ),
});

export interface ParsedWebhook {
  readonly events: QueueEvent[];
  /** Messages and statuses for other phone numbers, other fields, and entries that did not parse. */
  readonly ignored: number;
}

/**
 * Turns a signed, JSON-parsed body into queue events for our phone numbers; `undefined` if not an envelope.
 * `otherOffices`: the registry's offices by phone number id; their events carry the office and a session
 * key of their own (an applicant writing to two offices has two conversations).
 */
export function toQueueEvents(
  body: unknown,
  phoneNumberId: string,
  otherOffices: ReadonlyMap<string, string> | 'route-in-worker' = NO_OTHER_OFFICES,
): ParsedWebhook | undefined {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return undefined;
  const events: QueueEvent[] = [];
  let ignored = 0;
  // Plain loops and no closures: this runs for every body Meta sends, and allocations show in its throughput.
  for (const entry of envelope.data.entry) {
    for (const change of entry.changes ?? []) {
      // Other fields (account and template updates) are counted before their values are looked at: their many
      // shapes would only slow the parse of the messages that follow.
      if (change.field !== 'messages') {
        ignored += 1;
        continue;
      }
      const value = valueSchema.safeParse(change.value);
      if (!value.success) {
        ignored += 1;
        continue;
      }
      const { metadata, contacts = [], messages = [], statuses = [] } = value.data;
      const to = metadata?.phone_number_id;
      const forDefault = to === phoneNumberId;
      const officeId = forDefault || to === undefined || otherOffices === 'route-in-worker' ? undefined : otherOffices.get(to);
      const unroutedTo = !forDefault && to !== undefined && otherOffices === 'route-in-worker' ? to : undefined;
      if (!forDefault && officeId === undefined && unroutedTo === undefined) {
        ignored += messages.length + statuses.length;
        continue;
      }
      const knownContacts: Contact[] = [];
      for (const raw of contacts) {
        const contact = contactSchema.safeParse(raw);
        if (contact.success) knownContacts.push(contact.data);
      }
      for (const raw of messages) {
        const message = parseMessage(raw);
        const event = message ? inboundEvent(message, knownContacts) : undefined;
        if (event) events.push(routed(event, officeId, unroutedTo));
        else ignored += 1;
      }
      for (const raw of statuses) {
        const status = statusSchema.safeParse(raw);
        const event = status.success ? statusEvent(status.data) : undefined;
        if (event) events.push(routed(event, officeId, unroutedTo));
        else ignored += 1;
      }
    }
  }
  return { events, ignored };
}

const NO_OTHER_OFFICES: ReadonlyMap<string, string> = new Map();

/** The event as its office's (a registry office), as one the worker routes (`unroutedTo`: the number it was sent to), or as it is (the default office's). */
function routed<E extends InboundEvent | StatusEvent>(event: E, officeId: string | undefined, unroutedTo: string | undefined): E {
  if (officeId !== undefined) return ofOffice(event, officeId);
  return unroutedTo ? { ...event, toPhoneNumberId: unroutedTo } : event;
}

type Contact = z.infer<typeof contactSchema>;

function applicantOf(waId: string | undefined, userId: string | undefined, contacts: Contact[]): ApplicantRef | undefined {
  const contact = contactOf(waId, userId, contacts);
  const resolvedWaId = waId ?? contact?.wa_id;
  const resolvedUserId = userId ?? contact?.user_id;
  const key = resolvedUserId ?? resolvedWaId;
  if (!key) return undefined;
  // Optional fields set only when present (as the queue's schema reads them), without a spread per field.
  const applicant: ApplicantRef = { key };
  if (resolvedWaId) applicant.waId = resolvedWaId;
  if (resolvedUserId) applicant.userId = resolvedUserId;
  if (contact?.profile?.name) applicant.profileName = contact.profile.name;
  return applicant;
}

/** The sender's entry in `contacts`: the one naming them, else the only one. */
function contactOf(waId: string | undefined, userId: string | undefined, contacts: Contact[]): Contact | undefined {
  for (const contact of contacts) {
    if ((waId && contact.wa_id === waId) || (userId && contact.user_id === userId)) return contact;
  }
  return contacts.length === 1 ? contacts[0] : undefined;
}

function inboundEvent(message: MetaMessage, contacts: Contact[]): InboundEvent | undefined {
  const applicant = applicantOf(message.from, message.from_user_id, contacts);
  if (!applicant) return undefined;
  const newWaId = message.system?.type === 'user_changed_number' ? message.system.wa_id : undefined;
  const event: InboundEvent = { type: 'inbound', eventId: message.id, applicant, sentAt: isoFromUnix(message.timestamp), content: contentOf(message) };
  if (newWaId) event.newWaId = newWaId;
  return event;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

const MEDIA_KINDS: readonly MediaKind[] = ['image', 'document', 'audio', 'video', 'sticker'];
const SILENT_TYPES = new Set(['reaction', 'edit', 'revoke', 'system', 'ephemeral', 'request_welcome']);
const SILENT_UNSUPPORTED = new Set(['edit', 'reaction', 'revoke', 'poll_update']);

function contentOf(message: MetaMessage): InboundContent {
  if (message.type === 'text' && message.text) return { kind: 'text', text: message.text.body };
  if (message.type === 'interactive' && message.interactive) {
    const reply = message.interactive.button_reply ?? message.interactive.list_reply;
    if (reply) return { kind: 'choice', id: reply.id, title: reply.title ?? '' };
    if (message.interactive.type === 'nfm_reply' && message.interactive.nfm_reply) return flowReplyContent(message.interactive.nfm_reply.response_json);
    if (message.interactive.type === 'call_permission_reply') return { kind: 'silent', reason: 'call_permission_reply' };
    return { kind: 'other', type: `interactive:${message.interactive.type}` };
  }
  if (message.type === 'button' && message.button) {
    return { kind: 'choice', id: message.button.payload ?? '', title: message.button.text ?? '' };
  }
  const mediaKind = MEDIA_KINDS.find((kind) => kind === message.type);
  const media = mediaKind ? message[mediaKind] : undefined;
  if (mediaKind && media) {
    const content: Writable<Extract<InboundContent, { kind: 'media' }>> = {
      kind: 'media',
      mediaKind,
      mediaId: media.id,
      mimeType: media.mime_type ?? 'application/octet-stream',
    };
    if (media.sha256) content.sha256 = media.sha256;
    if (media.caption) content.caption = media.caption;
    if (media.filename) content.filename = media.filename;
    if (media.url) content.url = media.url;
    return content;
  }
  if (SILENT_TYPES.has(message.type)) return { kind: 'silent', reason: message.type };
  if (message.type === 'unsupported' && SILENT_UNSUPPORTED.has(message.unsupported?.type ?? '')) {
    return { kind: 'silent', reason: `unsupported:${message.unsupported?.type}` };
  }
  return { kind: 'other', type: message.type };
}

function statusEvent(status: z.infer<typeof statusSchema>): StatusEvent | undefined {
  const key = status.recipient_user_id ?? status.recipient_id;
  if (!key) return undefined;
  const error = status.errors?.[0];
  const applicant: ApplicantRef = { key };
  if (status.recipient_id) applicant.waId = status.recipient_id;
  if (status.recipient_user_id) applicant.userId = status.recipient_user_id;
  const event: StatusEvent = {
    type: 'status',
    eventId: `${status.id}:${status.status}`,
    applicant,
    messageId: status.id,
    status: status.status,
    at: isoFromUnix(status.timestamp),
  };
  if (error?.code !== undefined) event.errorCode = error.code;
  if (error?.title) event.errorTitle = error.title;
  if (status.biz_opaque_callback_data) event.callbackData = status.biz_opaque_callback_data;
  return event;
}
