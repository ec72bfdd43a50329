/** The hourly backlog check's wiring: it may only query the by-status index. */
import { documentClient } from '../adapters/dynamodb-client';
import { DynamoDbPendingBacklog } from '../adapters/dynamodb-pending-backlog';
import { logger } from '../adapters/logger';
import { emfMetrics } from '../adapters/metrics';
import { pendingCheckConfig, processEnvironment } from '../config';
import { checkPendingOverdue } from '../use-cases/check-pending-overdue';
import { lambdaEntry } from './lambda-entry';

export function awsPendingCheck(env = processEnvironment()) {
  const config = pendingCheckConfig(env);
  const backlog = new DynamoDbPendingBacklog(documentClient(), config.tableName);
  const metrics = emfMetrics(config.serviceName);
  return lambdaEntry(metrics, async () => {
    const result = await checkPendingOverdue({ backlog, clock: { now: () => new Date() }, metrics });
    logger.info('pending backlog checked', result);
    return result;
  });
}
