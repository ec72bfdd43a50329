/** The log scanner of the integration tier finds what it looks for (so a clean run means something). */
import { findLeaks, registerLogSecret } from '../support/log-scan';

it.each([
  ['full NIK', '{"message":"registration created","nik":"3201231508900001"}'],
  ['document link', '{"url":"http://127.0.0.1:1/_s3/si-bapao/documents/d/ktp/p.png?X-Amz-Signature=abc"}'],
  ['upload link token', '{"link":"http://127.0.0.1:3000/upload/eyJkIjoiZHJhZnQtMSIsInMiOjF9.abcdefghijk"}'],
  ['session token', 'cookie sibapao_session=v1.abc.def'],
  ['bearer token', 'authorization: Bearer sim-access-token'],
])('finds a %s', (kind, line) => {
  expect(findLeaks(line)).toContain(kind);
});

it('finds a registered secret, and passes what the service is meant to log', () => {
  registerLogSecret('a-very-secret-app-secret');
  expect(findLeaks('{"error":"bad a-very-secret-app-secret"}')).toEqual(['secret']);
  expect(
    findLeaks(
      '{"level":"INFO","message":"registration created","queueNumber":"KRC-001","nik":"************0001","timestamp":"2026-01-05T03:00:00.000Z","outboxId":"wamid.LOCALabc#0","messageId":"wamid.SIM00000001abcdef"}',
    ),
  ).toEqual([]);
});
