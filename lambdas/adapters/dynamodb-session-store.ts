import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Conversation } from '../domain/conversation';
import type { Reply } from '../domain/replies';
import { ConcurrentUpdateError, DuplicateEventError } from '../errors';
import type { Registration } from '../domain/registration';
import type { ApplicantSession, InFlightSend, OutboxEntry, SessionStore } from '../ports';
import { batchGetAll } from './dynamodb-client';
import { documentsFixedWrites, registrationCreationWrites } from './dynamodb-registration-store';
import { EVENT_RECORD_TTL_MS, keys, SESSION_TTL_MS, ttlSeconds } from './table-design';

interface SessionItem {
  waId?: string;
  userId?: string;
  profileName?: string;
  conversation: Conversation;
  lastInboundAt?: string;
  recentEventIds?: string[];
  /** Keyed by outbox id so that one entry can be removed or marked without rewriting the rest. */
  outbox?: Record<string, { seq: number; reply: Reply; about?: { queueNumber: string; kind: string; countedAgainstLimit?: boolean }; inFlight?: InFlightSend }>;
  version: number;
}

export class DynamoDbSessionStore implements SessionStore {
  /** `officeId`: sessions of a registry office (a registration whose documents are fixed is listed under it). */
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly officeId?: string,
  ) {}

  async load(key: string): Promise<ApplicantSession | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.session(key), ConsistentRead: true }));
    const item = result.Item as SessionItem | undefined;
    if (!item) return undefined;
    const outbox: OutboxEntry[] = Object.entries(item.outbox ?? {})
      .map(([id, entry]) => ({ id, ...entry }))
      .sort((a, b) => a.seq - b.seq);
    return {
      key,
      ...(item.waId ? { waId: item.waId } : {}),
      ...(item.userId ? { userId: item.userId } : {}),
      ...(item.profileName ? { profileName: item.profileName } : {}),
      conversation: item.conversation,
      ...(item.lastInboundAt ? { lastInboundAt: item.lastInboundAt } : {}),
      recentEventIds: item.recentEventIds ?? [],
      outbox,
      version: item.version,
    };
  }

  /** When each applicant last wrote (absent: never, or forgotten): 100 keys per BatchGet, unprocessed keys retried. */
  async lastInboundTimes(applicantKeys: readonly string[]): Promise<Map<string, string>> {
    const sessionKeys = [...new Set(applicantKeys)].map((key) => keys.session(key));
    const items = await batchGetAll(this.client, this.tableName, sessionKeys, { projection: 'pk, lastInboundAt' });
    const found = new Map<string, string>();
    for (const item of items) {
      if (typeof item.lastInboundAt === 'string') found.set(String(item.pk).slice('APPLICANT#'.length), item.lastInboundAt);
    }
    return found;
  }

  async forgetIfSettled(key: string): Promise<boolean> {
    try {
      await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.session(key),
          ConditionExpression: 'attribute_not_exists(outbox) OR size(outbox) = :none',
          ExpressionAttributeValues: { ':none': 0 },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async saveDecision(
    session: ApplicantSession,
    eventId: string,
    now: Date,
    created: { registration?: Registration; fixedRegistration?: string } = {},
  ): Promise<void> {
    const outbox = Object.fromEntries(session.outbox.map(({ id, ...entry }) => [id, entry]));
    const item = {
      ...keys.session(session.key),
      waId: session.waId,
      userId: session.userId,
      profileName: session.profileName,
      conversation: session.conversation,
      lastInboundAt: session.lastInboundAt,
      recentEventIds: [...session.recentEventIds],
      outbox,
      version: session.version + 1,
      expiresAt: ttlSeconds(now, SESSION_TTL_MS),
    };
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: item,
                ConditionExpression: session.version === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
                ...(session.version === 0 ? {} : { ExpressionAttributeValues: { ':expected': session.version } }),
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.event(eventId), applicantKey: session.key, expiresAt: ttlSeconds(now, EVENT_RECORD_TTL_MS) },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...(created.registration ? registrationCreationWrites(this.tableName, created.registration, now) : []),
            ...(created.fixedRegistration ? documentsFixedWrites(this.tableName, created.fixedRegistration, now, this.officeId) : []),
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const [sessionReason, eventReason] = error.CancellationReasons ?? [];
        if (eventReason?.Code === 'ConditionalCheckFailed') throw new DuplicateEventError(eventId);
        if (sessionReason?.Code === 'ConditionalCheckFailed') throw new ConcurrentUpdateError(session.key);
        // The NIK was taken by a registration made at the same moment: a retry will see it and say so.
        if (error.CancellationReasons?.some((reason) => reason.Code === 'ConditionalCheckFailed')) {
          throw new ConcurrentUpdateError(session.key);
        }
      }
      throw error;
    }
  }

  async markInFlight(key: string, outboxId: string, send: InFlightSend): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.session(key),
          UpdateExpression: 'SET outbox.#id.inFlight = :send',
          ConditionExpression: 'attribute_exists(outbox.#id)',
          ExpressionAttributeNames: { '#id': outboxId },
          ExpressionAttributeValues: { ':send': send },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async markSent(key: string, outboxId: string): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.session(key),
        UpdateExpression: 'REMOVE outbox.#id',
        ExpressionAttributeNames: { '#id': outboxId },
      }),
    );
  }
}
