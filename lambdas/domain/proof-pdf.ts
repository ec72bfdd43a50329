/**
 * The PDF proof ("bukti antrian") sent with the stage 5 confirmation and, with old and new dates, with the
 * stage 7 reschedule. Pure: no I/O, no clock, no environment; everything it shows is in its input.
 *
 * Standard fonts only (Helvetica, Helvetica-Bold, Courier for the code): nothing is embedded, so a proof is
 * a few kilobytes and a few milliseconds. They encode WinAnsi (Latin-1 and a few more), which the name and
 * place rules guarantee; anything else (emoji, other scripts) is replaced or left out, never thrown on.
 * Every string is drawn as text, so `pdftotext` reads it back.
 */
import {
  PDFDocument,
  StandardFonts,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingRgbColor,
  type PDFFont,
  type PDFPage,
  type RGB,
} from 'pdf-lib';
import { encode } from 'uqr';
import { formatDateLong, formatDayDate, formatTime, jakartaDate, jakartaTime, type IsoDate } from './calendar';
import type { OfficeProfile } from './office';
import type { Registration } from './registration';
import { findService } from './services';

export interface ProofInput {
  readonly office: OfficeProfile;
  readonly registration: Pick<Registration, 'queueNumber' | 'name' | 'nik' | 'placeOfBirth' | 'dateOfBirth' | 'phone' | 'serviceId' | 'status'>;
  readonly appointment: {
    readonly date: IsoDate;
    /** `HH:MM`, WIB. */
    readonly time: string;
    /** The officer's note (≤ 200 characters). */
    readonly note?: string;
    /** Set on a reschedule proof: the date this one replaces. */
    readonly previousDate?: IsoDate;
  };
  /** The QR content, already signed (`signProofCode`). */
  readonly code: string;
  /** When the proof is generated; printed in WIB. */
  readonly generatedAt: Date;
}

/** One string as drawn: what was written and the box it occupies (PDF points, origin bottom-left). */
export interface DrawnText {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
}

export interface RenderedProof {
  readonly bytes: Uint8Array;
  readonly texts: readonly DrawnText[];
  readonly page: { readonly width: number; readonly height: number };
  /** The lowest point of the body (the PENTING box) and the footer rule under it. */
  readonly bodyBottom: number;
  readonly footerTop: number;
}

/** The seed's stage 5 "⚠️ PENTING" lines, without the emoji (the last three chat lines are one sentence). */
export const PROOF_NOTICE_CONFIRMED: readonly string[] = [
  'File PDF ini adalah bukti resmi antrian Anda.',
  'Silakan PDF ini di-Print',
  'Bawa bukti saat kedatangan',
  'Datang 15 menit sebelum jadwal',
  'Tidak perlu konfirmasi lagi!.',
];
export const PROOF_NOTICE_CONFIRMED_CLOSING = 'Jika jadwal tidak sesuai yang diharapkan silakan mengajukan pergantian jadwal dengan ketik 6';

/** The seed's stage 7 "⚠️ Penting" lines, without the emoji and list dashes. */
export const PROOF_NOTICE_RESCHEDULED: readonly string[] = [
  'File PDF ini adalah bukti resmi antrian Anda yang baru;',
  'Silakan File ini di-Print;',
  'Harap datang sesuai jadwal baru;',
  'Bawa semua dokumen yang diperlukan (ASLI & Fotocopy).',
];

// A4 in points.
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const BORDER_INSET = 24;
const LEFT = 48;
const RIGHT = PAGE_WIDTH - 48;
const LABEL_X = LEFT + 12;
const COLON_X = LEFT + 150;
const VALUE_X = COLON_X + 10;
const VALUE_RIGHT = RIGHT - 10;

const NAVY = rgb(0.07, 0.2, 0.42);
const INK = rgb(0.1, 0.1, 0.12);
const GREY = rgb(0.38, 0.4, 0.44);
const RULE = rgb(0.62, 0.67, 0.74);
const PANEL = rgb(0.94, 0.96, 0.99);
const NOTICE = rgb(0.99, 0.97, 0.9);
const NOTICE_RULE = rgb(0.85, 0.72, 0.35);
const WHITE = rgb(1, 1, 1);

const QR_QUIET_MODULES = 4;
const QR_MODULE = 3.3;
const FOOTER_Y = BORDER_INSET + 22;
const FOOTER_RULE_Y = FOOTER_Y + 12;

/** Vertical rhythm. The compact one is used only when long texts would otherwise reach the footer. */
interface Spacing {
  readonly titleGap: number;
  readonly qrMaxSide: number;
  readonly row: number;
  readonly wrappedLine: number;
  readonly sectionHead: number;
  readonly sectionGap: number;
  readonly noticeLine: number;
  readonly beforeNotice: number;
}
const REGULAR: Spacing = { titleGap: 30, qrMaxSide: 136, row: 18, wrappedLine: 14, sectionHead: 20, sectionGap: 8, noticeLine: 13, beforeNotice: 10 };
const COMPACT: Spacing = { titleGap: 24, qrMaxSide: 108, row: 15, wrappedLine: 12.5, sectionHead: 17, sectionGap: 4, noticeLine: 11.5, beforeNotice: 6 };

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

/** `628123…` → `08123…` (how Indonesians write their number). */
function displayPhone(phone: string): string {
  return phone.startsWith('62') ? `0${phone.slice(2)}` : phone;
}

/** `Selasa, 30 Desember 2025, 14.05 WIB`: the instant in Asia/Jakarta, whatever the server's zone. */
function formatInstantWib(instant: Date): string {
  const hhmm = jakartaTime(instant);
  return `${formatDayDate(jakartaDate(instant))}, ${formatTime(hhmm)}`;
}

interface Style {
  readonly font: PDFFont;
  readonly size: number;
  readonly color?: RGB;
}

class Canvas {
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

/**
 * Renders the proof and reports where every string went (for layout checks). Every text is wrapped to the
 * margins and capped in lines, so the page's content is bounded; if the regular spacing would reach the footer,
 * the page is laid out again with the compact one, which fits even the longest inputs (tested).
 */
export async function renderProofPdfWithLayout(input: ProofInput): Promise<RenderedProof> {
  const regular = await layOut(input, REGULAR);
  const chosen = regular.bodyBottom >= FOOTER_RULE_Y + 8 ? regular : await layOut(input, COMPACT);
  const bytes = await chosen.doc.save();
  return {
    bytes,
    texts: chosen.texts,
    page: { width: PAGE_WIDTH, height: PAGE_HEIGHT },
    bodyBottom: chosen.bodyBottom,
    footerTop: FOOTER_RULE_Y,
  };
}

async function layOut(
  input: ProofInput,
  spacing: Spacing,
): Promise<{ readonly doc: PDFDocument; readonly texts: readonly DrawnText[]; readonly bodyBottom: number }> {
  const { office, registration, appointment } = input;
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(`Bukti Antrian ${registration.queueNumber}`);
  doc.setSubject('Bukti Antrian BAP Paspor');
  doc.setAuthor(office.officeName);
  doc.setCreator('Si Bapao');
  doc.setProducer('Si Bapao (pdf-lib)');
  doc.setLanguage('id-ID');
  doc.setCreationDate(input.generatedAt);
  doc.setModificationDate(input.generatedAt);

  const regular = doc.embedStandardFont(StandardFonts.Helvetica);
  const bold = doc.embedStandardFont(StandardFonts.HelveticaBold);
  const mono = doc.embedStandardFont(StandardFonts.Courier);
  const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  const canvas = new Canvas(page, new Set(regular.getCharacterSet()));
  const centre = PAGE_WIDTH / 2;
  const rescheduled = appointment.previousDate !== undefined;

  canvas.box(BORDER_INSET, BORDER_INSET, PAGE_WIDTH - 2 * BORDER_INSET, PAGE_HEIGHT - 2 * BORDER_INSET, WHITE, NAVY, 1.2);

  // Letterhead.
  let y = PAGE_HEIGHT - 66;
  const officeStyle = { font: bold, size: 14, color: NAVY };
  for (const line of canvas.wrap(office.officeName.toUpperCase(), officeStyle, RIGHT - LEFT, 2)) {
    canvas.centred(line, centre, y, officeStyle);
    y -= 17;
  }
  const addressStyle = { font: regular, size: 10, color: INK };
  for (const line of canvas.wrap(office.address, addressStyle, RIGHT - LEFT, 2)) {
    canvas.centred(line, centre, y, addressStyle);
    y -= 13;
  }
  canvas.centred(`Si Bapao - Registrasi BAP Paspur Online  |  WhatsApp ${office.whatsappNumber}`, centre, y, {
    font: regular,
    size: 8.5,
    color: GREY,
  });
  y -= 11;
  canvas.rule(y, 1.8, NAVY);
  canvas.rule(y - 3, 0.6, NAVY);

  // Title.
  y -= spacing.titleGap;
  canvas.centred('BUKTI ANTRIAN BAP PASPOR', centre, y, { font: bold, size: 16, color: INK });
  if (rescheduled) {
    y -= 17;
    canvas.centred('PERUBAHAN JADWAL KEDATANGAN', centre, y, { font: bold, size: 11, color: NAVY });
  }

  // Panel: queue number, service and status on the left; the QR code on the right.
  const matrix = encode(input.code, { ecc: 'M', border: 0 });
  const qrModules = matrix.size + 2 * QR_QUIET_MODULES;
  const moduleSize = Math.min(QR_MODULE, spacing.qrMaxSide / qrModules);
  const qrSide = qrModules * moduleSize;
  const qrColumnWidth = 200;
  const qrCentre = RIGHT - 12 - qrColumnWidth / 2;
  const codeStyle = { font: mono, size: 8, color: INK };
  const codeLines = canvas.wrap(input.code, codeStyle, qrColumnWidth, 3, '.');
  const panelHeight = 10 + qrSide + 14 + codeLines.length * 10 + 6;
  const panelTop = y - 14;
  canvas.box(LEFT, panelTop - panelHeight, RIGHT - LEFT, panelHeight, PANEL, RULE);

  const qrTop = panelTop - 8;
  canvas.box(qrCentre - qrSide / 2, qrTop - qrSide, qrSide, qrSide, WHITE);
  const quiet = QR_QUIET_MODULES * moduleSize;
  canvas.qr(matrix.data, qrCentre - qrSide / 2 + quiet, qrTop - quiet, moduleSize);
  let qy = qrTop - qrSide - 12;
  canvas.centred('Pindai untuk verifikasi', qrCentre, qy, { font: bold, size: 8.5, color: NAVY });
  for (const line of codeLines) {
    qy -= 10;
    canvas.centred(line, qrCentre, qy, codeStyle);
  }

  const leftX = LEFT + 16;
  const leftWidth = qrCentre - qrColumnWidth / 2 - 12 - leftX;
  const smallLabel = { font: regular, size: 8.5, color: GREY };
  const serviceStyle = { font: bold, size: 11, color: INK };
  const serviceLines = canvas.wrap(findService(registration.serviceId)?.name ?? `Layanan ${registration.serviceId}`, serviceStyle, leftWidth, 2);
  // Vertically centred beside the QR code: the block is 16 + 36 + 26 + 14n + 20 + 14 points from the first baseline down.
  const leftBlock = 16 + 36 + 26 + serviceLines.length * 14 + 20 + 14;
  let ly = panelTop - Math.max(24, (panelHeight - leftBlock) / 2 + 8);
  canvas.text('Nomor Antrian', leftX, ly, smallLabel);
  ly -= 36;
  const queueStyle = { font: bold, size: 36, color: NAVY };
  const queueSize = Math.min(36, (36 * leftWidth) / Math.max(1, canvas.width(registration.queueNumber, queueStyle)));
  canvas.text(registration.queueNumber, leftX, ly, { ...queueStyle, size: queueSize });
  ly -= 26;
  canvas.text('Layanan', leftX, ly, smallLabel);
  for (const line of serviceLines) {
    ly -= 14;
    canvas.text(line, leftX, ly, serviceStyle);
  }
  ly -= 20;
  canvas.text('Status', leftX, ly, smallLabel);
  ly -= 14;
  canvas.text(registration.status, leftX, ly, { font: bold, size: 11, color: INK });

  y = panelTop - panelHeight - 26;

  // Label : value rows.
  const labelStyle = { font: regular, size: 10.5, color: GREY };
  const valueStyle = { font: regular, size: 11, color: INK };
  const strongStyle = { font: bold, size: 11, color: INK };
  const section = (title: string): void => {
    canvas.text(title, LEFT + 4, y, { font: bold, size: 10.5, color: NAVY });
    canvas.rule(y - 4, 0.6, RULE);
    y -= spacing.sectionHead;
  };
  const row = (label: string, value: string, style: Style = valueStyle, maxLines = 2): void => {
    canvas.text(label, LABEL_X, y, labelStyle);
    canvas.text(':', COLON_X, y, labelStyle);
    const lines = canvas.wrap(value, style, VALUE_RIGHT - VALUE_X, maxLines);
    lines.forEach((line, index) => canvas.text(line, VALUE_X, y - index * spacing.wrappedLine, style));
    y -= spacing.row + (Math.max(1, lines.length) - 1) * spacing.wrappedLine;
  };

  section('DATA PEMOHON');
  row('Nama', registration.name, strongStyle, 3);
  row('NIK', registration.nik);
  row('Tempat/Tanggal Lahir', `${registration.placeOfBirth}, ${formatDateLong(registration.dateOfBirth)}`);
  row('Nomor HP', displayPhone(registration.phone));
  y -= spacing.sectionGap;

  section('JADWAL KEDATANGAN');
  if (appointment.previousDate !== undefined) {
    row('Jadwal Lama', formatDayDate(appointment.previousDate));
    row('Jadwal Baru', formatDayDate(appointment.date), strongStyle);
  } else {
    row('Hari/Tanggal Kedatangan', formatDayDate(appointment.date), strongStyle);
  }
  row('Jam Kedatangan', formatTime(appointment.time), strongStyle);
  const note = appointment.note === undefined ? '' : canvas.clean(appointment.note);
  row('Catatan Petugas', note === '' ? '-' : note, valueStyle, 5);

  // The seed's PENTING lines.
  y -= spacing.beforeNotice;
  const noticeStyle = { font: regular, size: 10, color: INK };
  const noticeWidth = RIGHT - LEFT - 44;
  const bullets = (rescheduled ? PROOF_NOTICE_RESCHEDULED : PROOF_NOTICE_CONFIRMED).map((line) => canvas.wrap(line, noticeStyle, noticeWidth, 2));
  const closing = rescheduled ? [] : canvas.wrap(PROOF_NOTICE_CONFIRMED_CLOSING, noticeStyle, RIGHT - LEFT - 32, 2);
  const noticeLines = bullets.reduce((sum, lines) => sum + lines.length, 0);
  // The box runs from 12 pt above the cursor to 10 pt under the last line's baseline.
  const lastBaseline = y - 24 - (noticeLines + closing.length - 1) * spacing.noticeLine - (closing.length > 0 ? 6 : 0);
  const bodyBottom = lastBaseline - 10;
  canvas.box(LEFT, bodyBottom, RIGHT - LEFT, y + 12 - bodyBottom, NOTICE, NOTICE_RULE);
  canvas.text('PENTING:', LEFT + 16, y - 6, { font: bold, size: 10, color: INK });
  y -= 24;
  for (const lines of bullets) {
    canvas.text('\u2022', LEFT + 20, y, noticeStyle);
    lines.forEach((line) => {
      canvas.text(line, LEFT + 32, y, noticeStyle);
      y -= spacing.noticeLine;
    });
  }
  if (closing.length > 0) {
    y -= 6;
    closing.forEach((line) => {
      canvas.text(line, LEFT + 16, y, noticeStyle);
      y -= spacing.noticeLine;
    });
  }

  // Footer.
  canvas.rule(FOOTER_RULE_Y, 0.6, RULE);
  const footerStyle = { font: regular, size: 8, color: GREY };
  canvas.text(`Dicetak: ${formatInstantWib(input.generatedAt)}`, LEFT, FOOTER_Y, footerStyle);
  canvas.right(`Si Bapao ${office.officeShortName}`, RIGHT, FOOTER_Y, footerStyle);

  return { doc, texts: canvas.texts, bodyBottom };
}

/** The proof as PDF bytes (A4, one page). */
export async function renderProofPdf(input: ProofInput): Promise<Uint8Array> {
  return (await renderProofPdfWithLayout(input)).bytes;
}
