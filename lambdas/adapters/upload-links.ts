/**
 * Applicants' upload links: `<base>/<token>`, the token naming the draft and service, with an expiry,
 * signed with HMAC so that nobody can upload into someone else's draft or after the link expired.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { UPLOAD_LINK_LIFETIME_MS } from '../domain/documents';
import type { ServiceId } from '../domain/services';

export { UPLOAD_LINK_LIFETIME_MS } from '../domain/documents';

export interface UploadGrant {
  readonly draftId: string;
  readonly serviceId: ServiceId;
  /** Only these requirements (a request for fixes); all of the service's when absent. */
  readonly only?: readonly string[];
  readonly expiresAt: number;
  /** When it was issued (epoch ms); links from before this field are taken as issued a lifetime before expiry. */
  readonly issuedAt?: number;
  /** A request for fixes: the officer's note, shown on the page. */
  readonly note?: string;
}

export function signUploadToken(grant: UploadGrant, key: string): string {
  const payload = Buffer.from(
    JSON.stringify({
      d: grant.draftId,
      s: grant.serviceId,
      e: grant.expiresAt,
      i: grant.issuedAt ?? grant.expiresAt - UPLOAD_LINK_LIFETIME_MS,
      ...(grant.only ? { o: grant.only } : {}),
      ...(grant.note ? { n: grant.note } : {}),
    }),
  ).toString('base64url');
  return `${payload}.${mac(payload, key)}`;
}

export function readUploadToken(token: string, key: string, now: number): UploadGrant | undefined {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(mac(payload, key));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const grant = {
      draftId: String(data.d),
      serviceId: Number(data.s) as ServiceId,
      expiresAt: Number(data.e),
      issuedAt: typeof data.i === 'number' ? data.i : Number(data.e) - UPLOAD_LINK_LIFETIME_MS,
      ...(Array.isArray(data.o) ? { only: data.o.map(String) } : {}),
      ...(typeof data.n === 'string' && data.n !== '' ? { note: data.n } : {}),
    };
    return grant.expiresAt > now ? grant : undefined;
  } catch {
    return undefined;
  }
}

function mac(payload: string, key: string): string {
  return createHmac('sha256', key).update(`upload:${payload}`).digest('base64url');
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const SHORT_CODE_LENGTH = 12;

/**
 * The short link's code for a token: 12 base62 characters (about 71 bits) of an HMAC under the link key,
 * so nobody without the key can guess one, and the same token always gets the same code.
 */
export function shortCode(token: string, key: string): string {
  let value = BigInt(`0x${createHmac('sha256', key).update(`short:${token}`).digest('hex')}`);
  let code = '';
  for (let index = 0; index < SHORT_CODE_LENGTH; index += 1) {
    code += BASE62[Number(value % 62n)];
    value /= 62n;
  }
  return code;
}
