/**
 * What a cold start loads, in the bundles `cdk synth` deploys (lib/si-bapao-function.ts `bundleEntry`):
 * pdf-lib and its fonts, the S3 client and presigner and the SQS client are chunks loaded on first use,
 * and no function carries zod's classic build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { bundleEntry, LAMBDA_SOURCE_DIR } from '../../lib/si-bapao-function';

let outDir: string;
beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'si-bapao-bundles-test-'));
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Inputs of the entry file and of every chunk it imports statically (what `import()` of index.mjs reads). */
function loadedAtColdStart(metafile: Metafile): { atInit: string[]; onDemand: string[] } {
  const entry = Object.keys(metafile.outputs).find((file) => file.endsWith('/index.mjs'));
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  if (entry) visit(entry);
  const inputsOf = (files: string[]) => [...new Set(files.flatMap((file) => Object.keys(metafile.outputs[file]?.inputs ?? {})))];
  const all = Object.keys(metafile.outputs).filter((file) => file.endsWith('.mjs'));
  return { atInit: inputsOf([...seen]), onDemand: inputsOf(all.filter((file) => !seen.has(file))) };
}

const has = (inputs: string[], part: string) => inputs.some((input) => input.includes(part));

it.each(['conversation', 'admin', 'upload', 'reminder'])(
  '%s: no pdf-lib, S3 client, presigner or SQS client at cold start, no Secrets Manager client at all; zod only as zod/mini',
  (entry) => {
    const metafile = bundleEntry(join(LAMBDA_SOURCE_DIR, `${entry}.ts`), join(outDir, entry), { target: 'node20' });
    const { atInit, onDemand } = loadedAtColdStart(metafile);
    expect(has(atInit, 'node_modules/@aws-sdk/client-dynamodb/')).toBe(true);
    for (const lazy of [
      'node_modules/pdf-lib/',
      'node_modules/@aws-sdk/client-s3/',
      'node_modules/@aws-sdk/s3-request-presigner/',
      'node_modules/@aws-sdk/client-sqs/',
    ]) {
      expect({ entry, lazy, atInit: has(atInit, lazy) }).toEqual({ entry, lazy, atInit: false });
    }
    expect(has(onDemand, 'node_modules/@aws-sdk/client-s3/')).toBe(true);
    // The secret is one signed GetSecretValue (lambdas/adapters/secrets-manager.ts), not the SDK's client.
    expect(has([...atInit, ...onDemand], 'node_modules/@aws-sdk/client-secrets-manager/')).toBe(false);
    if (entry === 'conversation') expect(has(onDemand, 'node_modules/pdf-lib/')).toBe(true);
    expect([...atInit, ...onDemand].filter((input) => input.includes('node_modules/zod/') && input.includes('/classic/'))).toEqual([]);
  },
);

it('deploys a source map beside every chunk, for an investigation to turn on (the functions do not read them at cold start)', () => {
  const metafile = bundleEntry(join(LAMBDA_SOURCE_DIR, 'conversation.ts'), join(outDir, 'maps'), { target: 'node20' });
  const chunks = Object.keys(metafile.outputs).filter((file) => file.endsWith('.mjs'));
  expect(chunks.length).toBeGreaterThan(1);
  expect(chunks.filter((file) => !(`${file}.map` in metafile.outputs))).toEqual([]);
});
