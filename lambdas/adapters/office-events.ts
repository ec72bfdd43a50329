/**
 * An applicant's event made a registry office's. Its own module: the worker routes the events the webhook
 * could not, and importing this from the webhook's schema module would build all of Meta's envelope schemas
 * at every worker cold start.
 */
import { officeApplicantKey } from '../domain/offices';
import type { InboundEvent, StatusEvent } from '../queue-events';

/** An event of a registry office: its id, and its applicant's session key with that office. */
export function ofOffice<E extends InboundEvent | StatusEvent>(event: E, officeId: string): E {
  return { ...event, office: officeId, applicant: { ...event.applicant, key: officeApplicantKey(event.applicant.key, officeId) } };
}
