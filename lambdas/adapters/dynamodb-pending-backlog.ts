import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PendingBacklog } from '../ports';
import { INDEXES } from './table-design';

/**
 * Counts `PENDING` registrations through the by-status index, whose sort key starts with the creation
 * time (`<createdAt>#<queue>`): a key condition, `Select: COUNT`, no item leaves DynamoDB and no scan.
 */
export class DynamoDbPendingBacklog implements PendingBacklog {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async countPendingCreatedBefore(cutoff: string): Promise<number> {
    const index = INDEXES.byStatus;
    let count = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index.name,
          KeyConditionExpression: '#status = :pending AND #created < :cutoff',
          ExpressionAttributeNames: { '#status': index.partitionKey, '#created': index.sortKey },
          ExpressionAttributeValues: { ':pending': 'PENDING', ':cutoff': cutoff },
          Select: 'COUNT',
          ExclusiveStartKey: startKey,
        }),
      );
      count += page.Count ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return count;
  }
}
