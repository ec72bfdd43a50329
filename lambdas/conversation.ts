/** AWS entry of the conversation worker (SQS FIFO → this Lambda, partial batch responses). */
import { awsDocumentClient, awsTableName, workerDeps } from './composition-root';
import { secretsManagerSource } from './adapters/secrets-manager';
import { requireEnv } from './config';
import { createConversationHandler } from './handlers/conversation-handler';

export const handler = createConversationHandler(
  workerDeps({
    env: process.env,
    secrets: secretsManagerSource(requireEnv(process.env, 'SECRET_ARN')),
    dynamo: awsDocumentClient(),
    tableName: awsTableName(process.env),
    uploadBaseUrl: requireEnv(process.env, 'UPLOAD_BASE_URL'),
  }),
);
