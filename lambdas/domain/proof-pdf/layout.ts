/** The proof's layout: letterhead, title, the queue panel with the QR code, the data rows, the PENTING box, the footer. */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { encode } from 'uqr';
import { formatDateLong, formatDayDate, formatTime } from '../calendar';
import type { OfficeProfile } from '../office';
import { officeTime, officeToday, zoneLabelOf } from '../offices';
import { findService } from '../services';
import { PROOF_TEXTS as WORDS } from '../texts/proof';
import { Canvas, type Style } from './canvas';
import {
  BORDER_INSET,
  COLON_X,
  FOOTER_RULE_Y,
  FOOTER_Y,
  GREY,
  INK,
  LABEL_X,
  LEFT,
  NAVY,
  NOTICE,
  NOTICE_RULE,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  PANEL,
  QR_MODULE,
  QR_QUIET_MODULES,
  RIGHT,
  RULE,
  VALUE_RIGHT,
  VALUE_X,
  WHITE,
  type Spacing,
} from './page';
import type { DrawnText, ProofInput } from './types';

/** `628123…` → `08123…` (how Indonesians write their number). */
function displayPhone(phone: string): string {
  return phone.startsWith('62') ? `0${phone.slice(2)}` : phone;
}

/** `Selasa, 30 Desember 2025, 14.05 WITA`: the instant on the office's clock, whatever the server's zone. */
function formatInstant(instant: Date, office: Pick<OfficeProfile, 'timezone'>): string {
  return `${formatDayDate(officeToday(instant, office))}, ${formatTime(officeTime(instant, office), zoneLabelOf(office))}`;
}
export async function layOut(
  input: ProofInput,
  spacing: Spacing,
): Promise<{ readonly doc: PDFDocument; readonly texts: readonly DrawnText[]; readonly bodyBottom: number }> {
  const { office, registration, appointment } = input;
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(WORDS.documentTitle(registration.queueNumber));
  doc.setSubject(WORDS.documentSubject);
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
  canvas.centred(WORDS.letterhead(office.whatsappNumber), centre, y, {
    font: regular,
    size: 8.5,
    color: GREY,
  });
  y -= 11;
  canvas.rule(y, 1.8, NAVY);
  canvas.rule(y - 3, 0.6, NAVY);

  // Title.
  y -= spacing.titleGap;
  canvas.centred(WORDS.title, centre, y, { font: bold, size: 16, color: INK });
  if (rescheduled) {
    y -= 17;
    canvas.centred(WORDS.rescheduledTitle, centre, y, { font: bold, size: 11, color: NAVY });
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
  canvas.centred(WORDS.scanToVerify, qrCentre, qy, { font: bold, size: 8.5, color: NAVY });
  for (const line of codeLines) {
    qy -= 10;
    canvas.centred(line, qrCentre, qy, codeStyle);
  }

  const leftX = LEFT + 16;
  const leftWidth = qrCentre - qrColumnWidth / 2 - 12 - leftX;
  const smallLabel = { font: regular, size: 8.5, color: GREY };
  const serviceStyle = { font: bold, size: 11, color: INK };
  const serviceLines = canvas.wrap(
    findService(office.services, registration.serviceId)?.name ?? WORDS.unknownService(registration.serviceId),
    serviceStyle,
    leftWidth,
    2,
  );
  // Vertically centred beside the QR code: the block is 16 + 36 + 26 + 14n + 20 + 14 points from the first baseline down.
  const leftBlock = 16 + 36 + 26 + serviceLines.length * 14 + 20 + 14;
  let ly = panelTop - Math.max(24, (panelHeight - leftBlock) / 2 + 8);
  canvas.text(WORDS.queueNumber, leftX, ly, smallLabel);
  ly -= 36;
  const queueStyle = { font: bold, size: 36, color: NAVY };
  const queueSize = Math.min(36, (36 * leftWidth) / Math.max(1, canvas.width(registration.queueNumber, queueStyle)));
  canvas.text(registration.queueNumber, leftX, ly, { ...queueStyle, size: queueSize });
  ly -= 26;
  canvas.text(WORDS.service, leftX, ly, smallLabel);
  for (const line of serviceLines) {
    ly -= 14;
    canvas.text(line, leftX, ly, serviceStyle);
  }
  ly -= 20;
  canvas.text(WORDS.status, leftX, ly, smallLabel);
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

  section(WORDS.applicantSection);
  row(WORDS.name, registration.name, strongStyle, 3);
  row(WORDS.nik, registration.nik);
  row(WORDS.birth, `${registration.placeOfBirth}, ${formatDateLong(registration.dateOfBirth)}`);
  row(WORDS.phone, displayPhone(registration.phone));
  y -= spacing.sectionGap;

  section(WORDS.appointmentSection);
  if (appointment.previousDate !== undefined) {
    row(WORDS.oldDate, formatDayDate(appointment.previousDate));
    row(WORDS.newDate, formatDayDate(appointment.date), strongStyle);
  } else {
    row(WORDS.date, formatDayDate(appointment.date), strongStyle);
  }
  row(WORDS.time, formatTime(appointment.time, zoneLabelOf(office)), strongStyle);
  const note = appointment.note === undefined ? '' : canvas.clean(appointment.note);
  row(WORDS.note, note === '' ? '-' : note, valueStyle, 5);

  // The seed's PENTING lines.
  y -= spacing.beforeNotice;
  const noticeStyle = { font: regular, size: 10, color: INK };
  const noticeWidth = RIGHT - LEFT - 44;
  const bullets = (rescheduled ? WORDS.notice.rescheduled : WORDS.notice.confirmed).map((line) => canvas.wrap(line, noticeStyle, noticeWidth, 2));
  const closing = rescheduled ? [] : canvas.wrap(WORDS.notice.confirmedClosing, noticeStyle, RIGHT - LEFT - 32, 2);
  const noticeLines = bullets.reduce((sum, lines) => sum + lines.length, 0);
  // The box runs from 12 pt above the cursor to 10 pt under the last line's baseline.
  const lastBaseline = y - 24 - (noticeLines + closing.length - 1) * spacing.noticeLine - (closing.length > 0 ? 6 : 0);
  const bodyBottom = lastBaseline - 10;
  canvas.box(LEFT, bodyBottom, RIGHT - LEFT, y + 12 - bodyBottom, NOTICE, NOTICE_RULE);
  canvas.text(WORDS.notice.heading, LEFT + 16, y - 6, { font: bold, size: 10, color: INK });
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
  canvas.text(WORDS.printedAt(formatInstant(input.generatedAt, office)), LEFT, FOOTER_Y, footerStyle);
  canvas.right(WORDS.footer(office.officeShortName), RIGHT, FOOTER_Y, footerStyle);

  return { doc, texts: canvas.texts, bodyBottom };
}
