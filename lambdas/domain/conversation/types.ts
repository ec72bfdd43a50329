/** The conversation's state, its inputs' context and what a decision returns. */
import { type IsoDate } from '../calendar';
import { type OfficeProfile } from '../office';
import type { NotificationKind } from '../officer-action-declarations';
import { type Registration } from '../registration';
import { type DayState } from '../schedule';
import { type FormField, type RegistrationForm } from '../registration-form';
import { type ConsentRecord, type DataRequestKind, type DataRequestOutcome } from '../personal-data';
import { type Reply } from '../replies';
import { type CheckInFacts } from '../check-in';
import { type SatisfactionStep } from '../satisfaction';
import { type RequirementId, type ServiceId } from '../services';

export type PageCounts = Readonly<Partial<Record<RequirementId, number>>>;

export type Step =
  | { readonly name: 'idle' }
  | { readonly name: 'menu' }
  | {
      readonly name: 'documents';
      readonly serviceId: ServiceId;
      readonly draftId: string;
      /** Chat mode: pages received per requirement, the one asked for, the last one filled. */
      readonly pages?: PageCounts;
      readonly asking?: RequirementId;
      readonly last?: RequirementId;
      /** Chat mode, after TAMBAH: the next file is another page of this requirement. */
      readonly appendTo?: RequirementId;
      /** Redoing documents an officer asked to fix, for this registration. */
      readonly fixFor?: { readonly queueNumber: string; readonly requirements: readonly RequirementId[] };
      /** Web mode: the upload link this step's replies repeat. */
      readonly link?: IssuedLink;
    }
  | {
      readonly name: 'registration';
      readonly serviceId: ServiceId;
      readonly draftId: string;
      /** Lines (or Flow forms) refused at this step; the second switches to one question at a time. */
      readonly refused?: number;
      /** One question at a time: the answers so far and the question waiting. */
      readonly questions?: Questions;
    }
  /** After the reschedule number: waiting for `nama/DD-MM-YYYY` (the `Ubah jadwal:` prefix optional here). */
  | { readonly name: 'reschedule' }
  /** After BATAL with several open registrations: which one. */
  | { readonly name: 'cancel-choose'; readonly candidates: readonly string[] }
  /** The one confirmation question before cancelling. */
  | { readonly name: 'cancel-confirm'; readonly queueNumber: string }
  /** After HAPUS DATA: waiting for YA HAPUS. */
  | { readonly name: 'erase-confirm' }
  /** The privacy notice asked before the chosen service's first personal data (domain/consent.ts). */
  | { readonly name: 'consent'; readonly serviceId: ServiceId }
  /** After SELESAI: the satisfaction question, then the optional comment (domain/satisfaction.ts). */
  | SatisfactionStep
  /** Its day closed, "Pilih tanggal lain": waiting for a date typed as DD-MM-YYYY. */
  | { readonly name: 'rebook-date'; readonly queueNumber: string };

/** The registration asked one value at a time: answers are kept as typed (each already checked) until the last. */
export interface Questions {
  readonly answers: Readonly<Partial<Record<FormField, string>>>;
  /** A field's question, or `confirm`: YA/TIDAK to a NIK whose date differs from the birth date. */
  readonly asking: FormField | 'confirm';
}

/** An upload link as the applicant received it, with the moment it stops working. */
export interface IssuedLink {
  readonly url: string;
  readonly expiresAt: string;
}

/** Documents gathered for a service and not yet part of a registration: choosing the service again continues them. */
export interface OpenApplication {
  readonly draftId: string;
  readonly link?: IssuedLink;
}

export interface Conversation {
  readonly step: Step;
  /** One open application per service; kept across every step until its registration is created. */
  readonly open?: Readonly<Partial<Record<ServiceId, OpenApplication>>>;
  /** The privacy notice agreed to (domain/consent.ts); kept across every step until an erasure. */
  readonly consent?: ConsentRecord;
}

export const NEW_CONVERSATION: Conversation = { step: { name: 'idle' } };

export interface ApplicantIdentity {
  readonly key: string;
  readonly waId?: string;
  readonly userId?: string;
  readonly profileName?: string;
}

/** Facts from storage that some inputs need; `lookupsFor` says which, the caller fetches them. */
export interface Facts {
  /** Requirements of the current draft that have at least one document (web mode). */
  readonly draftRequirements?: readonly RequirementId[];
  /** The open registration holding the NIK of a valid registration line, or `null` when it is free. */
  readonly nikHolder?: { readonly queueNumber: string; readonly ownerKey: string } | null;
  /** A queue number reserved for a valid registration line whose NIK is free. */
  readonly queueNumber?: string;
  /** The registrations this WhatsApp account owns (STATUS, BATAL, Ubah jadwal). */
  readonly ownRegistrations?: readonly Registration[];
  /** The day an applicant asks to move to. */
  readonly requestedDay?: DayState;
  /** DATA SAYA: the requirements with documents on file, by draft id (the own registrations' and the open applications'). */
  readonly documentsByDraft?: Readonly<Record<string, readonly RequirementId[]>>;
  /** HADIR: today's and yesterday's codes and today's appointments (domain/check-in.ts). */
  readonly checkIn?: CheckInFacts;
}

export interface DecisionContext {
  readonly now: Date;
  readonly office: OfficeProfile;
  readonly applicant?: ApplicantIdentity;
  /** A fresh id for the documents of a new application, made by the caller so this stays pure. */
  readonly newDraftId: string;
  /** The applicant's own signed upload link for a draft (web mode), for some requirements only if given, working until `expiresAt` (ms). */
  readonly uploadLink: (serviceId: ServiceId, draftId: string, only?: readonly RequirementId[], expiresAt?: number, note?: string) => string;
  readonly facts?: Facts;
}

/** What the caller must carry out for a decision to hold; all of it idempotent. */
export type Effect =
  | {
      readonly type: 'store-media';
      readonly draftId: string;
      readonly requirement: RequirementId;
      readonly mediaId: string;
      readonly mimeType: string;
      readonly sha256?: string;
      readonly filename: string;
      readonly key: string;
    }
  | { readonly type: 'clear-requirement'; readonly draftId: string; readonly requirement: RequirementId }
  | { readonly type: 'create-registration'; readonly registration: Registration }
  /** The documents an officer asked for are in: the registration goes back to PENDING. */
  | { readonly type: 'documents-fixed'; readonly queueNumber: string }
  /** The applicant's own changes, carried out (on the registration as it is then) before the decision is saved. */
  | { readonly type: 'applicant-cancel'; readonly queueNumber: string }
  | { readonly type: 'applicant-reschedule'; readonly queueNumber: string; readonly date: IsoDate }
  /**
   * HAPUS DATA confirmed: the closed registrations (documents, proofs, data, history; a tombstone stays)
   * and the documents of applications never registered. The conversation itself is reset by the decision.
   */
  | { readonly type: 'erase-applicant'; readonly queueNumbers: readonly string[]; readonly draftIds: readonly string[] }
  /** An access or erasure request, kept so the office can show when and how it was answered. */
  | { readonly type: 'record-data-request'; readonly kind: DataRequestKind; readonly queueNumbers: readonly string[]; readonly outcome: DataRequestOutcome }
  /** DATA SAYA's PDF copy of `text` (the message itself), sent after it as a document behind a short-lived link. */
  | { readonly type: 'held-data-copy'; readonly text: string }
  /** UBAH DATA: the applicant's own correction before confirmation (domain/corrections.ts), NIK guard swapped with it. */
  | { readonly type: 'correct-registration'; readonly queueNumber: string; readonly form: RegistrationForm }
  /** HADIR with today's code: these registrations of today are checked in at `at` (already checked in ones are kept). */
  | { readonly type: 'check-in'; readonly queueNumbers: readonly string[]; readonly at: string }
  /** The answer to the satisfaction question (1–5), or the comment after it, kept on the registration. */
  | { readonly type: 'record-satisfaction'; readonly queueNumber: string; readonly rating?: number; readonly comment?: string }
  /** *Datang* to the reminder: kept on the registration (attendance) for officers. */
  | { readonly type: 'record-attendance'; readonly queueNumber: string }
  /** A closed day's registration moved to the date the applicant chose (capacity-safe; stage 7 and the PDF follow). */
  | { readonly type: 'rebook'; readonly queueNumber: string; readonly date: IsoDate }
  /** MAJUKAN / MAJUKAN BATAL: on or off the waitlist for an earlier date. */
  | { readonly type: 'waitlist'; readonly queueNumber: string; readonly join: boolean }
  /** *Ambil*: the offered earlier place taken (capacity-safe; stage 7 and the PDF follow). */
  | { readonly type: 'take-offer'; readonly queueNumber: string; readonly date: IsoDate }
  /** *Pilih tanggal* on the closed-day template: the dates open now, as the message inside the window has them. */
  | { readonly type: 'rebooking-choices'; readonly queueNumber: string };

export interface Decision {
  readonly conversation: Conversation;
  readonly replies: readonly Reply[];
  readonly effects: readonly Effect[];
}

/** A media effect that could not be carried out, fed back in so the applicant hears why. */
export type MediaFailure = { readonly kind: 'media-failed'; readonly reason: 'too-large' | 'wrong-type' | 'unavailable'; readonly size?: number };

export const MENU_CHOICE_PREFIX = 'menu:';

/** A service's menu number or a self-service one (RESCHEDULE_MENU_NUMBER). */
export type MenuChoice = number;
export type DocumentsStep = Extract<Step, { name: 'documents' }>;

export type RegistrationStep = Extract<Step, { name: 'registration' }>;

/** An officer's decision, as the applicant hears it; a request for fixes also changes the conversation. */
export interface Notice {
  readonly kind: NotificationKind;
  readonly registration: Registration;
  /** The PDF proof (confirmed, rescheduled): a link Meta can fetch. */
  readonly proofLink?: string;
  readonly previousDate?: IsoDate;
}
