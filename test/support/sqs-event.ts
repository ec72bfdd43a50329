/** SQS FIFO records as Lambda hands them to the worker: one group per applicant, the receive count it reads. */
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { QueueEvent } from '../../lambdas/queue-events';

export function sqsEvent(events: readonly QueueEvent[], receiveCount = 1): SQSEvent {
  const now = String(Date.now());
  return {
    Records: events.map((event, index): SQSRecord => ({
      messageId: `m-${index}-${event.eventId}`,
      receiptHandle: `r-${index}`,
      body: JSON.stringify(event),
      attributes: {
        ApproximateReceiveCount: String(receiveCount),
        SentTimestamp: now,
        SenderId: 'AROA',
        ApproximateFirstReceiveTimestamp: now,
        MessageGroupId: event.applicant.key,
        MessageDeduplicationId: event.eventId,
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:ap-southeast-3:123456789012:si-bapao-test-events.fifo',
      awsRegion: 'ap-southeast-3',
    })),
  };
}
