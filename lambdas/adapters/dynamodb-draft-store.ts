import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { paginateQuery, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { REQUIREMENTS, type RequirementId } from '../domain/services';
import type { DocumentChange, DraftStore, DraftSubmission, StoredDocument } from '../ports';
import { batchWriteAll, deleteItems, partitionItems } from './dynamodb-client';
import { DRAFT_TTL_MS, keys, ttlSeconds } from './table-design';

/** A change of a registration's documents, as its audit trail keeps it. */
export function documentChangeAudit(change: DocumentChange, at: Date, action: 'document-added' | 'documents-removed', detail: string) {
  const iso = at.toISOString();
  return { ...keys.audit(change.queueNumber, iso, `${action}-${Math.random().toString(36).slice(2, 8)}`), at: iso, actor: change.actor, action, detail };
}

export class DynamoDbDraftStore implements DraftStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async addDocument(draftId: string, document: StoredDocument, now: Date, change?: DocumentChange): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.draftDocument(draftId, document.requirement, document.key), ...document, expiresAt: ttlSeconds(now, DRAFT_TTL_MS) },
      }),
    );
    if (change) {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: documentChangeAudit(change, now, 'document-added', `${requirementLabel(document.requirement)}: ${document.filename}`),
        }),
      );
    }
  }

  async submission(draftId: string): Promise<DraftSubmission | undefined> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk = :sk',
        ExpressionAttributeValues: { ':pk': keys.draft(draftId).pk, ':sk': keys.draft(draftId).sk },
        ConsistentRead: true,
      }),
    );
    const item = result.Items?.[0];
    if (!item || typeof item.queueNumber !== 'string') return undefined;
    const requirements = item.fixRequirements as Set<string> | string[] | undefined;
    return {
      queueNumber: item.queueNumber,
      submittedAt: String(item.submittedAt),
      ...(requirements && typeof item.fixRequestedAt === 'string'
        ? { fix: { requirements: [...requirements] as RequirementId[], requestedAt: item.fixRequestedAt } }
        : {}),
    };
  }

  async forget(draftId: string): Promise<void> {
    await deleteItems(this.client, this.tableName, await partitionItems(this.client, this.tableName, keys.draft(draftId).pk));
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

  async countUploadLink(draftId: string, requirement: RequirementId, cap: number): Promise<boolean> {
    return this.conditionalCount(draftId, requirement, 'links', cap);
  }

  async takePage(draftId: string, requirement: RequirementId, maxPages: number): Promise<boolean> {
    return this.conditionalCount(draftId, requirement, 'pages', maxPages);
  }

  async releasePage(draftId: string, requirement: RequirementId): Promise<void> {
    await this.client
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.draftUploads(draftId, requirement),
          UpdateExpression: 'ADD pages :minusOne',
          ConditionExpression: 'pages > :zero',
          ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
        }),
      )
      .catch((error: unknown) => {
        if (!(error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException')) throw error;
      });
  }

  private async conditionalCount(draftId: string, requirement: RequirementId, counter: 'links' | 'pages', cap: number): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.draftUploads(draftId, requirement),
          UpdateExpression: 'ADD #counter :one SET expiresAt = :expires',
          ConditionExpression: 'attribute_not_exists(#counter) OR #counter < :cap',
          ExpressionAttributeNames: { '#counter': counter },
          ExpressionAttributeValues: { ':one': 1, ':cap': cap, ':expires': ttlSeconds(new Date(), DRAFT_TTL_MS) },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async removeRequirement(draftId: string, requirement: RequirementId, change?: DocumentChange & { readonly at: Date }): Promise<void> {
    const existing = (await this.listDocuments(draftId)).filter((document) => document.requirement === requirement);
    await batchWriteAll(this.client, this.tableName, [
      ...existing.map((document) => ({ DeleteRequest: { Key: keys.draftDocument(draftId, requirement, document.key) } })),
      ...(change && existing.length > 0
        ? [
            {
              PutRequest: {
                Item: documentChangeAudit(
                  change,
                  change.at,
                  'documents-removed',
                  `${requirementLabel(requirement)}: ${existing.map((document) => document.filename).join(', ')}`,
                ),
              },
            },
          ]
        : []),
    ]);
    // The pages are free again; the count of links handed out stays (it caps links, not pages).
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.draftUploads(draftId, requirement),
        UpdateExpression: 'SET pages = :zero, expiresAt = :expires',
        ExpressionAttributeValues: { ':zero': 0, ':expires': ttlSeconds(new Date(), DRAFT_TTL_MS) },
      }),
    );
  }
}

function requirementLabel(requirement: RequirementId): string {
  return REQUIREMENTS[requirement]?.shortName ?? requirement;
}
