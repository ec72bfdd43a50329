/**
 * The few kinds of form part an officer action's form on the review screen is made of. An action declares
 * its form from these (officer-action-declarations.ts) and the review screen draws it
 * (admin/pages/action-forms.ts), so a new action needs no page code of its own; only a new kind of part does.
 */
import type { RegistrationStatus } from './registration';

export type ActionFormPart =
  /** The open days as buttons, a typed date that echoes its day, the time and a one-line note (`date`, `time`, `note`). */
  | {
      readonly kind: 'schedule';
      /** `first-free`: the first day with a free place; `requested`: the date the applicant asked for, with `hint`. */
      readonly prefill: 'first-free' | 'requested';
      /** Above the fields: `requested` when the applicant asked for a date (`{date}`), `otherwise` when not. */
      readonly hint?: { readonly requested: string; readonly otherwise: string };
    }
  /** The registration's documents as check boxes (`requirements`, a list). */
  | { readonly kind: 'documents'; readonly label: string }
  /** A text the officer writes: one line, or `lines` lines. */
  | {
      readonly kind: 'text';
      readonly name: string;
      readonly label: string;
      readonly maxLength: number;
      readonly lines?: number;
      readonly required: boolean;
      /** A number typed on a phone's number pad (a counter). */
      readonly numeric?: boolean;
      /** Filled with the registration's own value of this field (calling again to the same counter). */
      readonly valueFrom?: 'counter';
    };

export interface ActionFormButton {
  readonly label: string;
  readonly look: 'primary' | 'plain' | 'success' | 'danger';
  readonly icon?: 'check' | 'cross';
  /** After saving, go on to the next registration waiting for review (only in these statuses, when given). */
  readonly andNext?: true | readonly RegistrationStatus[];
  /** Control+Enter presses this button; the words explain it. */
  readonly shortcut?: string;
  /** The button sends this field as a JSON boolean (a form of two answers). */
  readonly sends?: { readonly name: string; readonly value: boolean };
}

export interface ActionForm {
  readonly title: string;
  /**
   * `open`: a titled form; `untitled`: the first decision, its title only for screen readers; `folded`: folded
   * under its title, open unless the status is one of `foldedIn`; `danger`: folded, red, asks `confirm` first.
   */
  readonly look: 'open' | 'untitled' | 'folded' | 'danger';
  readonly foldedIn?: readonly RegistrationStatus[];
  readonly confirm?: string;
  readonly parts: readonly ActionFormPart[];
  readonly buttons: readonly ActionFormButton[];
}
