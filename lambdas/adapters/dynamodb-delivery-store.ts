import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Reply } from '../domain/replies';
import type { Delivery, DeliveryStore, FailedSend, SendOutcome, SentMessage } from '../ports';
import { DynamoDbMessagingBudget } from './dynamodb-messaging-budget';
import { DELIVERY_TTL_MS, EVENT_RECORD_TTL_MS, keys, ttlSeconds } from './table-design';

/** Statuses arrive in any order and more than once: keep the highest reached; `failed` is final. */
const RANK: Record<string, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, played: 3, failed: 9 };

/**
 * Delivery states: one `MSG#<wamid>` item per sent message (what the status webhooks update), and for
 * messages about a registration a copy under the registration (`REG#<queue>` / `SENT#…`), so officers
 * see what reached the applicant with one query.
 */
export class DynamoDbDeliveryStore extends DynamoDbMessagingBudget implements DeliveryStore {
  constructor(
    client: DynamoDBDocumentClient,
    tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    super(client, tableName);
  }

  async recordSent(message: SentMessage): Promise<void> {
    const now = this.now();
    // A status webhook may have been handled first: it made the item; its state stays (if_not_exists).
    const result = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.delivery(message.messageId),
        UpdateExpression:
          'SET queueNumber = :queue, kind = :kind, sentAt = if_not_exists(sentAt, :at), #status = if_not_exists(#status, :accepted), ' +
          'statusRank = if_not_exists(statusRank, :zero), statusAt = if_not_exists(statusAt, :at), expiresAt = if_not_exists(expiresAt, :ttl)' +
          (message.fallback ? ', fallback = :fallback' : ''),
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':queue': message.queueNumber,
          ':kind': message.kind,
          ':at': message.at,
          ':accepted': 'accepted',
          ':zero': 0,
          ':ttl': ttlSeconds(now, DELIVERY_TTL_MS),
          ...(message.fallback ? { ':fallback': message.fallback } : {}),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    const state = result.Attributes ?? {};
    const sentAt = typeof state.sentAt === 'string' ? state.sentAt : message.at;
    const rank = typeof state.statusRank === 'number' ? state.statusRank : 0;
    // The registration's copy: made, or raised to the message's state, never lowered (recordStatus may write it meanwhile).
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.registrationMessage(message.queueNumber, sentAt, message.messageId),
          UpdateExpression:
            'SET messageId = :id, kind = :kind, sentAt = :sentAt, #status = :status, statusRank = :rank, statusAt = :statusAt' +
            (typeof state.errorCode === 'number' ? ', errorCode = :code, errorTitle = :title' : ''),
          ConditionExpression: 'attribute_not_exists(statusRank) OR statusRank < :rank',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':id': message.messageId,
            ':kind': message.kind,
            ':sentAt': sentAt,
            ':status': typeof state.status === 'string' ? state.status : 'accepted',
            ':rank': rank,
            ':statusAt': typeof state.statusAt === 'string' ? state.statusAt : message.at,
            ...(typeof state.errorCode === 'number' ? { ':code': state.errorCode, ':title': String(state.errorTitle ?? '') } : {}),
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async recordSendOutcome(outcome: SendOutcome): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.sendOutcome(outcome.outboxId),
        // The first status tells the retry all it needs: Meta has the message (a resend has its own id).
        UpdateExpression:
          'SET messageId = if_not_exists(messageId, :id), #status = if_not_exists(#status, :status), statusAt = if_not_exists(statusAt, :at), expiresAt = if_not_exists(expiresAt, :ttl)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':id': outcome.messageId,
          ':status': outcome.status,
          ':at': outcome.at,
          ':ttl': ttlSeconds(this.now(), EVENT_RECORD_TTL_MS),
        },
      }),
    );
  }

  async sendOutcome(outboxId: string): Promise<SendOutcome | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.sendOutcome(outboxId), ConsistentRead: true }));
    const item = result.Item;
    if (typeof item?.messageId !== 'string') return undefined;
    return { outboxId, messageId: item.messageId, status: String(item.status), at: String(item.statusAt) };
  }

  async pendingFallback(messageId: string): Promise<{ fallback: Reply; queueNumber: string; kind: string } | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.delivery(messageId), ConsistentRead: true }));
    const item = result.Item;
    if (!item?.fallback || item.fallbackSent) return undefined;
    return { fallback: item.fallback as Reply, queueNumber: String(item.queueNumber), kind: String(item.kind) };
  }

  async markFallbackSent(messageId: string): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.delivery(messageId),
        UpdateExpression: 'SET fallbackSent = :true',
        ExpressionAttributeValues: { ':true': true },
      }),
    );
  }

  async recordStatus(status: Parameters<DeliveryStore['recordStatus']>[0]): Promise<{ queueNumber?: string; kind?: string } | undefined> {
    const rank = RANK[status.status] ?? 0;
    const update = {
      UpdateExpression:
        'SET #status = :status, statusRank = :rank, statusAt = :at' + (status.errorCode !== undefined ? ', errorCode = :code, errorTitle = :title' : ''),
      ConditionExpression: 'attribute_not_exists(statusRank) OR statusRank < :rank',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':status': status.status,
        ':rank': rank,
        ':at': status.at,
        ...(status.errorCode !== undefined ? { ':code': status.errorCode, ':title': status.errorTitle ?? '' } : {}),
      },
    };
    let message: Record<string, unknown> | undefined;
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.delivery(status.messageId),
          ...update,
          UpdateExpression: `${update.UpdateExpression}, recipientKey = :recipient, expiresAt = if_not_exists(expiresAt, :ttl)`,
          ExpressionAttributeValues: {
            ...update.ExpressionAttributeValues,
            ':recipient': status.recipientKey,
            ':ttl': ttlSeconds(this.now(), DELIVERY_TTL_MS),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      message = result.Attributes;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
    const about = {
      ...(typeof message?.queueNumber === 'string' ? { queueNumber: message.queueNumber } : {}),
      ...(typeof message?.kind === 'string' ? { kind: message.kind } : {}),
    };
    if (typeof message?.queueNumber !== 'string' || typeof message.sentAt !== 'string') return about;
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.registrationMessage(message.queueNumber, message.sentAt, status.messageId),
          ...update,
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    return about;
  }

  async recordFailedSend(failure: FailedSend): Promise<void> {
    const expiresAt = ttlSeconds(this.now(), DELIVERY_TTL_MS);
    const writes: NonNullable<TransactWriteCommandInput['TransactItems']> = [
      {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.failedSendGuard(failure.outboxId), expiresAt },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      { Put: { TableName: this.tableName, Item: { ...keys.failedSend(failure.at, failure.outboxId), ...failure, expiresAt } } },
    ];
    // A failure after sending is already on the registration's copy of the message (recordStatus).
    if (failure.queueNumber && failure.reason !== 'failed-after-sending') {
      writes.push({
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.registrationMessage(failure.queueNumber, failure.at, failure.outboxId),
            kind: failure.kind ?? 'message',
            sentAt: failure.at,
            status: 'failed',
            statusRank: RANK.failed,
            statusAt: failure.at,
            errorCode: failure.code,
            errorTitle: failure.title,
          },
        },
      });
    }
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: writes }));
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return;
      throw error;
    }
  }

  async listFailedSends(limit: number): Promise<FailedSend[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.failedSend('', '').pk },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => ({
      applicantKey: String(item.applicantKey),
      ...(typeof item.waId === 'string' ? { waId: item.waId } : {}),
      outboxId: String(item.outboxId),
      reason: (typeof item.reason === 'string' ? item.reason : 'refused') as FailedSend['reason'],
      code: typeof item.code === 'number' ? item.code : 0,
      title: String(item.title ?? ''),
      at: String(item.at),
      ...(typeof item.queueNumber === 'string' ? { queueNumber: item.queueNumber } : {}),
      ...(typeof item.kind === 'string' ? { kind: item.kind } : {}),
    }));
  }

  async listForRegistration(queueNumber: string): Promise<Delivery[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sent)',
        ExpressionAttributeValues: { ':pk': keys.registration(queueNumber).pk, ':sent': 'SENT#' },
      }),
    );
    return (result.Items ?? []).map((item) => ({
      at: String(item.sentAt),
      kind: String(item.kind),
      status: String(item.status),
      statusAt: String(item.statusAt),
      ...(typeof item.errorCode === 'number' ? { errorCode: item.errorCode, errorTitle: String(item.errorTitle ?? '') } : {}),
    }));
  }
}
