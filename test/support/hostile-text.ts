/** Text an applicant might send, and some no one should: long strings, emoji, right-to-left, control characters. */
import fc from 'fast-check';

const PIECES = [
  '👨‍👩‍👧‍👦',
  '🇮🇩',
  '😀',
  '🙏🏽',
  'مرحبا بكم',
  'שלום',
  '\u202eDAFTAR',
  '\u200f',
  '\u200b',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\r\n',
  '\t',
  '\ufeff',
  '\ud800',
  '\udfff',
  'Ñúñez',
  'Ṣiti',
  '𝐀𝐡𝐦𝐚𝐝',
  '<script>alert(1)</script>',
  '"\'\\',
  '${x}',
  '%s%n',
  '/',
  'DAFTAR',
  'SELESAI',
  'MENU',
];

export function hostileText(options: { maxLength?: number } = {}): fc.Arbitrary<string> {
  const maxLength = options.maxLength ?? 600;
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: Math.min(maxLength, 200) }) },
    {
      weight: 3,
      arbitrary: fc
        .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 20 })
        .map((parts) => parts.join('').slice(0, maxLength)),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...PIECES), fc.integer({ min: 1, max: maxLength })).map(([piece, times]) => piece.repeat(times).slice(0, maxLength)),
    },
  );
}
