import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReminderRun } from '../ports';
import { keys } from './table-design';

/** The reminder job's last run, for the alarm that watches it and for the admin page. */
export class DynamoDbHeartbeat {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(run: ReminderRun): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.heartbeat('reminders'), ...run } }));
  }

  async last(): Promise<ReminderRun | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.heartbeat('reminders'), ConsistentRead: true }));
    const item = result.Item;
    return item
      ? {
          today: String(item.today),
          appointmentDate: String(item.appointmentDate),
          queued: Number(item.queued),
          heldBack: Number(item.heldBack ?? 0),
          finishedAt: String(item.finishedAt),
        }
      : undefined;
  }
}
