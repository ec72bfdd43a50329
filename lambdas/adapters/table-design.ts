/** The single-table design (docs/architecture.md "Data"): key shapes and index names, shared with the CDK app. */
import { DAY_MS } from '../domain/calendar';

export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk', ttl: 'expiresAt' } as const;

export const INDEXES = {
  byStatus: { name: 'byStatus', partitionKey: 'statusKey', sortKey: 'statusSort' },
  byDay: { name: 'byDay', partitionKey: 'dayKey', sortKey: 'daySort' },
  byOwner: { name: 'byOwner', partitionKey: 'ownerKey', sortKey: 'ownerSort' },
} as const;

export const keys = {
  session: (applicantKey: string) => ({ pk: `APPLICANT#${applicantKey}`, sk: 'SESSION' }),
  event: (eventId: string) => ({ pk: `EVENT#${eventId}`, sk: 'EVENT' }),
  delivery: (messageId: string) => ({ pk: `MSG#${messageId}`, sk: 'DELIVERY' }),
  /** What Meta's status webhooks said about one outbox entry, found by the entry's id (`biz_opaque_callback_data`). */
  sendOutcome: (outboxId: string) => ({ pk: `OUTBOX#${outboxId}`, sk: 'OUTCOME' }),
  draft: (draftId: string) => ({ pk: `DRAFT#${draftId}`, sk: 'DRAFT' }),
  draftDocument: (draftId: string, requirement: string, objectKey: string) => ({
    pk: `DRAFT#${draftId}`,
    sk: `DOC#${requirement}#${objectKey}`,
  }),
  /** How many upload links a requirement of a draft was given, and how many of its pages are recorded: the caps. */
  draftUploads: (draftId: string, requirement: string) => ({ pk: `DRAFT#${draftId}`, sk: `UPLOADS#${requirement}` }),
  /** A short upload link's code and the signed token it stands for. */
  shortLink: (code: string) => ({ pk: `SHORT#${code}`, sk: 'SHORT' }),
  registration: (queueNumber: string) => ({ pk: `REG#${queueNumber}`, sk: 'REG' }),
  registrationMessage: (queueNumber: string, at: string, messageId: string) => ({ pk: `REG#${queueNumber}`, sk: `SENT#${at}#${messageId}` }),
  audit: (queueNumber: string, at: string, id: string) => ({ pk: `REG#${queueNumber}`, sk: `AUDIT#${at}#${id}` }),
  nikGuard: (nik: string) => ({ pk: `NIK#${nik}`, sk: 'NIK' }),
  counter: (prefix: string) => ({ pk: `COUNTER#${prefix}`, sk: 'COUNTER' }),
  /** The default office's days keep `DAY#<date>`; another office's are `DAY#<office>#<date>`. */
  day: (date: string, officeId?: string) => ({ pk: officeId ? `DAY#${officeId}#${date}` : `DAY#${date}`, sk: 'DAY' }),
  heartbeat: (job: string) => ({ pk: `HEARTBEAT#${job}`, sk: 'HEARTBEAT' }),
  pendingNotification: (eventId: string) => ({ pk: 'PENDING_NOTIFICATIONS', sk: eventId }),
  /** The head of office's summary of one office's day was queued (use-cases/daily-summary.ts). */
  dailySummary: (officeId: string, date: string) => ({ pk: `DAILY_SUMMARY#${officeId}`, sk: date }),
  failedSend: (at: string, outboxId: string) => ({ pk: 'FAILED_SENDS', sk: `${at}#${outboxId}` }),
  /** Keeps one message's failure from being listed twice (a retried event, a rerun of the reminder job). */
  failedSendGuard: (outboxId: string) => ({ pk: `FAILED#${outboxId}`, sk: 'FAILED' }),
  /** Template sends (people messaged outside their window) in one UTC hour: Meta's messaging limit. */
  outreachHour: (hour: string) => ({ pk: `OUTREACH#${hour}`, sk: 'OUTREACH' }),
  /** Reminders of one appointment date given a messaging-limit slot (a string set of queue numbers). */
  reminderSlots: (appointmentDate: string) => ({ pk: `REMINDER_SLOTS#${appointmentDate}`, sk: 'SLOTS' }),
  /** What is left of a registration erased on its applicant's request: the number, when, on whose request; no personal data. */
  tombstone: (queueNumber: string) => ({ pk: 'ERASED', sk: `REG#${queueNumber}` }),
  /** Applicants' access and erasure requests, oldest first (UU 27/2022: the office shows it answered in time). */
  dataRequest: (at: string, id: string) => ({ pk: 'DATA_REQUESTS', sk: `${at}#${id}` }),
  /** Officer accounts share one partition: a handful of items, listed with one consistent Query. */
  officer: (username: string) => ({ pk: 'OFFICERS', sk: `OFFICER#${username}` }),
  /** Login throttling of one (username, source address hash) pair: failures and when the next attempt may start. */
  loginThrottle: (username: string, source: string) => ({ pk: `LOGIN#${username}`, sk: `FROM#${source}` }),
  /** Failed logins of one username in one UTC hour (`2026-12-06T17`), from every source: guessing shows here. */
  loginFailures: (username: string, hour: string) => ({ pk: `LOGIN#${username}`, sk: `HOUR#${hour}` }),
  /** An officer's login session; deleted at logout, expires by TTL. */
  officerSession: (sessionId: string) => ({ pk: `SESSION#${sessionId}`, sk: 'SESSION' }),
  /** The office registry shares one partition: 125 offices are one consistent Query (about 100 KB). */
  office: (id: string) => ({ pk: 'OFFICES', sk: `OFFICE#${id}` }),
  /** Keeps a WhatsApp phone number id to one office (the webhook routes by it). */
  officePhoneGuard: (phoneNumberId: string) => ({ pk: `OFFICE_PHONE#${phoneNumberId}`, sk: 'GUARD' }),
  /** Keeps a queue prefix to one office (queue numbers are counted per prefix). */
  officePrefixGuard: (prefix: string) => ({ pk: `OFFICE_PREFIX#${prefix}`, sk: 'GUARD' }),
} as const;

export { DAY_MS };
/** Meta retries a webhook for up to 7 days: remember processed events a little longer. */
export const EVENT_RECORD_TTL_MS = 9 * DAY_MS;
export const SESSION_TTL_MS = 30 * DAY_MS;
/** Documents of an application that never became a registration are forgotten after this. */
export const DRAFT_TTL_MS = 30 * DAY_MS;
export const DELIVERY_TTL_MS = 90 * DAY_MS;
/** Login throttles and hourly failure counts are forgotten a day after their last write. */
export const LOGIN_RECORD_TTL_MS = DAY_MS;

export function ttlSeconds(now: Date, lifetimeMs: number): number {
  return Math.floor((now.getTime() + lifetimeMs) / 1000);
}

/** The table as `CreateTable` input, for the local stand-in and tests (the CDK app mirrors it). */
export function tableDefinition(tableName: string) {
  const indexes = Object.values(INDEXES);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [
      { AttributeName: TABLE_KEYS.partitionKey, AttributeType: 'S' as const },
      { AttributeName: TABLE_KEYS.sortKey, AttributeType: 'S' as const },
      ...indexes.flatMap((index) => [
        { AttributeName: index.partitionKey, AttributeType: 'S' as const },
        { AttributeName: index.sortKey, AttributeType: 'S' as const },
      ]),
    ],
    KeySchema: [
      { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}
