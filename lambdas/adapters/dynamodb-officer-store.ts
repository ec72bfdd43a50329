/**
 * Officer accounts (`OFFICERS` / `OFFICER#<username>`) and their sessions (`SESSION#<id>`, TTL) in the
 * single table. Every read is consistent: a disabled account or a deleted session stops working at once.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, paginateQuery, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OfficerRecord, OfficerRole, OfficerStore, SessionRecord } from '../ports';
import { batchGetAll } from './dynamodb-client';
import { keys, LOGIN_RECORD_TTL_MS, ttlSeconds } from './table-design';

type Item = Record<string, unknown>;

const OFFICER_PREFIX = 'OFFICER#';

export class DynamoDbOfficerStore implements OfficerStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(username: string): Promise<OfficerRecord | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.officer(username), ConsistentRead: true }));
    return result.Item ? officerFromItem(result.Item) : undefined;
  }

  async list(): Promise<OfficerRecord[]> {
    const officers: OfficerRecord[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.officer('').pk, ':prefix': OFFICER_PREFIX },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) officers.push(...(page.Items ?? []).map(officerFromItem));
    return officers;
  }

  async anyExists(): Promise<boolean> {
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.officer('').pk, ':prefix': OFFICER_PREFIX },
        ConsistentRead: true,
        Limit: 1,
        ProjectionExpression: 'pk',
      }),
    );
    return (page.Items ?? []).length > 0;
  }

  async create(officer: OfficerRecord): Promise<boolean> {
    return this.conditional(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.officer(officer.username), ...officer },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async disable(username: string, by: string, at: Date): Promise<boolean> {
    return this.conditional(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.officer(username),
        UpdateExpression: 'SET disabled = :true, disabledAt = :at, disabledBy = :by',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':true': true, ':at': at.toISOString(), ':by': by },
      }),
    );
  }

  async reserveLoginAttempt(
    username: string,
    source: string,
    now: Date,
    holdUntil: Date,
  ): Promise<{ reserved: true; failures: number } | { reserved: false; notBefore: number }> {
    const key = keys.loginThrottle(username, source);
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'SET notBefore = :hold, expiresAt = :expires',
          ConditionExpression: 'attribute_not_exists(notBefore) OR notBefore <= :now',
          ExpressionAttributeValues: { ':hold': holdUntil.getTime(), ':now': now.getTime(), ':expires': ttlSeconds(now, LOGIN_RECORD_TTL_MS) },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { reserved: true, failures: Number(result.Attributes?.failures ?? 0) };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const current = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
      return { reserved: false, notBefore: Number(current.Item?.notBefore ?? holdUntil.getTime()) };
    }
  }

  async recordLoginFailure(username: string, source: string, failures: number, notBefore: Date): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.loginThrottle(username, source),
        UpdateExpression: 'SET notBefore = :next, failures = :failures, expiresAt = :expires',
        ExpressionAttributeValues: {
          ':next': notBefore.getTime(),
          ':failures': failures,
          ':expires': ttlSeconds(notBefore, LOGIN_RECORD_TTL_MS),
        },
      }),
    );
  }

  async countAccountFailure(username: string, source: string, now: Date): Promise<{ failures: number; sources: number }> {
    const result = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.loginFailures(username, utcHour(now)),
        UpdateExpression: 'ADD failures :one, sources :source SET expiresAt = :expires',
        ExpressionAttributeValues: { ':one': 1, ':source': new Set([source]), ':expires': ttlSeconds(now, LOGIN_RECORD_TTL_MS) },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { failures: Number(result.Attributes?.failures ?? 0), sources: (result.Attributes?.sources as Set<string> | undefined)?.size ?? 0 };
  }

  async accountFailures(usernames: readonly string[], now: Date): Promise<Map<string, { failures: number; sources: number }>> {
    const hours = [utcHour(new Date(now.getTime() - 3600_000)), utcHour(now)];
    const found = await batchGetAll(
      this.client,
      this.tableName,
      usernames.flatMap((username) => hours.map((hour) => keys.loginFailures(username, hour))),
      { consistentRead: true },
    );
    const totals = new Map<string, { failures: number; sources: Set<string> }>();
    for (const item of found) {
      const username = String(item.pk).slice('LOGIN#'.length);
      const total = totals.get(username) ?? { failures: 0, sources: new Set<string>() };
      total.failures += Number(item.failures ?? 0);
      for (const source of (item.sources as Set<string> | undefined) ?? []) total.sources.add(source);
      totals.set(username, total);
    }
    return new Map([...totals].map(([username, total]) => [username, { failures: total.failures, sources: total.sources.size }]));
  }

  async clearLoginFailures(username: string, source: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: keys.loginThrottle(username, source) }));
  }

  async recordLogin(username: string, at: Date): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.officer(username),
        UpdateExpression: 'SET lastLoginAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': at.toISOString() },
      }),
    );
  }

  async putSession(session: SessionRecord): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        // TTL removes it some time after expiry; the expiry itself is checked on every read.
        Item: { ...keys.officerSession(session.id), ...session, expiresAt: Math.ceil(Date.parse(session.expiresAt) / 1000) },
      }),
    );
  }

  async deleteSession(id: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: keys.officerSession(id) }));
  }

  async getSession(username: string, sessionId: string): Promise<{ officer?: OfficerRecord; session?: SessionRecord }> {
    const officerKey = keys.officer(username);
    const sessionKey = keys.officerSession(sessionId);
    const found = await batchGetAll(this.client, this.tableName, [officerKey, sessionKey], { consistentRead: true });
    const officerItem = found.find((item) => item.pk === officerKey.pk && item.sk === officerKey.sk);
    const sessionItem = found.find((item) => item.pk === sessionKey.pk);
    return {
      ...(officerItem ? { officer: officerFromItem(officerItem) } : {}),
      ...(sessionItem ? { session: sessionFromItem(sessionItem) } : {}),
    };
  }

  /** False when the write's condition failed. */
  private async conditional(command: PutCommand | UpdateCommand): Promise<boolean> {
    try {
      await (command instanceof PutCommand ? this.client.send(command) : this.client.send(command));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException';
}

/** `2026-12-06T17`: the UTC hour a failure is counted in. */
function utcHour(at: Date): string {
  return at.toISOString().slice(0, 13);
}

function officerFromItem(item: Item): OfficerRecord {
  const optional = (name: keyof OfficerRecord) => (typeof item[name] === 'string' && item[name] !== '' ? { [name]: item[name] as string } : {});
  return {
    username: String(item.username),
    role: (item.role === 'admin' ? 'admin' : 'petugas') satisfies OfficerRole,
    passwordHash: String(item.passwordHash),
    disabled: item.disabled === true,
    createdAt: String(item.createdAt),
    ...optional('createdBy'),
    ...optional('lastLoginAt'),
    ...optional('disabledAt'),
    ...optional('disabledBy'),
    ...optional('office'),
    ...(item.superadmin === true ? { superadmin: true } : {}),
  };
}

function sessionFromItem(item: Item): SessionRecord {
  return {
    id: String(item.id),
    username: String(item.username),
    createdAt: String(item.createdAt),
    expiresAt: new Date(Number(item.expiresAt) * 1000).toISOString(),
  };
}
