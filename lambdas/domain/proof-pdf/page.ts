/** The page's geometry, colours and vertical rhythm. */
import { rgb } from 'pdf-lib';

// A4 in points.
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const BORDER_INSET = 24;
export const LEFT = 48;
export const RIGHT = PAGE_WIDTH - 48;
export const LABEL_X = LEFT + 12;
export const COLON_X = LEFT + 150;
export const VALUE_X = COLON_X + 10;
export const VALUE_RIGHT = RIGHT - 10;

export const NAVY = rgb(0.07, 0.2, 0.42);
export const INK = rgb(0.1, 0.1, 0.12);
export const GREY = rgb(0.38, 0.4, 0.44);
export const RULE = rgb(0.62, 0.67, 0.74);
export const PANEL = rgb(0.94, 0.96, 0.99);
export const NOTICE = rgb(0.99, 0.97, 0.9);
export const NOTICE_RULE = rgb(0.85, 0.72, 0.35);
export const WHITE = rgb(1, 1, 1);

export const QR_QUIET_MODULES = 4;
export const QR_MODULE = 3.3;
export const FOOTER_Y = BORDER_INSET + 22;
export const FOOTER_RULE_Y = FOOTER_Y + 12;

/** Vertical rhythm. The compact one is used only when long texts would otherwise reach the footer. */
export interface Spacing {
  readonly titleGap: number;
  readonly qrMaxSide: number;
  readonly row: number;
  readonly wrappedLine: number;
  readonly sectionHead: number;
  readonly sectionGap: number;
  readonly noticeLine: number;
  readonly beforeNotice: number;
}
export const REGULAR: Spacing = { titleGap: 30, qrMaxSide: 136, row: 18, wrappedLine: 14, sectionHead: 20, sectionGap: 8, noticeLine: 13, beforeNotice: 10 };
export const COMPACT: Spacing = { titleGap: 24, qrMaxSide: 108, row: 15, wrappedLine: 12.5, sectionHead: 17, sectionGap: 4, noticeLine: 11.5, beforeNotice: 6 };
