/**
 * `npm run doctor` against the local server and its fake Graph API: each check says OK or what to do,
 * and turns OK once the operator did it (templates registered and approved, a reminder run recorded).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { formatLines, localTarget, runDoctor, type DoctorLine } from '../../scripts/doctor';
import { registerTemplates } from '../../scripts/register-templates';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let env: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer({ WHATSAPP_WABA_ID: 'local' });
  env = {
    WHATSAPP_PHONE_NUMBER_ID: server.config.WHATSAPP_PHONE_NUMBER_ID,
    WHATSAPP_ACCESS_TOKEN: server.secrets.WHATSAPP_ACCESS_TOKEN,
    WHATSAPP_APP_SECRET: server.secrets.WHATSAPP_APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: server.secrets.WHATSAPP_VERIFY_TOKEN,
    WHATSAPP_WABA_ID: 'local',
  };
});
afterAll(() => server.cleanUp());

function verdicts(lines: readonly DoctorLine[]): Record<string, string> {
  return Object.fromEntries(lines.map((line) => [line.check, line.verdict]));
}

it('says what to do on a fresh start, then OK once templates are approved and the reminder has run', async () => {
  const fresh = await runDoctor(localTarget(server.url, env));
  expect(verdicts(fresh)).toEqual({
    'deploy configuration': 'OK',
    secret: 'OK',
    'webhook handshake': 'OK',
    'phone number': 'OK',
    'message templates': 'FIX',
    'reminder heartbeat': 'WARN',
  });
  expect(fresh.find((line) => line.check === 'message templates')?.detail).toMatch(/not registered: .*npm run templates:register/);
  expect(fresh.find((line) => line.check === 'reminder heartbeat')?.detail).toContain('/_local/jobs/reminders');

  const registered = await registerTemplates({
    apiUrl: `${server.url}/_graph/v25.0`,
    wabaId: 'local',
    accessToken: env.WHATSAPP_ACCESS_TOKEN,
    dryRun: false,
    out: () => undefined,
    err: () => undefined,
  });
  expect(registered.exitCode).toBe(0);
  const pending = await runDoctor(localTarget(server.url, env));
  expect(pending.find((line) => line.check === 'message templates')).toMatchObject({
    verdict: 'FIX',
    detail: expect.stringMatching(/not approved: .*\(PENDING\)/),
  });

  server.fakeGraph.reviewTemplates('APPROVED', 'local');
  expect((await fetch(`${server.url}/_local/jobs/reminders`, { method: 'POST' })).status).toBe(200);
  const healthy = await runDoctor(localTarget(server.url, env));
  expect(healthy.filter((line) => line.verdict !== 'OK')).toEqual([]);
  expect(formatLines(healthy).split('\n')).toHaveLength(6);
});

it('with REGISTRATION_FORM=flow, says to publish the registration Flow until it is published', async () => {
  // A server of its own: the other tests publish the Flow on theirs when they register the templates.
  const flowServer = await startTestServer({ WHATSAPP_WABA_ID: 'doctor-flow' });
  try {
    const flowEnv = {
      WHATSAPP_PHONE_NUMBER_ID: flowServer.config.WHATSAPP_PHONE_NUMBER_ID,
      WHATSAPP_ACCESS_TOKEN: flowServer.secrets.WHATSAPP_ACCESS_TOKEN,
      WHATSAPP_APP_SECRET: flowServer.secrets.WHATSAPP_APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: flowServer.secrets.WHATSAPP_VERIFY_TOKEN,
      WHATSAPP_WABA_ID: 'doctor-flow',
    };
    const flowLine = async (extra: Record<string, string>) =>
      (await runDoctor(localTarget(flowServer.url, { ...flowEnv, ...extra }))).find((line) => line.check === 'registration Flow');
    expect(await flowLine({})).toBeUndefined();
    expect(await flowLine({ REGISTRATION_FORM: 'flow' })).toMatchObject({
      verdict: 'FIX',
      detail: expect.stringMatching(/si_bapao_pendaftaran does not exist.*npm run templates:register/),
    });
    const registered = await registerTemplates({
      apiUrl: `${flowServer.url}/_graph/v25.0`,
      wabaId: 'doctor-flow',
      accessToken: flowEnv.WHATSAPP_ACCESS_TOKEN,
      dryRun: false,
      templates: [],
      out: () => undefined,
      err: () => undefined,
    });
    expect(registered.exitCode).toBe(0);
    expect(await flowLine({ REGISTRATION_FORM: 'flow' })).toEqual({ check: 'registration Flow', verdict: 'OK', detail: 'si_bapao_pendaftaran is published' });
  } finally {
    await flowServer.cleanUp();
  }
});

it("refuses a verify token that is not the deployment's, and a placeholder in the secret", async () => {
  const lines = await runDoctor(localTarget(server.url, { ...env, WHATSAPP_VERIFY_TOKEN: 'typed-wrong-in-meta', WHATSAPP_APP_SECRET: 'REPLACE_ME' }));
  expect(lines.find((line) => line.check === 'secret')).toMatchObject({
    verdict: 'FIX',
    detail: expect.stringContaining('WHATSAPP_APP_SECRET still unset or REPLACE_ME'),
  });
  expect(lines.find((line) => line.check === 'webhook handshake')).toMatchObject({ verdict: 'FIX', detail: expect.stringContaining('answered 403') });
});

it('runs as `npm run doctor -- --local <url>`: one line per check, exit 0 when nothing needs fixing', async () => {
  // Asynchronously: the server answering the child runs in this very process.
  const result = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(__dirname, '..', '..', 'scripts', 'doctor.ts'), '--local', server.url], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  expect(result.stderr).toBe('');
  expect(result.stdout).toContain(`Checking the local server at ${server.url} (read-only)`);
  expect(
    result.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(/ +/)[0]),
  ).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'OK']);
});
