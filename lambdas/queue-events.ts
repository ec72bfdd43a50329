/**
 * The events on an applicant's ordered stream (SQS FIFO in AWS, the journalled queue locally). The
 * schema is checked again where the worker reads them: a queue is a boundary too.
 */
import * as z from 'zod/mini';
import { NOTIFICATION_KINDS } from './domain/officer-action-declarations';

export const applicantRefSchema = z.object({
  /** The session key: the business-scoped user id when Meta sends one, else the WhatsApp id. */
  key: z.string().check(z.minLength(1)),
  waId: z.optional(z.string()),
  userId: z.optional(z.string()),
  profileName: z.optional(z.string()),
});
export type ApplicantRef = z.infer<typeof applicantRefSchema>;

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
  applicant: applicantRefSchema,
  /** The office the event belongs to (its id); absent: the default office, as before many offices. */
  office: z.optional(z.string()),
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
  applicant: applicantRefSchema,
  /** The office the event belongs to (its id); absent: the default office, as before many offices. */
  office: z.optional(z.string()),
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

/** An officer changed a registration: tell its owner (the worker reads the registration as it is now). */
export const notifyEventSchema = z.object({
  type: z.literal('notify'),
  /** `notify:<queueNumber>:<version>`: one notification per state of a registration. */
  eventId: z.string(),
  applicant: applicantRefSchema,
  /** The office the event belongs to (its id); absent: the default office, as before many offices. */
  office: z.optional(z.string()),
  queueNumber: z.string(),
  /** An officer's decision, or `day-closed`: the registration's day was closed (use-cases/tell-day-closed.ts). */
  kind: z.enum([...NOTIFICATION_KINDS, 'day-closed', 'waitlist-offer']),
  /** The registration's version after the change. */
  version: z.number(),
  /** Reschedule: the date before the move, for the stage 7 text and the PDF. */
  previousDate: z.optional(z.string()),
  /** Day closed: the date the applicant chose that was taken or closed meanwhile (the offer says so). */
  unavailableDate: z.optional(z.string()),
});
export type NotifyEvent = z.infer<typeof notifyEventSchema>;

/** The day-before reminder of one appointment: `reminder:<queueNumber>:<date>`, once per appointment date. */
export const reminderEventSchema = z.object({
  type: z.literal('reminder'),
  eventId: z.string(),
  applicant: applicantRefSchema,
  /** The office the event belongs to (its id); absent: the default office, as before many offices. */
  office: z.optional(z.string()),
  queueNumber: z.string(),
  /** The appointment date being reminded. */
  date: z.string(),
  /** The job reserved a messaging-limit slot for it: sent as a template, it is not counted again. */
  countedAgainstLimit: z.optional(z.boolean()),
});
export type ReminderEvent = z.infer<typeof reminderEventSchema>;

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
  applicant: applicantRefSchema,
  /** The office the event belongs to (its id); absent: the default office, as before many offices. */
  office: z.optional(z.string()),
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

export function reminderEvent(
  registration: { queueNumber: string; ownerKey: string; ownerWaId?: string; ownerUserId?: string; office?: { id: string } },
  date: string,
): ReminderEvent {
  return {
    type: 'reminder',
    ...(registration.office ? { office: registration.office.id } : {}),
    eventId: `reminder:${registration.queueNumber}:${date}`,
    applicant: {
      key: registration.ownerKey,
      ...(registration.ownerWaId ? { waId: registration.ownerWaId } : {}),
      ...(registration.ownerUserId ? { userId: registration.ownerUserId } : {}),
    },
    queueNumber: registration.queueNumber,
    date,
  };
}
export type QueueEvent = z.infer<typeof queueEventSchema>;
