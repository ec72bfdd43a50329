/**
 * Keys of the QR code on PDF proofs. The secret may carry `PROOF_KEYS` (key id → key) and
 * `PROOF_KEY_ID` (the one to sign with) so that keys can rotate while old proofs still verify; without
 * them a key `k1` is derived from the link signing key.
 */
import { createHmac } from 'node:crypto';
import type { AppSecrets } from './secrets';

export interface ProofKeys {
  readonly signing: { readonly keyId: string; readonly key: string };
  readonly all: ReadonlyMap<string, string>;
}

export function proofKeysFrom(secrets: AppSecrets): ProofKeys {
  const configured = secrets.PROOF_KEYS ?? {};
  const derived = createHmac('sha256', secrets.LINK_SIGNING_KEY).update('si-bapao/proof-qr').digest('base64url');
  const all = new Map<string, string>([['k1', derived], ...Object.entries(configured)]);
  const keyId = secrets.PROOF_KEY_ID && all.has(secrets.PROOF_KEY_ID) ? secrets.PROOF_KEY_ID : 'k1';
  return { signing: { keyId, key: all.get(keyId) ?? derived }, all };
}
