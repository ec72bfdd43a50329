/** Which offices' day summaries went to the queue already: one mark per office and date. */
export interface DailySummaryMarks {
  /** Whether the summary of `officeId`'s `date` was queued already. */
  wasQueued(officeId: string, date: string): Promise<boolean>;
  /** Written once the summary is queued (a crash before it queues it again under the same event id). */
  markQueued(officeId: string, date: string, at: Date): Promise<void>;
}
