/**
 * The layers are kept by lint (eslint.config.mjs): each case lints a deliberately wrong file, placed
 * where it would live, with ESLint's Node API and the repository's own configuration.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

interface Finding {
  readonly ruleId: string | null;
  readonly message: string;
}

const PROBES = {
  domainImportsAdapter: ['lambdas/domain/layer-probe.ts', "import { logger } from '../adapters/logger';\nexport const probe = logger;\n"],
  domainImportsDomain: ['lambdas/domain/layer-probe.ts', "import { jakartaDate } from './calendar';\nexport const probe = jakartaDate;\n"],
  domainFolderImportsAdapter: ['lambdas/domain/texts/layer-probe.ts', "import { logger } from '../../adapters/logger';\nexport const probe = logger;\n"],
  domainFolderImportsDomain: ['lambdas/domain/texts/layer-probe.ts', "import { jakartaDate } from '../calendar';\nexport const probe = jakartaDate;\n"],
  useCaseImportsAdapter: [
    'lambdas/use-cases/layer-probe.ts',
    "import { documentClient } from '../adapters/dynamodb-client';\nexport const probe = documentClient;\n",
  ],
  useCaseImportsSdk: ['lambdas/use-cases/layer-probe.ts', "import { SQSClient } from '@aws-sdk/client-sqs';\nexport const probe = SQSClient;\n"],
  useCaseImportsPorts: ['lambdas/use-cases/layer-probe.ts', "import type { SessionStore } from '../ports';\nexport type Probe = SessionStore;\n"],
  adapterImportsUseCase: [
    'lambdas/adapters/layer-probe.ts',
    "import { runReminders } from '../use-cases/run-reminders';\nexport const probe = runReminders;\n",
  ],
  adapterImportsHandler: [
    'lambdas/adapters/layer-probe.ts',
    "import { createWebhookHandler } from '../handlers/webhook-handler';\nexport const probe = createWebhookHandler;\n",
  ],
  handlerReadsEnv: ['lambdas/handlers/layer-probe.ts', 'export const probe = process.env.TABLE_NAME;\n'],
  wiringReadsEnv: ['lambdas/wiring/layer-probe.ts', 'export const probe = process.env.TABLE_NAME;\n'],
  configReadsEnv: ['lambdas/config/env.ts', 'export const probe = process.env.TABLE_NAME;\n'],
} as const satisfies Record<string, readonly [string, string]>;

/**
 * ESLint's flat configuration is an ES module, which Jest's CommonJS sandbox cannot import: the Node API
 * runs in one child Node process instead (the same `ESLint` class `npx eslint` uses), over every probe.
 */
function lintAll(): Record<keyof typeof PROBES, Finding[]> {
  const script = `
    const { ESLint } = require('eslint');
    let input = '';
    process.stdin.on('data', (chunk) => (input += chunk));
    process.stdin.on('end', async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = {};
      for (const [name, [filePath, code]] of Object.entries(JSON.parse(input))) {
        const [result] = await eslint.lintText(code, { filePath: require('node:path').join(process.cwd(), filePath) });
        out[name] = result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message }));
      }
      process.stdout.write(JSON.stringify(out));
    });`;
  const output = execFileSync(process.execPath, ['-e', script], { cwd: ROOT, input: JSON.stringify(PROBES), encoding: 'utf8' });
  return JSON.parse(output) as Record<keyof typeof PROBES, Finding[]>;
}

let findings: Record<keyof typeof PROBES, Finding[]>;
// One ESLint start with typescript-eslint takes seconds on a busy machine: a hang guard, not a time goal.
beforeAll(() => {
  findings = lintAll();
}, 120_000);

const rulesOf = (findings: readonly Finding[]) => findings.map((finding) => finding.ruleId);

it('fails a domain module that imports an adapter, and passes one that imports the domain', () => {
  expect(rulesOf(findings.domainImportsAdapter)).toContain('no-restricted-imports');
  expect(findings.domainImportsAdapter.find((finding) => finding.ruleId === 'no-restricted-imports')?.message).toContain(
    'domain/ imports nothing outside itself',
  );
  expect(rulesOf(findings.domainImportsDomain)).not.toContain('no-restricted-imports');
});

it('fails a module in a domain folder (texts/, conversation/) that imports an adapter, and passes one that imports the domain', () => {
  expect(findings.domainFolderImportsAdapter.find((finding) => finding.ruleId === 'no-restricted-imports')?.message).toContain(
    'domain/ imports nothing outside itself',
  );
  expect(rulesOf(findings.domainFolderImportsDomain)).not.toContain('no-restricted-imports');
});

it('fails a use case that imports an adapter or the AWS SDK, and passes one that imports the ports', () => {
  expect(rulesOf(findings.useCaseImportsAdapter)).toContain('no-restricted-imports');
  expect(rulesOf(findings.useCaseImportsSdk)).toContain('no-restricted-imports');
  expect(rulesOf(findings.useCaseImportsPorts)).not.toContain('no-restricted-imports');
});

it('fails an adapter that imports a use case or a handler', () => {
  expect(rulesOf(findings.adapterImportsUseCase)).toContain('no-restricted-imports');
  expect(rulesOf(findings.adapterImportsHandler)).toContain('no-restricted-imports');
});

it('fails process.env outside the configuration module', () => {
  expect(rulesOf(findings.handlerReadsEnv)).toContain('no-restricted-properties');
  expect(rulesOf(findings.wiringReadsEnv)).toContain('no-restricted-properties');
  expect(rulesOf(findings.configReadsEnv)).not.toContain('no-restricted-properties');
});
