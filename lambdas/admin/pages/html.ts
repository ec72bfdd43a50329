/**
 * HTML that escapes by default: every value put into an `html` template is escaped unless it is itself
 * `Html` (the output of another template). Applicants' names, WhatsApp profile names, notes, filenames
 * and reasons can only reach a page as text.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function render(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new Html(out);
}

/** Markup written in this code base (icons): never for a value from outside. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/** A link target that can only be a web address or a path: anything else (`javascript:`, `data:`) becomes `#`. */
export function safeUrl(url: string): string {
  return /^(https?:\/\/|\/(?!\/))/i.test(url.trim()) ? url.trim() : '#';
}
