/**
 * `npm run dlq:replay`: moves every event from the dead-letter queue back onto the events queue, in order
 * per applicant (same message group), then deletes it from the dead-letter queue. A replayed event the
 * worker already handled changes nothing (its idempotency record), so a second replay is harmless.
 *
 *   npm run dlq:replay -- --stage prod      AWS (credentials and region from the environment)
 *   npm run dlq:replay -- --stage prod --dry-run   only count what is waiting
 *   npm run dlq:replay -- --local http://127.0.0.1:3000   the local server's dead-letter file
 */
import { DeleteMessageCommand, GetQueueAttributesCommand, GetQueueUrlCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { stageNames } from '../lib/deploy-config';

export interface ReplayResult {
  readonly replayed: number;
}

/** Receive → send to the events queue with the same group → delete, until the dead-letter queue is empty. */
export async function replayDeadLetters(
  sqs: SQSClient,
  stage: string,
  options: { dryRun?: boolean; log?: (line: string) => void } = {},
): Promise<ReplayResult & { waiting: number }> {
  const log = options.log ?? (() => undefined);
  const { eventsDeadLetterQueue: EVENTS_DLQ_NAME, eventsQueue: EVENTS_QUEUE_NAME } = stageNames(stage);
  const [dlqUrl, queueUrl] = await Promise.all(
    [EVENTS_DLQ_NAME, EVENTS_QUEUE_NAME].map(async (QueueName) => (await sqs.send(new GetQueueUrlCommand({ QueueName }))).QueueUrl ?? ''),
  );
  const attributes = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
  const waiting = Number(attributes.Attributes?.ApproximateNumberOfMessages ?? 0);
  log(`${waiting} event(s) waiting in ${EVENTS_DLQ_NAME}`);
  if (options.dryRun) return { replayed: 0, waiting };
  let replayed = 0;
  for (;;) {
    const batch = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: dlqUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        VisibilityTimeout: 120,
        MessageSystemAttributeNames: ['MessageGroupId'],
      }),
    );
    const messages = batch.Messages ?? [];
    if (messages.length === 0) break;
    // One at a time: a group's messages arrive in order and must leave in order.
    for (const message of messages) {
      const groupId = message.Attributes?.MessageGroupId;
      if (!groupId || !message.Body || !message.ReceiptHandle) throw new Error(`dead letter ${message.MessageId ?? '?'} has no group or body: left in place`);
      await sqs.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: message.Body,
          MessageGroupId: groupId,
          MessageDeduplicationId: `replay-${message.MessageId ?? replayed}`,
        }),
      );
      await sqs.send(new DeleteMessageCommand({ QueueUrl: dlqUrl, ReceiptHandle: message.ReceiptHandle }));
      replayed += 1;
    }
  }
  log(`${replayed} event(s) replayed onto ${EVENTS_QUEUE_NAME}`);
  return { replayed, waiting };
}

async function main(argv: readonly string[]): Promise<void> {
  const localIndex = argv.indexOf('--local');
  if (localIndex >= 0) {
    const base = argv[localIndex + 1] ?? 'http://127.0.0.1:3000';
    const response = await fetch(`${base.replace(/\/$/, '')}/_local/jobs/replay-dead-letters`, { method: 'POST' });
    if (!response.ok) throw new Error(`local server answered ${response.status}`);
    const { replayed } = (await response.json()) as ReplayResult;
    process.stdout.write(`${replayed} event(s) replayed from the local dead-letter file\n`);
    return;
  }
  const stageIndex = argv.indexOf('--stage');
  const stage = stageIndex >= 0 ? argv[stageIndex + 1] : undefined;
  if (!stage) throw new Error('Name the deployment: npm run dlq:replay -- --stage <name> (as in config/deploy/<name>.json)');
  await replayDeadLetters(new SQSClient({}), stage, { dryRun: argv.includes('--dry-run'), log: (line) => process.stdout.write(`${line}\n`) });
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  });
}
