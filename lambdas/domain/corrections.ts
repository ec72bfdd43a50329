/**
 * UBAH DATA (UU 27/2022, the right to correct): before an officer confirms, the applicant corrects their
 * DAFTAR data in the same format, checked by the same parser; the NIK guard holds (a NIK open in another
 * registration is refused). After confirmation the bot says to ask the officer. Pure, like the
 * conversation that calls it.
 */
import { formatDayDate, jakartaDate } from './calendar';
import type { Conversation, DecisionContext, Decision, Effect } from './conversation';
import type { InboundContent } from './inbound';
import { messages } from './texts';
import { FLAG_NIK_DATE_MISMATCH, isOpen, type Registration, type RegistrationStatus } from './registration';
import { parseRegistration, type RegistrationForm, type RegistrationResult } from './registration-form';
import { correctionTexts } from './texts/consent-and-corrections';

/** The statuses in which the applicant's own data may still change: the officer has not confirmed yet. */
export const CORRECTABLE_STATUSES: readonly RegistrationStatus[] = ['PENDING', 'PERLU_PERBAIKAN'];

const CORRECTION_LINE = /^\s*ubah\s+data\s*[/,:;\n]/i;

/** `UBAH DATA` followed by `/` (or the DAFTAR line's other separators): a correction, never the menu's "data" (3). */
export function looksLikeCorrection(text: string): boolean {
  return CORRECTION_LINE.test(text.normalize('NFC'));
}

/** The five values after `UBAH DATA`, read exactly as a DAFTAR line (`/YA` settles a NIK/date mismatch the same way). */
export function parseCorrection(text: string, today: string): RegistrationResult {
  return parseRegistration(text.normalize('NFC').replace(CORRECTION_LINE, 'DAFTAR/'), today);
}

/** What the decision needs: the applicant's registrations, and whether a valid line's NIK is open elsewhere. */
export function correctionLookups(input: InboundContent | { readonly kind: string }, now: Date): { ownRegistrations: true; nik?: string } | undefined {
  if (input.kind !== 'text' || !('text' in input) || !looksLikeCorrection(input.text)) return undefined;
  const parsed = parseCorrection(input.text, jakartaDate(now));
  return { ownRegistrations: true, ...(parsed.ok ? { nik: parsed.form.nik } : {}) };
}

/** The registration a correction is for: the newest still before confirmation; else the newest confirmed one, to refuse. */
export function correctionTarget(own: readonly Registration[]): { kind: 'correct' | 'confirmed'; registration: Registration } | { kind: 'none' } {
  const newestFirst = [...own].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const correctable = newestFirst.find((registration) => CORRECTABLE_STATUSES.includes(registration.status));
  if (correctable) return { kind: 'correct', registration: correctable };
  const confirmed = newestFirst.find((registration) => isOpen(registration.status));
  return confirmed ? { kind: 'confirmed', registration: confirmed } : { kind: 'none' };
}

/** The registration with the corrected values; the NIK/date flag follows the new values. */
export function corrected(registration: Registration, form: RegistrationForm): Registration {
  const flags = registration.flags.filter((flag) => flag !== FLAG_NIK_DATE_MISMATCH);
  return {
    ...registration,
    name: form.name,
    placeOfBirth: form.placeOfBirth,
    dateOfBirth: form.dateOfBirth,
    nik: form.nik,
    phone: form.phone,
    flags: form.nikDateMismatch ? [...flags, FLAG_NIK_DATE_MISMATCH] : flags,
  };
}

/** The history line officers read: each changed value, before → after (a NIK by its last four digits). */
export function correctionDetail(before: Registration, after: Registration): string {
  const nik = (value: string) => `…${value.slice(-4)}`;
  const changes = [
    [correctionTexts.fieldLabels.name, before.name, after.name],
    [correctionTexts.fieldLabels.placeOfBirth, before.placeOfBirth, after.placeOfBirth],
    [correctionTexts.fieldLabels.dateOfBirth, before.dateOfBirth, after.dateOfBirth],
    [correctionTexts.fieldLabels.nik, nik(before.nik), nik(after.nik)],
    [correctionTexts.fieldLabels.phone, before.phone, after.phone],
  ].filter(([, from, to]) => from !== to);
  return changes.map(([label, from, to]) => `${label}: ${from} → ${to}`).join('; ');
}

export function sameData(registration: Registration, form: RegistrationForm): boolean {
  return (
    registration.name === form.name &&
    registration.placeOfBirth === form.placeOfBirth &&
    registration.dateOfBirth === form.dateOfBirth &&
    registration.nik === form.nik &&
    registration.phone === form.phone
  );
}

export function decideCorrection(conversation: Conversation, line: string, context: DecisionContext): Decision {
  const own = context.facts?.ownRegistrations;
  if (!own) throw new Error("UBAH DATA needs the applicant's registrations (lookupsFor)");
  const say = (body: string, effects: readonly Effect[] = []): Decision => ({ conversation, replies: [{ type: 'text', body }], effects });
  const target = correctionTarget(own);
  if (target.kind === 'none') return say(correctionTexts.nothingToCorrect);
  const registration = target.registration;
  if (target.kind === 'confirmed') {
    return say(correctionTexts.afterConfirmation(registration.queueNumber, context.office), [
      { type: 'record-data-request', kind: 'correction', queueNumbers: [registration.queueNumber], outcome: 'refused-confirmed' },
    ]);
  }
  const parsed = parseCorrection(line, jakartaDate(context.now));
  if (!parsed.ok) return say(messages.registrationError(parsed.error, correctionTexts.format));
  const form = parsed.form;
  if (sameData(registration, form)) return say(correctionTexts.unchanged(registration.queueNumber));
  const holder = context.facts?.nikHolder;
  if (holder === undefined) throw new Error('UBAH DATA needs the NIK holder (lookupsFor)');
  if (holder && holder.queueNumber !== registration.queueNumber) {
    return say(
      holder.ownerKey === context.applicant?.key
        ? messages.registration.nikHasOpenRegistration(holder.queueNumber)
        : messages.registration.nikHeldElsewhere(context.office),
    );
  }
  return say(
    correctionTexts.corrected(registration.queueNumber, {
      name: form.name,
      birth: `${form.placeOfBirth}, ${formatDayDate(form.dateOfBirth)}`,
      nikLastFour: form.nik.slice(-4),
      phone: form.phone,
    }),
    [{ type: 'correct-registration', queueNumber: registration.queueNumber, form }],
  );
}
