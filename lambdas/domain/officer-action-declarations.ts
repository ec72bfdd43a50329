/**
 * Every action an officer can take on a registration, declared once: its name (the API's path segment
 * `POST api/registrations/{q}/{action}`), the statuses it is allowed in (the status table of
 * docs/contract.md), the body it takes, the history lines it writes, the notice it sends the applicant and
 * its words on the review screen (those in texts/officer-actions.ts). The router, the API's validation, the review screen's forms, the
 * history, the delivery list and the notify event all follow from this table; the rule itself is
 * `decideOfficerAction` (officer-actions.ts), and a notice's chat text is `applyNotice` (conversation.ts).
 * The order is the order of the forms on the review screen.
 */
import * as z from 'zod/mini';
import type { ActionForm } from './officer-action-forms';
import { officerInput as input } from './officer-input';
import type { RegistrationStatus } from './registration';
import { OFFICER_ACTION_WORDS as WORDS, OFFICER_INPUT_PROBLEMS as PROBLEMS } from './texts/officer-actions';

interface OfficerActionDeclaration<Body, AuditAction extends string, NoticeKind extends string> {
  readonly allowedStatuses: readonly RegistrationStatus[];
  /** What the API accepts as the request's JSON body. */
  readonly body: z.ZodMiniType<Body>;
  /** The history lines the action writes (its audit action → how the review screen names it). */
  readonly audit: Readonly<Record<AuditAction, string>>;
  /**
   * The applicant is told (a `notify` event of this kind, told in order in their own stream); `delivery`
   * names that message in the officers' delivery list; `proof` sends the PDF proof with it.
   */
  readonly notice?: { readonly kind: NoticeKind; readonly delivery: string; readonly proof: boolean };
  /** Its form on the review screen, made of the kinds of part the screen knows (officer-action-forms.ts). */
  readonly form: ActionForm;
}

const officerAction = <Body, AuditAction extends string, NoticeKind extends string = never>(
  declaration: OfficerActionDeclaration<Body, AuditAction, NoticeKind>,
) => declaration;

const appointment = z.object({ date: input.isoDate, time: input.time, note: z.optional(input.text(1000)) });

export const OFFICER_ACTIONS = {
  confirm: officerAction({
    allowedStatuses: ['PENDING', 'PERLU_JADWAL_ULANG'],
    body: appointment,
    audit: WORDS.confirm.audit,
    notice: { kind: 'confirmed', delivery: WORDS.confirm.delivery, proof: true },
    form: {
      title: WORDS.confirm.page.title,
      look: 'untitled',
      parts: [{ kind: 'schedule', prefill: 'first-free' }],
      buttons: [
        { label: WORDS.confirm.page.andNext, look: 'primary', icon: 'check', andNext: true, shortcut: WORDS.confirm.page.shortcut },
        { label: WORDS.confirm.page.button, look: 'plain' },
      ],
    },
  }),
  reschedule: officerAction({
    allowedStatuses: ['DIKONFIRMASI', 'PERUBAHAN_DIMINTA', 'PERLU_JADWAL_ULANG'],
    body: appointment,
    audit: WORDS.reschedule.audit,
    notice: { kind: 'rescheduled', delivery: WORDS.reschedule.delivery, proof: true },
    form: {
      title: WORDS.reschedule.page.title,
      look: 'open',
      parts: [{ kind: 'schedule', prefill: 'requested', hint: { requested: WORDS.reschedule.page.requested, otherwise: WORDS.reschedule.page.byOffice } }],
      buttons: [{ label: WORDS.reschedule.page.button, look: 'primary' }],
    },
  }),
  complete: officerAction({
    // TIDAK_HADIR: the end-of-day mark corrected on the same day (officer-actions.ts refuses it later).
    allowedStatuses: ['DIKONFIRMASI', 'PERUBAHAN_DIMINTA', 'DILAYANI', 'TIDAK_HADIR'],
    body: z.object({ attended: input.flag }),
    audit: WORDS.complete.audit,
    // Only when it ends SELESAI: the satisfaction question (domain/satisfaction.ts).
    notice: { kind: 'finished', delivery: WORDS.complete.delivery, proof: false },
    form: {
      title: WORDS.complete.page.title,
      look: 'open',
      parts: [],
      buttons: [
        { label: WORDS.complete.page.button, look: 'success', icon: 'check', sends: { name: 'attended', value: true } },
        { label: WORDS.complete.page.noShowButton, look: 'plain', icon: 'cross', sends: { name: 'attended', value: false } },
      ],
    },
  }),
  'request-fix': officerAction({
    allowedStatuses: ['PENDING', 'PERLU_PERBAIKAN'],
    body: z.object({
      note: input.text(2000),
      requirements: z.optional(z.array(input.text(50)).check(z.maxLength(20, PROBLEMS.tooManyDocuments(20)))),
    }),
    audit: WORDS['request-fix'].audit,
    notice: { kind: 'fix-requested', delivery: WORDS['request-fix'].delivery, proof: false },
    form: {
      title: WORDS['request-fix'].page.title,
      look: 'folded',
      foldedIn: ['PENDING'],
      parts: [
        { kind: 'documents', label: WORDS['request-fix'].page.documents },
        { kind: 'text', name: 'note', label: WORDS['request-fix'].page.note, maxLength: 500, lines: 3, required: true },
      ],
      buttons: [
        { label: WORDS['request-fix'].page.andNext, look: 'plain', andNext: ['PENDING'] },
        { label: WORDS['request-fix'].page.button, look: 'plain' },
      ],
    },
  }),
  cancel: officerAction({
    allowedStatuses: ['PENDING', 'PERLU_PERBAIKAN', 'DIKONFIRMASI', 'PERUBAHAN_DIMINTA', 'PERLU_JADWAL_ULANG'],
    body: z.object({ reason: input.text(2000) }),
    audit: WORDS.cancel.audit,
    notice: { kind: 'cancelled', delivery: WORDS.cancel.delivery, proof: false },
    form: {
      title: WORDS.cancel.page.title,
      look: 'danger',
      confirm: WORDS.cancel.page.confirm,
      parts: [{ kind: 'text', name: 'reason', label: WORDS.cancel.page.reason, maxLength: 500, lines: 2, required: true }],
      buttons: [{ label: WORDS.cancel.page.button, look: 'danger' }],
    },
  }),
  /** The day of the interview: "Giliran Anda" with the counter; the registration is being served (`DILAYANI`). */
  call: officerAction({
    allowedStatuses: ['DIKONFIRMASI', 'DILAYANI'],
    body: z.object({ counter: z.optional(z.union([input.text(10), z.number()])) }),
    audit: WORDS.call.audit,
    notice: { kind: 'called', delivery: WORDS.call.delivery, proof: false },
    form: {
      title: WORDS.call.page.title,
      look: 'open',
      parts: [{ kind: 'text', name: 'counter', label: WORDS.call.page.counter, maxLength: 10, required: false, numeric: true, valueFrom: 'counter' }],
      buttons: [{ label: WORDS.call.page.button, look: 'primary' }],
    },
  }),
};

type Declarations = typeof OFFICER_ACTIONS;
export type OfficerActionName = keyof Declarations;

/** The names in the order of the table. */
export const OFFICER_ACTION_NAMES = Object.keys(OFFICER_ACTIONS) as OfficerActionName[];

/** What an officer asked for: the action's name and its body as the declaration parses it. */
export type OfficerActionInput = { [Name in OfficerActionName]: { readonly action: Name } & z.output<Declarations[Name]['body']> }[OfficerActionName];

/** Every history line an officer's action can write. */
export type OfficerAuditAction = { [Name in OfficerActionName]: keyof Declarations[Name]['audit'] & string }[OfficerActionName];

/** Notices no officer's action sends: the end-of-day job's no-show (use-cases/close-day.ts). */
const SYSTEM_NOTICES = [{ kind: 'no-show', delivery: WORDS.closeDay.delivery, proof: false }] as const;

/** What an applicant can be told about an officer's decision (or the office's end of the day). */
export type NotificationKind = NonNullable<Declarations[OfficerActionName]['notice']>['kind'] | (typeof SYSTEM_NOTICES)[number]['kind'];
interface DeclaredNotice {
  readonly kind: NotificationKind;
  readonly delivery: string;
  readonly proof: boolean;
}

const NOTICES: readonly DeclaredNotice[] = [
  ...OFFICER_ACTION_NAMES.flatMap((name) => {
    const declared: OfficerActionDeclaration<unknown, string, NotificationKind> = OFFICER_ACTIONS[name];
    return declared.notice ? [declared.notice] : [];
  }),
  ...SYSTEM_NOTICES,
];

export const NOTIFICATION_KINDS = NOTICES.map((notice) => notice.kind) as [NotificationKind, ...NotificationKind[]];

/** The notice of this kind as declared (its name in the delivery list, whether the proof goes with it). */
export function declaredNotice(kind: NotificationKind): DeclaredNotice {
  const found = NOTICES.find((notice) => notice.kind === kind);
  if (!found) throw new Error(`no officer action sends a "${kind}" notice`);
  return found;
}

/** How the review screen's history names each line an officer's action writes. */
export const OFFICER_AUDIT_LABELS: Readonly<Record<OfficerAuditAction, string>> = Object.assign(
  {},
  ...OFFICER_ACTION_NAMES.map((name) => OFFICER_ACTIONS[name].audit),
) as Record<OfficerAuditAction, string>;

/** The kind of notice this action sends the applicant, if it sends one. */
export function noticeKindOf(action: OfficerActionName): NotificationKind | undefined {
  const declared: OfficerActionDeclaration<unknown, string, NotificationKind> = OFFICER_ACTIONS[action];
  return declared.notice?.kind;
}

export function isNotificationKind(kind: string): kind is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(kind);
}
