import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';

const PREFIX = 'sha256=';

/** `X-Hub-Signature-256` is the HMAC-SHA256 of the exact bytes Meta sent, keyed with the app secret. */
export function signBody(rawBody: Buffer | string, appSecret: string): string {
  return PREFIX + createHmac('sha256', appSecret).update(rawBody).digest('hex');
}

/** `rawBody` as bytes, or as the text API Gateway passed (hashed as its UTF-8 bytes, without a copy into a Buffer first). */
export function hasValidSignature(rawBody: Buffer | string, header: string | undefined, appSecret: string): boolean {
  if (!header || !header.startsWith(PREFIX)) return false;
  const given = Buffer.from(header.slice(PREFIX.length), 'hex');
  const expected = createHmac('sha256', keyOf(appSecret)).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

let lastKey: { readonly secret: string; readonly key: KeyObject } | undefined;

/** The app secret as a key object, made once per secret: turning the string into a key is a third of an HMAC's cost on a webhook body. */
function keyOf(appSecret: string): KeyObject {
  if (lastKey?.secret !== appSecret) lastKey = { secret: appSecret, key: createSecretKey(Buffer.from(appSecret, 'utf8')) };
  return lastKey.key;
}
