/** The send pace for Meta's per-number throughput ceiling (MESSAGES_PER_SECOND). */
import { PacingRateLimiter, rateLimitedMessenger } from '../../lambdas/adapters/rate-limited-messenger';
import { messagesPerSecond } from '../../lambdas/config';
import type { Messenger } from '../../lambdas/ports';

function fakeTime() {
  let now = 1000;
  return { now: () => now, sleep: async (ms: number) => void (now += ms), advance: (ms: number) => void (now += ms), at: () => now };
}

it('spaces callers 1000 / rate ms apart, the first at once', async () => {
  const time = fakeTime();
  const limiter = new PacingRateLimiter(80, time.now, time.sleep);
  const started = time.at();
  await limiter.acquire();
  expect(time.at()).toBe(started);
  for (let index = 0; index < 4; index += 1) await limiter.acquire();
  expect(time.at() - started).toBeCloseTo(4 * 12.5, 5);
});

it('lets a call through at once after an idle spell (no burst saved up beyond one)', async () => {
  const time = fakeTime();
  const limiter = new PacingRateLimiter(10, time.now, time.sleep);
  await limiter.acquire();
  time.advance(10_000);
  const before = time.at();
  await limiter.acquire();
  await limiter.acquire();
  expect(time.at() - before).toBeCloseTo(100, 5);
});

it('paces sends only, not read receipts', async () => {
  const acquired: string[] = [];
  const inner: Messenger = { send: async () => ({ messageId: 'm' }), markRead: async () => undefined };
  const messenger = rateLimitedMessenger(inner, { acquire: async () => void acquired.push('slot') });
  await messenger.send({ waId: '1' }, { type: 'text', body: 'x' });
  await messenger.markRead('wamid.1');
  expect(acquired).toEqual(['slot']);
});

it('reads MESSAGES_PER_SECOND, unset meaning no pacing', () => {
  expect(messagesPerSecond({})).toBeUndefined();
  expect(messagesPerSecond({ MESSAGES_PER_SECOND: '80' })).toBe(80);
  expect(() => messagesPerSecond({ MESSAGES_PER_SECOND: '0' })).toThrow('MESSAGES_PER_SECOND');
  expect(() => messagesPerSecond({ MESSAGES_PER_SECOND: 'fast' })).toThrow('MESSAGES_PER_SECOND');
});
