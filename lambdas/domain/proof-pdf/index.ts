/**
 * The PDF proof ("bukti antrian") sent with the stage 5 confirmation and, with old and new dates, with the
 * stage 7 reschedule. Pure: no I/O, no clock, no environment; everything it shows is in its input.
 *
 * Standard fonts only (Helvetica, Helvetica-Bold, Courier for the code): nothing is embedded, so a proof is
 * a few kilobytes and a few milliseconds. They encode WinAnsi (Latin-1 and a few more), which the name and
 * place rules guarantee; anything else (emoji, other scripts) is replaced or left out, never thrown on.
 * Every string is drawn as text, so `pdftotext` reads it back. Its words are in ../texts/proof.ts.
 */
import { PROOF_TEXTS } from '../texts/proof';
import { layOut } from './layout';
import { COMPACT, FOOTER_RULE_Y, PAGE_HEIGHT, PAGE_WIDTH, REGULAR } from './page';
import type { ProofInput, RenderedProof } from './types';

export { toWinAnsi } from './canvas';
export type { DrawnText, ProofInput, RenderedProof } from './types';

/** The seed's stage 5 "⚠️ PENTING" lines, without the emoji (the last three chat lines are one sentence). */
export const PROOF_NOTICE_CONFIRMED: readonly string[] = PROOF_TEXTS.notice.confirmed;
export const PROOF_NOTICE_CONFIRMED_CLOSING: string = PROOF_TEXTS.notice.confirmedClosing;
/** The seed's stage 7 "⚠️ Penting" lines, without the emoji and list dashes. */
export const PROOF_NOTICE_RESCHEDULED: readonly string[] = PROOF_TEXTS.notice.rescheduled;

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

/** The proof as PDF bytes (A4, one page). */
export async function renderProofPdf(input: ProofInput): Promise<Uint8Array> {
  return (await renderProofPdfWithLayout(input)).bytes;
}
