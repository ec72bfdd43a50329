import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Reply } from '../domain/replies';
import type { Delivery, DeliveryStore, FailedSend, SentMessage } from '../ports';
import { DELIVERY_TTL_MS, keys, ttlSeconds } from './table-design';

/** Statuses arrive in any order and more than once: keep the highest reached; `failed` is final. */
const RANK: Record<string, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, played: 3, failed: 9 };

/**
 * Delivery states: one `MSG#<wamid>` item per sent message (what the status webhooks update), and for
 * messages about a registration a copy under the registration (`REG#<queue>` / `SENT#…`), so officers
 * see what reached the applicant with one query.
 */
export class DynamoDbDeliveryStore implements DeliveryStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async recordSent(message: SentMessage): Promise<void> {
    const expiresAt = ttlSeconds(this.now(), DELIVERY_TTL_MS);
    const state = { status: 'accepted', statusRank: 0, statusAt: message.at };
    await this.client.send(
      new BatchWriteCommand({
        RequestItems: {
          [this.tableName]: [
            {
              PutRequest: {
                Item: {
                  ...keys.delivery(message.messageId),
                  queueNumber: message.queueNumber,
                  kind: message.kind,
                  sentAt: message.at,
                  ...(message.fallback ? { fallback: message.fallback } : {}),
                  ...state,
                  expiresAt,
                },
              },
            },
            {
              PutRequest: {
                Item: { ...keys.registrationMessage(message.queueNumber, message.at, message.messageId), messageId: message.messageId, kind: message.kind, sentAt: message.at, ...state },
              },
            },
          ],
        },
      }),
    );
  }

  async claimFallback(messageId: string): Promise<{ fallback: Reply; queueNumber: string; kind: string } | undefined> {
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.delivery(messageId),
          UpdateExpression: 'SET fallbackSent = :true',
          ConditionExpression: 'attribute_exists(fallback) AND attribute_not_exists(fallbackSent)',
          ExpressionAttributeValues: { ':true': true },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const item = result.Attributes;
      return item ? { fallback: item.fallback as Reply, queueNumber: String(item.queueNumber), kind: String(item.kind) } : undefined;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async recordStatus(status: Parameters<DeliveryStore['recordStatus']>[0]): Promise<void> {
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
          ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':recipient': status.recipientKey, ':ttl': ttlSeconds(this.now(), DELIVERY_TTL_MS) },
          ReturnValues: 'ALL_NEW',
        }),
      );
      message = result.Attributes;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return;
      throw error;
    }
    if (typeof message?.queueNumber !== 'string' || typeof message.sentAt !== 'string') return;
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.registrationMessage(message.queueNumber, message.sentAt, status.messageId),
          ...update,
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return;
      throw error;
    }
  }

  async recordFailedSend(failure: FailedSend): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.failedSend(failure.at, failure.outboxId), ...failure, expiresAt: ttlSeconds(this.now(), DELIVERY_TTL_MS) },
      }),
    );
    if (failure.queueNumber) {
      await this.client.send(
        new PutCommand({
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
        }),
      );
    }
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
