/**
 * The content of the PDF proof's QR code: the queue number and appointment date, signed with an HMAC so
 * that an officer can tell a real proof from an edited one.
 *
 *   SIBAPAO1.<keyId>.<queueNumber>.<YYYYMMDD>.<signature>
 *
 * signature = base64url(HMAC-SHA256(key, "SIBAPAO1.<keyId>.<queueNumber>.<YYYYMMDD>")) truncated to its
 * first 16 bytes (22 characters), short enough for a small QR code. The key id names the key (kept in
 * Secrets Manager), so keys can be rotated while older proofs still verify. Pure: keys are parameters.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isoDate, isRealDate, parseIsoDate, type IsoDate } from './calendar';

export const PROOF_CODE_VERSION = 'SIBAPAO1';

/** A secret as Secrets Manager hands it over (a string) or as raw bytes. */
export type ProofKey = string | Uint8Array;

export interface ProofSigningKey {
  readonly keyId: string;
  readonly key: ProofKey;
}

export interface ProofFacts {
  readonly queueNumber: string;
  readonly appointmentDate: IsoDate;
}

export type ProofVerification =
  | { readonly valid: true; readonly queueNumber: string; readonly appointmentDate: IsoDate; readonly keyId: string }
  | { readonly valid: false; readonly reason: 'format' | 'unknown-key' | 'signature' };

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
/** `KRC-002`: prefix, one hyphen, at least three digits (a little wider than today's prefix rule). */
const QUEUE_NUMBER = /^[A-Z0-9]{1,12}-\d{3,12}$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const SIGNATURE = /^[A-Za-z0-9_-]{22}$/;
const SIGNATURE_BYTES = 16;

function signature(payload: string, key: ProofKey): string {
  return createHmac('sha256', key).update(payload, 'utf8').digest().subarray(0, SIGNATURE_BYTES).toString('base64url');
}

function keyLength(key: ProofKey): number {
  return typeof key === 'string' ? Buffer.byteLength(key, 'utf8') : key.byteLength;
}

/** Signs a proof's facts. Throws on a malformed queue number, date, key id or an empty key (programming errors). */
export function signProofCode(facts: ProofFacts, signingKey: ProofSigningKey): string {
  const { keyId, key } = signingKey;
  if (!KEY_ID.test(keyId)) throw new Error(`proof code: key id must be 1-32 of A-Z a-z 0-9 _ - (got ${JSON.stringify(keyId)})`);
  if (keyLength(key) === 0) throw new Error('proof code: the signing key is empty');
  if (!QUEUE_NUMBER.test(facts.queueNumber)) throw new Error(`proof code: malformed queue number ${JSON.stringify(facts.queueNumber)}`);
  const { year, month, day } = parseIsoDate(facts.appointmentDate);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(facts.appointmentDate) || !isRealDate(year, month, day)) {
    throw new Error(`proof code: malformed appointment date ${JSON.stringify(facts.appointmentDate)}`);
  }
  const payload = `${PROOF_CODE_VERSION}.${keyId}.${facts.queueNumber}.${facts.appointmentDate.replace(/-/g, '')}`;
  return `${payload}.${signature(payload, key)}`;
}

/**
 * Checks a scanned or typed code. Whitespace anywhere is ignored (a code never contains any; it may be
 * pasted with spaces or newlines around it, or typed from the two printed lines). The signature is compared
 * in constant time.
 */
export function verifyProofCode(content: string, keys: ReadonlyMap<string, ProofKey>): ProofVerification {
  const compact = content.replace(/\s+/g, '');
  const parts = compact.split('.');
  if (parts.length !== 5) return { valid: false, reason: 'format' };
  const [version = '', keyId = '', queueNumber = '', compactDate = '', given = ''] = parts;
  const dateMatch = COMPACT_DATE.exec(compactDate);
  if (version !== PROOF_CODE_VERSION || !KEY_ID.test(keyId) || !QUEUE_NUMBER.test(queueNumber) || !dateMatch || !SIGNATURE.test(given)) {
    return { valid: false, reason: 'format' };
  }
  const [year, month, day] = [Number(dateMatch[1]), Number(dateMatch[2]), Number(dateMatch[3])];
  if (!isRealDate(year, month, day)) return { valid: false, reason: 'format' };

  const key = keys.get(keyId);
  if (key === undefined || keyLength(key) === 0) return { valid: false, reason: 'unknown-key' };

  const expected = signature(`${version}.${keyId}.${queueNumber}.${compactDate}`, key);
  // Both are 22 ASCII characters here (SIGNATURE checked above), so the lengths match as timingSafeEqual requires.
  if (!timingSafeEqual(Buffer.from(expected, 'ascii'), Buffer.from(given, 'ascii'))) return { valid: false, reason: 'signature' };
  return { valid: true, queueNumber, appointmentDate: isoDate(year, month, day), keyId };
}
