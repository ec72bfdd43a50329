/**
 * AWS entry of the hourly backlog check (EventBridge Scheduler): counts `PENDING` registrations older than
 * 24 hours as the `PendingOverdue` metric. Wiring in wiring/pending-check.ts.
 */
import { awsPendingCheck } from './wiring/pending-check';

export const handler = awsPendingCheck();
