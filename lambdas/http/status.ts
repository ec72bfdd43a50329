/**
 * The one table of HTTP status codes. The domain and the use cases say what happened in their own words
 * (a refusal is a `conflict` with the registration's state, or `invalid` input); only the HTTP layer turns
 * that into a code, here.
 */
export const HTTP_STATUS_OF = {
  ok: 200,
  created: 201,
  'bad-request': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  /** The request is fine but the thing is not in a state that allows it (already submitted, wrong status). */
  conflict: 409,
  gone: 410,
  'too-large': 413,
  /** Well-formed but refused by a rule (a full day, a missing reason, a file of the wrong kind). */
  invalid: 422,
  throttled: 429,
  error: 500,
  unavailable: 503,
} as const;

export type OutcomeKind = keyof typeof HTTP_STATUS_OF;

export function httpStatusOf(kind: OutcomeKind): number {
  return HTTP_STATUS_OF[kind];
}
