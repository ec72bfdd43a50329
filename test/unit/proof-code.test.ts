import { signProofCode, verifyProofCode } from '../../lambdas/domain/proof-code';

const KEY = { keyId: 'k2025', key: 'proof-secret-2025' };
const KEYS = new Map([
  ['k2025', 'proof-secret-2025'],
  ['k2024', 'proof-secret-2024'],
]);
const FACTS = { queueNumber: 'KRC-002', appointmentDate: '2025-12-31' };

/** Replaces one dot-separated part of a code. */
function withPart(code: string, index: number, value: string): string {
  const parts = code.split('.');
  parts[index] = value;
  return parts.join('.');
}

describe('proof code', () => {
  it('has the documented shape: version, key id, queue number, compact date, 22-character signature', () => {
    expect(signProofCode(FACTS, KEY)).toMatch(/^SIBAPAO1\.k2025\.KRC-002\.20251231\.[A-Za-z0-9_-]{22}$/);
  });

  it('is deterministic and depends on the key', () => {
    expect(signProofCode(FACTS, KEY)).toBe(signProofCode(FACTS, KEY));
    expect(signProofCode(FACTS, KEY)).not.toBe(signProofCode(FACTS, { keyId: 'k2025', key: 'another-secret' }));
  });

  it('verifies a signed code and returns its queue number and date', () => {
    expect(verifyProofCode(signProofCode(FACTS, KEY), KEYS)).toEqual({
      valid: true,
      queueNumber: 'KRC-002',
      appointmentDate: '2025-12-31',
      keyId: 'k2025',
    });
  });

  it('verifies codes of an older key that is still listed', () => {
    const old = signProofCode({ queueNumber: 'KRC-1234', appointmentDate: '2024-02-29' }, { keyId: 'k2024', key: 'proof-secret-2024' });
    expect(verifyProofCode(old, KEYS)).toMatchObject({ valid: true, queueNumber: 'KRC-1234', appointmentDate: '2024-02-29' });
  });

  it('accepts a key given as bytes', () => {
    const key = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
    const code = signProofCode(FACTS, { keyId: 'bin', key });
    expect(verifyProofCode(code, new Map([['bin', key]]))).toMatchObject({ valid: true });
  });

  it.each([
    ['queue number', 2, 'KRC-003'],
    ['date', 3, '20260107'],
  ])('reports an edited %s as a bad signature', (_field, index, value) => {
    const code = signProofCode(FACTS, KEY);
    expect(verifyProofCode(withPart(code, index, value), KEYS)).toEqual({ valid: false, reason: 'signature' });
  });

  it('reports an edited signature as a bad signature', () => {
    const code = signProofCode(FACTS, KEY);
    const signature = code.split('.')[4] ?? '';
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expect(verifyProofCode(withPart(code, 4, flipped), KEYS)).toEqual({ valid: false, reason: 'signature' });
  });

  it('reports a code signed with another key under the same key id as a bad signature', () => {
    const forged = signProofCode(FACTS, { keyId: 'k2025', key: 'guessed-secret' });
    expect(verifyProofCode(forged, KEYS)).toEqual({ valid: false, reason: 'signature' });
  });

  it('reports a key id it does not know', () => {
    const code = signProofCode(FACTS, { keyId: 'k2099', key: 'whatever' });
    expect(verifyProofCode(code, KEYS)).toEqual({ valid: false, reason: 'unknown-key' });
  });

  it.each([
    [''],
    ['   '],
    ['hello'],
    ['https://example.com/?q=KRC-002'],
    ['SIBAPAO1.k2025.KRC-002.20251231'],
    ['SIBAPAO2.k2025.KRC-002.20251231.AAAAAAAAAAAAAAAAAAAAAA'],
    ['SIBAPAO1.k2025.KRC-002.20251231.AAAAAAAAAAAAAAAAAAAAA'],
    ['SIBAPAO1.k2025.KRC-002.20251231.AAAAAAAAAAAAAAAAAAAAA+'],
    ['SIBAPAO1.k2025.KRC-002.20251231.AAAAAAAAAAAAAAAAAAAAAA.extra'],
    ['SIBAPAO1.k2025.KRC-002.20250231.AAAAAAAAAAAAAAAAAAAAAA'],
    ['SIBAPAO1.k2025.KRC-002.2025-12-31.AAAAAAAAAAAAAAAAAAAAAA'],
    ['SIBAPAO1.k2025.KRC002.20251231.AAAAAAAAAAAAAAAAAAAAAA'],
    ['SIBAPAO1..KRC-002.20251231.AAAAAAAAAAAAAAAAAAAAAA'],
    ['\u{1F600}.k2025.KRC-002.20251231.AAAAAAAAAAAAAAAAAAAAAA'],
  ])('reports garbage %j as a format error', (content) => {
    expect(verifyProofCode(content, KEYS)).toEqual({ valid: false, reason: 'format' });
  });

  it('tolerates whitespace around the code and between its printed lines', () => {
    const code = signProofCode(FACTS, KEY);
    const [head, signature] = [code.slice(0, code.lastIndexOf('.') + 1), code.slice(code.lastIndexOf('.') + 1)];
    expect(verifyProofCode(`  ${code}\n`, KEYS)).toMatchObject({ valid: true, queueNumber: 'KRC-002' });
    expect(verifyProofCode(`\t${head}\r\n${signature} `, KEYS)).toMatchObject({ valid: true, queueNumber: 'KRC-002' });
  });

  it('refuses to sign malformed facts or with an unusable key', () => {
    expect(() => signProofCode({ ...FACTS, queueNumber: 'KRC.002' }, KEY)).toThrow(/queue number/);
    expect(() => signProofCode({ ...FACTS, appointmentDate: '2025-02-30' }, KEY)).toThrow(/date/);
    expect(() => signProofCode({ ...FACTS, appointmentDate: '31-12-2025' }, KEY)).toThrow(/date/);
    expect(() => signProofCode(FACTS, { keyId: 'a.b', key: 'x' })).toThrow(/key id/);
    expect(() => signProofCode(FACTS, { keyId: 'k', key: '' })).toThrow(/empty/);
  });
});
