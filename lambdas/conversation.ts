/** AWS entry of the conversation worker (SQS FIFO → this Lambda, partial batch responses). */
import { SQSClient } from '@aws-sdk/client-sqs';
import { awsDocumentClient, awsTableName, workerDeps } from './composition-root';
import { emfMetrics, withMetrics } from './adapters/metrics';
import { S3BlobStore, s3Client } from './adapters/s3-blob-store';
import { secretsManagerSource } from './adapters/secrets-manager';
import { sqsRetryScheduler } from './adapters/sqs-retry-scheduler';
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
      blobs: new S3BlobStore(s3Client(), requireEnv(process.env, 'BUCKET_NAME')),
      tableName: awsTableName(process.env),
      uploadBaseUrl: requireEnv(process.env, 'UPLOAD_BASE_URL'),
      metrics,
    }),
    {
      retries: sqsRetryScheduler(new SQSClient({}), requireEnv(process.env, 'QUEUE_URL')),
      maxReceiveCount: requirePositiveInteger(process.env, 'MAX_RECEIVE_COUNT'),
      // Room for one more Graph API call at its time-out and the save after it.
      timeReserveMs: loadGraphConfig(process.env).timeoutMs + 5_000,
    },
  ),
);
