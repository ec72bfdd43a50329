import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DeleteCommand, GetCommand, paginateQuery, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { formatQueueNumber, isOpen, type Registration, type RegistrationStatus } from '../domain/registration';
import type { DayOverride } from '../domain/schedule';
import { notifyEventSchema, type NotifyEvent } from '../notice-events';
import type { AuditEntry, OfficeRegistrationStore, StoredDay } from '../ports';
import { batchGetAll } from './dynamodb-client';
import { DynamoDbPersonalDataStore } from './dynamodb-personal-data-store';
import { officeIndexKey, registrationFromItem, registrationItem, versionOf } from './registration-items';
import { auditItem } from './registration-writes';
import { INDEXES, keys } from './table-design';

export { documentsFixedWrites, registrationCreationWrites } from './registration-writes';

export class DynamoDbRegistrationStore extends DynamoDbPersonalDataStore implements OfficeRegistrationStore {
  /** `officeId`: the lists and days of that office (a registry office); none: the default office's. */
  constructor(
    client: DynamoDBDocumentClient,
    tableName: string,
    private readonly officeId?: string,
  ) {
    super(client, tableName);
  }

  async findOpenByNik(nik: string): Promise<{ queueNumber: string; ownerKey: string } | undefined> {
    const guard = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.nikGuard(nik), ConsistentRead: true }));
    if (!guard.Item) return undefined;
    // One NIK, one open registration in the whole deployment: the holder may be another office's.
    const registration = await this.getAnyOffice(String(guard.Item.queueNumber));
    // Closing a registration deletes its guard; this only guards against a guard left half-written.
    if (!registration || !isOpen(registration.status)) return undefined;
    return { queueNumber: registration.queueNumber, ownerKey: registration.ownerKey };
  }

  async nextQueueNumber(prefix: string): Promise<string> {
    const result = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.counter(prefix),
        UpdateExpression: 'ADD #value :one',
        ExpressionAttributeNames: { '#value': 'value' },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return formatQueueNumber(prefix, Number(result.Attributes?.value));
  }

  /** Another office's registration is not found here: its officers and its applicants are its own. */
  async get(queueNumber: string): Promise<Registration | undefined> {
    const registration = await this.getAnyOffice(queueNumber);
    return registration && this.owns(registration) ? registration : undefined;
  }

  private async getAnyOffice(queueNumber: string): Promise<Registration | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.registration(queueNumber), ConsistentRead: true }));
    return result.Item ? registrationFromItem(result.Item) : undefined;
  }

  private owns(registration: Registration): boolean {
    return registration.office?.id === this.officeId;
  }

  listByOwner(ownerKey: string): Promise<Registration[]> {
    return this.queryIndex(INDEXES.byOwner, ownerKey);
  }

  listByStatus(status: RegistrationStatus): Promise<Registration[]> {
    return this.queryIndex(INDEXES.byStatus, officeIndexKey(this.officeId, status));
  }

  listByDay(date: string): Promise<Registration[]> {
    return this.queryIndex(INDEXES.byDay, officeIndexKey(this.officeId, date));
  }

  async getVersioned(queueNumber: string): Promise<{ registration: Registration; version: number } | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.registration(queueNumber), ConsistentRead: true }));
    const registration = result.Item ? registrationFromItem(result.Item) : undefined;
    return result.Item && registration && this.owns(registration) ? { registration, version: versionOf(result.Item) } : undefined;
  }

  async history(queueNumber: string): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
        ExpressionAttributeValues: { ':pk': keys.registration(queueNumber).pk, ':audit': 'AUDIT#' },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        entries.push({ at: String(item.at), actor: String(item.actor), action: String(item.action), detail: String(item.detail ?? '') });
      }
    }
    return entries;
  }

  async addAudit(queueNumber: string, entry: AuditEntry): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: auditItem(queueNumber, entry) }));
  }

  async getDay(date: string): Promise<StoredDay> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.day(date, this.officeId), ConsistentRead: true }));
    return storedDay(result.Item);
  }

  async getDays(dates: readonly string[]): Promise<ReadonlyMap<string, StoredDay>> {
    const items = await batchGetAll(
      this.client,
      this.tableName,
      [...new Set(dates)].map((date) => keys.day(date, this.officeId)),
      { consistentRead: true },
    );
    const byKey = new Map(items.map((item) => [String(item.pk), item]));
    return new Map(dates.map((date) => [date, storedDay(byKey.get(keys.day(date, this.officeId).pk))]));
  }

  /** A closed day's re-booked registrations, kept on the day for its page (re-opening moves nobody back). */
  async recordRebooked(date: string, queueNumbers: readonly string[]): Promise<void> {
    if (queueNumbers.length === 0) return;
    const moved = { ':moved': new Set(queueNumbers) };
    await this.client.send(
      new UpdateCommand({ TableName: this.tableName, Key: keys.day(date), UpdateExpression: 'ADD rebooked :moved', ExpressionAttributeValues: moved }),
    );
  }

  async putDayOverride(date: string, override: DayOverride): Promise<'saved' | 'below-booked'> {
    const sets: string[] = [];
    const removes: string[] = [];
    const values: Record<string, unknown> = {};
    const names: Record<string, string> = {};
    for (const field of ['capacity', 'closed', 'reason'] as const) {
      names[`#${field}`] = field;
      if (override[field] === undefined) removes.push(`#${field}`);
      else {
        sets.push(`#${field} = :${field}`);
        values[`:${field}`] = override[field];
      }
    }
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.day(date, this.officeId),
          UpdateExpression: [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : ''].join(' ').trim(),
          ExpressionAttributeNames: names,
          ...(override.capacity !== undefined ? { ConditionExpression: 'attribute_not_exists(booked) OR booked <= :capacity' } : {}),
          ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
        }),
      );
      return 'saved';
    } catch (error) {
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return 'below-booked';
      throw error;
    }
  }

  async applyOutcome(change: Parameters<OfficeRegistrationStore['applyOutcome']>[0]): Promise<'applied' | 'changed-meanwhile' | 'day-full'> {
    const { outcome, version, now } = change;
    const registration = outcome.registration;
    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      {
        Put: {
          TableName: this.tableName,
          // The close starts the retention period (RETENTION_DAYS) the sweeper counts.
          Item: { ...registrationItem(registration, version + 1), ...(isOpen(registration.status) ? {} : { closedAt: now.toISOString() }) },
          ConditionExpression: 'version = :version OR (attribute_not_exists(version) AND :version = :one)',
          ExpressionAttributeValues: { ':version': version, ':one': 1 },
        },
      },
      { Put: { TableName: this.tableName, Item: auditItem(registration.queueNumber, { at: now.toISOString(), actor: change.actor, ...outcome.audit }) } },
      // The documents belong to this registration: a request for fixes opens them for its requirements
      // (to a link issued from now on), and any other decision closes them again.
      {
        Update: {
          TableName: this.tableName,
          Key: keys.draft(registration.draftId),
          ...(outcome.redo && outcome.redo.length > 0
            ? {
                UpdateExpression:
                  'SET queueNumber = :queueNumber, submittedAt = if_not_exists(submittedAt, :now), fixRequirements = :redo, fixRequestedAt = :now',
                ExpressionAttributeValues: { ':queueNumber': registration.queueNumber, ':now': now.toISOString(), ':redo': [...outcome.redo] },
              }
            : {
                UpdateExpression: 'SET queueNumber = :queueNumber, submittedAt = if_not_exists(submittedAt, :now) REMOVE fixRequirements, fixRequestedAt',
                ExpressionAttributeValues: { ':queueNumber': registration.queueNumber, ':now': now.toISOString() },
              }),
        },
      },
    ];
    const dayUpdateIndex = items.length;
    if (outcome.bookDay) {
      items.push({
        Update: {
          TableName: this.tableName,
          Key: keys.day(outcome.bookDay, registration.office?.id),
          UpdateExpression: 'ADD booked :one',
          ConditionExpression: 'attribute_not_exists(booked) OR booked < :capacity',
          ExpressionAttributeValues: { ':one': 1, ':capacity': change.dayCapacity(outcome.bookDay) },
        },
      });
    }
    if (outcome.releaseDay) {
      items.push({
        Update: {
          TableName: this.tableName,
          Key: keys.day(outcome.releaseDay, registration.office?.id),
          UpdateExpression: 'ADD booked :minusOne',
          ConditionExpression: 'booked > :zero',
          ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
        },
      });
    }
    if (outcome.releaseNik) {
      items.push({
        Delete: {
          TableName: this.tableName,
          Key: keys.nikGuard(registration.nik),
          ConditionExpression: 'attribute_not_exists(pk) OR queueNumber = :queueNumber',
          ExpressionAttributeValues: { ':queueNumber': registration.queueNumber },
        },
      });
    }
    if (change.notification) {
      items.push({
        Put: { TableName: this.tableName, Item: { ...keys.pendingNotification(change.notification.eventId), event: change.notification } },
      });
    }
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
      return 'applied';
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const reasons = error.CancellationReasons ?? [];
        if (reasons[0]?.Code === 'ConditionalCheckFailed') return 'changed-meanwhile';
        if (outcome.bookDay && reasons[dayUpdateIndex]?.Code === 'ConditionalCheckFailed') return 'day-full';
        if (reasons.some((reason) => reason.Code === 'TransactionConflict')) return 'changed-meanwhile';
      }
      throw error;
    }
  }

  async pendingNotifications(): Promise<NotifyEvent[]> {
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.pendingNotification('').pk },
        ConsistentRead: true,
      }),
    );
    return (page.Items ?? []).flatMap((item) => {
      const parsed = notifyEventSchema.safeParse(item.event);
      return parsed.success ? [parsed.data] : [];
    });
  }

  async clearPendingNotification(eventId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: keys.pendingNotification(eventId) }));
  }

  private async queryIndex(index: { name: string; partitionKey: string }, value: string): Promise<Registration[]> {
    const registrations: Registration[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        IndexName: index.name,
        KeyConditionExpression: '#key = :value',
        ExpressionAttributeNames: { '#key': index.partitionKey },
        ExpressionAttributeValues: { ':value': value },
      },
    );
    for await (const page of pages) registrations.push(...(page.Items ?? []).map(registrationFromItem));
    return registrations;
  }
}

/** A `DAY#` item as its booked count and the admin's override; no item: nothing booked, no override. */
function storedDay(item: Record<string, unknown> | undefined): StoredDay {
  if (!item) return { booked: 0 };
  const override: DayOverride = {
    ...(typeof item.capacity === 'number' ? { capacity: item.capacity } : {}),
    ...(typeof item.closed === 'boolean' ? { closed: item.closed } : {}),
    ...(typeof item.reason === 'string' ? { reason: item.reason } : {}),
  };
  return {
    booked: typeof item.booked === 'number' ? item.booked : 0,
    ...(Object.keys(override).length > 0 ? { override } : {}),
    ...(item.rebooked instanceof Set ? { rebooked: [...(item.rebooked as Set<unknown>)].map(String).sort() } : {}),
  };
}
