/**
 * The stage 5 / 7 confirmation as the applicant's phone shows it: the PDF proof, the text under it, and
 * its reply buttons. Free-form it is either a document with the text as caption, or (where MAJUKAN can
 * work) one reply-buttons message whose header is the document; anything else fails the test.
 */
import { z } from 'zod';

export interface ProofMessage {
  readonly shape: 'document' | 'document-with-buttons';
  readonly link: string;
  readonly filename: string;
  /** The stage 5 / 7 text: the caption, or the body under the header. */
  readonly text: string;
  readonly buttons: readonly { readonly id: string; readonly title: string }[];
}

const documentSchema = z.object({ link: z.string().url(), filename: z.string().endsWith('.pdf') });
const proofSchema = z.union([
  z.object({ type: z.literal('document'), document: documentSchema.extend({ caption: z.string() }) }),
  z.object({
    type: z.literal('interactive'),
    interactive: z.object({
      type: z.literal('button'),
      header: z.object({ type: z.literal('document'), document: documentSchema }),
      body: z.object({ text: z.string() }),
      action: z.object({ buttons: z.array(z.object({ type: z.literal('reply'), reply: z.object({ id: z.string(), title: z.string() }) })).min(1) }),
    }),
  }),
]);

/** The confirmation this message is; throws (failing the test) when it carries no PDF proof. */
export function proofMessage(message: { readonly payload?: unknown } | undefined): ProofMessage {
  const payload = proofSchema.parse(message?.payload);
  if (payload.type === 'document') {
    const { link, filename, caption } = payload.document;
    return { shape: 'document', link, filename, text: caption, buttons: [] };
  }
  const { header, body, action } = payload.interactive;
  return {
    shape: 'document-with-buttons',
    link: header.document.link,
    filename: header.document.filename,
    text: body.text,
    buttons: action.buttons.map((button) => button.reply),
  };
}

/** Whether a message (sent, or a request a failure script sees) carries a PDF proof, in either shape. */
export function isProofMessage(message: { readonly payload?: unknown }): boolean {
  return proofSchema.safeParse(message.payload).success;
}

/** The confirmation's one button where MAJUKAN can work: the same as typing MAJUKAN. */
export const ADVANCE_BUTTONS = [{ id: 'MAJUKAN', title: 'Majukan jadwal' }] as const;
