/**
 * What the pages read from the registrations API's answers (docs/contract.md shapes), parsed leniently: a
 * field the API adds later is ignored, a field it leaves out is simply not shown.
 */
import * as z from 'zod/mini';

const text = z.string();
const optionalText = z.optional(z.string());

export const registrationSchema = z.looseObject({
  queueNumber: text,
  name: text,
  nik: z._default(text, ''),
  placeOfBirth: z._default(text, ''),
  dateOfBirth: z._default(text, ''),
  phone: z._default(text, ''),
  service: z._default(z.looseObject({ id: z.number(), name: z._default(text, '') }), { id: 0, name: '' }),
  status: text,
  createdAt: text,
  appointmentDate: optionalText,
  appointmentTime: optionalText,
  requestedDate: optionalText,
  rescheduled: z._default(z.boolean(), false),
  flags: z._default(z.array(text), []),
  profileName: optionalText,
  note: optionalText,
  documentsMode: optionalText,
  requirements: z.optional(z.array(z.looseObject({ id: text, name: text }))),
  allowedActions: z.optional(z.array(text)),
  documentCount: z.optional(z.number()),
});
export type RegistrationView = z.infer<typeof registrationSchema>;

export const documentSchema = z.looseObject({
  requirement: text,
  requirementName: optionalText,
  name: text,
  contentType: text,
  url: text,
  size: z.optional(z.number()),
  uploadedAt: optionalText,
  addedAfterSubmission: z.optional(z.boolean()),
});
export type DocumentView = z.infer<typeof documentSchema>;

export const historySchema = z.looseObject({ at: text, actor: text, action: text, detail: z._default(text, '') });
export type HistoryView = z.infer<typeof historySchema>;

/** Delivery state of what was sent (optional in the API's answer; shown when present). */
export const deliverySchema = z.looseObject({
  at: optionalText,
  what: optionalText,
  kind: optionalText,
  status: optionalText,
  error: optionalText,
  errorCode: z.optional(z.number()),
});
export type DeliveryView = z.infer<typeof deliverySchema>;

export const detailSchema = z.looseObject({
  ...registrationSchema.shape,
  documents: z._default(z.array(documentSchema), []),
  history: z._default(z.array(historySchema), []),
  deliveries: z.optional(z.array(deliverySchema)),
});
export type DetailView = z.infer<typeof detailSchema>;

export const listSchema = z.array(registrationSchema);

export const summarySchema = z.looseObject({
  counts: z._default(z.record(text, z.number()), {}),
  stalePending: z._default(z.array(registrationSchema), []),
  recentFailedSends: z._default(z.number(), 0),
});

export const failedSendSchema = z.looseObject({
  at: text,
  reason: text,
  code: z._default(z.number(), 0),
  title: z._default(text, ''),
  what: z._default(text, ''),
  queueNumber: optionalText,
  name: optionalText,
  phone: optionalText,
  waId: optionalText,
});
export type FailedSendView = z.infer<typeof failedSendSchema>;
export const failedSendsSchema = z.array(failedSendSchema);
export type SummaryView = z.infer<typeof summarySchema>;

export const daySchema = z.looseObject({
  date: text,
  capacity: z.number(),
  booked: z.number(),
  closed: z.boolean(),
  closedReason: optionalText,
  holiday: optionalText,
  registrations: z._default(z.array(registrationSchema), []),
});
export type DayView = z.infer<typeof daySchema>;

export const openDaySchema = z.looseObject({
  date: text,
  capacity: z.number(),
  booked: z.number(),
  free: z.number(),
  holiday: optionalText,
  nextFreeTime: optionalText,
});
export type OpenDayView = z.infer<typeof openDaySchema>;
export const openDaysSchema = z.looseObject({ from: text, days: z._default(z.array(openDaySchema), []) });

/** The API's answer as `schema` says, or undefined (the page then says the data cannot be shown). */
export function parseView<T>(schema: z.ZodMiniType<T>, body: unknown): T | undefined {
  const result = schema.safeParse(body);
  return result.success ? result.data : undefined;
}
