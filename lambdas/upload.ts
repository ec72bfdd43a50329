/** AWS entry of the upload Lambda (Function URL): wiring built once per container, then the shared handler. */
import { documentClient } from './adapters/dynamodb-client';
import { DynamoDbDraftStore } from './adapters/dynamodb-draft-store';
import { DynamoDbShortLinkStore } from './adapters/dynamodb-short-link-store';
import { logger } from './adapters/logger';
import { emfMetrics, withMetrics } from './adapters/metrics';
import { lazyS3BlobStore } from './adapters/lazy-s3-blob-store';
import { secretsManagerSource } from './adapters/secrets-manager';
import { loadOfficeProfile, requireEnv } from './config';
import { createUploadHandler } from './handlers/upload-handler';

const bucketName = requireEnv(process.env, 'BUCKET_NAME');
const secrets = secretsManagerSource(requireEnv(process.env, 'SECRET_ARN'));

// No business metric here: the wrapper counts cold starts for the dashboard.
export const handler = withMetrics(emfMetrics(process.env.POWERTOOLS_SERVICE_NAME), createUploadHandler({
  drafts: new DynamoDbDraftStore(documentClient(), requireEnv(process.env, 'TABLE_NAME')),
  shortLinks: new DynamoDbShortLinkStore(documentClient(), requireEnv(process.env, 'TABLE_NAME')),
  // The S3 client and presigner load with the first request that presigns or checks a file.
  blobs: lazyS3BlobStore(bucketName),
  linkSigningKey: async () => (await secrets.get()).LINK_SIGNING_KEY,
  clock: { now: () => new Date() },
  officeWhatsAppNumber: loadOfficeProfile(process.env).whatsappNumber,
  basePath: '',
  // Presigned URLs are virtual-hosted style on the bucket's regional endpoint.
  s3Origin: `https://${bucketName}.s3.${requireEnv(process.env, 'AWS_REGION')}.amazonaws.com`,
  log: logger,
}));
