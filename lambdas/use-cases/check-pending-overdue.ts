/**
 * The hourly backlog check: how many `PENDING` registrations have waited more than 24 hours for an
 * officer (the same rule as the admin dashboard's red rows), as the `PendingOverdue` metric. Zero is
 * counted too, so the alarm sees the backlog clear.
 */
import { METRICS } from '../metric-names';
import type { Clock, Metrics, PendingBacklog } from '../ports';

export const PENDING_OVERDUE_AFTER_MS = 24 * 60 * 60 * 1000;

export interface PendingCheckDeps {
  readonly backlog: PendingBacklog;
  readonly clock: Clock;
  readonly metrics: Metrics;
}

export async function checkPendingOverdue(deps: PendingCheckDeps): Promise<{ overdue: number; cutoff: string }> {
  const cutoff = new Date(deps.clock.now().getTime() - PENDING_OVERDUE_AFTER_MS).toISOString();
  const overdue = await deps.backlog.countPendingCreatedBefore(cutoff);
  deps.metrics.count(METRICS.pendingOverdue, overdue);
  return { overdue, cutoff };
}
