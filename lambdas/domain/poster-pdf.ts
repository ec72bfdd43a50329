/**
 * The waiting room's A4 poster of the day: a QR code that opens WhatsApp to the office's number with
 * `HADIR <code>` prefilled (wa.me's `text` parameter), the code itself to type, and the date it is good
 * for. Pure: the code and the office come in, the PDF's bytes go out (pdf-lib, the QR by uqr as on the proof).
 */
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { encode } from 'uqr';
import { formatDayDate, type IsoDate } from './calendar';
import type { OfficeProfile } from './office';
import { POSTER_TEXTS as WORDS } from './texts/day-of';

const A4 = { width: 595.28, height: 841.89 };
const INK = rgb(0.07, 0.09, 0.15);
const NAVY = rgb(0.05, 0.2, 0.45);
const QR_SIDE = 300;
const QR_QUIET_MODULES = 4;
const SEAM = 0.25;

/** `085126730544` → `6285126730544`: wa.me wants the number in international form without `+`. */
export function internationalNumber(number: string): string {
  const digits = number.replace(/\D+/g, '');
  return digits.startsWith('0') ? `62${digits.slice(1)}` : digits;
}

/** The link the poster's QR code holds: WhatsApp to the office with `HADIR <code>` ready to send. */
export function checkInLink(office: Pick<OfficeProfile, 'whatsappNumber'>, code: string): string {
  return `https://wa.me/${internationalNumber(office.whatsappNumber)}?text=${encodeURIComponent(WORDS.message(code))}`;
}

export async function renderPosterPdf(input: { readonly office: OfficeProfile; readonly date: IsoDate; readonly code: string }): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.setTitle(WORDS.pdfTitle(input.date));
  document.setCreationDate(new Date(`${input.date}T00:00:00Z`));
  document.setModificationDate(new Date(`${input.date}T00:00:00Z`));
  const page = document.addPage([A4.width, A4.height]);
  const [regular, bold, mono] = await Promise.all([
    document.embedFont(StandardFonts.Helvetica),
    document.embedFont(StandardFonts.HelveticaBold),
    document.embedFont(StandardFonts.CourierBold),
  ]);
  const centred = (text: string, y: number, font: typeof regular, size: number, color = INK) =>
    page.drawText(text, { x: (A4.width - font.widthOfTextAtSize(text, size)) / 2, y, size, font, color });

  let y = A4.height - 70;
  centred(input.office.officeName, y, bold, 14, NAVY);
  y -= 50;
  centred(WORDS.title, y, bold, 30);
  y -= 34;
  centred(WORDS.scan, y, regular, 14);
  y -= 19;
  centred(WORDS.scanThen, y, regular, 14);

  const matrix = encode(checkInLink(input.office, input.code), { ecc: 'M', border: 0 });
  const moduleSize = QR_SIDE / (matrix.size + 2 * QR_QUIET_MODULES);
  const left = (A4.width - QR_SIDE) / 2 + QR_QUIET_MODULES * moduleSize;
  const top = y - 24 - QR_QUIET_MODULES * moduleSize;
  // One rectangle per horizontal run of dark modules, a hair larger than the grid so that a viewer's
  // anti-aliasing leaves no light seams between neighbours.
  matrix.data.forEach((row, r) => {
    let c = 0;
    while (c < row.length) {
      if (!row[c]) {
        c += 1;
        continue;
      }
      const start = c;
      while (c < row.length && row[c]) c += 1;
      const y = top - (r + 1) * moduleSize;
      page.drawRectangle({ x: left + start * moduleSize, y: y - SEAM, width: (c - start) * moduleSize, height: moduleSize + 2 * SEAM, color: rgb(0, 0, 0) });
    }
  });
  y = y - 24 - QR_SIDE - 36;
  centred(WORDS.orType(input.office.whatsappNumber), y, regular, 14);
  y -= 52;
  centred(WORDS.message(input.code), y, mono, 40);
  y -= 40;
  centred(WORDS.validOn(formatDayDate(input.date)), y, bold, 13, NAVY);
  y -= 30;
  centred(WORDS.after, y, regular, 11);
  return document.save();
}
