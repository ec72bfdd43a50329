/** The local SQS FIFO stand-in: order per group, deduplication, retries, dead letters, crash replay. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DurableQueue, RetryLaterError, type QueuedMessage } from '../../local/durable-queue';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'queue-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const message = (group: string, id: string) => ({ groupId: group, deduplicationId: id, body: id });

it("hands one group's messages over strictly in order, other groups in parallel", async () => {
  const queue = new DurableQueue({ dir, retryBaseMs: 1 });
  await queue.open();
  const seen: string[] = [];
  const active = new Set<string>();
  queue.start(async (m: QueuedMessage) => {
    expect(active.has(m.groupId)).toBe(false);
    active.add(m.groupId);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
    seen.push(m.body);
    active.delete(m.groupId);
  });
  await queue.send(['1', '2', '3', '4'].flatMap((n) => [message('a', `a${n}`), message('b', `b${n}`)]));
  await queue.drained();
  expect(seen.filter((body) => body.startsWith('a'))).toEqual(['a1', 'a2', 'a3', 'a4']);
  expect(seen.filter((body) => body.startsWith('b'))).toEqual(['b1', 'b2', 'b3', 'b4']);
  await queue.close();
});

it('lets groups take turns: a conversation that keeps answering does not hold the others back', async () => {
  const queue = new DurableQueue({ dir, concurrency: 1 });
  await queue.open();
  const seen: string[] = [];
  queue.start(async (m) => {
    seen.push(m.body);
    // Like an applicant who answers each reply at once: a's next message is queued while a1 is handled.
    const next = Number(m.body.slice(1)) + 1;
    if (m.groupId === 'a' && next <= 3) await queue.send([message('a', `a${next}`)]);
  });
  await queue.send([message('a', 'a1'), message('b', 'b1'), message('c', 'c1')]);
  await queue.drained();
  expect(seen).toEqual(['a1', 'b1', 'c1', 'a2', 'a3']);
  await queue.close();
});

it('drops a deduplication id seen within the window', async () => {
  const queue = new DurableQueue({ dir });
  await queue.open();
  const seen: string[] = [];
  queue.start(async (m) => void seen.push(m.body));
  await queue.send([message('a', 'same')]);
  await queue.send([message('a', 'same')]);
  await queue.drained();
  expect(seen).toEqual(['same']);
  await queue.close();
});

it('retries a failing message before the next of its group, then dead-letters it after maxReceiveCount', async () => {
  const queue = new DurableQueue({ dir, retryBaseMs: 1, maxReceiveCount: 3 });
  await queue.open();
  const attempts: string[] = [];
  queue.start(async (m) => {
    attempts.push(m.body);
    if (m.body === 'poison') throw new Error('always fails');
  });
  await queue.send([message('a', 'poison'), message('a', 'next')]);
  await queue.drained();
  expect(attempts).toEqual(['poison', 'poison', 'poison', 'next']);
  expect(queue.deadLetters().map((dead) => dead.body)).toEqual(['poison']);
  await queue.close();
});

it('replays what was queued but not handled when a new queue opens the same folder', async () => {
  const first = new DurableQueue({ dir });
  await first.open();
  await first.send([message('a', 'one'), message('a', 'two'), message('b', 'three')]);
  await first.close(); // as after a crash: never started, nothing acknowledged

  const second = new DurableQueue({ dir });
  await second.open();
  const seen: string[] = [];
  second.start(async (m) => void seen.push(m.body));
  await second.drained();
  expect(seen.sort()).toEqual(['one', 'three', 'two']);
  await second.close();

  const third = new DurableQueue({ dir });
  await third.open();
  expect(third.depth).toBe(0);
  await third.close();
});

it('waits the delay the consumer asks for (capped at retryMaxMs), not its own back-off', async () => {
  const queue = new DurableQueue({ dir, retryBaseMs: 1, retryMaxMs: 300 });
  await queue.open();
  const times: number[] = [];
  queue.start(async () => {
    times.push(Date.now());
    if (times.length === 1) throw new RetryLaterError(150);
    if (times.length === 2) throw new RetryLaterError(60_000);
  });
  await queue.send([message('a', 'one')]);
  await queue.drained();
  const [first = 0, second = 0, third = 0] = times;
  expect(second - first).toBeGreaterThanOrEqual(140);
  expect(third - second).toBeGreaterThanOrEqual(290);
  expect(third - second).toBeLessThan(5_000);
  await queue.close();
});

it('replays dead letters onto their groups once, and forgets them', async () => {
  const queue = new DurableQueue({ dir, retryBaseMs: 1, maxReceiveCount: 2 });
  await queue.open();
  let healthy = false;
  const handled: string[] = [];
  queue.start(async (m) => {
    if (!healthy) throw new Error('down');
    handled.push(m.body);
  });
  await queue.send([message('a', 'a1'), message('b', 'b1')]);
  await queue.drained();
  expect(
    queue
      .deadLetters()
      .map((dead) => dead.body)
      .sort(),
  ).toEqual(['a1', 'b1']);

  healthy = true;
  expect(await queue.replayDeadLetters()).toBe(2);
  await queue.drained();
  expect(handled.sort()).toEqual(['a1', 'b1']);
  expect(queue.deadLetters()).toEqual([]);
  expect(await queue.replayDeadLetters()).toBe(0);
  await queue.close();
});
