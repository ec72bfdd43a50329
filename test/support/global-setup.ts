/** One DynamoDB Local for the whole run: each test file gets its own table in it. */
import { startDynamoDbLocal, type DynamoDbLocal } from '../../local/dynamodb-local';

declare global {
  var siBapaoDynamo: DynamoDbLocal | undefined;
}

export default async function globalSetup(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  if (process.env.DYNAMODB_ENDPOINT) return;
  globalThis.siBapaoDynamo = await startDynamoDbLocal();
  process.env.DYNAMODB_ENDPOINT = globalThis.siBapaoDynamo.endpoint;
}
