/**
 * Text that people typed elsewhere (file names from a phone, WhatsApp profile names) and officers read:
 * without control and format characters. A right-to-left override turns `KTP\u202Egpj.exe` into what
 * reads as `KTPexe.jpg`; zero-width and other invisible characters hide what a name really is.
 */

/** Control (Cc), format (Cf: bidi overrides and isolates, zero-width), private-use and line/paragraph separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Zl}\p{Zp}]/gu;

/** The text as shown: invisible characters removed, runs of spaces made one, trimmed. */
export function printableText(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}
