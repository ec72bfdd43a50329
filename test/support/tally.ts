/**
 * What a reliability or security test tried and what held, per category (the headings): printed as
 * a table when the test file ends, and written as JSON under `RELIABILITY_DIR` (default
 * `$TMPDIR/si-bapao-reliability`) for `npm run reliability` to add up.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const CATEGORIES = ['real bodies', 'signatures', 'delivery chaos', 'faults', 'crash', 'fuzz', 'admin security', 'personal data', 'cdk-nag'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface TallyRow {
  readonly category: Category;
  readonly what: string;
  tried: number;
  held: number;
}

export function reliabilityDir(): string {
  return process.env.RELIABILITY_DIR ?? join(tmpdir(), 'si-bapao-reliability');
}

export class Tally {
  private readonly rows = new Map<string, TallyRow>();

  constructor(private readonly file: string) {}

  /** Counts one attempt; returns `held` so a test can record, then assert. */
  check(category: Category, what: string, held: boolean): boolean {
    this.add(category, what, 1, held ? 1 : 0);
    return held;
  }

  add(category: Category, what: string, tried: number, held: number): void {
    const key = `${category}\u0000${what}`;
    const row = this.rows.get(key) ?? { category, what, tried: 0, held: 0 };
    row.tried += tried;
    row.held += held;
    this.rows.set(key, row);
  }

  all(): TallyRow[] {
    return [...this.rows.values()];
  }

  /** Prints the table and writes the JSON file. */
  report(): void {
    const rows = this.all();
    if (rows.length === 0) return;
    const dir = reliabilityDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${basename(this.file).replace(/\.test\.ts$/, '')}.json`), JSON.stringify({ file: basename(this.file), rows }, null, 1));
    process.stdout.write(`\n${formatTable(rows, basename(this.file))}\n`);
  }
}

/** A tally for this test file, reported after its last test. */
export function tallyFor(file: string): Tally {
  const tally = new Tally(file);
  afterAll(() => tally.report());
  return tally;
}

export function formatTable(rows: readonly TallyRow[], title: string): string {
  const width = Math.max(4, ...rows.map((row) => row.what.length));
  const categoryWidth = Math.max(8, ...rows.map((row) => row.category.length));
  const lines = [
    title,
    `${'category'.padEnd(categoryWidth)}  ${'what'.padEnd(width)}  ${'tried'.padStart(7)}  ${'held'.padStart(7)}`,
    ...rows.map(
      (row) =>
        `${row.category.padEnd(categoryWidth)}  ${row.what.padEnd(width)}  ${String(row.tried).padStart(7)}  ${String(row.held).padStart(7)}${row.held === row.tried ? '' : '  ✗'}`,
    ),
  ];
  return lines.join('\n');
}
