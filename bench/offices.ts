/**
 * Many offices: how long 100 offices take to add through `npm run office -- add --file` (one command, its
 * own process, against a local DynamoDB), and what one office costs a month at 125 offices × 500
 * registrations, from the same price table and usage model as the whole deployment's estimate.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { estimateCost } from './cost';
import type { LocalBench } from './local';
import { progress, round } from './stats';

export const OFFICE_COST_MODEL = { offices: 125, registrationsPerOfficePerMonth: 500 } as const;
/** The goal: at most one US$ a month per office, Meta's fees apart. */
export const COST_PER_OFFICE_GOAL_USD = 1;

export interface OfficeFigures {
  readonly offices100SetupS: number;
  readonly officesAdded: number;
  readonly costPerOfficeUsd: number;
  readonly monthlyUsdAll: number;
}

/** 100 offices of three zones, each with its own number and prefix (`Q` + two letters: none is the seed's). */
export function hundredOffices(): Record<string, unknown>[] {
  const zones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return Array.from({ length: 100 }, (_, index) => ({
    id: `kanim-${String(index + 1).padStart(3, '0')}`,
    name: `Kantor Imigrasi Uji ${index + 1}`,
    address: `Jl. Uji No. ${index + 1}`,
    phoneNumberId: String(5_000_000_000_000 + index),
    displayPhoneNumber: `0811000${String(index).padStart(5, '0')}`,
    queuePrefix: `Q${letters[Math.floor(index / 26)]}${letters[index % 26]}`,
    timezone: zones[index % 3],
  }));
}

export async function benchOffices(local: LocalBench): Promise<OfficeFigures> {
  const setup = await local.withServer('offices', {}, async (server) => {
    const dir = mkdtempSync(join(tmpdir(), 'si-bapao-bench-offices-'));
    try {
      const file = join(dir, 'offices.json');
      writeFileSync(file, JSON.stringify(hundredOffices()));
      progress('adding 100 offices with npm run office');
      const started = process.hrtime.bigint();
      const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), join(__dirname, '..', 'scripts', 'office.ts'), 'add', '--file', file], {
        env: { ...process.env, TABLE_NAME: server.config.TABLE_NAME, DYNAMODB_ENDPOINT: server.dynamoEndpoint },
        encoding: 'utf8',
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (run.status !== 0) throw new Error(`npm run office failed: ${run.stderr}`);
      const added = (await server.offices.registry.list()).length;
      return { seconds, added };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  const { offices, registrationsPerOfficePerMonth } = OFFICE_COST_MODEL;
  const all = estimateCost({ registrationsPerMonth: offices * registrationsPerOfficePerMonth });
  return {
    offices100SetupS: round(setup.seconds, 2),
    officesAdded: setup.added,
    costPerOfficeUsd: round(all.monthlyUsd / offices, 3),
    monthlyUsdAll: all.monthlyUsd,
  };
}
