/**
 * AWS entry of the daily reminder job, invoked by EventBridge Scheduler at the configured hour in
 * Asia/Jakarta. `{ "date": "YYYY-MM-DD" }` in the payload runs it as if today were that date (replays).
 * Wiring in wiring/reminder.ts.
 */
import { awsReminder } from './wiring/reminder';

export const handler = awsReminder();
