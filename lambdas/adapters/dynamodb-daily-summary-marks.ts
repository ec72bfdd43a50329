import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DAY_MS } from '../domain/calendar';
import type { DailySummaryMarks } from '../ports';
import { keys, TABLE_KEYS } from './table-design';

/** A mark outlives any rerun of a closing job by far; then the table lets it go. */
const MARK_KEPT_MS = 90 * DAY_MS;

export class DynamoDbDailySummaryMarks implements DailySummaryMarks {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async wasQueued(officeId: string, date: string): Promise<boolean> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.dailySummary(officeId, date), ConsistentRead: true }));
    return result.Item !== undefined;
  }

  async markQueued(officeId: string, date: string, at: Date): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.dailySummary(officeId, date), queuedAt: at.toISOString(), [TABLE_KEYS.ttl]: Math.floor((at.getTime() + MARK_KEPT_MS) / 1000) },
      }),
    );
  }
}
