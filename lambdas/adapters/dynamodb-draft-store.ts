import { paginateQuery, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RequirementId } from '../domain/services';
import type { DraftStore, StoredDocument } from '../ports';
import { batchWriteAll } from './dynamodb-client';
import { DRAFT_TTL_MS, keys, ttlSeconds } from './table-design';

export class DynamoDbDraftStore implements DraftStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async addDocument(draftId: string, document: StoredDocument, now: Date): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.draftDocument(draftId, document.requirement, document.key), ...document, expiresAt: ttlSeconds(now, DRAFT_TTL_MS) },
      }),
    );
  }

  async listDocuments(draftId: string): Promise<StoredDocument[]> {
    const documents: StoredDocument[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :doc)',
        ExpressionAttributeValues: { ':pk': keys.draft(draftId).pk, ':doc': 'DOC#' },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        documents.push({
          requirement: item.requirement as RequirementId,
          key: String(item.key),
          filename: String(item.filename),
          contentType: String(item.contentType),
          size: Number(item.size),
          uploadedAt: String(item.uploadedAt),
        });
      }
    }
    return documents.sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt) || a.key.localeCompare(b.key));
  }

  async removeRequirement(draftId: string, requirement: RequirementId): Promise<void> {
    const existing = (await this.listDocuments(draftId)).filter((document) => document.requirement === requirement);
    await batchWriteAll(
      this.client,
      this.tableName,
      existing.map((document) => ({ DeleteRequest: { Key: keys.draftDocument(draftId, requirement, document.key) } })),
    );
  }
}
