/**
 * One Lambda function with the project's shared defaults: Node 24 on ARM64, esbuild bundling (AWS SDK
 * included, minified, source maps), an explicit log group with a retention, and a role of its own that
 * may only write to that log group (no AWSLambdaBasicExecutionRole, no wildcard log permissions).
 * Entries are TypeScript files under `lambdas/` exporting `handler`.
 */
import * as path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type ICommandHooks, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export const LAMBDA_SOURCE_DIR = path.join(__dirname, '..', 'lambdas');

/**
 * esbuild's settings for every function (`npm run bench` bundles with the same). `module` before `main`:
 * the ES builds of the AWS SDK tree-shake: bundles a quarter to a third smaller than with their CommonJS builds.
 */
export const BUNDLING = {
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  target: 'node24',
  format: OutputFormat.CJS,
  mainFields: ['module', 'main'],
  externalModules: [] as string[],
} as const;

/** npm files the admin pages serve (the verify page decodes camera frames with jsQR in the browser). */
export const ADMIN_PUBLIC_PACKAGE_FILES: Readonly<Record<string, string>> = { 'jsqr.js': 'jsqr/dist/jsQR.js' };

export interface SiBapaoFunctionProps {
  /** Entry file, relative to `lambdas/` (e.g. `webhook.ts`). */
  readonly entry: string;
  readonly description?: string;
  readonly environment?: Record<string, string>;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default 10 seconds */
  readonly timeout?: Duration;
  /** Concurrency kept for this function and never exceeded (a public URL cannot starve the others). @default none */
  readonly reservedConcurrency?: number;
  /** Active X-Ray tracing. @default false */
  readonly tracing?: boolean;
  /**
   * A folder, relative to `lambdas/`, copied beside the bundle's `index.js` as `public/` (files the
   * function reads at run time, e.g. the upload page's script and style).
   */
  readonly publicDir?: string;
  /** Files of npm packages served beside `publicDir`'s: name in `public/` → path under `node_modules/`. */
  readonly publicPackageFiles?: Readonly<Record<string, string>>;
}

export class SiBapaoFunction extends Construct implements iam.IGrantable {
  readonly function: NodejsFunction;
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

    this.function = new NodejsFunction(this, 'Function', {
      entry: path.join(LAMBDA_SOURCE_DIR, props.entry),
      handler: 'handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: this.timeout,
      role: this.role,
      logGroup: this.logGroup,
      ...(props.tracing ? { tracing: Tracing.ACTIVE } : {}),
      ...(props.reservedConcurrency !== undefined ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
      ...(props.description ? { description: props.description } : {}),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        ...BUNDLING,
        mainFields: [...BUNDLING.mainFields],
        externalModules: [...BUNDLING.externalModules],
        ...(props.publicDir ? { commandHooks: copyPublicDir(props.publicDir, props.publicPackageFiles ?? {}) } : {}),
      },
    });
  }
}

/** Copies `lambdas/<publicDir>` to `<bundle>/public` once esbuild is done, and the package files into it. */
export function copyPublicDir(publicDir: string, packageFiles: Readonly<Record<string, string>>): ICommandHooks {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir, outputDir) => {
      // inputDir is the project root (the folder of package-lock.json), which holds `lambdas/`.
      const source = path.join(inputDir, path.basename(LAMBDA_SOURCE_DIR), publicDir);
      return [
        `cp -R "${source}" "${path.join(outputDir, 'public')}"`,
        ...Object.entries(packageFiles).map(([name, file]) => `cp "${path.join(inputDir, 'node_modules', file)}" "${path.join(outputDir, 'public', name)}"`),
      ];
    },
  };
}
