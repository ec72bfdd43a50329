/**
 * Every Lambda entry bundled as CDK bundles it (lib/si-bapao-function.ts `bundleEntry`: ES modules with
 * code splitting; target node20 to run on this machine instead of node24), then cold init: a fresh `node`
 * that imports the bundle and so builds its handler, timed inside the child around the `import()`.
 * Sizes: `kb` is what a cold start reads (the entry and the chunks it imports statically), `totalKb`
 * everything deployed (with the chunks loaded only when a path needs them, e.g. pdf-lib).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { ADMIN_PUBLIC_PACKAGE_FILES, bundleEntry, LAMBDA_SOURCE_DIR } from '../lib/si-bapao-function';
import { median, progress, round } from './stats';

export const ENTRIES = ['webhook', 'conversation', 'upload', 'admin', 'reminder'] as const;

export interface BundleFigures {
  readonly entry: string;
  /** The entry and the chunks it imports statically: what a cold start reads and parses. */
  readonly kb: number;
  /** Every chunk of the function, the ones loaded on demand too. */
  readonly totalKb: number;
  /** Packages only in chunks loaded on demand, KB. */
  readonly onDemand: { name: string; kb: number }[];
  readonly sourceMapKb: number;
  readonly coldInitMs: number;
  readonly coldInitRuns: number[];
  /** The child's CPU time (user + system) for the same import, median: steadier than wall time on a busy machine. */
  readonly coldInitCpuMs: number;
  /** The child's resident memory once the handler is built, MB (median): the floor under the function's memory size. */
  readonly initRssMb: number;
  /** Sockets open right after the require: network I/O at import, which must be none. */
  readonly socketsAtInit: number;
  /** The biggest packages in the bundle, KB. */
  readonly largest: { name: string; kb: number }[];
  /** In what a cold start loads (not counting chunks loaded on demand). */
  readonly hasPdfLib: boolean;
  readonly hasS3Client: boolean;
  readonly hasAwsSdk: boolean;
}

/** Dummy values of everything the entries read at import; no request leaves the machine at init. */
const DUMMY_ENV: Record<string, string> = {
  TABLE_NAME: 'si-bapao-bench',
  QUEUE_URL: 'https://sqs.ap-southeast-3.amazonaws.com/123456789012/si-bapao-events.fifo',
  SECRET_ARN: 'arn:aws:secretsmanager:ap-southeast-3:123456789012:secret:si-bapao-AbCdEf',
  BUCKET_NAME: 'si-bapao-documents-bench',
  WHATSAPP_PHONE_NUMBER_ID: '1122334455667',
  WHATSAPP_API_URL: 'https://graph.facebook.com/v25.0',
  UPLOAD_BASE_URL: 'https://upload.example.invalid',
  MAX_RECEIVE_COUNT: '8',
  WHATSAPP_MESSAGING_LIMIT: '250',
  RETENTION_DAYS: '90',
  POWERTOOLS_SERVICE_NAME: 'si-bapao',
  AWS_REGION: 'ap-southeast-3',
  AWS_DEFAULT_REGION: 'ap-southeast-3',
  AWS_ACCESS_KEY_ID: 'AKIDBENCHEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'bench-secret-access-key',
  AWS_SESSION_TOKEN: 'bench-session-token',
  AWS_LAMBDA_FUNCTION_NAME: 'si-bapao-bench',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/**
 * Node's modules that Lambda's Node.js runtime has loaded before it imports the handler: its client of the
 * Runtime API holds an `http` Agent, streams responses over `net`, writes telemetry with `fs`, formats logs
 * with `util` (aws-lambda-nodejs-runtime-interface-client, `rapid-client.ts` and `logging/`). A cold start
 * on Lambda does not pay for these, so the child loads them before the timer.
 */
export const LOADED_BY_LAMBDA_RUNTIME = ['node:http', 'node:net', 'node:fs', 'node:util', 'node:path'] as const;

/**
 * Runs in the child: only the bundle's own cost falls inside the timer. Lambda's Node.js runtime is itself
 * an ES module that `import()`s the handler, so its module loader is up before the handler loads: the
 * child imports an empty module and the runtime's own Node modules first, and times the bundle's `import()`
 * after. No NODE_OPTIONS, as deployed (lib/si-bapao-function.ts).
 */
const CHILD = `
const { pathToFileURL } = require('node:url');
for (const name of ${JSON.stringify(LOADED_BY_LAMBDA_RUNTIME)}) require(name);
import('data:text/javascript,export default 0').then(() => {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  return import(pathToFileURL(process.argv[1]).href).then((loaded) => {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const used = process.cpuUsage(cpu);
    if (typeof loaded.handler !== 'function') throw new Error('no handler exported');
    setTimeout(() => {
      const sockets = process._getActiveHandles().filter((h) => h && h.constructor && h.constructor.name === 'Socket' && !h._isStdio && h.remoteAddress).length;
      process.stdout.write(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, sockets, rssMb: process.memoryUsage().rss / 2 ** 20 }));
    }, 50);
  });
});
`;

export async function benchBundles(options: { runs: number; entries?: readonly string[] }): Promise<BundleFigures[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'si-bapao-bench-bundles-'));
  try {
    const figures: BundleFigures[] = [];
    const built = (options.entries ?? ENTRIES).flatMap((entry) => {
      const source = join(LAMBDA_SOURCE_DIR, `${entry}.ts`);
      if (!existsSync(source)) return [];
      const dir = join(outDir, entry);
      // Files the function reads at run time (SiBapaoFunction's publicDir), beside index.mjs.
      const metafile = bundleEntry(source, dir, {
        target: 'node20',
        publicDir: `${entry}/public`,
        ...(entry === 'admin' ? { packageFiles: ADMIN_PUBLIC_PACKAGE_FILES } : {}),
      });
      return [{ entry, dir, metafile, runs: [] as number[], cpuRuns: [] as number[], rssRuns: [] as number[], sockets: 0 }];
    });
    // Round by round, every entry once a round: the machine's load at a moment falls on all of them alike,
    // so the ratio to the webhook is not decided by when each happened to run.
    for (let run = 0; run < options.runs; run += 1) {
      for (const bundle of built) {
        const child = spawnSync(process.execPath, ['-e', CHILD, join(bundle.dir, 'index.mjs')], {
          env: { PATH: process.env.PATH ?? '', ...DUMMY_ENV },
          cwd: bundle.dir,
          encoding: 'utf8',
          timeout: 30_000,
        });
        if (child.status !== 0) throw new Error(`cold init of ${bundle.entry} failed: ${child.stderr.slice(0, 2000)}`);
        const measured = JSON.parse(child.stdout) as { ms: number; cpuMs: number; sockets: number; rssMb: number };
        bundle.runs.push(measured.ms);
        bundle.cpuRuns.push(measured.cpuMs);
        bundle.sockets = Math.max(bundle.sockets, measured.sockets);
        bundle.rssRuns.push(measured.rssMb);
      }
    }
    for (const { entry, metafile, runs, cpuRuns, rssRuns, sockets } of built) {
      const atInit = staticOutputs(metafile, 'index.mjs');
      const outputs = Object.entries(metafile.outputs).filter(([file]) => file.endsWith('.mjs'));
      const loaded = outputs.filter(([file]) => atInit.has(file));
      const onDemand = outputs.filter(([file]) => !atInit.has(file));
      const inputsOf = (list: typeof outputs) => new Set(list.flatMap(([, output]) => Object.keys(output.inputs)));
      const initInputs = [...inputsOf(loaded)];
      const bytes = (list: typeof outputs) => list.reduce((sum, [, output]) => sum + output.bytes, 0);
      const mapBytes = Object.entries(metafile.outputs)
        .filter(([file]) => file.endsWith('.mjs.map') && atInit.has(file.slice(0, -4)))
        .reduce((sum, [, output]) => sum + output.bytes, 0);
      const onDemandPackages = packagesOf(onDemand).filter((lazy) => !packagesOf(loaded).some((eager) => eager.name === lazy.name));
      const figure: BundleFigures = {
        entry,
        kb: round(bytes(loaded) / 1024, 1),
        totalKb: round(bytes(outputs) / 1024, 1),
        onDemand: onDemandPackages.slice(0, 5),
        sourceMapKb: round(mapBytes / 1024, 1),
        coldInitMs: round(median(runs), 1),
        coldInitRuns: runs.map((ms) => round(ms, 1)),
        coldInitCpuMs: round(median(cpuRuns), 1),
        initRssMb: round(median(rssRuns), 1),
        socketsAtInit: sockets,
        largest: packagesOf(loaded).slice(0, 5),
        hasPdfLib: initInputs.some((input) => input.includes('node_modules/pdf-lib/')),
        hasS3Client: initInputs.some((input) => input.includes('node_modules/@aws-sdk/client-s3/')),
        hasAwsSdk: initInputs.some((input) => input.includes('node_modules/@aws-sdk/')),
      };
      progress(
        `bundle ${entry}: ${figure.kb} KB at init (${figure.totalKb} KB in all), cold init ${figure.coldInitMs} ms (${figure.coldInitRuns.join(', ')}; CPU ${figure.coldInitCpuMs} ms)`,
      );
      figures.push(figure);
    }
    return figures;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The output files an entry loads before its handler exists: itself and its static imports, transitively. */
function staticOutputs(metafile: Metafile, entryName: string): Set<string> {
  const entry = Object.keys(metafile.outputs).find((file) => file.endsWith(`/${entryName}`));
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  if (entry) visit(entry);
  return seen;
}

/** Bytes in the output per package (or per folder of ours). */
function packagesOf(outputs: [string, Metafile['outputs'][string]][]): { name: string; kb: number }[] {
  const sizes = new Map<string, number>();
  for (const [, output] of outputs) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const match = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
      const name = match?.[1] ?? path.split('/').slice(0, 2).join('/');
      sizes.set(name, (sizes.get(name) ?? 0) + input.bytesInOutput);
    }
  }
  return [...sizes].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => ({ name, kb: round(bytes / 1024, 1) }));
}
