import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { paginateQuery, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import type { DataRequest } from '../domain/personal-data';
import { isOpen, REGISTRATION_STATUSES, type Registration } from '../domain/registration';
import type { OfficeRegistrationStore } from '../ports';
import { deleteItems, partitionItems } from './dynamodb-client';
import { registrationFromItem, registrationItem } from './registration-items';
import { auditItem } from './registration-writes';
import { INDEXES, keys } from './table-design';

/**
 * What the registration store does for UU 27/2022: the retention sweep's closed registrations and their
 * purge, an applicant's correction (UBAH DATA) and erasure (HAPUS DATA, with its tombstone), and the log of
 * access, correction and erasure requests. The registration store extends it.
 */
export class DynamoDbPersonalDataStore implements Pick<
  OfficeRegistrationStore,
  'listClosedBefore' | 'purge' | 'correct' | 'erase' | 'recordDataRequest' | 'listDataRequests'
> {
  constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  async listClosedBefore(cutoff: string): Promise<Registration[]> {
    const closed: Registration[] = [];
    for (const status of REGISTRATION_STATUSES.filter((candidate) => !isOpen(candidate))) {
      // Created before the cutoff is necessary to be closed before it: the index narrows, `closedAt` decides.
      const pages = paginateQuery(
        { client: this.client },
        {
          TableName: this.tableName,
          IndexName: INDEXES.byStatus.name,
          KeyConditionExpression: '#key = :status AND #sort < :cutoff',
          ExpressionAttributeNames: { '#key': INDEXES.byStatus.partitionKey, '#sort': INDEXES.byStatus.sortKey },
          ExpressionAttributeValues: { ':status': status, ':cutoff': cutoff },
        },
      );
      for await (const page of pages) {
        for (const item of page.Items ?? []) {
          if (typeof item.closedAt === 'string' && item.closedAt <= cutoff) closed.push(registrationFromItem(item));
        }
      }
    }
    return closed;
  }

  async purge(registration: Registration): Promise<void> {
    const [registrationItems, draftItems] = await Promise.all([
      partitionItems(this.client, this.tableName, keys.registration(registration.queueNumber).pk, ['messageId']),
      partitionItems(this.client, this.tableName, keys.draft(registration.draftId).pk),
    ]);
    // Meta's delivery states of the messages sent about it carry the recipient and any fallback text.
    const deliveries = registrationItems.flatMap((item) =>
      String(item.sk).startsWith('SENT#') && typeof item.messageId === 'string' ? [keys.delivery(item.messageId)] : [],
    );
    // The registration item last: until it is gone, a sweep that stopped halfway finds it again.
    const items = [...deliveries, ...draftItems, ...registrationItems].sort((a, b) => Number(a.sk === 'REG') - Number(b.sk === 'REG'));
    await deleteItems(this.client, this.tableName, items);
  }

  async correct(change: Parameters<OfficeRegistrationStore['correct']>[0]): Promise<'applied' | 'changed-meanwhile' | 'nik-taken'> {
    const { registration, previousNik, version, now } = change;
    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      {
        Put: {
          TableName: this.tableName,
          Item: registrationItem(registration, version + 1),
          // Only before an officer confirmed: the applicant's correction never overwrites an officer's decision.
          ConditionExpression: '(version = :version OR (attribute_not_exists(version) AND :version = :one)) AND #status IN (:pending, :fix)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':version': version, ':one': 1, ':pending': 'PENDING', ':fix': 'PERLU_PERBAIKAN' },
        },
      },
      { Put: { TableName: this.tableName, Item: auditItem(registration.queueNumber, { at: now.toISOString(), ...change.audit }) } },
    ];
    const nikIndex = items.length;
    if (previousNik !== registration.nik) {
      items.push(
        {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.nikGuard(registration.nik), queueNumber: registration.queueNumber },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Delete: {
            TableName: this.tableName,
            Key: keys.nikGuard(previousNik),
            ConditionExpression: 'attribute_not_exists(pk) OR queueNumber = :queueNumber',
            ExpressionAttributeValues: { ':queueNumber': registration.queueNumber },
          },
        },
      );
    }
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
      return 'applied';
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const reasons = error.CancellationReasons ?? [];
        if (reasons[nikIndex]?.Code === 'ConditionalCheckFailed') return 'nik-taken';
        if (reasons[0]?.Code === 'ConditionalCheckFailed' || reasons.some((reason) => reason.Code === 'TransactionConflict')) return 'changed-meanwhile';
      }
      throw error;
    }
  }

  async erase(registration: Registration, at: Date): Promise<void> {
    // The tombstone first: a purge that stops halfway still leaves the number accounted for.
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.tombstone(registration.queueNumber),
          queueNumber: registration.queueNumber,
          createdAt: registration.createdAt,
          status: registration.status,
          erasedAt: at.toISOString(),
          erasedOn: 'applicant-request',
        },
      }),
    );
    await this.purge(registration);
  }

  async recordDataRequest(request: DataRequest): Promise<void> {
    await this.client
      .send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.dataRequest(request.at, request.id), ...request, queueNumbers: [...request.queueNumbers] },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
      .catch((error: unknown) => {
        // A retried event records the same request again: the first record stands.
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
  }

  async listDataRequests(): Promise<DataRequest[]> {
    const requests: DataRequest[] = [];
    const pages = paginateQuery(
      { client: this.client },
      { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.dataRequest('', '').pk } },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        const parsed = dataRequestSchema.safeParse(item);
        if (parsed.success) requests.push(parsed.data);
      }
    }
    return requests;
  }
}

const dataRequestSchema = z.object({
  id: z.string(),
  kind: z.enum(['access', 'erasure', 'correction']),
  at: z.string(),
  queueNumbers: z.array(z.string()),
  outcome: z.enum(['answered', 'erased', 'refused-open-registration', 'corrected', 'refused-confirmed']),
});
