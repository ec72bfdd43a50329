/** Every item of the test table, or those whose `pk` starts with `prefix`: what a test asserts is (or is not) stored. */
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export async function scanTable(client: DynamoDBDocumentClient, tableName: string, prefix?: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        ...(prefix !== undefined ? { FilterExpression: 'begins_with(pk, :p)', ExpressionAttributeValues: { ':p': prefix } } : {}),
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
