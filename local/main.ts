/** `npm start`: the whole service on this machine. Ctrl-C stops everything, the Java child included. */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { DYNAMODB_LOOPBACK_MISSING_MESSAGE, JAVA_MISSING_MESSAGE, javaAvailable } from './dynamodb-local';
import { startLocalServer } from './server';

async function main(): Promise<void> {
  if (!process.env.DYNAMODB_ENDPOINT && !javaAvailable()) {
    console.error(JAVA_MISSING_MESSAGE);
    process.exit(1);
  }
  const started = Date.now();
  const server = await startLocalServer(process.env);
  const dataDir = resolve(server.config.DATA_DIR);
  console.log(`Si Bapao is running at ${server.url} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (server.localToolsEnabled) console.log(`  WhatsApp simulator  ${server.url}/sim`);
  else console.log(`  WhatsApp simulator and /_local/jobs are off: HOST=${server.config.HOST} is reachable from other machines`);
  console.log(`  webhook             ${server.url}/webhook`);
  console.log(`  health              ${server.url}/healthz`);
  console.log(`  data                ${dataDir}`);
  const passwordFile = join(dataDir, 'admin-password');
  if (existsSync(passwordFile)) console.log(`  first officer's password is in ${passwordFile}`);
  if (!server.dynamoLoopbackOnly) console.warn(DYNAMODB_LOOPBACK_MISSING_MESSAGE);
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    const force = setTimeout(() => process.exit(1), 10_000);
    server.stop().then(
      () => {
        clearTimeout(force);
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`Si Bapao could not start: ${(error as Error).message}`);
  process.exit(1);
});
