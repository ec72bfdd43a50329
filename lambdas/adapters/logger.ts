/**
 * One structured logger. Ids go in as keys; personal data never does: applicant keys and phone numbers
 * as a keyed hash (`applicantTag`), NIKs masked to their last four digits (domain/personal-data.ts).
 */
import { createHmac } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({ serviceName: 'si-bapao' });

/**
 * The applicant's correlation id in logs: a keyed hash of their applicant key (a phone number or Meta's
 * user id), the same in every line about them and unguessable without the deployment's secret.
 */
export function applicantTag(secret: string, applicantKey: string): string {
  return createHmac('sha256', secret).update(`applicant:${applicantKey}`).digest('hex').slice(0, 12);
}
