/** The dashboard's counts, the failed sends, the applicants' data requests, and proof verification. */
import * as z from 'zod/mini';
import { DAY_MS } from '../domain/calendar';
import { officerAnswerTexts } from '../domain/texts/officer-answers';
import { officeOfApplicantKey, officeToday } from '../domain/offices';
import { officerInput } from '../domain/officer-input';
import { verifyProofCode } from '../domain/proof-code';
import { REGISTRATION_STATUSES, type Registration } from '../domain/registration';
import type { RegistrationsApiDeps } from './officer-api';
import { deliveryName, isStale, registrationView } from './registration-view';
import { malformed, ok } from './results';
import { rebookingUnanswered } from './rebooking-views';
import { passExpiredOffers } from '../use-cases/offer-freed-place';
import { dayOf } from './days-api';

/** The failed-sends list shows this many, newest first (they expire with the delivery records). */
const FAILED_SENDS_SHOWN = 200;
const RECENT_FAILURE_MS = 7 * DAY_MS;

const { required } = officerInput;
const verifySchema = z.object({ content: z.string(required('teks')).check(z.minLength(1, 'wajib diisi'), z.maxLength(2000, 'paling banyak 2000 karakter')) });

export function createReportsApi(deps: RegistrationsApiDeps) {
  const now = () => deps.clock.now();
  const view = (registration: Registration) => registrationView(registration, now(), deps.office.services, deps.officeRef);

  async function flushPendingNotifications(): Promise<void> {
    for (const event of await deps.store.pendingNotifications()) {
      await deps.queue.enqueue([event]);
      await deps.store.clearPendingNotification(event.eventId);
    }
  }

  async function summary() {
    await passExpiredOffers({ ...deps, freePlaces: async (date) => ((day) => day.capacity - day.booked)(await dayOf(deps, date)) });
    await flushPendingNotifications().catch((error: unknown) => deps.log.error('pending notifications not queued', { error: (error as Error).message }));
    const counts = await Promise.all(REGISTRATION_STATUSES.map(async (status) => [status, (await deps.store.listByStatus(status)).length] as const));
    const pending = await deps.store.listByStatus('PENDING');
    const stale = pending.filter((registration) => isStale(registration, now())).map(view);
    const since = new Date(now().getTime() - RECENT_FAILURE_MS).toISOString();
    const recentFailedSends = (await ownFailedSends()).filter((failure) => failure.at >= since).length;
    const rebookingToCall = await rebookingUnanswered(deps, now());
    return ok({ counts: Object.fromEntries(counts), stalePending: stale, recentFailedSends, today: officeToday(now(), deps.office), rebookingToCall });
  }

  /** The office's own: a message to one of its applicants (whose session key names the office). */
  async function ownFailedSends() {
    return (await deps.deliveries.listFailedSends(FAILED_SENDS_SHOWN)).filter((failure) => officeOfApplicantKey(failure.applicantKey) === deps.officeId);
  }

  /**
   * The office's own: requests about its registrations (queue numbers carry the office's unique prefix);
   * a request that named no registration is the default office's, as before many offices.
   */
  async function dataRequests() {
    const prefix = `${deps.office.queuePrefix}-`;
    const requests = (await deps.store.listDataRequests()).filter((request) =>
      request.queueNumbers.length === 0 ? deps.officeId === undefined : request.queueNumbers.some((queueNumber) => queueNumber.startsWith(prefix)),
    );
    return ok(requests.map(({ kind, at, queueNumbers, outcome }) => ({ kind, at, queueNumbers, outcome })));
  }

  async function failedSends() {
    const failures = await ownFailedSends();
    const numbers = [...new Set(failures.flatMap((failure) => (failure.queueNumber ? [failure.queueNumber] : [])))];
    const registrations = new Map(
      (await Promise.all(numbers.map((number) => deps.store.get(number)))).flatMap((r) => (r ? [[r.queueNumber, r] as const] : [])),
    );
    return ok(
      failures.map((failure) => {
        const registration = failure.queueNumber ? registrations.get(failure.queueNumber) : undefined;
        return {
          at: failure.at,
          reason: failure.reason,
          code: failure.code,
          title: failure.title,
          kind: failure.kind ?? 'reply',
          what: deliveryName(failure.kind ?? '') ?? officerAnswerTexts.officer.conversationReply,
          ...(failure.queueNumber ? { queueNumber: failure.queueNumber } : {}),
          ...(registration ? { name: registration.name, phone: registration.phone, status: registration.status } : {}),
          ...(failure.waId ? { waId: failure.waId } : {}),
        };
      }),
    );
  }

  async function verifyProof(body: unknown) {
    const parsed = verifySchema.safeParse(body);
    if (!parsed.success) return malformed('content wajib diisi');
    const result = verifyProofCode(parsed.data.content, await deps.proofKeys());
    if (!result.valid) {
      return ok({ valid: false, reason: result.reason, message: officerAnswerTexts.officer.proofForged });
    }
    const registration = await deps.store.get(result.queueNumber);
    const appointment = result.appointmentDate;
    const current = registration?.appointmentDate === appointment;
    return ok({
      valid: true,
      current,
      queueNumber: result.queueNumber,
      appointmentDate: appointment,
      message: current ? officerAnswerTexts.officer.proofValid : officerAnswerTexts.officer.proofScheduleStale,
      ...(registration ? { registration: view(registration) } : {}),
    });
  }

  return { summary, dataRequests, failedSends, verifyProof };
}
