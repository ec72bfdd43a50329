/** Typed errors, mapped to replies or HTTP statuses in one place each. */
export class DuplicateEventError extends Error {
  override readonly name = 'DuplicateEventError';
  constructor(readonly eventId: string) {
    super(`event ${eventId} was already processed`);
  }
}

export class ConcurrentUpdateError extends Error {
  override readonly name = 'ConcurrentUpdateError';
  constructor(readonly key: string) {
    super(`session ${key} was changed by someone else`);
  }
}

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** An error from the Graph API, classified by Meta's error code (docs/whatsapp-cloud-api.md, "Error codes and rate limits"). */
export class GraphApiError extends Error {
  override readonly name = 'GraphApiError';
  constructor(
    readonly code: number,
    readonly title: string,
    readonly retryable: boolean,
    readonly httpStatus: number,
    readonly fbtraceId?: string,
  ) {
    super(`Graph API error ${code}: ${title}`);
  }
}

/** Media the applicant sent that cannot be stored; the applicant is told why. */
export class MediaRejectedError extends Error {
  override readonly name = 'MediaRejectedError';
  constructor(
    readonly reason: 'too-large' | 'wrong-type' | 'unavailable',
    readonly size?: number,
  ) {
    super(`media rejected: ${reason}`);
  }
}

/**
 * A send that may have reached Meta and is not settled: the request timed out or was cut off, or Meta
 * accepted it and the record that says so could not be written. The retry must not send it again at
 * once: it first waits long enough for Meta's status webhook (which carries the outbox id) to arrive.
 */
export class SendOutcomeUnknownError extends Error {
  override readonly name = 'SendOutcomeUnknownError';
  constructor(
    readonly outboxId: string,
    override readonly cause: unknown,
  ) {
    super(`send of ${outboxId} not settled: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`);
  }
}
