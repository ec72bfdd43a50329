/**
 * The events that tell an applicant what the office did (an officer's decision, a closed day, a waitlist
 * offer) and the day-before reminder: what the admin, the reminder job and the registration store write.
 * Apart from queue-events.ts, whose inbound and status schemas only the worker reads: the other functions
 * build only these at their cold start.
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

/** The fields every event for an applicant carries after its `type` and `eventId`: whose it is, and which office's. */
export const applicantEventShape = {
  applicant: applicantRefSchema,
  /** The office the event belongs to (its id); absent: the default office, as before many offices. */
  office: z.optional(z.string()),
};

/** A registration's owner as an event names them: their session key and whichever ids the registration kept. */
export function ownerRef(registration: { ownerKey: string; ownerWaId?: string; ownerUserId?: string }): ApplicantRef {
  return {
    key: registration.ownerKey,
    ...(registration.ownerWaId ? { waId: registration.ownerWaId } : {}),
    ...(registration.ownerUserId ? { userId: registration.ownerUserId } : {}),
  };
}

/** An officer changed a registration: tell its owner (the worker reads the registration as it is now). */
export const notifyEventSchema = z.object({
  type: z.literal('notify'),
  /** `notify:<queueNumber>:<version>`: one notification per state of a registration. */
  eventId: z.string(),
  ...applicantEventShape,
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
  ...applicantEventShape,
  queueNumber: z.string(),
  /** The appointment date being reminded. */
  date: z.string(),
  /** The job reserved a messaging-limit slot for it: sent as a template, it is not counted again. */
  countedAgainstLimit: z.optional(z.boolean()),
});
export type ReminderEvent = z.infer<typeof reminderEventSchema>;

export function reminderEvent(
  registration: { queueNumber: string; ownerKey: string; ownerWaId?: string; ownerUserId?: string; office?: { id: string } },
  date: string,
): ReminderEvent {
  return {
    type: 'reminder',
    ...(registration.office ? { office: registration.office.id } : {}),
    eventId: `reminder:${registration.queueNumber}:${date}`,
    applicant: ownerRef(registration),
    queueNumber: registration.queueNumber,
    date,
  };
}
