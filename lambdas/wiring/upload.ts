/** The upload function's wiring: the AWS entry and the local server build the same handler here. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../adapters/dynamodb-client';
import { DynamoDbDraftStore } from '../adapters/dynamodb-draft-store';
import { DynamoDbShortLinkStore } from '../adapters/dynamodb-short-link-store';
import { logger } from '../adapters/logger';
import { emfMetrics } from '../adapters/metrics';
import { lazyS3BlobStore } from '../adapters/lazy-s3-blob-store';
import type { SecretSource } from '../adapters/secrets';
import { secretsManagerSource } from '../adapters/secrets-manager';
import { processEnvironment, uploadConfig } from '../config';
import type { OfficeProfile } from '../domain/office';
import { createUploadHandler } from '../handlers/upload-handler';
import type { BlobStore } from '../ports';
import { lambdaEntry } from './lambda-entry';

export interface UploadParts {
  readonly dynamo: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly blobs: BlobStore;
  readonly secrets: Pick<SecretSource, 'get'>;
  readonly office: OfficeProfile;
  /** Where the page is mounted: `/upload` locally, `` at a Function URL's root. */
  readonly basePath: string;
  /** The origin presigned URLs go to (the page's Content-Security-Policy allows it). */
  readonly s3Origin: string;
}

export function uploadHandler(parts: UploadParts) {
  return createUploadHandler({
    drafts: new DynamoDbDraftStore(parts.dynamo, parts.tableName),
    shortLinks: new DynamoDbShortLinkStore(parts.dynamo, parts.tableName),
    blobs: parts.blobs,
    linkSigningKey: async () => (await parts.secrets.get()).LINK_SIGNING_KEY,
    clock: { now: () => new Date() },
    officeWhatsAppNumber: parts.office.whatsappNumber,
    services: parts.office.services,
    basePath: parts.basePath,
    s3Origin: parts.s3Origin,
    log: logger,
  });
}

export function awsUpload(env = processEnvironment()) {
  const config = uploadConfig(env);
  // No business metric here: the wrapper publishes nothing unless something counted.
  return lambdaEntry(
    emfMetrics(config.serviceName),
    uploadHandler({
      dynamo: documentClient(),
      tableName: config.tableName,
      // The S3 client and presigner load with the first request that presigns or checks a file.
      blobs: lazyS3BlobStore(config.bucketName),
      secrets: secretsManagerSource(env, config.secretArn),
      office: config.office,
      basePath: '',
      // Presigned URLs are virtual-hosted style on the bucket's regional endpoint.
      s3Origin: `https://${config.bucketName}.s3.${config.region}.amazonaws.com`,
    }),
  );
}
