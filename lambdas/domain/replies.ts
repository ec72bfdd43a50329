/** What the conversation asks to send; the messenger adapter turns these into Graph API requests. */
export interface ListRow {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
}

export type Reply =
  | { readonly type: 'text'; readonly body: string }
  | {
      readonly type: 'list';
      readonly body: string;
      readonly button: string;
      readonly sections: readonly { readonly title: string; readonly rows: readonly ListRow[] }[];
    };
