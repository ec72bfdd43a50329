import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { formatQueueNumber, isOpen, type Registration } from '../domain/registration';
import type { RegistrationStore } from '../ports';
import { registrationFromItem, registrationItem } from './registration-items';
import { INDEXES, keys } from './table-design';

export class DynamoDbRegistrationStore implements RegistrationStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async findOpenByNik(nik: string): Promise<{ queueNumber: string; ownerKey: string } | undefined> {
    const guard = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.nikGuard(nik), ConsistentRead: true }));
    if (!guard.Item) return undefined;
    const registration = await this.get(String(guard.Item.queueNumber));
    // Closing a registration deletes its guard; this only guards against a guard left half-written.
    if (!registration || !isOpen(registration.status)) return undefined;
    return { queueNumber: registration.queueNumber, ownerKey: registration.ownerKey };
  }

  async nextQueueNumber(prefix: string): Promise<string> {
    const result = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.counter(prefix),
        UpdateExpression: 'ADD #value :one',
        ExpressionAttributeNames: { '#value': 'value' },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return formatQueueNumber(prefix, Number(result.Attributes?.value));
  }

  async get(queueNumber: string): Promise<Registration | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.registration(queueNumber), ConsistentRead: true }),
    );
    return result.Item ? registrationFromItem(result.Item) : undefined;
  }

  async listByOwner(ownerKey: string): Promise<Registration[]> {
    const registrations: Registration[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: INDEXES.byOwner.name,
          KeyConditionExpression: '#owner = :owner',
          ExpressionAttributeNames: { '#owner': INDEXES.byOwner.partitionKey },
          ExpressionAttributeValues: { ':owner': ownerKey },
          ExclusiveStartKey: startKey,
        }),
      );
      registrations.push(...(page.Items ?? []).map(registrationFromItem));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return registrations;
  }
}

/** The writes that create a registration, to go into the same transaction as the decision. */
export function registrationCreationWrites(tableName: string, registration: Registration, now: Date) {
  return [
    {
      Put: {
        TableName: tableName,
        Item: registrationItem(registration),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      // Holds the NIK while the registration is open (closing it deletes the guard): two registrations
      // of one NIK racing each other cannot both put it.
      Put: {
        TableName: tableName,
        Item: { ...keys.nikGuard(registration.nik), queueNumber: registration.queueNumber },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.audit(registration.queueNumber, now.toISOString(), 'registered'),
          at: now.toISOString(),
          actor: 'pemohon',
          action: 'registered',
          detail: `Pendaftaran melalui WhatsApp (${registration.documentsMode})`,
        },
      },
    },
  ];
}
