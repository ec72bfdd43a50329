/** What the queue's use cases are given (wired in lambdas/wiring/worker.ts; faked in test/support/fakes/). */
import type { OfficeProfile } from '../domain/office';
import type { InboundEvent, StatusEvent } from '../queue-events';
import type { Registration } from '../domain/registration';
import type { HolidayCalendar } from '../domain/schedule';
import type { RequirementId, ServiceId } from '../domain/services';
import type { BlobStore, Clock, DeliveryStore, DraftStore, IdSource, MediaSource, Messenger, Metrics, OfficeRegistrationStore, SessionStore } from '../ports';

export interface EventHandlingDeps {
  readonly sessions: SessionStore;
  readonly deliveries: DeliveryStore;
  readonly drafts: DraftStore;
  readonly blobs: BlobStore;
  readonly registrations: OfficeRegistrationStore;
  readonly media: MediaSource;
  readonly messenger: Messenger;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly office: OfficeProfile;
  readonly holidays: HolidayCalendar;
  /** Resolves to an issuer of applicants' upload links (its key may have to be fetched first). */
  readonly uploadLinks: () => Promise<UploadLinkIssuer>;
  /** Renders, stores and links a registration's PDF proof. */
  readonly proofs: (registration: Registration, version: number, previousDate: string | undefined) => Promise<{ link: string }>;
  readonly log: EventLog;
  readonly metrics: Metrics;
  /** The secret that keys applicants' correlation ids in logs (`applicantTag`). */
  readonly logHashSecret: () => Promise<string>;
  /** The key of the day's check-in code (domain/day-code.ts). */
  readonly dayCodeKey: () => Promise<string>;
  /** What differs for an event of a registry office (its profile, number, days, lists); nothing for the default office. */
  readonly forOffice?: (officeId: string | undefined) => Promise<Partial<EventHandlingDeps>>;
  /** An event for another number than the default office's, as its office's event; undefined: no enabled office has that number (ignored). */
  readonly routeToOffice?: (event: InboundEvent | StatusEvent) => Promise<InboundEvent | StatusEvent | undefined>;
}

/** Makes applicants' upload links; `persist` stores what the links made so far need before they are sent. */
export interface UploadLinkIssuer {
  readonly link: (serviceId: ServiceId, draftId: string, only?: readonly RequirementId[], expiresAt?: number, note?: string) => string;
  readonly persist: () => Promise<void>;
}

export interface EventLog {
  info(message: string, fields: Record<string, unknown>): void;
  warn(message: string, fields: Record<string, unknown>): void;
}
