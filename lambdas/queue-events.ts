/**
 * The events on an applicant's ordered stream (SQS FIFO in AWS, the journalled queue locally). The
 * schema is checked again where the worker reads them: a queue is a boundary too.
 */
import * as z from 'zod/mini';
import { applicantEventShape, notifyEventSchema, reminderEventSchema } from './notice-events';

export type { ApplicantRef, NotifyEvent, ReminderEvent } from './notice-events';

const inboundContentSchema = z.union([
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('choice'), id: z.string(), title: z.string() }),
  z.object({
    kind: z.literal('media'),
    mediaKind: z.enum(['image', 'document', 'audio', 'video', 'sticker']),
    mediaId: z.string(),
    mimeType: z.string(),
    sha256: z.optional(z.string()),
    caption: z.optional(z.string()),
    filename: z.optional(z.string()),
    url: z.optional(z.string()),
  }),
  z.object({
    kind: z.literal('form'),
    fields: z.object({ name: z.string(), placeOfBirth: z.string(), dateOfBirth: z.string(), nik: z.string(), phone: z.string() }),
  }),
  z.object({ kind: z.literal('silent'), reason: z.string() }),
  z.object({ kind: z.literal('other'), type: z.string() }),
]);

export const inboundEventSchema = z.object({
  type: z.literal('inbound'),
  /** Meta's message id (`wamid…`): the deduplication key. */
  eventId: z.string(),
  ...applicantEventShape,
  /** Sent to another number than the default office's, not routed yet: the worker routes it (AWS: the webhook reads no table). */
  toPhoneNumberId: z.optional(z.string()),
  /** When Meta says the applicant sent it (ISO). */
  sentAt: z.string(),
  content: inboundContentSchema,
  /** `user_changed_number`: the applicant's new WhatsApp id. */
  newWaId: z.optional(z.string()),
});
export type InboundEvent = z.infer<typeof inboundEventSchema>;

export const statusEventSchema = z.object({
  type: z.literal('status'),
  /** `<wamid>:<status>`: one record per state of a sent message. */
  eventId: z.string(),
  ...applicantEventShape,
  /** Sent to another number than the default office's, not routed yet: the worker routes it (AWS: the webhook reads no table). */
  toPhoneNumberId: z.optional(z.string()),
  messageId: z.string(),
  status: z.string(),
  at: z.string(),
  errorCode: z.optional(z.number()),
  errorTitle: z.optional(z.string()),
  callbackData: z.optional(z.string()),
});
export type StatusEvent = z.infer<typeof statusEventSchema>;

const count = z.int().check(z.gte(0));
/** The day's figures as domain/daily-report.ts counts them (the same as `GET api/reports/daily`). */
const dailyReportSchema = z.object({
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  booked: count,
  checkedIn: count,
  served: count,
  noShows: count,
  averageWaitMinutes: z.nullable(z.number()),
  satisfaction: z.nullable(z.number()),
  pendingOver24h: count,
  failedSends: count,
});

/**
 * The day's summary to the head of office at closing time (use-cases/daily-summary.ts), counted when the day
 * closed: `daily-summary:<office>:<date>`, once per office and date. The head's number is the "applicant".
 */
export const dailySummaryEventSchema = z.object({
  type: z.literal('daily-summary'),
  eventId: z.string(),
  ...applicantEventShape,
  report: dailyReportSchema,
});
export type DailySummaryEvent = z.infer<typeof dailySummaryEventSchema>;

export const queueEventSchema = z.discriminatedUnion('type', [
  inboundEventSchema,
  statusEventSchema,
  notifyEventSchema,
  reminderEventSchema,
  dailySummaryEventSchema,
]);

export type QueueEvent = z.infer<typeof queueEventSchema>;
