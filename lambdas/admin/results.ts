/**
 * What the admin API's functions answer inside the admin slice: a typed value, or a problem of a kind
 * with the officer's message. The HTTP status of each kind is chosen once, in `toHttp`, where the
 * handler turns a result into a response; the pages read the values as they are, without re-parsing.
 */
import { officerAnswerTexts } from '../domain/texts/officer-answers';
import { httpStatusOf, type OutcomeKind } from '../http/status';

export type AdminProblemKind =
  /** The request's body or query does not say what the API needs. */
  | 'malformed'
  | 'not-found'
  /** The registration's status does not allow this, or another officer changed it at the same time. */
  | 'conflict'
  /** A rule of the office refuses it (a full day, a note too long, a disabled self). */
  | 'refused'
  /** Not this officer's to do (another office's officers, managing offices without being superadmin). */
  | 'forbidden';

export interface AdminProblem {
  readonly kind: AdminProblemKind;
  /** The machine-readable `error` of the JSON answer (docs/contract.md). */
  readonly error: string;
  readonly message: string;
}

export type AdminResult<T> = { readonly ok: true; readonly value: T; readonly created?: true } | { readonly ok: false; readonly problem: AdminProblem };

export const ok = <T>(value: T): AdminResult<T> => ({ ok: true, value });

export const created = <T>(value: T): AdminResult<T> => ({ ok: true, value, created: true });

export const problem = (kind: AdminProblemKind, error: string, message: string): { readonly ok: false; readonly problem: AdminProblem } => ({
  ok: false,
  problem: { kind, error, message },
});

export const malformed = (what: string) => problem('malformed', 'malformed', officerAnswerTexts.officer.malformed(what));

export const notFound = (queueNumber: string) => problem('not-found', 'not-found', officerAnswerTexts.officer.notFound(queueNumber));

/** Each kind's place in the one table of HTTP status codes (lambdas/http/status.ts). */
const OUTCOME_OF: Readonly<Record<AdminProblemKind, OutcomeKind>> = {
  malformed: 'bad-request',
  'not-found': 'not-found',
  conflict: 'conflict',
  refused: 'invalid',
  forbidden: 'forbidden',
};

/** The HTTP answer of a result: `200` (`201` when created) with the value, or the problem's status with `{error, message}`. */
export function toHttp(result: AdminResult<unknown>): { readonly status: number; readonly body: unknown } {
  if (result.ok) return { status: httpStatusOf(result.created ? 'created' : 'ok'), body: result.value };
  return { status: httpStatusOf(OUTCOME_OF[result.problem.kind]), body: { error: result.problem.error, message: result.problem.message } };
}
