/**
 * The Metrics port as CloudWatch Embedded Metric Format (Powertools metrics): counts are buffered during an
 * invocation and written to stdout as EMF JSON when it ends; CloudWatch Logs turns them into metrics, so
 * no `cloudwatch:PutMetricData` call and no IAM right beyond writing the function's own logs.
 */
import { Metrics as PowertoolsMetrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRIC_NAMESPACE, METRIC_SERVICE_DIMENSION } from '../metric-names';
import type { Metrics } from '../ports';

/** What an entry needs around each invocation, besides counting. */
export interface InvocationMetrics extends Metrics {
  /** Writes what was counted since the last publish; nothing when nothing was counted. */
  publish(): void;
}

/** `service`: the stage's service name (the stack sets POWERTOOLS_SERVICE_NAME), so that two stages' alarms never mix. */
export function emfMetrics(service: string = METRIC_SERVICE_DIMENSION.service): InvocationMetrics {
  const metrics = new PowertoolsMetrics({ namespace: METRIC_NAMESPACE, serviceName: service });
  return {
    count(name, value = 1, dimensions) {
      // One series per name, with the service dimension only: what alarms watch. A breakdown (ErrorCode,
      // Status, Kind) is not a dimension, which would be a paid metric per value (README "Cost"), but a
      // property of the same EMF line, written at once on a line of its own: the dashboard's Logs
      // Insights widgets count by it.
      if (dimensions && Object.keys(dimensions).length > 0) {
        const single = metrics.singleMetric();
        for (const [key, breakdown] of Object.entries(dimensions)) single.addMetadata(key, breakdown);
        single.addMetric(name, MetricUnit.Count, value);
        return;
      }
      metrics.addMetric(name, MetricUnit.Count, value);
    },
    publish() {
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    },
  };
}

/** The part of Lambda's context the wrapper reads. */
export interface InvocationContext {
  readonly functionName?: string;
  /** Lambda's own clock of the invocation: how long before it is stopped. */
  getRemainingTimeInMillis?(): number;
}

/**
 * Wraps a handler so that each invocation publishes its metrics when it ends, also when it throws (a
 * failed run's counts are what an operator needs most). Cold starts are not counted here: Lambda's own
 * REPORT line carries `Init Duration` on each one, which the dashboard reads (no paid metric per function).
 */
export function withMetrics<E, R>(
  metrics: InvocationMetrics,
  handler: (event: E, context?: InvocationContext) => Promise<R>,
): (event: E, context?: InvocationContext) => Promise<R> {
  return async (event, context) => {
    try {
      return await handler(event, context);
    } finally {
      metrics.publish();
    }
  };
}
