import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MessagingBudget } from '../ports';
import { batchGetAll } from './dynamodb-client';
import { DAY_MS, keys, ttlSeconds } from './table-design';

/**
 * Meta's messaging limit in the table: an `OUTREACH#<hour>` counter of template sends per hour, and per
 * appointment date the queue numbers whose reminder was given a slot under the limit.
 */
export class DynamoDbMessagingBudget implements MessagingBudget {
  constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  async recordTemplateSend(at: Date): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.outreachHour(at.toISOString().slice(0, 13)),
        UpdateExpression: 'ADD sends :one SET expiresAt = if_not_exists(expiresAt, :ttl)',
        ExpressionAttributeValues: { ':one': 1, ':ttl': ttlSeconds(at, 3 * DAY_MS) },
      }),
    );
  }

  async reminderSlots(appointmentDate: string): Promise<Set<string>> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.reminderSlots(appointmentDate), ConsistentRead: true }));
    const slots: unknown = result.Item?.queueNumbers;
    return slots instanceof Set ? new Set([...slots].map(String)) : new Set();
  }

  async reserveReminderSlots(appointmentDate: string, queueNumbers: readonly string[], at: Date): Promise<void> {
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: this.tableName,
              Key: keys.reminderSlots(appointmentDate),
              UpdateExpression: 'ADD queueNumbers :numbers SET expiresAt = if_not_exists(expiresAt, :ttl)',
              ExpressionAttributeValues: { ':numbers': new Set(queueNumbers), ':ttl': ttlSeconds(at, 3 * DAY_MS) },
            },
          },
          {
            Update: {
              TableName: this.tableName,
              Key: keys.outreachHour(at.toISOString().slice(0, 13)),
              UpdateExpression: 'ADD sends :count SET expiresAt = if_not_exists(expiresAt, :ttl)',
              ExpressionAttributeValues: { ':count': queueNumbers.length, ':ttl': ttlSeconds(at, 3 * DAY_MS) },
            },
          },
        ],
      }),
    );
  }

  async templateSendsInLast24Hours(now: Date): Promise<number> {
    const hours = Array.from({ length: 25 }, (_, back) => new Date(now.getTime() - back * 3600_000).toISOString().slice(0, 13));
    const counters = await batchGetAll(
      this.client,
      this.tableName,
      hours.map((hour) => keys.outreachHour(hour)),
      { consistentRead: true },
    );
    return counters.reduce((sum, item) => sum + (typeof item.sends === 'number' ? item.sends : 0), 0);
  }
}
