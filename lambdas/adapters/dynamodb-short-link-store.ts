import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ShortLinkStore } from '../ports';
import { keys } from './table-design';

/** Kept this long after the token expires, so that an old short link still reaches the "expired" page. */
const KEPT_AFTER_EXPIRY_S = 30 * 24 * 60 * 60;

export class DynamoDbShortLinkStore implements ShortLinkStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async save(code: string, token: string, expiresAt: number): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.shortLink(code), token, expiresAt: Math.ceil(expiresAt / 1000) + KEPT_AFTER_EXPIRY_S },
      }),
    );
  }

  /** A Query, not a GetItem: the upload function's role reads the table only by Query. */
  async find(code: string): Promise<string | undefined> {
    const key = keys.shortLink(code);
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk = :sk',
        ExpressionAttributeValues: { ':pk': key.pk, ':sk': key.sk },
        ConsistentRead: true,
      }),
    );
    const token = result.Items?.[0]?.token;
    return typeof token === 'string' ? token : undefined;
  }
}
