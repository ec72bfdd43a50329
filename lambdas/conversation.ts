/**
 * AWS entry of the conversation worker (SQS FIFO → this Lambda, partial batch responses). The S3 client,
 * pdf-lib and the SQS client load on first use (a file, a proof, a delayed retry): most events need none.
 */
import { awsDocumentClient, awsTableName, workerDeps } from './composition-root';
import { emfMetrics, withMetrics } from './adapters/metrics';
import { lazyS3BlobStore } from './adapters/lazy-s3-blob-store';
import { secretsManagerSource } from './adapters/secrets-manager';
import { lazySqsRetryScheduler } from './adapters/lazy-sqs';
import { loadGraphConfig, requireEnv } from './config';
import { requirePositiveInteger } from './env';
import { createConversationHandler } from './handlers/conversation-handler';

const metrics = emfMetrics(process.env.POWERTOOLS_SERVICE_NAME);

export const handler = withMetrics(
  metrics,
  createConversationHandler(
    workerDeps({
      env: process.env,
      secrets: secretsManagerSource(requireEnv(process.env, 'SECRET_ARN')),
      dynamo: awsDocumentClient(),
      blobs: lazyS3BlobStore(requireEnv(process.env, 'BUCKET_NAME')),
      tableName: awsTableName(process.env),
      uploadBaseUrl: requireEnv(process.env, 'UPLOAD_BASE_URL'),
      metrics,
    }),
    {
      retries: lazySqsRetryScheduler(requireEnv(process.env, 'QUEUE_URL')),
      maxReceiveCount: requirePositiveInteger(process.env, 'MAX_RECEIVE_COUNT'),
      // Room for one more Graph API call at its time-out and the save after it.
      timeReserveMs: loadGraphConfig(process.env).timeoutMs + 5_000,
    },
  ),
);
