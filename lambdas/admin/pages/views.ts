/**
 * What the pages show, as the registrations API answers it (lambdas/admin/officer-api.ts): the API's
 * typed values, read as they are.
 */
import type { DayWithRegistrations, FailedSend, OpenDays, RegistrationDetail, RegistrationView, Summary } from '../officer-api';

export type { RegistrationView };
export type DetailView = RegistrationDetail;
export type DocumentView = DetailView['documents'][number];
export type HistoryView = DetailView['history'][number];
export type DeliveryView = DetailView['deliveries'][number];
export type SummaryView = Summary;
export type FailedSendView = FailedSend;
export type DayView = DayWithRegistrations;
export type OpenDayView = OpenDays['days'][number];
