/**
 * Every Lambda entry bundled as CDK bundles it (lib/si-bapao-function.ts `BUNDLING`, esbuild's JS API,
 * target node20 to run on this machine instead of node24), then cold init: a fresh `node` that requires
 * the bundle and so builds its handler, timed inside the child around the `require`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { ADMIN_PUBLIC_PACKAGE_FILES, BUNDLING, LAMBDA_SOURCE_DIR } from '../lib/si-bapao-function';
import { median, progress, round } from './stats';

export const ENTRIES = ['webhook', 'conversation', 'upload', 'admin', 'reminder'] as const;

export interface BundleFigures {
  readonly entry: string;
  readonly kb: number;
  readonly sourceMapKb: number;
  readonly coldInitMs: number;
  readonly coldInitRuns: number[];
  /** Sockets open right after the require: network I/O at import, which must be none. */
  readonly socketsAtInit: number;
  /** The biggest packages in the bundle, KB. */
  readonly largest: { name: string; kb: number }[];
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

/** Runs in the child: only the bundle's own cost falls inside the timer. */
const CHILD = `
const start = process.hrtime.bigint();
const loaded = require(process.argv[1]);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
if (typeof loaded.handler !== 'function') throw new Error('no handler exported');
setTimeout(() => {
  const sockets = process._getActiveHandles().filter((h) => h && h.constructor && h.constructor.name === 'Socket' && !h._isStdio && h.remoteAddress).length;
  process.stdout.write(JSON.stringify({ ms, sockets }));
}, 50);
`;

export async function benchBundles(options: { runs: number }): Promise<BundleFigures[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'si-bapao-bench-bundles-'));
  try {
    const figures: BundleFigures[] = [];
    for (const entry of ENTRIES) {
      const source = join(LAMBDA_SOURCE_DIR, `${entry}.ts`);
      if (!existsSync(source)) continue;
      const dir = join(outDir, entry);
      const result = await build({
        entryPoints: [source],
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: BUNDLING.format,
        minify: BUNDLING.minify,
        sourcemap: BUNDLING.sourceMap,
        sourcesContent: BUNDLING.sourcesContent,
        mainFields: [...BUNDLING.mainFields],
        external: [...BUNDLING.externalModules],
        outfile: join(dir, 'index.js'),
        metafile: true,
        logLevel: 'error',
      });
      // Files the function reads at run time (SiBapaoFunction's publicDir), beside index.js.
      const publicDir = join(LAMBDA_SOURCE_DIR, entry, 'public');
      if (existsSync(publicDir)) cpSync(publicDir, join(dir, 'public'), { recursive: true });
      if (entry === 'admin') {
        for (const [name, file] of Object.entries(ADMIN_PUBLIC_PACKAGE_FILES)) cpSync(require.resolve(file), join(dir, 'public', name));
      }

      const runs: number[] = [];
      let sockets = 0;
      for (let run = 0; run < options.runs; run += 1) {
        const child = spawnSync(process.execPath, ['-e', CHILD, join(dir, 'index.js')], {
          env: { PATH: process.env.PATH ?? '', ...DUMMY_ENV },
          cwd: dir,
          encoding: 'utf8',
          timeout: 30_000,
        });
        if (child.status !== 0) throw new Error(`cold init of ${entry} failed: ${child.stderr.slice(0, 2000)}`);
        const measured = JSON.parse(child.stdout) as { ms: number; sockets: number };
        runs.push(measured.ms);
        sockets = Math.max(sockets, measured.sockets);
      }
      const packages = packagesOf(result.metafile);
      const inputs = Object.keys(result.metafile.inputs);
      const figure: BundleFigures = {
        entry,
        kb: round(statSync(join(dir, 'index.js')).size / 1024, 1),
        sourceMapKb: round(statSync(join(dir, 'index.js.map')).size / 1024, 1),
        coldInitMs: round(median(runs), 1),
        coldInitRuns: runs.map((ms) => round(ms, 1)),
        socketsAtInit: sockets,
        largest: packages.slice(0, 5),
        hasPdfLib: inputs.some((input) => input.includes('node_modules/pdf-lib/')),
        hasS3Client: inputs.some((input) => input.includes('node_modules/@aws-sdk/client-s3/')),
        hasAwsSdk: inputs.some((input) => input.includes('node_modules/@aws-sdk/')),
      };
      progress(`bundle ${entry}: ${figure.kb} KB, cold init ${figure.coldInitMs} ms (${figure.coldInitRuns.join(', ')})`);
      figures.push(figure);
    }
    return figures;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Bytes in the output per package (or per folder of ours). */
function packagesOf(metafile: Metafile): { name: string; kb: number }[] {
  const sizes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const match = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
      const name = match?.[1] ?? path.split('/').slice(0, 2).join('/');
      sizes.set(name, (sizes.get(name) ?? 0) + input.bytesInOutput);
    }
  }
  return [...sizes]
    .sort((a, b) => b[1] - a[1])
    .map(([name, bytes]) => ({ name, kb: round(bytes / 1024, 1) }));
}
