/** Reading what the applicant typed: commands, menu numbers, plain words, and what cannot be read. */
import { type InboundContent } from '../inbound';
import { messages, RESCHEDULE_MENU_NUMBER } from '../texts';
import type { RequirementId, ServiceCatalogue } from '../services';
import { type MediaFailure, MENU_CHOICE_PREFIX, type MenuChoice } from './types';

/**
 * A menu number typed or tapped (a service of the catalogue, or the reschedule); with `words`, also what the
 * applicant wrote in plain words ("paspor saya hilang").
 */
export function menuChoiceOf(input: InboundContent, services: ServiceCatalogue, words = false): MenuChoice | undefined {
  const raw =
    input.kind === 'text'
      ? input.text
      : input.kind === 'choice' && input.id.startsWith(MENU_CHOICE_PREFIX)
        ? input.id.slice(MENU_CHOICE_PREFIX.length)
        : undefined;
  const match = raw?.trim().match(/^([1-9]\d?)[.)]?$/);
  const choice = match ? Number(match[1]) : words && input.kind === 'text' ? plainWordsChoice(input.text, services) : undefined;
  return choice === RESCHEDULE_MENU_NUMBER || services.some((service) => service.id === choice) ? choice : undefined;
}

/** What the applicant's words say of the passport, and the document in a service's requirements that says the same. */
const CASE_MARKERS = { lost: 'surat-kehilangan', damaged: 'paspor-rusak', data: 'dasar-perubahan' } as const satisfies Record<string, RequirementId>;
type PassportCase = { readonly [Key in keyof typeof CASE_MARKERS]: boolean };

/**
 * The menu in the applicant's own words: lost (hilang), damaged (rusak), data to change (data), or lost or
 * damaged with data, each the office's service whose documents say the same (a police report for lost, the
 * damaged passport, the basis of the change), so the office's own catalogue decides the number; jadwal → the
 * reschedule. Words of five letters or more may carry one typo; both "hilang" and "rusak" is a question, not a choice.
 */
export function plainWordsChoice(value: string, services: ServiceCatalogue): MenuChoice | undefined {
  const words = value
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  const has = (...targets: string[]) => words.some((word) => targets.some((target) => sameWord(word, target)));
  const said: PassportCase = { lost: has('hilang', 'ilang', 'kehilangan'), damaged: has('rusak', 'robek', 'sobek', 'basah'), data: has('data') };
  if (said.lost && said.damaged) return undefined;
  if (said.lost || said.damaged || said.data) return serviceForCase(services, said);
  if (has('jadwal', 'reschedule')) return RESCHEDULE_MENU_NUMBER;
  return undefined;
}

function serviceForCase(services: ServiceCatalogue, said: PassportCase): MenuChoice | undefined {
  const markers = Object.keys(CASE_MARKERS) as (keyof PassportCase)[];
  return services.find((service) => markers.every((key) => service.requirements.includes(CASE_MARKERS[key]) === said[key]))?.id;
}

/** Equal, or (for words of five letters or more) one letter added, dropped, changed or two swapped. */
export function sameWord(word: string, target: string): boolean {
  if (word === target) return true;
  if (target.length < 5 || Math.abs(word.length - target.length) > 1) return false;
  return editDistance(word, target) <= 1;
}

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring). */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** Text and taps are read; a voice note, sticker, location, contact or video is not (media in chat mode's documents aside). */
export function readable(input: InboundContent): boolean {
  return input.kind === 'text' || input.kind === 'choice';
}

/** The short fixed answer to a message the bot cannot read: what it was, what the bot reads, what to do now. */
export function cannotRead(input: InboundContent, now: string): string {
  const what = input.kind === 'media' ? input.mediaKind : input.kind === 'other' ? (input.type.split(':')[0] ?? input.type) : 'other';
  return messages.prompts.cannotRead(what, now);
}

export type Command = 'MENU' | 'STATUS' | 'BATAL' | 'BANTUAN' | 'DATA SAYA' | 'HAPUS DATA';
export const COMMANDS: readonly Command[] = ['MENU', 'STATUS', 'BATAL', 'BANTUAN', 'DATA SAYA', 'HAPUS DATA'];
export const COMMAND_WORDS: Readonly<Record<string, Command>> = { BANTU: 'BANTUAN', TOLONG: 'BANTUAN', HELP: 'BANTUAN', 'CEK STATUS': 'STATUS' };

/** A word that works at every step, typed or tapped in the menu list. */
export function commandOf(input: InboundContent | MediaFailure, exact = false): Command | undefined {
  if (input.kind === 'choice' && input.id.startsWith(MENU_CHOICE_PREFIX)) {
    const id = input.id.slice(MENU_CHOICE_PREFIX.length).toUpperCase();
    return COMMANDS.find((command) => command === id);
  }
  if (input.kind !== 'text') return undefined;
  const keyword = normaliseKeyword(input.text);
  const exactCommand = COMMANDS.find((command) => command === keyword) ?? COMMAND_WORDS[keyword];
  if (exactCommand) return exactCommand;
  // One word with one typo ("STATSU", "BTAL", "MNEU"): never a name or a date, so it cannot be meant otherwise.
  if (exact || !/^[A-Z]{4,8}$/.test(keyword)) return undefined;
  return COMMANDS.filter((command) => !command.includes(' ')).find(
    (command) => Math.abs(command.length - keyword.length) <= 1 && editDistance(keyword, command) <= 1,
  );
}

/** Upper case, single spaces, no surrounding punctuation: "  menu. " → "MENU". */
export function normaliseKeyword(value: string): string {
  return value
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^[\s.!,*_~]+|[\s.!,*_~]+$/g, '')
    .toUpperCase();
}
