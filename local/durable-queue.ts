/**
 * The local stand-in for SQS FIFO, with the same contract: one ordered stream per message group,
 * deduplication ids remembered for five minutes, retries with backoff, and a dead-letter file after
 * `maxReceiveCount` failures. Groups take turns: the group that became ready first goes first, so a
 * busy conversation cannot keep the others waiting. Every enqueue is written and fsynced to a journal in `DATA_DIR` before it
 * resolves, so a killed server loses nothing: on start the journal is replayed.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

export interface QueuedMessage {
  readonly seq: number;
  readonly messageId: string;
  readonly groupId: string;
  readonly deduplicationId: string;
  readonly body: string;
  readonly sentAt: number;
  receiveCount: number;
}

/**
 * Resolves normally when handled; throws (or rejects) to have the message retried, after the error's
 * `retryAfterMs` when it carries one (capped at `retryMaxMs`), else after the queue's own back-off.
 */
export type QueueConsumer = (message: QueuedMessage) => Promise<void>;

/** The consumer's way to say when a failed message should come back (SQS ChangeMessageVisibility). */
export class RetryLaterError extends Error {
  override readonly name = 'RetryLaterError';
  constructor(readonly retryAfterMs: number) {
    super(`retry in ${retryAfterMs} ms`);
  }
}

export interface DurableQueueOptions {
  readonly dir: string;
  readonly maxReceiveCount?: number;
  readonly concurrency?: number;
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
  readonly dedupWindowMs?: number;
}

type JournalRecord =
  { op: 'enq'; seq: number; id: string; group: string; dedup: string; body: string; at: number } | { op: 'ack'; seq: number } | { op: 'dead'; seq: number };

export class DurableQueue {
  private readonly journalPath: string;
  private readonly deadLetterPath: string;
  private readonly groups = new Map<string, QueuedMessage[]>();
  private readonly busyGroups = new Set<string>();
  /** Groups with a message to hand over and nothing in flight, in the order they became so. */
  private readonly readyGroups = new Set<string>();
  private readonly recentDedupIds = new Map<string, number>();
  private readonly idleWaiters: (() => void)[] = [];
  private handle: FileHandle | undefined;
  private pendingLines: string[] = [];
  private pendingResolvers: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;
  private nextSeq = 1;
  private inFlight = 0;
  private consumer: QueueConsumer | undefined;
  private stopped = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly maxReceiveCount: number;
  private readonly concurrency: number;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;
  private readonly dedupWindowMs: number;

  constructor(options: DurableQueueOptions) {
    mkdirSync(options.dir, { recursive: true });
    this.journalPath = join(options.dir, 'journal.jsonl');
    this.deadLetterPath = join(options.dir, 'dead-letter.jsonl');
    this.maxReceiveCount = options.maxReceiveCount ?? 5;
    this.concurrency = options.concurrency ?? 16;
    this.retryBaseMs = options.retryBaseMs ?? 200;
    this.retryMaxMs = options.retryMaxMs ?? 10_000;
    this.dedupWindowMs = options.dedupWindowMs ?? 5 * 60 * 1000;
    this.replayJournal();
  }

  /** Number of messages not yet handled (waiting, retrying or in flight). */
  get depth(): number {
    let count = 0;
    for (const messages of this.groups.values()) count += messages.length;
    return count;
  }

  async open(): Promise<void> {
    this.handle = await open(this.journalPath, 'a');
  }

  start(consumer: QueueConsumer): void {
    this.consumer = consumer;
    this.dispatch();
  }

  /** Durably queues the messages (in order), skipping deduplication ids seen in the last five minutes. */
  async send(messages: readonly { groupId: string; deduplicationId: string; body: string }[]): Promise<void> {
    const now = Date.now();
    this.forgetOldDedupIds(now);
    const accepted: QueuedMessage[] = [];
    for (const message of messages) {
      if (this.recentDedupIds.has(message.deduplicationId)) continue;
      this.recentDedupIds.set(message.deduplicationId, now);
      accepted.push({
        seq: this.nextSeq++,
        messageId: randomUUID(),
        groupId: message.groupId,
        deduplicationId: message.deduplicationId,
        body: message.body,
        sentAt: now,
        receiveCount: 0,
      });
    }
    if (accepted.length === 0) return;
    await this.append(
      accepted.map((m) => ({ op: 'enq', seq: m.seq, id: m.messageId, group: m.groupId, dedup: m.deduplicationId, body: m.body, at: m.sentAt })),
      true,
    );
    for (const message of accepted) {
      this.groupOf(message.groupId).push(message);
      if (!this.busyGroups.has(message.groupId)) this.readyGroups.add(message.groupId);
    }
    this.dispatch();
  }

  /** Resolves when nothing is waiting or in flight (for tests and benchmarks). */
  async drained(): Promise<void> {
    if (this.depth === 0 && this.inFlight === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Puts every dead letter back at the end of its group's stream and empties the dead-letter file (the
   * runbook's replay). Sent before the file is emptied: a crash in between replays twice, which the
   * worker's idempotency records make harmless; emptied first, a crash would lose them.
   */
  async replayDeadLetters(): Promise<number> {
    const dead = this.deadLetters();
    if (dead.length === 0) return 0;
    const at = Date.now();
    await this.send(dead.map((letter) => ({ groupId: letter.groupId, deduplicationId: `replay:${letter.messageId}:${at}`, body: letter.body })));
    writeFileSync(this.deadLetterPath, '');
    return dead.length;
  }

  deadLetters(): { messageId: string; groupId: string; body: string }[] {
    if (!existsSync(this.deadLetterPath)) return [];
    return readFileSync(this.deadLetterPath, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { messageId: string; groupId: string; body: string });
  }

  async close(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    while (this.flushing) await this.flushing;
    await this.handle?.close();
    this.handle = undefined;
  }

  private groupOf(groupId: string): QueuedMessage[] {
    let group = this.groups.get(groupId);
    if (!group) {
      group = [];
      this.groups.set(groupId, group);
    }
    return group;
  }

  /**
   * Hands over the head of each ready group, oldest-ready first. (Scanning the groups in the order they
   * were first seen instead let the first applicants' next messages jump ahead of everyone else's first:
   * under load the last to arrive waited for minutes.)
   */
  private dispatch(): void {
    if (!this.consumer || this.stopped) return;
    for (const groupId of this.readyGroups) {
      if (this.inFlight >= this.concurrency) break;
      this.readyGroups.delete(groupId);
      const head = this.groups.get(groupId)?.[0];
      if (!head) {
        this.groups.delete(groupId);
        continue;
      }
      this.busyGroups.add(groupId);
      this.inFlight += 1;
      void this.deliver(head);
    }
    this.notifyIfIdle();
  }

  private async deliver(message: QueuedMessage): Promise<void> {
    message.receiveCount += 1;
    let retryAfterMs: number | undefined;
    const ok = await this.consumer?.(message).then(
      () => true,
      (error: unknown) => {
        if (error instanceof RetryLaterError) retryAfterMs = error.retryAfterMs;
        return false;
      },
    );
    if (this.stopped) return;
    const group = this.groupOf(message.groupId);
    if (ok || message.receiveCount >= this.maxReceiveCount) {
      group.shift();
      if (!ok) {
        appendFileSync(
          this.deadLetterPath,
          JSON.stringify({ messageId: message.messageId, groupId: message.groupId, body: message.body, failedAt: new Date().toISOString() }) + '\n',
        );
      }
      await this.append([{ op: ok ? 'ack' : 'dead', seq: message.seq }], false);
      this.release(message.groupId);
      return;
    }
    // FIFO: the group waits for its head message to be retried; other groups go on.
    const backoff = Math.min(this.retryMaxMs, this.retryBaseMs * 2 ** (message.receiveCount - 1));
    const delay = retryAfterMs !== undefined ? Math.min(this.retryMaxMs, retryAfterMs) : backoff / 2 + Math.random() * (backoff / 2);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.release(message.groupId);
    }, delay);
    this.timers.add(timer);
  }

  private release(groupId: string): void {
    this.busyGroups.delete(groupId);
    this.inFlight -= 1;
    if (this.groups.get(groupId)?.length) this.readyGroups.add(groupId);
    else this.groups.delete(groupId);
    this.dispatch();
  }

  private notifyIfIdle(): void {
    if (this.depth === 0 && this.inFlight === 0) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  private async append(records: JournalRecord[], durable: boolean): Promise<void> {
    const lines = records.map((record) => JSON.stringify(record) + '\n');
    if (!durable) {
      this.pendingLines.push(...lines);
      this.flush();
      return;
    }
    await new Promise<void>((resolve, reject) => {
      this.pendingLines.push(...lines);
      this.pendingResolvers.push({ resolve, reject });
      this.flush();
    });
  }

  /** Group commit: every line waiting is written with one write and one fsync. */
  private flush(): void {
    if (this.flushing) return;
    this.flushing = this.writePending().finally(() => {
      this.flushing = undefined;
    });
  }

  private async writePending(): Promise<void> {
    while (this.pendingLines.length > 0) {
      const lines = this.pendingLines.splice(0);
      const resolvers = this.pendingResolvers.splice(0);
      try {
        this.handle ??= await open(this.journalPath, 'a');
        await this.handle.write(lines.join(''));
        await this.handle.datasync();
        for (const { resolve } of resolvers) resolve();
      } catch (error) {
        for (const { reject } of resolvers) reject(error);
      }
    }
  }

  private forgetOldDedupIds(now: number): void {
    for (const [id, at] of this.recentDedupIds) {
      if (now - at < this.dedupWindowMs) break;
      this.recentDedupIds.delete(id);
    }
  }

  /** Rebuilds what is still pending from the journal, then rewrites the journal with just that. */
  private replayJournal(): void {
    if (!existsSync(this.journalPath)) return;
    const pending = new Map<number, QueuedMessage>();
    for (const line of readFileSync(this.journalPath, 'utf8').split('\n')) {
      if (!line) continue;
      let record: JournalRecord;
      try {
        record = JSON.parse(line) as JournalRecord;
      } catch {
        continue; // a torn last line from a crash mid-write: its enqueue never resolved
      }
      this.nextSeq = Math.max(this.nextSeq, record.seq + 1);
      if (record.op === 'enq') {
        pending.set(record.seq, {
          seq: record.seq,
          messageId: record.id,
          groupId: record.group,
          deduplicationId: record.dedup,
          body: record.body,
          sentAt: record.at,
          receiveCount: 0,
        });
        if (Date.now() - record.at < this.dedupWindowMs) this.recentDedupIds.set(record.dedup, record.at);
      } else {
        pending.delete(record.seq);
      }
    }
    const ordered = [...pending.values()].sort((a, b) => a.seq - b.seq);
    for (const message of ordered) {
      this.groupOf(message.groupId).push(message);
      this.readyGroups.add(message.groupId);
    }
    const compacted = ordered
      .map((m) => JSON.stringify({ op: 'enq', seq: m.seq, id: m.messageId, group: m.groupId, dedup: m.deduplicationId, body: m.body, at: m.sentAt }) + '\n')
      .join('');
    writeFileSync(`${this.journalPath}.tmp`, compacted);
    renameSync(`${this.journalPath}.tmp`, this.journalPath);
  }
}
