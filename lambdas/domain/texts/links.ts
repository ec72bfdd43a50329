import { formatDayDate } from '../calendar';
import type { DocumentsHint } from './facts';

/** A link alone on its line (WhatsApp makes it tappable; nothing around it to break it), then until when it works. */
export function linkLines(hint: Extract<DocumentsHint, { mode: 'web' }>): string[] {
  return [hint.uploadUrl, ...(hint.validUntil ? [`Link berlaku sampai ${formatDayDate(hint.validUntil)}.`] : [])];
}
