/** Drawing on the proof's page: WinAnsi-safe text, wrapping, rules, boxes and the QR code. */
import { fill, popGraphicsState, pushGraphicsState, rectangle, setFillingRgbColor, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { INK, LEFT, RIGHT } from './page';
import type { DrawnText } from './types';

/** Typographic characters mapped to what WinAnsi surely has (and what an officer would type). */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u00B4': "'",
  '\u0060': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2192': '->',
  '\u00AD': '',
};

/** Emoji, joiners, variation selectors, combining marks, controls and symbols WinAnsi lacks: left out. */
const DROPPED = /[\p{Extended_Pictographic}\p{M}\p{Cf}\p{Cc}\p{Cs}\p{Co}\p{So}\p{Sk}\u{1F1E6}-\u{1F1FF}]/u;

/** Makes `text` drawable with a WinAnsi standard font: never throws, never leaves an unencodable character. */
export function toWinAnsi(text: string, supported: ReadonlySet<number>): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (/\s/u.test(char)) {
      out += ' ';
      continue;
    }
    const replacement = REPLACEMENTS[char];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    if (supported.has(char.codePointAt(0) ?? -1)) {
      out += char;
      continue;
    }
    if (DROPPED.test(char)) continue;
    // A letter with an accent WinAnsi lacks (ş, ğ, ő…): its base letter.
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    out += base !== '' && [...base].every((c) => supported.has(c.codePointAt(0) ?? -1)) ? base : '?';
  }
  return out.replace(/ {2,}/g, ' ').trim();
}
export interface Style {
  readonly font: PDFFont;
  readonly size: number;
  readonly color?: RGB;
}

export class Canvas {
  readonly texts: DrawnText[] = [];

  constructor(
    readonly page: PDFPage,
    private readonly supported: ReadonlySet<number>,
  ) {}

  clean(text: string): string {
    return toWinAnsi(text, this.supported);
  }

  width(text: string, style: Style): number {
    return style.font.widthOfTextAtSize(this.clean(text), style.size);
  }

  /** Draws one line at `x` (left edge); returns its width. */
  text(text: string, x: number, y: number, style: Style): number {
    const clean = this.clean(text);
    if (clean === '') return 0;
    const width = style.font.widthOfTextAtSize(clean, style.size);
    this.page.drawText(clean, { x, y, font: style.font, size: style.size, color: style.color ?? INK });
    this.texts.push({ text: clean, x, y, width, size: style.size });
    return width;
  }

  centred(text: string, centre: number, y: number, style: Style): void {
    this.text(text, centre - this.width(text, style) / 2, y, style);
  }

  right(text: string, rightEdge: number, y: number, style: Style): void {
    this.text(text, rightEdge - this.width(text, style), y, style);
  }

  /**
   * Splits `text` into lines no wider than `maxWidth` at spaces (or, for a word longer than a line, between
   * characters, or after `breakAfter` characters where possible). Beyond `maxLines` the last line ends in "...".
   */
  wrap(text: string, style: Style, maxWidth: number, maxLines: number, breakAfter = ''): string[] {
    const fits = (line: string): boolean => style.font.widthOfTextAtSize(line, style.size) <= maxWidth;
    const words = this.clean(text).split(' ').filter(Boolean);
    const lines: string[] = [];
    let line = '';
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      let rest = word;
      while (!fits(rest)) {
        let cut = rest.length - 1;
        while (cut > 1 && !fits(rest.slice(0, cut))) cut -= 1;
        const preferred = breakAfter === '' ? -1 : Math.max(...[...breakAfter].map((c) => rest.lastIndexOf(c, cut - 1)));
        if (preferred > 0) cut = preferred + 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    if (line !== '') lines.push(line);
    if (lines.length <= maxLines) return lines;
    const kept = lines.slice(0, maxLines);
    let last = `${kept[maxLines - 1] ?? ''}...`;
    while (last.length > 3 && !fits(last)) last = `${last.slice(0, -4).trimEnd()}...`;
    kept[maxLines - 1] = last;
    return kept;
  }

  rule(y: number, thickness: number, color: RGB, from = LEFT, to = RIGHT): void {
    this.page.drawLine({ start: { x: from, y }, end: { x: to, y }, thickness, color });
  }

  box(x: number, y: number, width: number, height: number, fillColor: RGB, borderColor?: RGB, borderWidth = 0.75): void {
    this.page.drawRectangle({
      x,
      y,
      width,
      height,
      color: fillColor,
      ...(borderColor ? { borderColor, borderWidth } : {}),
    });
  }

  /** The QR code's dark modules as filled rectangles, one per horizontal run, in one path. */
  qr(modules: readonly (readonly boolean[])[], x: number, top: number, moduleSize: number): void {
    const operators = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)];
    modules.forEach((row, r) => {
      const y = top - (r + 1) * moduleSize;
      let c = 0;
      while (c < row.length) {
        if (!row[c]) {
          c += 1;
          continue;
        }
        const start = c;
        while (c < row.length && row[c]) c += 1;
        operators.push(rectangle(round(x + start * moduleSize), round(y), round((c - start) * moduleSize), round(moduleSize)));
      }
    });
    operators.push(fill(), popGraphicsState());
    this.page.pushOperators(...operators);
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
