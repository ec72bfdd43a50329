/** What the conversation asks to send; the messenger adapter turns these into Graph API requests. */
export interface ListRow {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
}

export interface TemplateParameters {
  readonly name: string;
  readonly language: string;
  /** Positional body parameters (`{{1}}`, `{{2}}`, …), single-line. */
  readonly body: readonly string[];
  /** A PDF as the document header. */
  readonly headerDocument?: { readonly link: string; readonly filename: string };
  /** Quick-reply payloads, in button order. */
  readonly buttonPayloads?: readonly string[];
}

/** A free-form message may carry the template to send instead if Meta says the 24-hour window closed (131047). */
interface WindowFallback {
  readonly outsideWindow?: { readonly type: 'template'; readonly template: TemplateParameters };
}

export type Reply =
  | ({ readonly type: 'text'; readonly body: string } & WindowFallback)
  | ({
      readonly type: 'list';
      readonly body: string;
      readonly button: string;
      readonly sections: readonly { readonly title: string; readonly rows: readonly ListRow[] }[];
    } & WindowFallback)
  /** A question with up to three reply buttons (Meta: at most 20 characters a title, 1,024 the body). */
  | ({
      readonly type: 'buttons';
      readonly body: string;
      readonly buttons: readonly { readonly id: string; readonly title: string }[];
      /** A PDF above the body (Meta's interactive `header` of type document): the proof with its buttons in one message. */
      readonly documentHeader?: { readonly link: string; readonly filename: string };
    } & WindowFallback)
  | ({
      readonly type: 'document';
      /** A short-lived HTTPS link Meta fetches, or a media id uploaded before. */
      readonly link?: string;
      readonly mediaId?: string;
      readonly filename: string;
      readonly caption?: string;
    } & WindowFallback)
  | { readonly type: 'template'; readonly template: TemplateParameters }
  /** A WhatsApp Flow (Meta's in-chat form) behind a button, opened on `screen`. */
  | {
      readonly type: 'flow';
      readonly body: string;
      /** The button's label: at most 20 characters, no emoji. */
      readonly cta: string;
      readonly flowName: string;
      readonly screen: string;
      /** Comes back in the reply's `response_json.flow_token`. */
      readonly flowToken: string;
    };
