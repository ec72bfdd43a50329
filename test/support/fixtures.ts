/** The 74 real webhook bodies of `test/fixtures/whatsapp-webhooks` (pywa, MIT), one per case. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURE_DIR = join(__dirname, '..', 'fixtures', 'whatsapp-webhooks');

export interface FixtureBody {
  readonly name: string;
  readonly body: unknown;
}

export function fixtureBodies(): FixtureBody[] {
  return readdirSync(FIXTURE_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const cases = JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8')) as Record<string, unknown>;
      return Object.entries(cases).map(([name, body]) => ({ name: `${file.replace(/\.json$/, '')}/${name}`, body }));
    });
}
