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
  /** Counts `ColdStart` (dimension `function_name`) on the first invocation of a container, once. */
  captureColdStart(functionName?: string): void;
  /** Writes what was counted since the last publish; nothing when nothing was counted. */
  publish(): void;
}

/** `service`: the stage's service name (the stack sets POWERTOOLS_SERVICE_NAME), so that two stages' alarms never mix. */
export function emfMetrics(service: string = METRIC_SERVICE_DIMENSION.service): InvocationMetrics {
  const metrics = new PowertoolsMetrics({ namespace: METRIC_NAMESPACE, serviceName: service });
  return {
    count(name, value = 1, dimensions) {
      // The service-only series is what alarms watch; a finer dimension (ErrorCode, Status, Kind) is a
      // second series for the dashboard's breakdowns, written at once as its own EMF line.
      metrics.addMetric(name, MetricUnit.Count, value);
      if (dimensions && Object.keys(dimensions).length > 0) {
        const single = metrics.singleMetric();
        single.addDimensions({ ...dimensions });
        single.addMetric(name, MetricUnit.Count, value);
      }
    },
    captureColdStart(functionName) {
      metrics.captureColdStartMetric(functionName);
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
 * Wraps a handler so that each invocation counts a cold start (the first) and publishes its metrics when
 * it ends, also when it throws (a failed run's counts are what an operator needs most).
 */
export function withMetrics<E, R>(
  metrics: InvocationMetrics,
  handler: (event: E, context?: InvocationContext) => Promise<R>,
): (event: E, context?: InvocationContext) => Promise<R> {
  return async (event, context) => {
    metrics.captureColdStart(context?.functionName);
    try {
      return await handler(event, context);
    } finally {
      metrics.publish();
    }
  };
}
