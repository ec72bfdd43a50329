/** What must never be in a log line (docs/behaviour.md "Data protection"): full NIKs, secrets, tokens, document links. */
const secrets = new Set<string>();

/** A value that must never be logged (app secret, tokens, keys, passwords of the servers under test). */
export function registerLogSecret(value: string | undefined): void {
  if (value && value.length >= 8) secrets.add(value);
}

const PATTERNS: ReadonlyArray<readonly [string, RegExp]> = [
  ['full NIK', /(?<![\d.])\d{16}(?![\d.])/],
  ['document link', /X-Amz-(Signature|Credential)|\/_s3\/|\/documents\/[^\s"]+\/[^\s"]+\.(pdf|png|jpe?g)/i],
  ['upload link token', /\/upload\/[A-Za-z0-9_-]{20,}/],
  ['session token', /sibapao_session=v1\.|\bv1\.[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}/],
  ['bearer token', /Bearer\s+\S{8,}/i],
];

export function findLeaks(line: string): string[] {
  const found = PATTERNS.filter(([, pattern]) => pattern.test(line)).map(([name]) => name);
  for (const secret of secrets) if (line.includes(secret)) found.push('secret');
  return found;
}
