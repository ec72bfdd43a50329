/**
 * The WhatsApp message templates: the definitions (their words in texts/templates.ts, their shape in
 * template-definition.ts), and the builders that turn the same facts the free-form texts use (texts/) into
 * the `TemplateParameters` of one send.
 * Meta's review rules for these definitions are in lambdas/meta/template-review.ts (only the register
 * script and the fake Graph API check them).
 */
import { formatDayDate, formatTime, type IsoDate } from './calendar';
import type { AppointmentFacts, DocumentsHint } from './texts';
import type { OfficeProfile } from './office';
import type { TemplateParameters } from './replies';
import { TEMPLATE_LIMITS, type TemplateBody, type TemplateDefinition } from './template-definition';
import { waitlistTexts } from './texts/waitlist';
import { cancelled, changed, confirmed, fix, FIX_IN_CHAT, reminder, REMINDER_BUTTONS, TEMPLATES, type ReminderAction } from './texts/templates';

export * from './template-definition';
export { REMINDER_BUTTONS, TEMPLATE_NAMES, TEMPLATES, type ReminderAction } from './texts/templates';

export function findTemplate(name: string, language: string, templates: readonly TemplateDefinition[] = TEMPLATES): TemplateDefinition | undefined {
  return templates.find((template) => template.name === name && template.language === language);
}

// ---------------------------------------------------------------------------------------------------
// Builders: facts → parameters of one send.

export interface ProofDocument {
  readonly link: string;
  readonly filename: string;
}

/** Stage 5 as a template: queue number, name, date, time, note; the PDF proof as the header. */
export function confirmedTemplate(facts: AppointmentFacts, proof: ProofDocument): TemplateParameters {
  const body = [facts.queueNumber, facts.name, formatDayDate(facts.date), formatTime(facts.time, facts.zone), facts.note ?? ''].map(parameter);
  return {
    name: confirmed.name,
    language: confirmed.language,
    body: fitBody(confirmed, body, 4),
    headerDocument: { link: proof.link, filename: proof.filename },
    buttonPayloads: [ADVANCE_PAYLOAD],
  };
}

/** Stage 7 as a template: name, queue number, old date, new date, time, note; the new PDF as the header. */
export function changedTemplate(facts: AppointmentFacts & { readonly oldDate: IsoDate }, proof: ProofDocument): TemplateParameters {
  const body = [
    facts.name,
    facts.queueNumber,
    formatDayDate(facts.oldDate),
    formatDayDate(facts.date),
    formatTime(facts.time, facts.zone),
    facts.note ?? '',
  ].map(parameter);
  return {
    name: changed.name,
    language: changed.language,
    body: fitBody(changed, body, 5),
    headerDocument: { link: proof.link, filename: proof.filename },
    buttonPayloads: [ADVANCE_PAYLOAD],
  };
}

/** Stage 8 as a template, with the quick replies Datang / Ubah jadwal / Batal carrying the queue number. */
export function reminderTemplate(facts: AppointmentFacts, office: OfficeProfile): TemplateParameters {
  const body = [
    facts.queueNumber,
    facts.name,
    facts.nik,
    formatDayDate(facts.date),
    formatTime(facts.time, facts.zone),
    office.officeName,
    office.address,
    office.whatsappNumber,
  ].map(parameter);
  return {
    name: reminder.name,
    language: reminder.language,
    body: fitBody(reminder, body, 6),
    buttonPayloads: REMINDER_BUTTONS.map((button) => reminderPayload(button.action, facts.queueNumber)),
  };
}

/**
 * The officer asked for corrections (messages.notifications.fixRequested as a template): queue number,
 * name, the documents as one line, the note, and where to fix them (the upload or form link, or, when
 * documents come through the chat, a short instruction).
 */
export function fixTemplate(queueNumber: string, name: string, note: string, documents: readonly string[], hint: DocumentsHint): TemplateParameters {
  const where = hint.mode === 'web' ? hint.uploadUrl : hint.mode === 'form' ? hint.formUrl : FIX_IN_CHAT;
  const body = [queueNumber, name, documents.join('; '), note, where].map(parameter);
  // The link must arrive whole; the note gives way first, then the documents line.
  return { name: fix.name, language: fix.language, body: fitBody(fix, fitBody(fix, body, 3), 2) };
}

/** The officer cancelled the registration (messages.notifications.cancelled as a template). */
export function cancelledTemplate(queueNumber: string, name: string, reason: string): TemplateParameters {
  const body = [queueNumber, name, reason].map(parameter);
  return { name: cancelled.name, language: cancelled.language, body: fitBody(cancelled, body, 2) };
}

/** The confirmation templates' quick reply *Majukan jadwal*: the word MAJUKAN, as if typed. */
export const ADVANCE_PAYLOAD = waitlistTexts.joinWord;

export function reminderPayload(action: ReminderAction, queueNumber: string): string {
  return `${action}:${queueNumber}`;
}

/** `datang:KRC-002` → `{ action: 'datang', queueNumber: 'KRC-002' }`; anything else → undefined. */
export function parseReminderPayload(payload: string): { action: ReminderAction; queueNumber: string } | undefined {
  const match = /^(datang|ubah|batal):(.+)$/.exec(payload);
  if (!match?.[1] || !match[2]) return undefined;
  return { action: match[1] as ReminderAction, queueNumber: match[2] };
}

/** One template parameter: whitespace runs (line breaks, tabs, many spaces) become one space; never empty. */
export function parameter(value: string): string {
  const single = value.replace(/\s+/g, ' ').trim();
  return single === '' ? '-' : single;
}

/** The body as the applicant reads it: placeholders replaced by the parameters. */
export function renderTemplateBody(definition: TemplateDefinition, body: readonly string[]): string {
  return bodyOf(definition)?.text.replace(/\{\{(\d+)\}\}/g, (whole, index: string) => body[Number(index) - 1] ?? whole) ?? '';
}

/** Shortens the free-text parameter at `index` (with …) so that the rendered body stays within Meta's 1024. */
function fitBody(definition: TemplateDefinition, body: readonly string[], index: number): string[] {
  const result = [...body];
  const over = renderTemplateBody(definition, result).length - TEMPLATE_LIMITS.bodyLength;
  const value = result[index];
  if (over <= 0 || value === undefined) return result;
  const cut = value.slice(0, Math.max(1, value.length - over - 1)).replace(/[\uD800-\uDBFF]$/, '');
  result[index] = `${cut.trimEnd()}…`;
  return result;
}

/** The template's BODY component. */
export function bodyOf(definition: TemplateDefinition): TemplateBody | undefined {
  return definition.components.find((component): component is TemplateBody => component.type === 'BODY');
}
