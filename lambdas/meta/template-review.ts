/**
 * Meta's rules for message templates, as WhatsApp Manager's review applies them (docs/whatsapp-cloud-api.md
 * §6 and Meta's template guidelines): name ≤ 512 of a-z 0-9 _; body ≤ 1024 characters; footer and text
 * header ≤ 60; ≤ 10 buttons with labels ≤ 25; positional placeholders `{{1}}…{{n}}` in order, none
 * starting or ending the body, none adjacent, at least 2n+1 other words for n placeholders; an example for
 * every placeholder and a handle for a media header. Parameters of a send carry no line break, tab or run
 * of 4+ spaces. Used by `npm run templates:register` before it posts and by the local fake Graph API; the
 * running functions never check them (the definitions are tested instead).
 */
import type { TemplateParameters } from '../domain/replies';
import {
  bodyOf,
  TEMPLATE_LIMITS,
  type TemplateBody,
  type TemplateButtons,
  type TemplateComponent,
  type TemplateDefinition,
  type TemplateHeader,
} from '../domain/templates';

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const HAS_PLACEHOLDER = /\{\{[^{}]*\}\}/;
const PROMOTIONAL_WORDS = [
  'promo',
  'promosi',
  'diskon',
  'gratis',
  'hadiah',
  'penawaran',
  'cashback',
  'voucher',
  'kupon',
  'hemat',
  'spesial',
  'discount',
  'offer',
  'sale',
  'free',
  'deal',
];

/** Meta's creation rules; an empty list when the definition would be accepted for review. */
export function validateTemplateDefinition(definition: TemplateDefinition): string[] {
  const problems: string[] = [];
  const { name, language, category, components } = definition;

  if (typeof name !== 'string' || !/^[a-z0-9_]+$/.test(name)) problems.push('name: only lowercase letters a-z, digits and _ are allowed');
  else if (name.length > TEMPLATE_LIMITS.nameLength) problems.push(`name: longer than ${TEMPLATE_LIMITS.nameLength} characters`);
  if (typeof language !== 'string' || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(language)) problems.push('language: not a language code such as id or en_US');
  if (!['UTILITY', 'MARKETING', 'AUTHENTICATION'].includes(category)) problems.push('category: must be UTILITY, MARKETING or AUTHENTICATION');
  if (!Array.isArray(components)) return [...problems, 'components: missing'];

  const counts = new Map<string, number>();
  for (const component of components) counts.set(component.type, (counts.get(component.type) ?? 0) + 1);
  for (const [type, count] of counts) if (count > 1) problems.push(`${type}: at most one ${type} component`);
  if (!counts.get('BODY')) problems.push('BODY: a template needs a body');

  for (const component of components) {
    switch (component.type) {
      case 'HEADER':
        problems.push(...headerProblems(component));
        break;
      case 'BODY':
        problems.push(...bodyProblems(component));
        break;
      case 'FOOTER':
        if (!component.text) problems.push('FOOTER: text is empty');
        if ((component.text ?? '').length > TEMPLATE_LIMITS.footerLength) problems.push(`FOOTER: longer than ${TEMPLATE_LIMITS.footerLength} characters`);
        if (HAS_PLACEHOLDER.test(component.text ?? '')) problems.push('FOOTER: placeholders are not allowed in a footer');
        break;
      case 'BUTTONS':
        problems.push(...buttonProblems(component));
        break;
      default:
        problems.push(`components: unknown type ${String((component as { type?: unknown }).type)}`);
    }
  }

  if (category === 'UTILITY') {
    const words = components.flatMap(textsOf).join(' ').toLowerCase();
    const promotional = PROMOTIONAL_WORDS.filter((word) => new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'u').test(words));
    if (promotional.length > 0) problems.push(`UTILITY: promotional wording (${promotional.join(', ')}) gets a utility template re-categorised as MARKETING`);
  }
  return problems;
}

function headerProblems(header: TemplateHeader): string[] {
  const problems: string[] = [];
  if (header.format === 'TEXT') {
    if (!header.text) problems.push('HEADER: a TEXT header needs text');
    if ((header.text ?? '').length > TEMPLATE_LIMITS.headerTextLength) problems.push(`HEADER: longer than ${TEMPLATE_LIMITS.headerTextLength} characters`);
    const placeholders = placeholdersOf(header.text ?? '');
    if (placeholders.length > 1) problems.push('HEADER: at most one placeholder in a text header');
    if (placeholders.length === 1 && header.example?.header_text?.length !== 1)
      problems.push('HEADER: example.header_text needs one value for the placeholder');
  } else if (['DOCUMENT', 'IMAGE', 'VIDEO'].includes(header.format)) {
    const handles = header.example?.header_handle;
    if (!Array.isArray(handles) || handles.length !== 1 || typeof handles[0] !== 'string' || handles[0] === '') {
      problems.push(`HEADER: a ${header.format} header needs example.header_handle with one uploaded sample's handle`);
    }
  } else {
    problems.push(`HEADER: unknown format ${String(header.format)}`);
  }
  return problems;
}

function bodyProblems(body: TemplateBody): string[] {
  const problems: string[] = [];
  const text = typeof body.text === 'string' ? body.text : '';
  if (text.trim() === '') return ['BODY: text is empty'];
  if (text.length > TEMPLATE_LIMITS.bodyLength) problems.push(`BODY: ${text.length} characters, more than ${TEMPLATE_LIMITS.bodyLength}`);
  if (/\t/.test(text) || / {4,}/.test(text)) problems.push('BODY: no tabs or runs of 4 or more spaces');

  const matches = [...text.matchAll(PLACEHOLDER)];
  const malformed = matches.filter((match) => !/^[1-9]\d*$/.test(match[1] ?? ''));
  if (malformed.length > 0) problems.push(`BODY: placeholders must look like {{1}}: ${malformed.map((match) => match[0]).join(', ')}`);
  const numbers = matches.map((match) => Number(match[1]));
  const count = numbers.length;
  if (malformed.length === 0 && numbers.some((number, index) => number !== index + 1)) {
    problems.push(`BODY: placeholders must be {{1}} to {{${count}}} in order, each once (found ${numbers.map((n) => `{{${n}}}`).join(' ')})`);
  }
  if (count === 0) return problems;

  const first = matches[0];
  const last = matches[count - 1];
  if (first?.index !== undefined && !hasWord(text.slice(0, first.index))) problems.push('BODY: the text must not start with a placeholder');
  if (last?.index !== undefined && !hasWord(text.slice(last.index + last[0].length))) problems.push('BODY: the text must not end with a placeholder');
  for (let i = 1; i < count; i += 1) {
    const before = matches[i - 1];
    const after = matches[i];
    if (before?.index === undefined || after?.index === undefined) continue;
    if (!hasWord(text.slice(before.index + before[0].length, after.index))) problems.push(`BODY: placeholders ${before[0]} and ${after[0]} are adjacent`);
  }
  const words = text
    .replace(PLACEHOLDER, ' ')
    .split(/\s+/)
    .filter((word) => hasWord(word)).length;
  if (words < 2 * count + 1) {
    problems.push(`BODY: too many placeholders for the text: ${count} placeholders need at least ${2 * count + 1} other words, found ${words}`);
  }

  const examples = body.example?.body_text;
  const row = Array.isArray(examples) && examples.length === 1 ? examples[0] : undefined;
  if (!Array.isArray(row) || row.length !== count) {
    problems.push(`BODY: example.body_text needs one row of ${count} example values`);
  } else {
    row.forEach((value, index) => {
      if (typeof value !== 'string' || value.trim() === '' || hasBadSpacing(value)) {
        problems.push(`BODY: example value ${index + 1} must be non-empty, one line, without tabs or 4+ spaces`);
      }
    });
  }
  return problems;
}

function buttonProblems(component: TemplateButtons): string[] {
  const problems: string[] = [];
  const buttons = Array.isArray(component.buttons) ? component.buttons : [];
  if (buttons.length === 0) problems.push('BUTTONS: at least one button');
  if (buttons.length > TEMPLATE_LIMITS.buttons) problems.push(`BUTTONS: at most ${TEMPLATE_LIMITS.buttons} buttons`);
  buttons.forEach((button, index) => {
    if (button.type !== 'QUICK_REPLY') problems.push(`BUTTONS: button ${index + 1} has unsupported type ${String(button.type)}`);
    if (!button.text) problems.push(`BUTTONS: button ${index + 1} has no text`);
    if ((button.text ?? '').length > TEMPLATE_LIMITS.buttonTextLength) {
      problems.push(`BUTTONS: button ${index + 1} text "${button.text}" is longer than ${TEMPLATE_LIMITS.buttonTextLength} characters`);
    }
    if (HAS_PLACEHOLDER.test(button.text ?? '')) problems.push(`BUTTONS: button ${index + 1} text must not hold a placeholder`);
  });
  const texts = buttons.map((button) => button.text);
  if (new Set(texts).size !== texts.length) problems.push('BUTTONS: button texts must be unique');
  return problems;
}

export interface TemplateSendError {
  readonly code: 132000 | 132001 | 132012;
  readonly message: string;
}

/**
 * What Meta answers to a send of `params` against the approved `definition` (undefined: no such template
 * in that language). Stricter than Meta in one point: a template with quick replies must get a payload
 * for every button, because the bot recognises taps by their payload.
 */
export function validateTemplateSend(definition: TemplateDefinition | undefined, params: TemplateParameters): TemplateSendError | undefined {
  if (!definition || definition.name !== params.name || definition.language !== params.language) {
    return { code: 132001, message: `(#132001) Template name does not exist in the translation: ${params.name} (${params.language})` };
  }
  const header = definition.components.find((component): component is TemplateHeader => component.type === 'HEADER');
  const mediaHeader = header !== undefined && header.format !== 'TEXT';
  const expectedBody = placeholdersOf(bodyOf(definition)?.text ?? '').length;
  const expectedButtons = definition.components
    .filter((component): component is TemplateButtons => component.type === 'BUTTONS')
    .flatMap((component) => component.buttons.filter((button) => button.type === 'QUICK_REPLY')).length;
  const mismatch = (what: string, expected: number, got: number): TemplateSendError => ({
    code: 132000,
    message: `(#132000) Number of parameters does not match the expected number of params: ${what} expects ${expected}, got ${got}`,
  });
  if (mediaHeader !== (params.headerDocument !== undefined)) return mismatch('header', mediaHeader ? 1 : 0, params.headerDocument ? 1 : 0);
  if (params.body.length !== expectedBody) return mismatch('body', expectedBody, params.body.length);
  const payloads = params.buttonPayloads ?? [];
  if (payloads.length !== expectedButtons) return mismatch('buttons', expectedButtons, payloads.length);

  const format = (what: string): TemplateSendError => ({
    code: 132012,
    message: `(#132012) Parameter format does not match format in the created template: ${what}`,
  });
  const badBody = params.body.findIndex((value) => typeof value !== 'string' || value.trim() === '' || hasBadSpacing(value));
  if (badBody >= 0) return format(`body parameter ${badBody + 1} is empty or has a new-line, tab or more than 3 consecutive spaces`);
  if (params.headerDocument && !params.headerDocument.link) return format('the document header needs a link or a media id');
  const badPayload = payloads.findIndex((payload) => typeof payload !== 'string' || payload === '');
  if (badPayload >= 0) return format(`button ${badPayload} has an empty payload`);
  return undefined;
}

function textsOf(component: TemplateComponent): string[] {
  switch (component.type) {
    case 'BUTTONS':
      return component.buttons.map((button) => button.text);
    case 'HEADER':
      return [component.text ?? ''];
    default:
      return [component.text];
  }
}

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[0]);
}

function hasWord(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

function hasBadSpacing(value: string): boolean {
  return /[\n\r\t]/.test(value) || / {4,}/.test(value);
}
