/**
 * What the admin API's functions answer inside the admin slice: a typed value, or a problem of a kind
 * with the officer's message. The HTTP status of each kind is chosen once, in `toHttp`, where the
 * handler turns a result into a response; the pages read the values as they are, without re-parsing.
 */
import { messages } from '../domain/messages';

export type AdminProblemKind =
  /** The request's body or query does not say what the API needs. */
  | 'malformed'
  | 'not-found'
  /** The registration's status does not allow this, or another officer changed it at the same time. */
  | 'conflict'
  /** A rule of the office refuses it (a full day, a note too long, a disabled self). */
  | 'refused';

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

export const malformed = (what: string) => problem('malformed', 'malformed', messages.officer.malformed(what));

export const notFound = (queueNumber: string) => problem('not-found', 'not-found', messages.officer.notFound(queueNumber));

const HTTP_STATUS: Readonly<Record<AdminProblemKind, number>> = { malformed: 400, 'not-found': 404, conflict: 409, refused: 422 };

/** The HTTP answer of a result: `200` (`201` when created) with the value, or the problem's status with `{error, message}`. */
export function toHttp(result: AdminResult<unknown>): { readonly status: number; readonly body: unknown } {
  if (result.ok) return { status: result.created ? 201 : 200, body: result.value };
  return { status: HTTP_STATUS[result.problem.kind], body: { error: result.problem.error, message: result.problem.message } };
}
