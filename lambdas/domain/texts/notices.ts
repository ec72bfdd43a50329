/**
 * The seed's "⚠️ PENTING" blocks, each defined once: the chat text and its template show them as lines,
 * the PDF proof derives its box from the same words (no emoji, the closing as one sentence).
 */
import { RESCHEDULE_MENU_NUMBER } from './menu-numbers';

/** The heading's words; the PDF shows them without the emoji (its fonts have none). */
const PENTING_WORDS = 'PENTING:';

/** The heading of the stage 4 and stage 5 blocks. */
export const PENTING_HEADING = `⚠️ ${PENTING_WORDS}`;

/** Stage 5 (confirmed appointment): the points, then how to ask for another date. */
const CONFIRMED_POINTS = [
  'File PDF ini adalah bukti resmi antrian Anda.',
  'Silakan PDF ini di-Print',
  'Bawa bukti saat kedatangan',
  'Datang 15 menit sebelum jadwal',
  'Tidak perlu konfirmasi lagi!.',
] as const;
const CONFIRMED_CLOSING = [
  'Jika jadwal tidak sesuai yang diharapkan',
  'silakan mengajukan pergantian jadwal dengan',
  `ketik ${RESCHEDULE_MENU_NUMBER}`,
] as const;

/** The seed's closing block of the stage 5 confirmation, as chat and template lines. */
export const PENTING_CONFIRMED: readonly string[] = [PENTING_HEADING, '', ...CONFIRMED_POINTS, '', ...CONFIRMED_CLOSING];

/** Stage 7 (new date set by the officer): the seed writes this heading in title case. */
const RESCHEDULED_HEADING = '⚠️ Penting:';
const RESCHEDULED_POINTS = [
  'File PDF ini adalah bukti resmi antrian Anda yang baru;',
  'Silakan File ini di-Print;',
  'Harap datang sesuai jadwal baru;',
  'Bawa semua dokumen yang diperlukan (ASLI & Fotocopy).',
] as const;

/** The stage 7 block as chat and template lines. */
export const PENTING_RESCHEDULED: readonly string[] = [RESCHEDULED_HEADING, '', ...RESCHEDULED_POINTS.map((point) => `- ${point}`)];

/** The PDF box: the heading without emoji, the points, and (stage 5) the closing lines as one sentence. */
export const PROOF_NOTICE = {
  heading: PENTING_WORDS,
  confirmed: CONFIRMED_POINTS as readonly string[],
  confirmedClosing: CONFIRMED_CLOSING.join(' '),
  rescheduled: RESCHEDULED_POINTS as readonly string[],
} as const;
