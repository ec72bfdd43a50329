/**
 * Personal data in logs: a setup file of the integration tier. The servers of a test file log at DEBUG
 * (TEST_LOG_LEVEL); every line written to stdout or stderr is scanned, the service's JSON log lines are
 * kept out of the test output, and the file fails if any line carries a full NIK, a secret, a token or a
 * document link. What was scanned and what was clean goes to the reliability tally.
 */
import { basename } from 'node:path';
import { findLeaks, registerLogSecret } from './log-scan';
import { Tally } from './tally';

process.env.TEST_LOG_LEVEL = 'DEBUG';

const leaks: string[] = [];
let scanned = 0;

function intercept(stream: NodeJS.WriteStream): void {
  const original = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
    let serviceLines = 0;
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      scanned += 1;
      if (line.includes('"service":"si-bapao"')) serviceLines += 1;
      for (const leak of findLeaks(line)) leaks.push(`${leak}: ${line.slice(0, 300)}`);
    }
    if (serviceLines > 0 && text.trim().split('\n').length === serviceLines) {
      const callback = rest.find((argument) => typeof argument === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }
    return original(chunk, ...rest);
  }) as typeof stream.write;
}

intercept(process.stdout);
intercept(process.stderr);

afterAll(() => {
  const file = expect.getState().testPath ?? 'unknown.test.ts';
  const tally = new Tally(`log-scan-${basename(file)}`);
  tally.add(
    'personal data',
    'log lines without NIK, secret, token or document link',
    scanned,
    scanned - new Set(leaks.map((leak) => leak.split(': ')[1])).size,
  );
  tally.report();
  if (leaks.length > 0) throw new Error(`Personal data or secrets in ${leaks.length} log line(s):\n${[...new Set(leaks)].slice(0, 20).join('\n')}`);
});

export { registerLogSecret };
