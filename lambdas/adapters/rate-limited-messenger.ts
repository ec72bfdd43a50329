/**
 * Meta's throughput ceiling for one phone number (80 messages a second unless Meta raised it): when
 * `MESSAGES_PER_SECOND` is set, every send waits for its slot; read receipts do not count. The pace is
 * per process: locally that is the whole worker; in AWS each container keeps it, so the event source's
 * maximum concurrency times this bounds the total.
 */
import type { Messenger, RateLimiter } from '../ports';

/** Evenly spaced slots, `1000 / perSecond` ms apart; an idle limiter lets the next call through at once. */
export class PacingRateLimiter implements RateLimiter {
  private nextSlot = 0;
  private readonly intervalMs: number;

  constructor(
    perSecond: number,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.intervalMs = 1000 / perSecond;
  }

  async acquire(): Promise<void> {
    const now = this.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.intervalMs;
    if (slot > now) await this.sleep(slot - now);
  }
}

export function rateLimitedMessenger(messenger: Messenger, limiter: RateLimiter): Messenger {
  return {
    async send(recipient, reply, options) {
      await limiter.acquire();
      return messenger.send(recipient, reply, options);
    },
    markRead: (messageId) => messenger.markRead(messageId),
  };
}
