/**
 * The local run leaks nothing to the network (issue 15, findings 6 and 7): DynamoDB Local answers only on
 * loopback, and the WhatsApp simulator and the job routes (no login) exist only while the server itself
 * listens on loopback. Another machine is this machine's own non-loopback address.
 */
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { tallyFor } from '../support/tally';
import { startTestServer } from '../support/test-server';

const tally = tallyFor(__filename);

/** `connected` or the socket error's code (ECONNREFUSED when nothing listens there). */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 3000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

function networkAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((address) => address && !address.internal && address.family === 'IPv4')?.address;
}

it('runs DynamoDB Local reachable from this machine only', async () => {
  const port = Number(new URL(process.env.DYNAMODB_ENDPOINT ?? '').port);
  const outside = networkAddress();
  expect(outside).toBeDefined();
  const fromLoopback = await tryConnect('127.0.0.1', port);
  const fromNetwork = await tryConnect(outside ?? '', port);
  tally.check(
    'admin security',
    'DynamoDB Local refuses connections from the network, answers on loopback',
    fromLoopback === 'connected' && fromNetwork !== 'connected',
  );
  expect(fromLoopback).toBe('connected');
  expect(fromNetwork).toBe('ECONNREFUSED');
});

it('serves the simulator and the job routes on loopback only: on another address they do not exist', async () => {
  const exposed = await startTestServer({ HOST: '0.0.0.0' });
  const loopback = await startTestServer();
  try {
    const base = `http://127.0.0.1:${exposed.port}`;
    const answers = {
      sim: (await fetch(`${base}/sim`)).status,
      simApi: (
        await fetch(`${base}/sim/api/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"waId":"6281200000001","text":"halo"}' })
      ).status,
      messages: (await fetch(`${base}/sim/api/messages?waId=6281200000001`)).status,
      reminders: (await fetch(`${base}/_local/jobs/reminders?date=2026-12-01`, { method: 'POST' })).status,
      purge: (await fetch(`${base}/_local/jobs/purge`, { method: 'POST' })).status,
    };
    for (const status of Object.values(answers))
      tally.check('admin security', 'simulator and job routes off when the server listens beyond loopback (404)', status === 404);
    expect(answers).toEqual({ sim: 404, simApi: 404, messages: 404, reminders: 404, purge: 404 });
    expect(exposed.localToolsEnabled).toBe(false);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/admin/`)).status).toBe(200);

    expect(loopback.localToolsEnabled).toBe(true);
    expect((await fetch(`${loopback.url}/sim`)).status).toBe(200);
    expect((await fetch(`${loopback.url}/_local/jobs/reminders?date=2026-12-01`, { method: 'POST' })).status).toBe(200);
  } finally {
    await Promise.all([exposed.cleanUp(), loopback.cleanUp()]);
  }
});
