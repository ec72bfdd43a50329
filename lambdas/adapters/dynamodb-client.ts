import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, type BatchWriteCommandInput, DynamoDBDocumentClient, paginateQuery } from '@aws-sdk/lib-dynamodb';

export function documentClient(config: DynamoDBClientConfig = {}): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient(config), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

type Item = Record<string, unknown>;
const MAX_ROUNDS = 8;

/** Waits 100 ms, 200 ms, 400 ms… before asking again for what DynamoDB left unprocessed (its advice). */
function backOff(round: number): Promise<void> {
  return round === 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, 50 * 2 ** round));
}

/**
 * BatchGetItem for any number of keys: 100 a call, and what DynamoDB leaves unprocessed (under load it
 * may) asked for again with back-off; throws rather than return an incomplete answer.
 */
export async function batchGetAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Item[],
  options: { readonly consistentRead?: boolean; readonly projection?: string } = {},
): Promise<Item[]> {
  const found: Item[] = [];
  for (let start = 0; start < keys.length; start += 100) {
    let request: Item[] = keys.slice(start, start + 100);
    for (let round = 0; request.length > 0; round += 1) {
      if (round >= MAX_ROUNDS) throw new Error(`DynamoDB left ${request.length} reads unprocessed`);
      await backOff(round);
      const result = await client.send(
        new BatchGetCommand({
          RequestItems: {
            [tableName]: {
              Keys: request,
              ...(options.consistentRead ? { ConsistentRead: true } : {}),
              ...(options.projection ? { ProjectionExpression: options.projection } : {}),
            },
          },
        }),
      );
      found.push(...(result.Responses?.[tableName] ?? []));
      request = result.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return found;
}

/** BatchWriteItem for any number of puts and deletes: 25 a call, unprocessed ones sent again with back-off. */
export async function batchWriteAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  requests: readonly ({ PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } })[],
): Promise<void> {
  for (let start = 0; start < requests.length; start += 25) {
    let batch: NonNullable<BatchWriteCommandInput['RequestItems']>[string] = requests.slice(start, start + 25);
    for (let round = 0; batch.length > 0; round += 1) {
      if (round >= MAX_ROUNDS) throw new Error(`DynamoDB left ${batch.length} writes unprocessed`);
      await backOff(round);
      const result = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: batch } }));
      batch = result.UnprocessedItems?.[tableName] ?? [];
    }
  }
}

/** Every item of one partition, with only the attributes named (`pk` and `sk` always among them). */
export async function partitionItems(client: DynamoDBDocumentClient, tableName: string, pk: string, attributes: readonly string[] = []): Promise<Item[]> {
  const items: Item[] = [];
  const pages = paginateQuery(
    { client },
    {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ProjectionExpression: ['pk', 'sk', ...attributes].join(', '),
    },
  );
  for await (const page of pages) items.push(...(page.Items ?? []));
  return items;
}

/** Deletes these items by their keys (`pk`, `sk`), in the order given. */
export async function deleteItems(client: DynamoDBDocumentClient, tableName: string, items: readonly Item[]): Promise<void> {
  await batchWriteAll(
    client,
    tableName,
    items.map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })),
  );
}
