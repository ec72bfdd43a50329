/**
 * One Lambda function with the project's shared defaults: Node 24 on ARM64, esbuild bundling (AWS SDK
 * included, minified, source maps, ES modules split into chunks), an explicit log group with a retention,
 * and a role of its own that may only write to that log group (no AWSLambdaBasicExecutionRole, no
 * wildcard log permissions). Entries are TypeScript files under `lambdas/` exporting `handler`.
 */
import { cpSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { AssetHashType, DockerImage, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { BuildOptions, Metafile } from 'esbuild';
import type { FunctionEnvironment } from '../lambdas/config';

export const LAMBDA_SOURCE_DIR = path.join(__dirname, '..', 'lambdas');
const PROJECT_ROOT = path.join(__dirname, '..');

/**
 * esbuild's settings for every function (`npm run bench` bundles with the same, through `bundleEntry`).
 * `module` before `main`: the ES builds of the AWS SDK tree-shake (bundles a quarter to a third smaller
 * than with their CommonJS builds). ES modules with code splitting: what an entry imports with `import()`
 * (pdf-lib and its fonts, the S3 client and presigner, the SQS client) becomes a chunk of its own, read
 * from disk only when a path first needs it (README "Performance": this measured better than one CommonJS
 * file, where esbuild inlines dynamic imports and the whole file is parsed at cold start).
 */
export const BUNDLING = {
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  target: 'node24',
  format: 'esm',
  splitting: true,
  mainFields: ['module', 'main'],
  externalModules: [] as string[],
} as const;

/** npm files the admin pages serve (the verify page decodes camera frames with jsQR in the browser). */
export const ADMIN_PUBLIC_PACKAGE_FILES: Readonly<Record<string, string>> = { 'jsqr.js': 'jsqr/dist/jsQR.js' };

/**
 * What an ES module bundle needs of CommonJS: bundled CommonJS packages call `require` for Node's own
 * modules, and the admin and upload pages read their `public/` files beside the bundle (`__dirname`).
 */
const ESM_BANNER = [
  "import { createRequire as __siCreateRequire } from 'node:module';",
  "import { fileURLToPath as __siFileUrlToPath } from 'node:url';",
  "import { dirname as __siDirname } from 'node:path';",
  'const require = __siCreateRequire(import.meta.url);',
  'const __filename = __siFileUrlToPath(import.meta.url);',
  'const __dirname = __siDirname(__filename);',
].join(' ');

/** Bundles one entry into `outDir` as `index.mjs` and its chunks (`*.mjs`), with `public/` copied beside when given. */
export function bundleEntry(
  entryFile: string,
  outDir: string,
  options: { target?: string; publicDir?: string; packageFiles?: Readonly<Record<string, string>> } = {},
): Metafile {
  // Loaded here, not at the top: only synth with bundling and the benchmark need esbuild.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const buildOptions: BuildOptions = {
    entryPoints: { index: entryFile },
    bundle: true,
    platform: 'node',
    target: options.target ?? BUNDLING.target,
    format: BUNDLING.format,
    splitting: BUNDLING.splitting,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    minify: BUNDLING.minify,
    sourcemap: BUNDLING.sourceMap,
    sourcesContent: BUNDLING.sourcesContent,
    mainFields: [...BUNDLING.mainFields],
    external: [...BUNDLING.externalModules],
    banner: { js: ESM_BANNER },
    outdir: outDir,
    metafile: true,
    logLevel: 'error',
  };
  const result = esbuild.buildSync(buildOptions);
  if (options.publicDir) {
    const source = path.join(LAMBDA_SOURCE_DIR, options.publicDir);
    if (existsSync(source)) cpSync(source, path.join(outDir, 'public'), { recursive: true });
    for (const [name, file] of Object.entries(options.packageFiles ?? {})) cpSync(require.resolve(file), path.join(outDir, 'public', name));
  }
  return result.metafile ?? { inputs: {}, outputs: {} };
}

export interface SiBapaoFunctionProps {
  /** Entry file, relative to `lambdas/` (e.g. `webhook.ts`). */
  readonly entry: string;
  readonly description?: string;
  /** Only names the functions' configuration declares (lambdas/config.ts), so stack and code agree. */
  readonly environment?: FunctionEnvironment;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default 10 seconds */
  readonly timeout?: Duration;
  /** Concurrency kept for this function and never exceeded (a public URL cannot starve the others). @default none */
  readonly reservedConcurrency?: number;
  /** Active X-Ray tracing. @default false */
  readonly tracing?: boolean;
  /**
   * A folder, relative to `lambdas/`, copied beside the bundle's `index.mjs` as `public/` (files the
   * function reads at run time, e.g. the upload page's script and style).
   */
  readonly publicDir?: string;
  /** Files of npm packages served beside `publicDir`'s: name in `public/` → path under `node_modules/`. */
  readonly publicPackageFiles?: Readonly<Record<string, string>>;
}

export class SiBapaoFunction extends Construct implements iam.IGrantable {
  readonly function: LambdaFunction;
  readonly logGroup: LogGroup;
  readonly role: iam.Role;
  readonly grantPrincipal: iam.IPrincipal;
  readonly timeout: Duration;

  constructor(scope: Construct, id: string, props: SiBapaoFunctionProps) {
    super(scope, id);
    this.timeout = props.timeout ?? Duration.seconds(10);

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${id}`,
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
    this.grantPrincipal = this.role;

    const entryFile = path.join(LAMBDA_SOURCE_DIR, props.entry);
    this.function = new LambdaFunction(this, 'Function', {
      // Bundled on this machine with esbuild's API (NodejsFunction writes one `--outfile`, which code
      // splitting cannot use); the hash is the output's, as NodejsFunction's. No Docker fallback.
      code: Code.fromAsset(PROJECT_ROOT, {
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          image: DockerImage.fromRegistry('dummy'),
          // Never run (the local bundling always succeeds), but part of CDK's asset cache key: without the
          // entry in it, every function with the same source folder would get the first one's bundle.
          command: ['bundle', props.entry, props.publicDir ?? '', ...Object.keys(props.publicPackageFiles ?? {})],
          local: {
            tryBundle: (outputDir) => {
              bundleEntry(entryFile, outputDir, {
                ...(props.publicDir ? { publicDir: props.publicDir } : {}),
                ...(props.publicPackageFiles ? { packageFiles: props.publicPackageFiles } : {}),
              });
              return true;
            },
          },
        },
      }),
      handler: 'index.handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: this.timeout,
      role: this.role,
      logGroup: this.logGroup,
      ...(props.tracing ? { tracing: Tracing.ACTIVE } : {}),
      ...(props.reservedConcurrency !== undefined ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
      ...(props.description ? { description: props.description } : {}),
      // No NODE_OPTIONS=--enable-source-maps: Node would then read and parse every chunk's source map at
      // every cold start (6 ms on the webhook, 21-23 ms on the admin and conversation functions, README
      // "Performance"). The maps are deployed beside the code: set the variable on a function for an
      // investigation, and its stack traces name our files and lines.
      environment: { ...props.environment },
    });
  }
}
