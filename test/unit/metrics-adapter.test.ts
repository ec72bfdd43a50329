/** The EMF metrics adapter: what Powertools writes to stdout is what CloudWatch Logs turns into metrics. */
import { emfMetrics, withMetrics } from '../../lambdas/adapters/metrics';
import { METRICS } from '../../lambdas/metric-names';

interface EmfLine {
  _aws: { CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string; Unit: string }> }> };
  [key: string]: unknown;
}

function captureStdout(): { lines: () => EmfLine[]; restore: () => void } {
  const written: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  return {
    lines: () =>
      written
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('{"_aws"'))
        .map((line) => JSON.parse(line) as EmfLine),
    restore: () => spy.mockRestore(),
  };
}

const initializationType = process.env.AWS_LAMBDA_INITIALIZATION_TYPE;
beforeAll(() => {
  // Powertools counts a cold start only in on-demand containers, as Lambda says through this variable.
  process.env.AWS_LAMBDA_INITIALIZATION_TYPE = 'on-demand';
});
afterAll(() => {
  if (initializationType === undefined) delete process.env.AWS_LAMBDA_INITIALIZATION_TYPE;
  else process.env.AWS_LAMBDA_INITIALIZATION_TYPE = initializationType;
});

it('writes counts in the SiBapao namespace with the service dimension when the invocation ends', async () => {
  const out = captureStdout();
  try {
    const metrics = emfMetrics();
    const handler = withMetrics(metrics, async (event: { n: number }) => {
      metrics.count(METRICS.inboundMessages, event.n);
      metrics.count(METRICS.inboundMessages);
      expect(out.lines().filter((line) => 'InboundMessages' in line)).toEqual([]);
      return 'done';
    });
    await expect(handler({ n: 2 }, { functionName: 'si-bapao-webhook' })).resolves.toBe('done');
    const inbound = out.lines().find((line) => 'InboundMessages' in line);
    expect(inbound?._aws.CloudWatchMetrics).toEqual([
      { Namespace: 'SiBapao', Dimensions: [['service']], Metrics: [{ Name: 'InboundMessages', Unit: 'Count' }] },
    ]);
    expect(inbound?.service).toBe('si-bapao');
    expect(inbound?.InboundMessages).toEqual([2, 1]);
  } finally {
    out.restore();
  }
});

it('writes a count with a breakdown once, to the service-only series alarms watch, the breakdown a property and no paid series of its own', async () => {
  const out = captureStdout();
  try {
    const metrics = emfMetrics();
    await withMetrics(metrics, async () => metrics.count(METRICS.failedSends, 1, { ErrorCode: '131047' }))(undefined);
    const failed = out.lines().filter((line) => 'FailedSends' in line);
    expect(failed.map((line) => line._aws.CloudWatchMetrics[0]?.Dimensions)).toEqual([[['service']]]);
    expect(failed.find((line) => 'ErrorCode' in line)?.ErrorCode).toBe('131047');
    expect(failed[0]?.FailedSends).toBe(1);
  } finally {
    out.restore();
  }
});

it("publishes on every invocation, also when the handler throws, and counts no cold start (Lambda's REPORT line has it)", async () => {
  const out = captureStdout();
  try {
    const metrics = emfMetrics();
    const handler = withMetrics(metrics, async () => {
      metrics.count(METRICS.reminderRunCompleted);
      throw new Error('boom');
    });
    await expect(handler(undefined, { functionName: 'reminder-fn' })).rejects.toThrow('boom');
    await expect(handler(undefined, { functionName: 'reminder-fn' })).rejects.toThrow('boom');
    const coldStarts = out.lines().filter((line) => 'ColdStart' in line);
    expect(coldStarts).toHaveLength(0);
    expect(out.lines().every((line) => !('function_name' in line))).toBe(true);
    expect(out.lines().filter((line) => 'ReminderRunCompleted' in line)).toHaveLength(2);
  } finally {
    out.restore();
  }
});

it('writes nothing (and warns about nothing) when an invocation counted nothing', async () => {
  const out = captureStdout();
  const warn = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const metrics = emfMetrics();
    await withMetrics(metrics, async () => undefined)(undefined, { functionName: 'x' });
    expect(out.lines()).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  } finally {
    out.restore();
    warn.mockRestore();
  }
});
