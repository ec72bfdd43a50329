/**
 * The office registry (`OFFICES` / `OFFICE#<id>`) with one guard item per phone number id and per queue
 * prefix, written in the same transaction as the office: two offices can never share either, even when
 * two administrators save at once.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, paginateQuery, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OfficeRegistry, OfficeSaveOutcome, StoredOfficeBody } from '../ports';
import { keys } from './table-design';

type Write = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

export class DynamoDbOfficeStore implements OfficeRegistry {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(): Promise<StoredOfficeBody[]> {
    const offices: StoredOfficeBody[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.office('').pk, ':prefix': 'OFFICE#' },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) offices.push(...(page.Items ?? []).map((item) => bodyOf(item)));
    return offices;
  }

  async get(id: string): Promise<StoredOfficeBody | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.office(id), ConsistentRead: true }));
    return result.Item ? bodyOf(result.Item) : undefined;
  }

  async add(body: StoredOfficeBody): Promise<OfficeSaveOutcome> {
    const writes: Write[] = [
      { Put: { TableName: this.tableName, Item: { ...keys.office(body.id), body }, ConditionExpression: 'attribute_not_exists(pk)' } },
      this.claim(keys.officePhoneGuard(body.phoneNumberId), body.id),
      this.claim(keys.officePrefixGuard(body.queuePrefix), body.id),
    ];
    return this.transact(writes, ['id', 'phoneNumberId', 'queuePrefix']);
  }

  async replace(body: StoredOfficeBody): Promise<OfficeSaveOutcome> {
    const current = await this.get(body.id);
    if (!current) return { saved: false, reason: 'unknown' };
    const writes: Write[] = [{ Put: { TableName: this.tableName, Item: { ...keys.office(body.id), body }, ConditionExpression: 'attribute_exists(pk)' } }];
    const fields: ('id' | 'phoneNumberId' | 'queuePrefix')[] = ['id'];
    if (current.phoneNumberId !== body.phoneNumberId) {
      writes.push(this.claim(keys.officePhoneGuard(body.phoneNumberId), body.id), {
        Delete: { TableName: this.tableName, Key: keys.officePhoneGuard(current.phoneNumberId) },
      });
      fields.push('phoneNumberId', 'phoneNumberId');
    }
    if (current.queuePrefix !== body.queuePrefix) {
      writes.push(this.claim(keys.officePrefixGuard(body.queuePrefix), body.id), {
        Delete: { TableName: this.tableName, Key: keys.officePrefixGuard(current.queuePrefix) },
      });
      fields.push('queuePrefix', 'queuePrefix');
    }
    return this.transact(writes, fields);
  }

  private claim(key: { pk: string; sk: string }, officeId: string): Write {
    return { Put: { TableName: this.tableName, Item: { ...key, officeId }, ConditionExpression: 'attribute_not_exists(pk)' } };
  }

  /** `fields[i]`: which value the i-th write keeps unique, for the 409's message. */
  private async transact(writes: Write[], fields: readonly ('id' | 'phoneNumberId' | 'queuePrefix')[]): Promise<OfficeSaveOutcome> {
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: writes }));
      return { saved: true };
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const failed = (error.CancellationReasons ?? []).findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
        const field = fields[failed];
        if (failed === 0 && fields.length > 0 && writes[0]?.Put?.ConditionExpression === 'attribute_exists(pk)') return { saved: false, reason: 'unknown' };
        if (field) return { saved: false, reason: 'duplicate', field };
      }
      throw error;
    }
  }
}

function bodyOf(item: Record<string, unknown>): StoredOfficeBody {
  return item.body as StoredOfficeBody;
}
