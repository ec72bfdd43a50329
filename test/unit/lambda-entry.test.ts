/** Every AWS entry goes through `lambdaEntry`: each log line of an invocation carries its request id. */
import type { Context } from 'aws-lambda';
import { logger } from '../../lambdas/adapters/logger';
import type { InvocationMetrics } from '../../lambdas/adapters/metrics';
import { lambdaEntry } from '../../lambdas/wiring/lambda-entry';

function lambdaContext(awsRequestId: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'si-bapao-webhook',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:ap-southeast-3:123456789012:function:si-bapao-webhook',
    memoryLimitInMB: '512',
    awsRequestId,
    logGroupName: '/aws/lambda/si-bapao-webhook',
    logStreamName: '2026/12/06/[$LATEST]0123456789abcdef',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** The JSON lines the logger writes while `run` runs. */
async function logLinesOf(run: () => Promise<void>): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: unknown) => {
    lines.push(
      ...String(chunk)
        .split('\n')
        .filter((line) => line.trim()),
    );
    return true;
  }) as typeof process.stdout.write;
  try {
    await run();
  } finally {
    process.stdout.write = original;
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

it('gives every log line of an invocation that invocation’s request id, and publishes its metrics', async () => {
  let published = 0;
  const metrics: InvocationMetrics = { count: () => undefined, publish: () => void (published += 1) };
  const handler = lambdaEntry(metrics, async (event: { say: string }) => {
    logger.info(event.say, {});
    return event.say;
  });

  const lines = await logLinesOf(async () => {
    await handler({ say: 'first' }, lambdaContext('request-1'));
    await handler({ say: 'second' }, lambdaContext('request-2'));
  });

  expect(lines.map((line) => [line.message, line.function_request_id, line.function_name])).toEqual([
    ['first', 'request-1', 'si-bapao-webhook'],
    ['second', 'request-2', 'si-bapao-webhook'],
  ]);
  expect(published).toBe(2);
});
