/** What an applicant sent, reduced to what the conversation needs; adapters map Meta's types onto it. */
import type { RawRegistrationFields } from './registration-form';

export type MediaKind = 'image' | 'document' | 'audio' | 'video' | 'sticker';

export type InboundContent =
  | { readonly kind: 'text'; readonly text: string }
  /** A tap on an interactive list row or reply button, or a template quick-reply button. */
  | { readonly kind: 'choice'; readonly id: string; readonly title: string }
  | {
      readonly kind: 'media';
      readonly mediaKind: MediaKind;
      readonly mediaId: string;
      readonly mimeType: string;
      readonly sha256?: string;
      readonly caption?: string;
      readonly filename?: string;
      readonly url?: string;
    }
  /** The registration Flow submitted (Meta's `nfm_reply`): its five values as received, `''` where one is missing. */
  | { readonly kind: 'form'; readonly fields: RawRegistrationFields }
  /** Reactions, edits, deletions and system notices: never answered. */
  | { readonly kind: 'silent'; readonly reason: string }
  /** Locations, contacts, orders, unsupported types: answered with a prompt. */
  | { readonly kind: 'other'; readonly type: string };
