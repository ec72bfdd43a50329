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

it('writes a dimensioned count twice: to the service-only series alarms watch and to its breakdown', async () => {
  const out = captureStdout();
  try {
    const metrics = emfMetrics();
    await withMetrics(metrics, async () => metrics.count(METRICS.failedSends, 1, { ErrorCode: '131047' }))(undefined);
    const failed = out.lines().filter((line) => 'FailedSends' in line);
    expect(failed.map((line) => line._aws.CloudWatchMetrics[0]?.Dimensions).sort()).toEqual([[['service']], [['service', 'ErrorCode']]].sort());
    expect(failed.find((line) => 'ErrorCode' in line)?.ErrorCode).toBe('131047');
  } finally {
    out.restore();
  }
});

it('counts a cold start once per container, with the function name, and publishes when the handler throws', async () => {
  const out = captureStdout();
  try {
    const metrics = emfMetrics();
    const handler = withMetrics(metrics, async () => {
      metrics.count(METRICS.reminderRunCompleted);
      throw new Error('boom');
    });
    await expect(handler(undefined, { functionName: 'reminder-fn' })).rejects.toThrow('boom');
    await expect(handler(undefined, { functionName: 'reminder-fn' })).rejects.toThrow('boom');
    const coldStarts = out.lines().filter((line) => METRICS.coldStart in line);
    expect(coldStarts).toHaveLength(1);
    expect(coldStarts[0]?.function_name).toBe('reminder-fn');
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
    metrics.captureColdStart('x');
    await withMetrics(metrics, async () => undefined)(undefined);
    expect(out.lines().filter((line) => !(METRICS.coldStart in line))).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  } finally {
    out.restore();
    warn.mockRestore();
  }
});
