/**
 * The officers' registrations API (docs/contract.md): lists, detail with documents and audit, the actions of
 * the status table, days and their capacity, proof verification. Authentication, CSRF and roles are
 * the router's; this validates bodies, applies the rules and answers 400/404/409/422 itself.
 */
import * as z from 'zod/mini';
import { addDays, DAY_MS, formatDayDate, jakartaDate, jakartaHour } from '../domain/calendar';
import { messages } from '../domain/messages';
import { printableText } from '../domain/text-hygiene';
import { allowedActions, decideOfficerAction, type OfficerActionInput } from '../domain/officer-actions';
import { declaredNotice, isNotificationKind, OFFICER_ACTIONS } from '../domain/officer-action-declarations';
import { officerInput } from '../domain/officer-input';
import type { OfficeProfile } from '../domain/office';
import { verifyProofCode } from '../domain/proof-code';
import { isOpen, OPEN_STATUSES, REGISTRATION_STATUSES, type Registration, type RegistrationStatus } from '../domain/registration';
import { arrivalTimes, dayState, earliestBookableDate, type HolidayCalendar } from '../domain/schedule';
import { findService, REQUIREMENTS } from '../domain/services';
import type { AuditEntry, BlobStore, DeliveryStore, DraftStore, EventQueue, OfficeRegistrationStore } from '../ports';
import { reminderEvent, type NotifyEvent } from '../queue-events';
import type { ApiResult, Officer, RegistrationsApi } from './officer-api';

export interface RegistrationsApiDeps {
  readonly store: OfficeRegistrationStore;
  readonly drafts: DraftStore;
  readonly deliveries: Pick<DeliveryStore, 'listForRegistration' | 'listFailedSends'>;
  readonly blobs: BlobStore;
  readonly queue: EventQueue;
  readonly office: OfficeProfile;
  readonly holidays: HolidayCalendar;
  readonly clock: { now(): Date };
  readonly proofKeys: () => Promise<ReadonlyMap<string, string>>;
  readonly log: { warn(message: string, fields: Record<string, unknown>): void; error(message: string, fields: Record<string, unknown>): void };
}

/** Officers see documents through links that live this long. */
export const DOCUMENT_LINK_SECONDS = 300;
const STALE_PENDING_MS = DAY_MS;
/** The failed-sends list shows this many, newest first (they expire with the delivery records). */
const FAILED_SENDS_SHOWN = 200;
const RECENT_FAILURE_MS = 7 * DAY_MS;
/** The date buttons of the review screen: a working week and a day, two rows beside the documents. */
const OPEN_DAYS_SHOWN = 6;
const OPEN_DAYS_MAX = 30;
/** Registrations an officer still has to look at the documents of. */
const DOCUMENTS_COUNTED: ReadonlySet<RegistrationStatus> = new Set(['PENDING', 'PERLU_PERBAIKAN']);
/** Registrations that hold a place on their appointment day. */
const HOLDS_A_PLACE: ReadonlySet<RegistrationStatus> = new Set(['DIKONFIRMASI', 'PERUBAHAN_DIMINTA']);

const { required, isoDate: isoDateString, flag } = officerInput;
const daySchema = z.object({
  capacity: z.optional(
    z.number(required('angka')).check(z.int('harus bilangan bulat'), z.minimum(0, 'paling sedikit 0'), z.maximum(1000, 'paling banyak 1000')),
  ),
  closed: z.optional(flag),
  reason: z.optional(z.string(required('teks')).check(z.trim(), z.maxLength(200, 'paling banyak 200 karakter'))),
});
const verifySchema = z.object({ content: z.string(required('teks')).check(z.minLength(1, 'wajib diisi'), z.maxLength(2000, 'paling banyak 2000 karakter')) });

export function createRegistrationsApi(deps: RegistrationsApiDeps): RegistrationsApi {
  const now = () => deps.clock.now();
  const view = (registration: Registration) => registrationView(registration, now());

  async function openRegistrations(): Promise<Registration[]> {
    const lists = await Promise.all(OPEN_STATUSES.map((status) => deps.store.listByStatus(status)));
    return lists.flat();
  }

  /** One look at a registration's documents, for its history (none when it has no documents). */
  function documentsViewed(count: number, officer: Officer): AuditEntry | undefined {
    return count > 0 ? { at: now().toISOString(), actor: officer.username, action: 'documents-viewed', detail: `${count} berkas` } : undefined;
  }

  async function flushPendingNotifications(): Promise<void> {
    for (const event of await deps.store.pendingNotifications()) {
      await deps.queue.enqueue([event]);
      await deps.store.clearPendingNotification(event.eventId);
    }
  }

  async function day(date: string) {
    const stored = await deps.store.getDay(date);
    return dayState(date, stored.booked, stored.override, deps.office, deps.holidays);
  }

  return {
    async list(query) {
      if (query.status && !REGISTRATION_STATUSES.includes(query.status as RegistrationStatus)) {
        return malformed(`status harus salah satu dari ${REGISTRATION_STATUSES.join(', ')}`);
      }
      if (query.date && !isoDateString.safeParse(query.date).success) return malformed('tanggal harus YYYY-MM-DD');
      let registrations: Registration[];
      if (query.date) {
        registrations = await deps.store.listByDay(query.date);
        if (query.status) registrations = registrations.filter((registration) => registration.status === query.status);
      } else if (query.status) {
        registrations = await deps.store.listByStatus(query.status as RegistrationStatus);
      } else {
        registrations = await openRegistrations();
      }
      if (query.q) registrations = await search(query.q, registrations, deps.store, Boolean(query.status || query.date));
      registrations.sort((a, b) =>
        query.date ? `${a.appointmentTime}${a.queueNumber}`.localeCompare(`${b.appointmentTime}${b.queueNumber}`) : a.createdAt.localeCompare(b.createdAt),
      );
      if (!query.documentCount) return { status: 200, body: registrations.map(view) };
      const counted = await Promise.all(
        registrations.map(async (registration) =>
          DOCUMENTS_COUNTED.has(registration.status)
            ? { ...view(registration), documentCount: (await deps.drafts.listDocuments(registration.draftId)).length }
            : view(registration),
        ),
      );
      return { status: 200, body: counted };
    },

    async get(queueNumber, officer, options) {
      const registration = await deps.store.get(queueNumber);
      if (!registration) return notFound(queueNumber);
      const [documents, submission] = await Promise.all([deps.drafts.listDocuments(registration.draftId), deps.drafts.submission(registration.draftId)]);
      const links = await Promise.all(
        documents.map(async (document) => ({
          // A page handed in after the registration (a fix, or a change in the chat): officers check it again.
          ...(submission && document.uploadedAt > submission.submittedAt ? { addedAfterSubmission: true } : {}),
          requirement: document.requirement,
          requirementName: REQUIREMENTS[document.requirement]?.shortName ?? document.requirement,
          // Stored before names were cleaned on arrival: never shown with a bidi override.
          name: printableText(document.filename) || 'berkas',
          contentType: document.contentType,
          size: document.size,
          uploadedAt: document.uploadedAt,
          url: await deps.blobs.presignedGetUrl(document.key, DOCUMENT_LINK_SECONDS, document.filename, document.contentType),
        })),
      );
      // The view is recorded while the history is read; it is added to what is shown when the read missed it.
      const viewed = options?.recordView === false ? undefined : documentsViewed(links.length, officer);
      const [stored, deliveries] = await Promise.all([
        deps.store.history(queueNumber),
        deps.deliveries.listForRegistration(queueNumber),
        viewed ? deps.store.addAudit(queueNumber, viewed) : undefined,
      ]);
      const history =
        viewed && !stored.some((entry) => entry.at === viewed.at && entry.actor === viewed.actor && entry.action === viewed.action)
          ? [...stored, viewed]
          : stored;
      return {
        status: 200,
        body: {
          ...view(registration),
          consent: registration.consent ?? null,
          documents: links,
          history,
          deliveries: deliveries.map((delivery) => ({
            ...delivery,
            what: deliveryName(delivery.kind) ?? delivery.kind,
            ...(delivery.errorCode !== undefined ? { error: `Gagal terkirim (${delivery.errorCode}): ${delivery.errorTitle ?? ''}` } : {}),
          })),
        },
      };
    },

    async recordView(queueNumber, officer) {
      const [registration, pending] = await Promise.all([deps.store.get(queueNumber), deps.store.listByStatus('PENDING')]);
      if (!registration) return notFound(queueNumber);
      const viewed = documentsViewed((await deps.drafts.listDocuments(registration.draftId)).length, officer);
      if (viewed) await deps.store.addAudit(queueNumber, viewed);
      // The page was made ahead of time: what comes after it may have been decided since.
      const next = nextPendingAfter(queueNumber, pending);
      return { status: 200, body: { recorded: Boolean(viewed), next: next ? { queueNumber: next.queueNumber, name: next.name } : null } };
    },

    async act(queueNumber, action, body, officer) {
      const parsed = OFFICER_ACTIONS[action].body.safeParse(body);
      if (!parsed.success) return malformed(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
      const input = { action, ...(parsed.data as object) } as OfficerActionInput;
      for (let attempt = 0; attempt < 3; attempt += 1) {
        // The registration and the day asked for are independent reads: one round trip instead of two.
        const [current, targetDay] = await Promise.all([deps.store.getVersioned(queueNumber), 'date' in input ? day(input.date) : undefined]);
        if (!current) return notFound(queueNumber);
        const decision = decideOfficerAction(current.registration, input, { now: now(), office: deps.office, ...(targetDay ? { targetDay } : {}) });
        if (!decision.ok) return { status: decision.refusal.status, body: { error: decision.refusal.error, message: decision.refusal.message } };
        const { outcome } = decision;
        const version = current.version + 1;
        const notification: NotifyEvent | undefined = outcome.notify
          ? {
              type: 'notify',
              eventId: `notify:${queueNumber}:${version}`,
              applicant: {
                key: outcome.registration.ownerKey,
                ...(outcome.registration.ownerWaId ? { waId: outcome.registration.ownerWaId } : {}),
                ...(outcome.registration.ownerUserId ? { userId: outcome.registration.ownerUserId } : {}),
              },
              queueNumber,
              kind: outcome.notify,
              version,
              ...(outcome.notify === 'rescheduled' && current.registration.appointmentDate ? { previousDate: current.registration.appointmentDate } : {}),
            }
          : undefined;
        if (outcome.redo && outcome.redo.length > 0) {
          // The documents to redo leave the draft, so that the upload page asks for them again.
          for (const requirement of outcome.redo) await deps.drafts.removeRequirement(current.registration.draftId, requirement);
        }
        const result = await deps.store.applyOutcome({
          outcome,
          version: current.version,
          actor: officer.username,
          now: now(),
          dayCapacity: (date) => (targetDay && targetDay.date === date ? targetDay.capacity : deps.office.dayCapacity),
          ...(notification ? { notification } : {}),
        });
        if (result === 'changed-meanwhile') continue;
        if (result === 'day-full') {
          const full = targetDay ?? (await day(String((input as { date?: string }).date)));
          return { status: 422, body: { error: 'day-full', message: messages.officer.dayFull(formatDayDate(full.date), full.capacity) } };
        }
        if (notification) await queueNotification(notification);
        await remindAtOnceIfTodaysRunIsOver(outcome.registration);
        return { status: 200, body: view(outcome.registration) };
      }
      return { status: 409, body: { error: 'conflict', message: 'Pendaftaran ini sedang diubah petugas lain. Muat ulang halaman lalu coba lagi.' } };
    },

    async getDay(date) {
      if (!isoDateString.safeParse(date).success) return malformed('tanggal harus YYYY-MM-DD');
      const [state, registrations] = await Promise.all([day(date), deps.store.listByDay(date)]);
      return {
        status: 200,
        body: {
          ...state,
          registrations: registrations
            .filter((registration) => isOpen(registration.status) || registration.status === 'SELESAI' || registration.status === 'TIDAK_HADIR')
            .sort((a, b) => `${a.appointmentTime}`.localeCompare(`${b.appointmentTime}`))
            .map(view),
        },
      };
    },

    async openDays(query) {
      const earliest = earliestBookableDate(now());
      const from = query.from === undefined ? earliest : query.from;
      if (!isoDateString.safeParse(from).success) return malformed('from harus YYYY-MM-DD');
      const count = query.count === undefined ? OPEN_DAYS_SHOWN : Number(query.count);
      if (!Number.isInteger(count) || count < 1 || count > OPEN_DAYS_MAX) return malformed(`count harus 1–${OPEN_DAYS_MAX}`);
      const start = from < earliest ? earliest : from;
      // Weekends and holidays are left out by looking at a week more than the days asked for.
      const candidates = Array.from({ length: Math.ceil((count * 7) / 5) + 7 }, (_, index) => addDays(start, index));
      const stored = await deps.store.getDays(candidates);
      const states = candidates.map((date) => {
        const found = stored.get(date) ?? { booked: 0 };
        return dayState(date, found.booked, found.override, deps.office, deps.holidays);
      });
      const open = states.filter((state) => !state.closed).slice(0, count);
      const times = arrivalTimes(deps.office);
      const days = await Promise.all(
        open.map(async (state) => {
          const free = Math.max(0, state.capacity - state.booked);
          const nextFreeTime = free > 0 ? leastBookedTime(times, state.booked > 0 ? await deps.store.listByDay(state.date) : []) : undefined;
          return {
            date: state.date,
            capacity: state.capacity,
            booked: state.booked,
            free,
            ...(state.holiday ? { holiday: state.holiday } : {}),
            ...(nextFreeTime ? { nextFreeTime } : {}),
          };
        }),
      );
      return { status: 200, body: { from: start, days } };
    },

    async putDay(date, body, officer) {
      if (!isoDateString.safeParse(date).success) return malformed('tanggal harus YYYY-MM-DD');
      const parsed = daySchema.safeParse(body);
      if (!parsed.success) return malformed(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
      const override = {
        ...(parsed.data.capacity !== undefined ? { capacity: parsed.data.capacity } : {}),
        ...(parsed.data.closed !== undefined ? { closed: parsed.data.closed } : {}),
        ...(parsed.data.reason ? { reason: parsed.data.reason } : {}),
      };
      const saved = await deps.store.putDayOverride(date, override);
      if (saved === 'below-booked') {
        const current = await day(date);
        return { status: 422, body: { error: 'capacity', message: messages.officer.badCapacity(current.booked) } };
      }
      deps.log.warn('day settings changed', { date, officer: officer.username, ...override });
      return this.getDay(date);
    },

    async summary() {
      await flushPendingNotifications().catch((error: unknown) => deps.log.error('pending notifications not queued', { error: (error as Error).message }));
      const counts = await Promise.all(REGISTRATION_STATUSES.map(async (status) => [status, (await deps.store.listByStatus(status)).length] as const));
      const pending = await deps.store.listByStatus('PENDING');
      const stale = pending.filter((registration) => isStale(registration, now())).map(view);
      const since = new Date(now().getTime() - RECENT_FAILURE_MS).toISOString();
      const recentFailedSends = (await deps.deliveries.listFailedSends(FAILED_SENDS_SHOWN)).filter((failure) => failure.at >= since).length;
      return { status: 200, body: { counts: Object.fromEntries(counts), stalePending: stale, recentFailedSends, today: jakartaDate(now()) } };
    },

    async dataRequests() {
      const requests = await deps.store.listDataRequests();
      return { status: 200, body: requests.map(({ kind, at, queueNumbers, outcome }) => ({ kind, at, queueNumbers, outcome })) };
    },

    async failedSends() {
      const failures = await deps.deliveries.listFailedSends(FAILED_SENDS_SHOWN);
      const numbers = [...new Set(failures.flatMap((failure) => (failure.queueNumber ? [failure.queueNumber] : [])))];
      const registrations = new Map(
        (await Promise.all(numbers.map((number) => deps.store.get(number)))).flatMap((r) => (r ? [[r.queueNumber, r] as const] : [])),
      );
      return {
        status: 200,
        body: failures.map((failure) => {
          const registration = failure.queueNumber ? registrations.get(failure.queueNumber) : undefined;
          return {
            at: failure.at,
            reason: failure.reason,
            code: failure.code,
            title: failure.title,
            kind: failure.kind ?? 'reply',
            what: deliveryName(failure.kind ?? '') ?? messages.officer.conversationReply,
            ...(failure.queueNumber ? { queueNumber: failure.queueNumber } : {}),
            ...(registration ? { name: registration.name, phone: registration.phone, status: registration.status } : {}),
            ...(failure.waId ? { waId: failure.waId } : {}),
          };
        }),
      };
    },

    async verifyProof(body) {
      const parsed = verifySchema.safeParse(body);
      if (!parsed.success) return malformed('content wajib diisi');
      const result = verifyProofCode(parsed.data.content, await deps.proofKeys());
      if (!result.valid) {
        return {
          status: 200,
          body: { valid: false, reason: result.reason, message: 'Bukti TIDAK SAH: kode tidak cocok dengan tanda tangan kantor (palsu atau diubah).' },
        };
      }
      const registration = await deps.store.get(result.queueNumber);
      const appointment = result.appointmentDate;
      const current = registration?.appointmentDate === appointment;
      return {
        status: 200,
        body: {
          valid: true,
          current,
          queueNumber: result.queueNumber,
          appointmentDate: appointment,
          message: current
            ? 'Bukti SAH dan sesuai jadwal yang berlaku.'
            : 'Tanda tangan SAH, tetapi jadwal pada bukti ini sudah tidak berlaku (jadwal telah diubah atau dibatalkan).',
          ...(registration ? { registration: view(registration) } : {}),
        },
      };
    },
  };

  /** A confirmation for tomorrow made after today's reminder run would otherwise never be reminded. */
  async function remindAtOnceIfTodaysRunIsOver(registration: Registration): Promise<void> {
    const at = now();
    const tomorrow = addDays(jakartaDate(at), 1);
    const hourInJakarta = jakartaHour(at);
    if (registration.status !== 'DIKONFIRMASI' || registration.appointmentDate !== tomorrow || hourInJakarta < deps.office.reminderHour) return;
    try {
      await deps.queue.enqueue([reminderEvent(registration, tomorrow)]);
    } catch (error) {
      deps.log.error('late reminder not queued', { queueNumber: registration.queueNumber, error: (error as Error).message });
    }
  }

  async function queueNotification(notification: NotifyEvent): Promise<void> {
    try {
      await deps.queue.enqueue([notification]);
      await deps.store.clearPendingNotification(notification.eventId);
    } catch (error) {
      // The decision holds; the notification waits in the table and goes out with the next flush.
      deps.log.error('notification not queued yet', { eventId: notification.eventId, error: (error as Error).message });
    }
  }
}

async function search(q: string, candidates: Registration[], store: OfficeRegistrationStore, filtered: boolean): Promise<Registration[]> {
  const query = q.trim().toLowerCase();
  const exact = /^[a-z]{2,6}-\d{3,}$/i.test(query) ? await store.get(query.toUpperCase()) : undefined;
  const matches = candidates.filter(
    (registration) =>
      registration.queueNumber.toLowerCase() === query ||
      registration.nik.includes(query.replace(/\s/g, '')) ||
      registration.name.toLowerCase().includes(query),
  );
  if (exact && !filtered && !matches.some((registration) => registration.queueNumber === exact.queueNumber)) matches.unshift(exact);
  return matches;
}

export function registrationView(registration: Registration, now: Date) {
  const service = findService(registration.serviceId);
  return {
    queueNumber: registration.queueNumber,
    name: registration.name,
    nik: registration.nik,
    placeOfBirth: registration.placeOfBirth,
    dateOfBirth: registration.dateOfBirth,
    phone: registration.phone,
    service: { id: registration.serviceId, name: service?.name ?? '' },
    status: registration.status,
    createdAt: registration.createdAt,
    ...(registration.appointmentDate ? { appointmentDate: registration.appointmentDate } : {}),
    ...(registration.appointmentTime ? { appointmentTime: registration.appointmentTime } : {}),
    ...(registration.requestedDate ? { requestedDate: registration.requestedDate } : {}),
    rescheduled: registration.rescheduled,
    flags: [...registration.flags],
    ...(registration.profileName ? { profileName: printableText(registration.profileName) } : {}),
    ...(registration.note ? { note: registration.note } : {}),
    documentsMode: registration.documentsMode,
    requirements: (service?.requirements ?? []).map((id) => ({ id, name: REQUIREMENTS[id].shortName })),
    waitingTooLong: isStale(registration, now),
    allowedActions: allowedActions(registration.status),
  };
}

/** The `PENDING` registration to check after `current`: the next oldest, else the oldest other one. */
export function nextPendingAfter<T extends { readonly queueNumber: string; readonly createdAt: string }>(
  current: string,
  pending: readonly T[],
): T | undefined {
  const ordered = [...pending].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const index = ordered.findIndex((registration) => registration.queueNumber === current);
  const after = index >= 0 ? ordered.slice(index + 1) : ordered;
  return after[0] ?? ordered.find((registration) => registration.queueNumber !== current);
}

/** The earliest arrival time with the fewest people booked on it: the next free slot. */
function leastBookedTime(times: readonly string[], registrations: readonly Registration[]): string | undefined {
  const booked = new Map<string, number>();
  for (const registration of registrations) {
    if (!HOLDS_A_PLACE.has(registration.status) || !registration.appointmentTime) continue;
    booked.set(registration.appointmentTime, (booked.get(registration.appointmentTime) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const time of times) if (best === undefined || (booked.get(time) ?? 0) < (booked.get(best) ?? 0)) best = time;
  return best;
}

/** What a message about a registration was: an officer's notice as its action declares it, or the reminder. */
export function deliveryName(kind: string): string | undefined {
  return isNotificationKind(kind) ? declaredNotice(kind).delivery : messages.officer.deliveryKinds[kind];
}

function isStale(registration: Registration, now: Date): boolean {
  return registration.status === 'PENDING' && now.getTime() - Date.parse(registration.createdAt) > STALE_PENDING_MS;
}

function malformed(problem: string): ApiResult {
  return { status: 400, body: { error: 'malformed', message: messages.officer.malformed(problem) } };
}

function notFound(queueNumber: string): ApiResult {
  return { status: 404, body: { error: 'not-found', message: messages.officer.notFound(queueNumber) } };
}
