import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DeliveryStore, FailedSend } from '../ports';
import { DELIVERY_TTL_MS, keys, ttlSeconds } from './table-design';

/** Statuses arrive in any order and more than once: keep the highest reached; `failed` is final. */
const RANK: Record<string, number> = { sent: 1, delivered: 2, read: 3, played: 3, failed: 9 };

export class DynamoDbDeliveryStore implements DeliveryStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async recordStatus(status: Parameters<DeliveryStore['recordStatus']>[0]): Promise<void> {
    const rank = RANK[status.status] ?? 0;
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.delivery(status.messageId),
          UpdateExpression:
            'SET #status = :status, statusRank = :rank, statusAt = :at, recipientKey = :recipient, expiresAt = :ttl' +
            (status.errorCode !== undefined ? ', errorCode = :code, errorTitle = :title' : ''),
          ConditionExpression: 'attribute_not_exists(statusRank) OR statusRank < :rank',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':status': status.status,
            ':rank': rank,
            ':at': status.at,
            ':recipient': status.recipientKey,
            ':ttl': ttlSeconds(this.now(), DELIVERY_TTL_MS),
            ...(status.errorCode !== undefined ? { ':code': status.errorCode, ':title': status.errorTitle ?? '' } : {}),
          },
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
  }
}
