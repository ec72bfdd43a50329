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
  /** The form's heading and its submit button on the review screen (and any other label the form has). */
  readonly page: { readonly title: string; readonly button: string } & Readonly<Record<string, string>>;
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
    page: WORDS.confirm.page,
  }),
  reschedule: officerAction({
    allowedStatuses: ['DIKONFIRMASI', 'PERUBAHAN_DIMINTA', 'PERLU_JADWAL_ULANG'],
    body: appointment,
    audit: WORDS.reschedule.audit,
    notice: { kind: 'rescheduled', delivery: WORDS.reschedule.delivery, proof: true },
    page: WORDS.reschedule.page,
  }),
  complete: officerAction({
    allowedStatuses: ['DIKONFIRMASI', 'PERUBAHAN_DIMINTA'],
    body: z.object({ attended: input.flag }),
    audit: WORDS.complete.audit,
    page: WORDS.complete.page,
  }),
  'request-fix': officerAction({
    allowedStatuses: ['PENDING', 'PERLU_PERBAIKAN'],
    body: z.object({
      note: input.text(2000),
      requirements: z.optional(z.array(input.text(50)).check(z.maxLength(20, PROBLEMS.tooManyDocuments(20)))),
    }),
    audit: WORDS['request-fix'].audit,
    notice: { kind: 'fix-requested', delivery: WORDS['request-fix'].delivery, proof: false },
    page: WORDS['request-fix'].page,
  }),
  cancel: officerAction({
    allowedStatuses: ['PENDING', 'PERLU_PERBAIKAN', 'DIKONFIRMASI', 'PERUBAHAN_DIMINTA', 'PERLU_JADWAL_ULANG'],
    body: z.object({ reason: input.text(2000) }),
    audit: WORDS.cancel.audit,
    notice: { kind: 'cancelled', delivery: WORDS.cancel.delivery, proof: false },
    page: WORDS.cancel.page,
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

type DeclaredNotice = NonNullable<Declarations[OfficerActionName]['notice']>;
/** What an applicant can be told about an officer's decision. */
export type NotificationKind = DeclaredNotice['kind'];

const NOTICES: readonly DeclaredNotice[] = OFFICER_ACTION_NAMES.flatMap((name) => {
  const declared: OfficerActionDeclaration<unknown, string, NotificationKind> = OFFICER_ACTIONS[name];
  return declared.notice ? [declared.notice] : [];
});

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
