/** A WhatsApp Flow's reply (`nfm_reply`) in Meta's webhook: the registration form's five values. */
import * as z from 'zod/mini';
import type { InboundContent } from '../domain/inbound';

/** A Flow's value as Meta may send it: the form's text, or a number from a numeric field. */
const flowValue = z.optional(z.union([z.string(), z.number()]));

/** The registration Flow's payload (flows/registration.json, FLOW_PAYLOAD_NAMES); other keys (`flow_token`, …) pass. */
const registrationFlowReplySchema = z.looseObject({
  nama: flowValue,
  tempat_lahir: flowValue,
  tanggal_lahir: flowValue,
  nik: flowValue,
  nomor_hp: flowValue,
});

/**
 * The registration Flow's reply as the five values of a DAFTAR line, each as received (`''` when absent,
 * so that the conversation names it); JSON that is not an object is a message the bot cannot read.
 */
export function flowReplyContent(responseJson: string): InboundContent {
  let value: unknown;
  try {
    value = JSON.parse(responseJson);
  } catch {
    return { kind: 'other', type: 'interactive:nfm_reply' };
  }
  const parsed = registrationFlowReplySchema.safeParse(value);
  if (!parsed.success) return { kind: 'other', type: 'interactive:nfm_reply' };
  const field = (key: keyof z.infer<typeof registrationFlowReplySchema>): string => {
    const raw = parsed.data[key];
    return raw === undefined ? '' : String(raw);
  };
  return {
    kind: 'form',
    fields: {
      name: field('nama'),
      placeOfBirth: field('tempat_lahir'),
      dateOfBirth: field('tanggal_lahir'),
      nik: field('nik'),
      phone: field('nomor_hp'),
    },
  };
}
