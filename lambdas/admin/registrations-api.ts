/**
 * The officers' registrations API (docs/contract.md): lists, detail with documents and audit, the actions of
 * the status table, days and their capacity, proof verification. Authentication, CSRF and roles are the
 * handler's; this validates bodies, applies the rules and answers typed results (lambdas/admin/results.ts),
 * which the handler turns into HTTP answers.
 */
import type { RegistrationsApi, RegistrationsApiDeps } from './officer-api';
import { createDayOfApi } from './day-of-api';
import { createDailyReportApi } from './reports-daily';
import { createDaysApi } from './days-api';
import { createRegistrationActions } from './registration-actions';
import { createRegistrationReads } from './registration-reads';
import { createReportsApi } from './reports-api';

export type { RegistrationsApiDeps } from './officer-api';
export { DOCUMENT_LINK_SECONDS } from './registration-reads';
export { deliveryName, nextPendingAfter, registrationView } from './registration-view';

export function createRegistrationsApi(deps: RegistrationsApiDeps): RegistrationsApi {
  return {
    ...createRegistrationReads(deps),
    ...createRegistrationActions(deps),
    ...createDaysApi(deps),
    ...createReportsApi(deps),
    ...createDayOfApi(deps),
    ...createDailyReportApi(deps),
  };
}
