/**
 * Every text of the officers' admin app, in Indonesian, as one lookup: the pages, the review screen and
 * the API's refusals (each in its own module here). `{name}` placeholders are filled by `fillText`.
 */
import { OFFICER_API_TEXTS } from './officer-api-errors';
import { OFFICER_HISTORY_TEXTS } from './officer-history';
import { OFFICER_PAGE_TEXTS } from './officer-pages';
import { OFFICER_REVIEW_TEXTS } from './officer-review';

export const ADMIN_TEXTS = { ...OFFICER_PAGE_TEXTS, ...OFFICER_API_TEXTS, ...OFFICER_REVIEW_TEXTS, ...OFFICER_HISTORY_TEXTS } as const;

export type AdminTextKey = keyof typeof ADMIN_TEXTS;

export { FLAG_LABELS } from './officer-review';
export { HISTORY_LABELS } from './officer-history';
export { DELIVERY_STATES, META_ERROR_CODE, META_ERROR_NO_CODE, META_ERROR_UNKNOWN, META_ERRORS, STATUS_LABELS } from './officer-statuses';

export function fillText(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
