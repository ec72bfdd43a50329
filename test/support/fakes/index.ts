/**
 * In-memory fakes of the ports the queue's use cases need, in one place: the use cases' unit tests run
 * against these, the integration tier against DynamoDB Local and the fake Graph API. A fake keeps what
 * the real store keeps for the calls it implements; a port method no fake implements throws when called,
 * so a test can never pass on a call it did not expect.
 */
import { loadHolidays } from '../../../lambdas/config';
import type { Reply } from '../../../lambdas/domain/replies';
import type { Registration } from '../../../lambdas/domain/registration';
import { DuplicateEventError } from '../../../lambdas/errors';
import type {
  ApplicantSession,
  DeliveryStore,
  FailedSend,
  Messenger,
  OfficeRegistrationStore,
  Recipient,
  SendOutcome,
  SentMessage,
  SessionStore,
} from '../../../lambdas/ports';
import type { EventHandlingDeps } from '../../../lambdas/use-cases/event-handling';
import { testOffice } from '../office';

/** `implemented`, and a throw naming the method for anything else the port declares. */
export function partialPort<T extends object>(name: string, implemented: Partial<T>): T {
  return new Proxy(implemented, {
    get(target, property) {
      if (property in target) return (target as Record<PropertyKey, unknown>)[property];
      if (property === 'then') return undefined;
      return () => {
        throw new Error(`${name}.${String(property)} is not faked: the use case called it unexpectedly`);
      };
    },
  }) as T;
}

export class MemorySessionStore implements SessionStore {
  readonly sessions = new Map<string, ApplicantSession>();
  readonly processedEvents = new Set<string>();

  async load(key: string) {
    return this.sessions.get(key);
  }

  async saveDecision(session: ApplicantSession, eventId: string) {
    if (this.processedEvents.has(eventId)) throw new DuplicateEventError(eventId);
    this.processedEvents.add(eventId);
    this.sessions.set(session.key, { ...session, version: session.version + 1 });
  }

  async lastInboundTimes(applicantKeys: readonly string[]) {
    const times = new Map<string, string>();
    for (const key of applicantKeys) {
      const at = this.sessions.get(key)?.lastInboundAt;
      if (at) times.set(key, at);
    }
    return times;
  }

  async forgetIfSettled(key: string) {
    const session = this.sessions.get(key);
    if (session && session.outbox.length > 0) return false;
    this.sessions.delete(key);
    return true;
  }

  async markSent(key: string, outboxId: string) {
    const session = this.sessions.get(key);
    if (session) this.sessions.set(key, { ...session, outbox: session.outbox.filter((entry) => entry.id !== outboxId) });
  }

  async markInFlight(key: string, outboxId: string, send: { since: string; template: boolean }) {
    const session = this.sessions.get(key);
    if (!session?.outbox.some((entry) => entry.id === outboxId)) return false;
    this.sessions.set(key, { ...session, outbox: session.outbox.map((entry) => (entry.id === outboxId ? { ...entry, inFlight: send } : entry)) });
    return true;
  }
}

/** The delivery records the queue's use cases write and read. */
export class MemoryDeliveries {
  readonly sent: SentMessage[] = [];
  readonly outcomes = new Map<string, SendOutcome>();
  readonly statuses = new Map<string, string>();
  readonly failedSends: FailedSend[] = [];
  readonly fallbacksSent = new Set<string>();
  templateSends = 0;

  readonly store: DeliveryStore = partialPort<DeliveryStore>('deliveries', {
    recordSent: async (message) => void this.sent.push(message),
    recordSendOutcome: async (outcome) => void (this.outcomes.has(outcome.outboxId) || this.outcomes.set(outcome.outboxId, outcome)),
    sendOutcome: async (outboxId) => this.outcomes.get(outboxId),
    pendingFallback: async (messageId) => {
      const message = this.sent.find((candidate) => candidate.messageId === messageId);
      return message?.fallback && !this.fallbacksSent.has(messageId)
        ? { fallback: message.fallback, queueNumber: message.queueNumber, kind: message.kind }
        : undefined;
    },
    markFallbackSent: async (messageId) => void this.fallbacksSent.add(messageId),
    recordStatus: async ({ messageId, status }) => {
      if (this.statuses.get(messageId) === status) return undefined;
      this.statuses.set(messageId, status);
      const message = this.sent.find((candidate) => candidate.messageId === messageId);
      return message ? { queueNumber: message.queueNumber, kind: message.kind } : {};
    },
    recordFailedSend: async (failure) => void this.failedSends.push(failure),
    recordTemplateSend: async () => void (this.templateSends += 1),
  });
}

/** Meta as the use cases see it: every send is kept; `failNext` makes the next send throw. */
export class RecordingMessenger implements Messenger {
  readonly sent: { recipient: Recipient; reply: Reply; callbackData?: string; messageId: string }[] = [];
  readonly read: string[] = [];
  private failures: Error[] = [];

  failNext(error: Error): void {
    this.failures.push(error);
  }

  async send(recipient: Recipient, reply: Reply, options?: { callbackData?: string }) {
    const failure = this.failures.shift();
    if (failure) throw failure;
    const messageId = `wamid.fake-${this.sent.length + 1}`;
    this.sent.push({ recipient, reply, ...(options?.callbackData ? { callbackData: options.callbackData } : {}), messageId });
    return { messageId };
  }

  async markRead(messageId: string) {
    this.read.push(messageId);
  }

  /** What the applicant reads of each message sent (a text's body, an interactive's body, a template's name). */
  texts(): string[] {
    return this.sent.map(({ reply }) => textOfReply(reply));
  }
}

/** A text's or a list's body, a document's caption, a template's name and parameters. */
export function textOfReply(reply: Reply): string {
  switch (reply.type) {
    case 'text':
    case 'list':
    case 'buttons':
    case 'flow':
      return reply.body;
    case 'document':
      return `${reply.filename} ${reply.caption ?? ''}`.trim();
    case 'template':
      return [reply.template.name, ...reply.template.body].join(' ');
  }
}

/** Registrations by queue number with their versions; the days' bookings are empty. */
export class MemoryRegistrations {
  readonly byNumber = new Map<string, { registration: Registration; version: number }>();
  private lastNumber = 0;

  add(registration: Registration, version = 1): void {
    this.byNumber.set(registration.queueNumber, { registration, version });
  }

  readonly store: OfficeRegistrationStore = partialPort<OfficeRegistrationStore>('registrations', {
    get: async (queueNumber) => this.byNumber.get(queueNumber)?.registration,
    getVersioned: async (queueNumber) => this.byNumber.get(queueNumber),
    listByOwner: async (ownerKey) =>
      [...this.byNumber.values()].map((entry) => entry.registration).filter((registration) => registration.ownerKey === ownerKey),
    findOpenByNik: async () => undefined,
    nextQueueNumber: async (prefix) => `${prefix}-${String((this.lastNumber += 1)).padStart(3, '0')}`,
    getDay: async () => ({ booked: 0 }),
  });
}

export interface QueueFakes {
  readonly deps: EventHandlingDeps;
  readonly sessions: MemorySessionStore;
  readonly deliveries: MemoryDeliveries;
  readonly messenger: RecordingMessenger;
  readonly registrations: MemoryRegistrations;
  readonly logged: string[];
  readonly counted: string[];
}

/** The queue's use cases' dependencies, all in memory, at a fixed time. */
export function queueFakes(now = new Date('2026-12-07T02:00:00Z')): QueueFakes {
  const sessions = new MemorySessionStore();
  const deliveries = new MemoryDeliveries();
  const messenger = new RecordingMessenger();
  const registrations = new MemoryRegistrations();
  const logged: string[] = [];
  const counted: string[] = [];
  let ids = 0;
  const deps: EventHandlingDeps = {
    sessions,
    deliveries: deliveries.store,
    drafts: partialPort<EventHandlingDeps['drafts']>('drafts', { listDocuments: async () => [], submission: async () => undefined }),
    blobs: partialPort<EventHandlingDeps['blobs']>('blobs', {}),
    registrations: registrations.store,
    media: partialPort<EventHandlingDeps['media']>('media', {}),
    messenger,
    clock: { now: () => now },
    ids: { newId: () => `id-${(ids += 1)}` },
    office: testOffice(),
    holidays: loadHolidays(),
    uploadLinks: async () => ({ link: (serviceId, draftId) => `https://upload.example/u/${serviceId}-${draftId}`, persist: async () => undefined }),
    proofs: async (registration, version) => ({ link: `https://proofs.example/${registration.queueNumber}-v${version}.pdf` }),
    log: { info: (message) => void logged.push(message), warn: (message) => void logged.push(message) },
    metrics: { count: (name) => void counted.push(name) },
    logHashSecret: async () => 'fake-log-hash-secret',
    dayCodeKey: async () => 'fake-day-code-key',
  };
  return { deps, sessions, deliveries, messenger, registrations, logged, counted };
}
