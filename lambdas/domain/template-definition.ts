/** The shape of a WhatsApp message template as POSTed to `/{WABA_ID}/message_templates`, and Meta's limits. */
export type TemplateCategory = 'UTILITY' | 'MARKETING' | 'AUTHENTICATION';

export interface TemplateHeader {
  readonly type: 'HEADER';
  readonly format: 'DOCUMENT' | 'IMAGE' | 'VIDEO' | 'TEXT';
  readonly text?: string;
  readonly example?: { readonly header_handle?: readonly string[]; readonly header_text?: readonly string[] };
}

export interface TemplateBody {
  readonly type: 'BODY';
  readonly text: string;
  readonly example?: { readonly body_text: readonly (readonly string[])[] };
}

export interface TemplateFooter {
  readonly type: 'FOOTER';
  readonly text: string;
}

export interface TemplateButton {
  readonly type: 'QUICK_REPLY';
  readonly text: string;
}

export interface TemplateButtons {
  readonly type: 'BUTTONS';
  readonly buttons: readonly TemplateButton[];
}

export type TemplateComponent = TemplateHeader | TemplateBody | TemplateFooter | TemplateButtons;

/** A template as POSTed to `/{WABA_ID}/message_templates`. */
export interface TemplateDefinition {
  readonly name: string;
  readonly language: string;
  readonly category: TemplateCategory;
  readonly components: readonly TemplateComponent[];
}

export const TEMPLATE_LANGUAGE = 'id';

/**
 * Stands in for the handle of a sample PDF in the definitions. Meta wants a real one from the Resumable
 * Upload API: the register script uploads a sample and puts its handle here when `WHATSAPP_APP_ID` is set.
 */
export const EXAMPLE_DOCUMENT_HANDLE = '4::YXBwbGljYXRpb24vcGRm:si-bapao-contoh-bukti-antrian';

/** Meta's limits (docs/whatsapp-cloud-api.md, "The 24-hour window and templates"). */
export const TEMPLATE_LIMITS = {
  nameLength: 512,
  bodyLength: 1024,
  footerLength: 60,
  headerTextLength: 60,
  buttons: 10,
  buttonTextLength: 25,
} as const;
