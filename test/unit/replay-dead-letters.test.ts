/**
 * `npm run dlq:replay` in AWS. No SQS stand-in runs on this machine, so SQS is aws-sdk-client-mock's;
 * what is under test is the script's order of calls: each dead letter goes back to the events queue in
 * its own message group, in the order received, and is deleted only after it was sent.
 */
import { DeleteMessageCommand, GetQueueAttributesCommand, GetQueueUrlCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { replayDeadLetters } from '../../scripts/replay-dead-letters';

const sqs = mockClient(SQSClient);
afterEach(() => sqs.reset());

function deadLetter(id: string, group: string) {
  return { MessageId: id, ReceiptHandle: `rh-${id}`, Body: JSON.stringify({ eventId: id }), Attributes: { MessageGroupId: group } };
}

it('sends each dead letter back in its group, in order, then deletes it; stops when the queue is empty', async () => {
  sqs.on(GetQueueUrlCommand, { QueueName: 'si-bapao-prod-events-dlq.fifo' }).resolves({ QueueUrl: 'https://sqs/dlq' });
  sqs.on(GetQueueUrlCommand, { QueueName: 'si-bapao-prod-events.fifo' }).resolves({ QueueUrl: 'https://sqs/events' });
  sqs.on(GetQueueAttributesCommand).resolves({ Attributes: { ApproximateNumberOfMessages: '3' } });
  sqs
    .on(ReceiveMessageCommand)
    .resolvesOnce({ Messages: [deadLetter('a1', 'applicant-a'), deadLetter('b1', 'applicant-b')] })
    .resolvesOnce({ Messages: [deadLetter('a2', 'applicant-a')] })
    .resolves({ Messages: [] });
  sqs.on(SendMessageCommand).resolves({});
  sqs.on(DeleteMessageCommand).resolves({});

  const result = await replayDeadLetters(new SQSClient({}), 'prod');

  expect(result).toEqual({ replayed: 3, waiting: 3 });
  const calls = sqs.calls().map((call) => call.args[0]);
  const order = calls
    .filter((command) => command instanceof SendMessageCommand || command instanceof DeleteMessageCommand)
    .map((command) =>
      command instanceof SendMessageCommand
        ? `send ${command.input.MessageGroupId} ${JSON.parse(command.input.MessageBody ?? '{}').eventId} → ${command.input.QueueUrl}`
        : `delete ${(command as DeleteMessageCommand).input.ReceiptHandle} ← ${(command as DeleteMessageCommand).input.QueueUrl}`,
    );
  expect(order).toEqual([
    'send applicant-a a1 → https://sqs/events',
    'delete rh-a1 ← https://sqs/dlq',
    'send applicant-b b1 → https://sqs/events',
    'delete rh-b1 ← https://sqs/dlq',
    'send applicant-a a2 → https://sqs/events',
    'delete rh-a2 ← https://sqs/dlq',
  ]);
});

it('only counts with --dry-run', async () => {
  sqs.on(GetQueueUrlCommand).resolves({ QueueUrl: 'https://sqs/q' });
  sqs.on(GetQueueAttributesCommand).resolves({ Attributes: { ApproximateNumberOfMessages: '4' } });
  expect(await replayDeadLetters(new SQSClient({}), 'prod', { dryRun: true })).toEqual({ replayed: 0, waiting: 4 });
  expect(sqs.commandCalls(ReceiveMessageCommand)).toHaveLength(0);
});

it('leaves a dead letter without a group in place and says so', async () => {
  sqs.on(GetQueueUrlCommand).resolves({ QueueUrl: 'https://sqs/q' });
  sqs.on(GetQueueAttributesCommand).resolves({ Attributes: { ApproximateNumberOfMessages: '1' } });
  sqs.on(ReceiveMessageCommand).resolves({ Messages: [{ MessageId: 'x', ReceiptHandle: 'rh', Body: '{}' }] });
  await expect(replayDeadLetters(new SQSClient({}), 'prod')).rejects.toThrow('dead letter x has no group or body: left in place');
  expect(sqs.commandCalls(DeleteMessageCommand)).toHaveLength(0);
});
