/**
 * What every AWS entry does around its handler: the logger takes the invocation's Lambda context (so each
 * line carries the request id and the cold-start flag), and the metrics counted are published when the
 * invocation ends, also when it throws.
 */
import type { Context } from 'aws-lambda';
import { logger } from '../adapters/logger';
import { withMetrics, type InvocationContext, type InvocationMetrics } from '../adapters/metrics';

export function lambdaEntry<E, R>(
  metrics: InvocationMetrics,
  handler: (event: E, context?: InvocationContext) => Promise<R>,
): (event: E, context?: InvocationContext) => Promise<R> {
  return withMetrics(metrics, async (event: E, context?: InvocationContext) => {
    if (isLambdaContext(context)) logger.addContext(context);
    return handler(event, context);
  });
}

function isLambdaContext(context: InvocationContext | undefined): context is Context {
  return typeof (context as Partial<Context> | undefined)?.awsRequestId === 'string';
}
