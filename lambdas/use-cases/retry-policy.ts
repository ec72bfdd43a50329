/**
 * How long an event waits before its next attempt, by what failed (docs/whatsapp-cloud-api.md, "Error codes and rate limits"): Meta's
 * pair limit asks for 4^X seconds, throughput limits and server errors get exponential back-off with
 * jitter, anything else (DynamoDB briefly away, a concurrent update) a short exponential wait. Permanent
 * Meta errors never get here: the worker records them and moves on.
 */
import { GraphApiError, SendOutcomeUnknownError } from '../errors';

/** Meta's pair rate limit: one message per 6 s to the same user. */
const PAIR_LIMIT = 131056;
/** Per-number throughput, app and WABA call limits. */
const THROUGHPUT_LIMITS = new Set([130429, 4, 80007]);
/** SQS allows up to 12 hours; a quarter of an hour keeps the worst case of all attempts well under an hour. */
export const MAX_RETRY_DELAY_SECONDS = 15 * 60;
/**
 * How long a send whose outcome is unknown waits before it may be sent again: Meta posts a message's
 * status webhook (carrying the outbox id) within seconds, so by then a send Meta accepted has left its
 * trace and is not repeated. The local queue scales it like every other delay.
 */
export const SEND_OUTCOME_WAIT_SECONDS = 30;

export interface RetryPlan {
  readonly delaySeconds: number;
  /** For logs and metrics: which rule chose the delay. */
  readonly reason: 'pair-limit' | 'throughput' | 'meta-transient' | 'send-outcome' | 'other';
}

/**
 * `attempt` is the number of the attempt that just failed (SQS's ApproximateReceiveCount, from 1).
 * `random` in [0, 1) spreads retries of many events that failed together.
 */
export function retryPlan(error: unknown, attempt: number, random: () => number = Math.random): RetryPlan {
  const n = Math.max(1, Math.floor(attempt));
  if (error instanceof SendOutcomeUnknownError) {
    const underlying = retryPlan(error.cause, attempt, random);
    return { delaySeconds: Math.max(SEND_OUTCOME_WAIT_SECONDS, underlying.delaySeconds), reason: 'send-outcome' };
  }
  if (error instanceof GraphApiError && error.code === PAIR_LIMIT) {
    // 4^X from X = 0, as Meta advises, plus up to a fifth more so a burst does not return together.
    const base = 4 ** (n - 1);
    return { delaySeconds: cap(base * (1 + random() / 5)), reason: 'pair-limit' };
  }
  if (error instanceof GraphApiError && (THROUGHPUT_LIMITS.has(error.code) || error.httpStatus === 429)) {
    return { delaySeconds: cap(equalJitter(2 * 2 ** (n - 1), random)), reason: 'throughput' };
  }
  if (error instanceof GraphApiError) {
    return { delaySeconds: cap(equalJitter(2 ** (n - 1), random)), reason: 'meta-transient' };
  }
  return { delaySeconds: cap(equalJitter(2 ** (n - 1), random)), reason: 'other' };
}

/** Half the exponential step for sure, the other half at random ("equal jitter"): never 0, never in step. */
function equalJitter(step: number, random: () => number): number {
  return step / 2 + random() * (step / 2);
}

function cap(seconds: number): number {
  return Math.min(MAX_RETRY_DELAY_SECONDS, Math.max(1, Math.round(seconds)));
}
