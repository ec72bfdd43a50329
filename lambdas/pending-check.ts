/**
 * AWS entry of the hourly backlog check (EventBridge Scheduler): counts `PENDING` registrations older than
 * 24 hours as the `PendingOverdue` metric. It may only query the by-status index.
 */
import { documentClient } from './adapters/dynamodb-client';
import { DynamoDbPendingBacklog } from './adapters/dynamodb-pending-backlog';
import { logger } from './adapters/logger';
import { emfMetrics, withMetrics } from './adapters/metrics';
import { requireEnv } from './env';
import { checkPendingOverdue } from './use-cases/check-pending-overdue';

const backlog = new DynamoDbPendingBacklog(documentClient(), requireEnv(process.env, 'TABLE_NAME'));
const metrics = emfMetrics(process.env.POWERTOOLS_SERVICE_NAME);

export const handler = withMetrics(metrics, async () => {
  const result = await checkPendingOverdue({ backlog, clock: { now: () => new Date() }, metrics });
  logger.info('pending backlog checked', result);
  return result;
});
