/**
 * The conversation worker: SQS FIFO records in order, one applicant's records strictly one after the
 * other. When a record fails, the rest of its applicant's records in the batch are reported failed too,
 * so order survives retries; other applicants' records go on. The failed record comes back after a delay
 * chosen by what failed (Meta's pair limit, throughput, a server error); on its last attempt the failure
 * is recorded for officers before the dead-letter queue takes it.
 *
 * No record starts when the invocation has less than `timeReserveMs` left: the rest go back to the queue
 * untried instead of timing out the whole batch. Every receive counts towards the dead-letter queue, also
 * for a record that was only held back, so a record that reaches the dead-letter queue untried is recorded
 * for officers too (reason `held-back`): nothing ends there unseen.
 */
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { applicantTag } from '../adapters/logger';
import type { InvocationContext } from '../adapters/metrics';
import { queueEventSchema, type QueueEvent } from '../queue-events';
import { handleQueueEvent, recordGivingUp, type EventHandlingDeps, type EventLog } from '../use-cases/handle-queue-event';
import { retryPlan } from '../use-cases/retry-policy';
import type { RetryScheduler } from '../ports';
import { safeJson } from '../http/json';

export type ConversationHandler = (event: SQSEvent, context?: InvocationContext) => Promise<SQSBatchResponse>;

export type { RetryScheduler };

export interface ConversationHandlerOptions {
  readonly retries?: RetryScheduler;
  /** The queue's `maxReceiveCount`: a failure on that attempt is the last before the dead-letter queue. */
  readonly maxReceiveCount?: number;
  readonly random?: () => number;
  /** No record starts with less time left than this (ms): about one Graph API call at its time-out and a save. */
  readonly timeReserveMs?: number;
}

/** Why a record went back to the queue without being tried. */
type Untried = 'held-back' | 'out-of-time';

/** A record that went back untried, recorded when this receive was its last before the dead-letter queue. */
export class UntriedError extends Error {
  override readonly name = 'UntriedError';
  constructor(readonly why: Untried) {
    super(why === 'held-back' ? 'held back behind a failed event of the same applicant' : 'not started: the invocation was out of time');
  }
}

export function createConversationHandler(deps: EventHandlingDeps, options: ConversationHandlerOptions = {}): ConversationHandler {
  return async (event, context) => {
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    const failedGroups = new Set<string>();
    const outOfTime = () =>
      options.timeReserveMs !== undefined && context?.getRemainingTimeInMillis !== undefined && context.getRemainingTimeInMillis() < options.timeReserveMs;
    let secret: string | undefined;
    for (const record of event.Records) {
      const group = record.attributes.MessageGroupId ?? '';
      const untried: Untried | undefined = failedGroups.has(group) ? 'held-back' : outOfTime() ? 'out-of-time' : undefined;
      if (untried) {
        failures.push({ itemIdentifier: record.messageId });
        failedGroups.add(group);
        await recordIfLastAttempt(record, new UntriedError(untried), options, deps);
        // Visible at once; a held-back record waits in its FIFO group until the failed one before it is done.
        await scheduleRetry(record, 0, options, deps);
        continue;
      }
      const parsed = queueEventSchema.safeParse(safeJson(record.body));
      if (!parsed.success) {
        // A body that can never parse would block its group forever: drop it loudly instead.
        deps.log.warn('unreadable queue event dropped', { messageId: record.messageId });
        continue;
      }
      // Every line about this record carries its correlation ids: the event, the applicant (hashed), the queue number.
      let recordDeps = deps;
      try {
        secret ??= await deps.logHashSecret();
        // A message to another number than the default office's is routed here when the webhook could not.
        const event = parsed.data;
        const routed = deps.routeToOffice && 'toPhoneNumberId' in event && event.toPhoneNumberId ? await deps.routeToOffice(event) : event;
        if (!routed) continue;
        recordDeps = { ...deps, ...(await deps.forOffice?.(routed.office)), log: withFields(deps.log, correlationIds(routed, secret)) };
        await handleQueueEvent(routed, recordDeps);
      } catch (error) {
        const attempt = Number(record.attributes.ApproximateReceiveCount) || 1;
        const lastAttempt = options.maxReceiveCount !== undefined && attempt >= options.maxReceiveCount;
        const fields = {
          messageId: record.messageId,
          eventId: parsed.data.eventId,
          attempt,
          error: (error as Error).name,
          detail: (error as Error).message,
        };
        if (lastAttempt) {
          recordDeps.log.warn('event failed on its last attempt: to the dead-letter queue', fields);
          await recordGivingUp(parsed.data, error, attempt, recordDeps).catch((recordError: unknown) =>
            recordDeps.log.warn('could not record the failure', { eventId: parsed.data.eventId, error: (recordError as Error).message }),
          );
        } else {
          const plan = retryPlan(error, attempt, options.random);
          recordDeps.log.warn('event failed, will retry', { ...fields, retryInSeconds: plan.delaySeconds, rule: plan.reason });
          await scheduleRetry(record, plan.delaySeconds, options, recordDeps);
        }
        failures.push({ itemIdentifier: record.messageId });
        failedGroups.add(group);
      }
    }
    return { batchItemFailures: failures };
  };
}

/** On a record's last receive, what it carried is listed for officers before the dead-letter queue takes it. */
async function recordIfLastAttempt(record: SQSRecord, error: UntriedError, options: ConversationHandlerOptions, deps: EventHandlingDeps): Promise<void> {
  const attempt = Number(record.attributes.ApproximateReceiveCount) || 1;
  if (options.maxReceiveCount === undefined || attempt < options.maxReceiveCount) return;
  const parsed = queueEventSchema.safeParse(safeJson(record.body));
  if (!parsed.success) return;
  deps.log.warn('event untried on its last attempt: to the dead-letter queue', {
    messageId: record.messageId,
    eventId: parsed.data.eventId,
    attempt,
    why: error.why,
  });
  await recordGivingUp(parsed.data, error, attempt, deps, 'held-back').catch((recordError: unknown) =>
    deps.log.warn('could not record the failure', { eventId: parsed.data.eventId, error: (recordError as Error).message }),
  );
}

async function scheduleRetry(record: SQSRecord, delaySeconds: number, options: ConversationHandlerOptions, deps: EventHandlingDeps): Promise<void> {
  if (!options.retries) return;
  try {
    await options.retries.retryAfter(record, delaySeconds);
  } catch (error) {
    // Without the change the record still returns, after the queue's visibility timeout.
    deps.log.warn('could not set the retry delay', { messageId: record.messageId, error: (error as Error).message });
  }
}

function correlationIds(event: QueueEvent, secret: string): Record<string, string> {
  return {
    eventId: event.eventId,
    applicant: applicantTag(secret, event.applicant.key),
    ...('queueNumber' in event ? { queueNumber: event.queueNumber } : {}),
  };
}

function withFields(log: EventLog, fields: Record<string, string>): EventLog {
  return {
    info: (message, more) => log.info(message, { ...fields, ...more }),
    warn: (message, more) => log.warn(message, { ...fields, ...more }),
  };
}
