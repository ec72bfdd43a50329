/**
 * Officer accounts from the command line (the admin page does the same for `admin` officers):
 *
 *   npm run officers -- add <username> <petugas|admin>    password from OFFICER_PASSWORD, or asked without echo
 *   npm run officers -- disable <username>                 their sessions end at their next request
 *   npm run officers -- list
 *
 * TABLE_NAME names the table; DYNAMODB_ENDPOINT points at a local DynamoDB (e.g. the one `npm start`
 * runs), otherwise the AWS credentials and region of the environment are used.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { userInfo } from 'node:os';
import { addOfficer, disableOfficer, listOfficers } from '../lambdas/admin/auth';
import { documentClient } from '../lambdas/adapters/dynamodb-client';
import { DynamoDbOfficerStore } from '../lambdas/adapters/dynamodb-officer-store';

const USAGE = `usage:
  npm run officers -- add <username> <petugas|admin>   (password: OFFICER_PASSWORD, or typed without echo)
  npm run officers -- disable <username>
  npm run officers -- list
environment: TABLE_NAME (required), DYNAMODB_ENDPOINT (a local DynamoDB; else AWS)`;

const PROBLEMS: Record<string, string> = {
  'invalid-username': 'usernames are 3–32 of a-z 0-9 . _ -',
  'password-too-short': 'passwords have at least 10 characters',
  'password-too-long': 'passwords have at most 200 characters',
  'invalid-role': 'the role is petugas or admin',
};

async function main(argv: readonly string[]): Promise<number> {
  const [command, username, role] = argv;
  const tableName = process.env.TABLE_NAME;
  if (!tableName || !command) {
    console.error(USAGE);
    return 2;
  }
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  const client = documentClient(
    endpoint ? { endpoint, region: process.env.AWS_REGION ?? 'ap-southeast-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {},
  );
  const deps = { officers: new DynamoDbOfficerStore(client, tableName), clock: { now: () => new Date() } };
  const actor = `cli:${userInfo().username}`;
  try {
    switch (command) {
      case 'add': {
        if (!username || !role) break;
        const password = process.env.OFFICER_PASSWORD ?? (await askPassword(`Password for ${username}: `));
        const result = await addOfficer(deps, { username, password, role }, actor);
        if (result.kind === 'exists') {
          console.error(`${username} already exists`);
          return 1;
        }
        if (result.kind === 'invalid') {
          console.error(`not added: ${PROBLEMS[result.problem] ?? result.problem}`);
          return 1;
        }
        console.log(`added ${username} (${result.officer.role})`);
        return 0;
      }
      case 'disable': {
        if (!username) break;
        const result = await disableOfficer(deps, username, actor);
        if (result !== 'disabled') {
          console.error(`${username}: no such officer`);
          return 1;
        }
        console.log(`disabled ${username}; their sessions have ended`);
        return 0;
      }
      case 'list': {
        const officers = await listOfficers(deps);
        if (officers.length === 0) console.log('no officers yet');
        for (const officer of officers) {
          const state = officer.disabled ? 'disabled' : officer.guessing ? `active, ${officer.guessing.failures} failed logins in 2 hours` : 'active';
          console.log([officer.username.padEnd(32), officer.role.padEnd(8), state.padEnd(12), `last login ${officer.lastLoginAt ?? 'never'}`].join('  '));
        }
        return 0;
      }
    }
    console.error(USAGE);
    return 2;
  } finally {
    client.destroy();
  }
}

/** Reads a password from the terminal without showing it (twice, to catch typos). */
async function askPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('no terminal to ask for the password: set OFFICER_PASSWORD');
  const first = await readHidden(prompt);
  const second = await readHidden('Again: ');
  if (first !== second) throw new Error('the two passwords differ');
  return first;
}

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    let value = '';
    process.stdout.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stdout.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') return done();
        if (character === '\u0003') return done(new Error('cancelled'));
        if (character === '\u007f' || character === '\b') value = value.slice(0, -1);
        else value += character;
      }
    };
    stdin.on('data', onData);
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`officers: ${(error as Error).message}`);
    process.exit(1);
  },
);
