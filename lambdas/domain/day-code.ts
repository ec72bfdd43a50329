/**
 * The day's check-in code printed on the waiting room's poster (`HADIR <code>`): derived from a secret
 * and the date, so it changes every day and a photo of yesterday's poster does not work, and nothing has
 * to be stored. Five characters of an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G):
 * easy to type from a poster, one chance in about five million to guess. Pure: the key is a parameter.
 */
import { createHmac } from 'node:crypto';
import type { IsoDate } from './calendar';

export const DAY_CODE_ALPHABET = 'ACDEFHJKMNPRTUVWXY3479';
export const DAY_CODE_LENGTH = 5;

/** The day-code key, derived from the app secret's signing key so that no new secret is needed. */
export function deriveDayCodeKey(linkSigningKey: string): string {
  return createHmac('sha256', linkSigningKey).update('day-code').digest('base64url');
}

/** The code of one Jakarta date. */
export function dayCodeFor(key: string, date: IsoDate): string {
  const digest = createHmac('sha256', key).update(`day-code:${date}`, 'utf8').digest();
  // Six bytes read as one number, then written in the alphabet's base: no bias worth a second thought.
  let value = digest.readUIntBE(0, 6);
  let code = '';
  for (let index = 0; index < DAY_CODE_LENGTH; index += 1) {
    code += DAY_CODE_ALPHABET[value % DAY_CODE_ALPHABET.length];
    value = Math.floor(value / DAY_CODE_ALPHABET.length);
  }
  return code;
}

/** What the applicant typed after HADIR, as a code: upper case, spaces and dashes dropped. */
export function normaliseDayCode(typed: string): string {
  return typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-.]+/g, '');
}
