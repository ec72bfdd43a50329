/**
 * Offices of the registry from the command line, with the same checks as the admin page:
 *
 *   npm run office -- add --file office.json      one office (a JSON object) or several (an array)
 *   npm run office -- update --file office.json   replaces each office of the file by its id
 *   npm run office -- disable <id>                its number is ignored from then on; its data stays
 *   npm run office -- list
 *
 * TABLE_NAME names the table; DYNAMODB_ENDPOINT points at a local DynamoDB (e.g. the one `npm start`
 * runs), otherwise the AWS credentials and region of the environment are used. The default office is the
 * seed (config/office.json and the environment, DEFAULT_OFFICE_ID): its id, number and prefix are taken.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { readFileSync } from 'node:fs';
import { documentClient } from '../lambdas/adapters/dynamodb-client';
import { DynamoDbOfficeStore } from '../lambdas/adapters/dynamodb-office-store';
import { officeDirectory, saveOffice, seedOffice } from '../lambdas/config';
import { SIMULATOR_DEFAULTS } from '../local/config';

const USAGE = `usage:
  npm run office -- add --file office.json      (an office, or an array of offices)
  npm run office -- update --file office.json
  npm run office -- disable <id>
  npm run office -- list
environment: TABLE_NAME (required), DYNAMODB_ENDPOINT (a local DynamoDB; else AWS), DEFAULT_OFFICE_ID, WHATSAPP_PHONE_NUMBER_ID`;

export async function officeCommand(argv: readonly string[], env: NodeJS.ProcessEnv, out: Pick<Console, 'log' | 'error'> = console): Promise<number> {
  const [command, ...rest] = argv;
  const tableName = env.TABLE_NAME;
  if (!tableName || !command) {
    out.error(USAGE);
    return 2;
  }
  const endpoint = env.DYNAMODB_ENDPOINT;
  const client = documentClient(
    endpoint ? { endpoint, region: env.AWS_REGION ?? 'ap-southeast-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {},
  );
  const registry = new DynamoDbOfficeStore(client, tableName);
  // Locally the default office's number is the simulator's unless the environment names another.
  const seed = seedOffice({ ...env, WHATSAPP_PHONE_NUMBER_ID: env.WHATSAPP_PHONE_NUMBER_ID ?? (endpoint ? SIMULATOR_DEFAULTS.phoneNumberId : undefined) });
  const directory = officeDirectory({ seed, registry, ttlMs: 0 });
  try {
    switch (command) {
      case 'add':
      case 'update': {
        const file = rest[0] === '--file' ? rest[1] : undefined;
        if (!file) break;
        const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
        let failed = 0;
        for (const body of Array.isArray(parsed) ? parsed : [parsed]) {
          const result = await saveOffice(command, body, { registry, directory });
          const id = String((body as { id?: unknown }).id ?? '?');
          if (result.kind === 'saved') out.log(`${command === 'add' ? 'added' : 'updated'} ${id}`);
          else {
            failed += 1;
            out.error(
              `${id}: not saved: ${result.kind === 'invalid' ? result.problems.join('; ') : result.kind === 'duplicate' ? `${result.field} is already another office's` : 'no such office'}`,
            );
          }
        }
        return failed === 0 ? 0 : 1;
      }
      case 'disable': {
        const id = rest[0];
        if (!id) break;
        const body = await registry.get(id);
        if (!body) {
          out.error(`${id}: no such office in the registry`);
          return 1;
        }
        const result = await saveOffice('update', { ...body, disabled: true }, { registry, directory });
        if (result.kind !== 'saved') {
          out.error(`${id}: not disabled (${result.kind})`);
          return 1;
        }
        out.log(`disabled ${id}: messages to its number are ignored from now on`);
        return 0;
      }
      case 'list': {
        for (const office of await directory.all()) {
          const state = office.id === seed.id ? 'default' : office.disabled ? 'disabled' : 'active';
          out.log(
            [
              office.id.padEnd(20),
              office.queuePrefix.padEnd(6),
              office.timezone.padEnd(13),
              office.phoneNumberId.padEnd(16),
              state.padEnd(8),
              office.officeName,
            ].join('  '),
          );
        }
        return 0;
      }
    }
    out.error(USAGE);
    return 2;
  } finally {
    client.destroy();
  }
}

if (require.main === module) {
  officeCommand(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    },
  );
}
