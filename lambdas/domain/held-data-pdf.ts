/**
 * DATA SAYA's PDF copy: the same lines the applicant reads in the chat (never a full NIK), on A4 pages,
 * with the office and the time of the copy. Pure like the proof (domain/proof-pdf.ts): standard fonts,
 * nothing embedded, every string drawn as text.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import { formatDayDate } from './calendar';
import type { OfficeProfile } from './office';
import { officeTime, officeToday, zoneLabelOf } from './offices';
import { toWinAnsi } from './proof-pdf';
import { heldDataCopyTexts } from './texts/consent-and-corrections';

const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = 56;
const SIZE = 10;
const LEADING = 14;

export interface HeldDataCopyInput {
  readonly officeName: string;
  /** Whose clock the copy's time is told on (WIB, WITA or WIT). */
  readonly office: Pick<OfficeProfile, 'timezone'>;
  /** The DATA SAYA message, line by line. */
  readonly text: string;
  readonly generatedAt: Date;
}

export async function renderHeldDataPdf(input: HeldDataCopyInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const supported = new Set(regular.getCharacterSet());
  const drawable = (text: string) => toWinAnsi(text, supported).replace(/\*/g, '');
  const width = PAGE.width - 2 * MARGIN;
  const at = `${formatDayDate(officeToday(input.generatedAt, input.office))}, ${officeTime(input.generatedAt, input.office)} ${zoneLabelOf(input.office)}`;
  const heading = [
    { text: heldDataCopyTexts.title, font: bold, size: 14 },
    { text: input.officeName, font: regular, size: SIZE },
    { text: heldDataCopyTexts.madeAt(at), font: regular, size: SIZE },
    { text: '', font: regular, size: SIZE },
  ];
  const body = input.text
    .split('\n')
    .slice(1) // the chat's own title line: the heading above says it
    .flatMap((line) => wrap(drawable(line), regular, SIZE, width).map((part) => ({ text: part, font: regular, size: SIZE })));
  const footer = drawable(heldDataCopyTexts.footer);
  let page = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN;
  for (const line of [...heading.map((entry) => ({ ...entry, text: drawable(entry.text) })), ...body]) {
    if (y < MARGIN + 2 * LEADING) {
      page = doc.addPage([PAGE.width, PAGE.height]);
      y = PAGE.height - MARGIN;
    }
    if (line.text !== '') page.drawText(line.text, { x: MARGIN, y, size: line.size, font: line.font, color: rgb(0.1, 0.1, 0.1) });
    y -= line.size > SIZE ? LEADING + 6 : LEADING;
  }
  for (const [index, part] of wrap(footer, regular, 8, width).entries()) {
    page.drawText(part, { x: MARGIN, y: MARGIN - index * 10, size: 8, font: regular, color: rgb(0.35, 0.35, 0.35) });
  }
  return doc.save();
}

/** Words onto lines no wider than `width`; a single overlong word is cut. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  if (text === '') return [''];
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      current = candidate;
      continue;
    }
    if (current !== '') lines.push(current);
    current = word;
    while (font.widthOfTextAtSize(current, size) > width && current.length > 1) {
      let cut = current.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(current.slice(0, cut), size) > width) cut -= 1;
      lines.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}
