import { GraphApiError, SendOutcomeUnknownError } from '../../lambdas/errors';
import { MAX_RETRY_DELAY_SECONDS, retryPlan, SEND_OUTCOME_WAIT_SECONDS } from '../../lambdas/use-cases/retry-policy';

const meta = (code: number, httpStatus = 400) => new GraphApiError(code, 'x', true, httpStatus);
const low = () => 0;
const high = () => 0.999;

describe('how long a failed event waits before its next attempt', () => {
  it("follows Meta's 4^X seconds for the pair limit (131056), with at most a fifth added", () => {
    const delays = [1, 2, 3, 4, 5].map((attempt) => retryPlan(meta(131056), attempt, low).delaySeconds);
    expect(delays).toEqual([1, 4, 16, 64, 256]);
    expect(retryPlan(meta(131056), 4, high).delaySeconds).toBe(Math.round(64 * 1.2));
    expect(retryPlan(meta(131056), 4, low).reason).toBe('pair-limit');
  });

  it('backs off exponentially with jitter on throughput limits (130429, HTTP 429, 80007)', () => {
    for (const error of [meta(130429), meta(0, 429), meta(80007)]) {
      const plans = [1, 2, 3, 4].map((attempt) => retryPlan(error, attempt, high));
      expect(plans.map((plan) => plan.reason)).toEqual(['throughput', 'throughput', 'throughput', 'throughput']);
      expect(plans.map((plan) => plan.delaySeconds)).toEqual([2, 4, 8, 16]);
      // Equal jitter: never less than half the step, so retries of one burst are spread, not bunched at 0.
      expect([1, 2, 3, 4].map((attempt) => retryPlan(error, attempt, low).delaySeconds)).toEqual([1, 2, 4, 8]);
    }
  });

  it('retries server errors, timeouts and anything else after 1, 2, 4… seconds', () => {
    expect([1, 2, 3, 4].map((attempt) => retryPlan(meta(0, 500), attempt, high).delaySeconds)).toEqual([1, 2, 4, 8]);
    expect(retryPlan(meta(0, 0), 1, high).reason).toBe('meta-transient');
    expect(retryPlan(new Error('DynamoDB unavailable'), 3, high)).toEqual({ delaySeconds: 4, reason: 'other' });
  });

  it('waits at least 30 s after a send that may have reached Meta, so its status webhook comes first', () => {
    const timedOut = new SendOutcomeUnknownError('wamid.1#0', meta(0, 0));
    expect(SEND_OUTCOME_WAIT_SECONDS).toBeGreaterThanOrEqual(30);
    expect(retryPlan(timedOut, 1, high)).toEqual({ delaySeconds: SEND_OUTCOME_WAIT_SECONDS, reason: 'send-outcome' });
    // A longer wait the underlying failure asks for still holds (the pair limit's 4^X).
    expect(retryPlan(new SendOutcomeUnknownError('wamid.1#0', meta(131056)), 5, low).delaySeconds).toBe(256);
  });

  it('never waits longer than the cap, or less than a second', () => {
    expect(retryPlan(meta(131056), 12, high).delaySeconds).toBe(MAX_RETRY_DELAY_SECONDS);
    expect(retryPlan(meta(130429), 30, high).delaySeconds).toBe(MAX_RETRY_DELAY_SECONDS);
    expect(retryPlan(new Error('x'), 0, low).delaySeconds).toBe(1);
  });
});
