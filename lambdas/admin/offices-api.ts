/**
 * `GET api/offices` (a superadmin: every office; others: their own), `POST api/offices` and
 * `PUT api/offices/{id}` (superadmin only): the same checks and store as `npm run office`.
 */
import { saveOffice, type OfficeDirectory, type OfficeSaveResult } from '../config';
import type { Office } from '../domain/offices';
import { OFFICE_TEXTS } from '../domain/texts/offices';
import type { OfficeRegistry } from '../ports';
import { created, ok, problem, type AdminResult } from './results';

export type OfficesRoute = { readonly name: 'list-offices' } | { readonly name: 'add-office' } | { readonly name: 'update-office'; readonly id: string };

export interface OfficesDeps {
  readonly directory: OfficeDirectory;
  readonly registry: OfficeRegistry;
  readonly log: { info(message: string, fields: Record<string, unknown>): void };
}

export interface OfficeScope {
  readonly username: string;
  readonly office?: string;
  readonly superadmin?: boolean;
}

/** What officers see of an office: its routing and its profile's main values. */
export function officeSummary(office: Office, defaultId: string) {
  return {
    id: office.id,
    name: office.officeName,
    shortName: office.officeShortName,
    address: office.address,
    phoneNumberId: office.phoneNumberId,
    displayPhoneNumber: office.displayPhoneNumber,
    queuePrefix: office.queuePrefix,
    timezone: office.timezone,
    dayCapacity: office.dayCapacity,
    reminderHour: office.reminderHour,
    disabled: office.disabled,
    default: office.id === defaultId,
    ...(office.headOfOfficeWaId ? { headOfOfficeWaId: office.headOfOfficeWaId } : {}),
  };
}

export async function officesCall(route: OfficesRoute, body: unknown, scope: OfficeScope, deps: OfficesDeps): Promise<AdminResult<unknown>> {
  const defaultId = deps.directory.defaultOffice.id;
  if (route.name === 'list-offices') {
    const offices = await deps.directory.all();
    const own = scope.office ?? defaultId;
    return ok(offices.filter((office) => scope.superadmin || office.id === own).map((office) => officeSummary(office, defaultId)));
  }
  if (!scope.superadmin) return problem('forbidden', 'forbidden', OFFICE_TEXTS.superadminOnly);
  if (route.name === 'update-office' && (typeof body !== 'object' || body === null || (body as { id?: unknown }).id !== route.id)) {
    return answerOf({ kind: 'invalid', problems: [`id: must be ${route.id}`] }, false);
  }
  const result = await saveOffice(route.name === 'add-office' ? 'add' : 'change', body, { registry: deps.registry, directory: deps.directory });
  if (result.kind === 'saved') deps.log.info('office saved', { officer: scope.username, office: result.body.id, added: route.name === 'add-office' });
  return answerOf(result, route.name === 'add-office');
}

function answerOf(result: OfficeSaveResult, added: boolean): AdminResult<unknown> {
  switch (result.kind) {
    case 'saved':
      return added ? created(result.body) : ok(result.body);
    case 'invalid':
      return problem('refused', 'invalid-office', OFFICE_TEXTS.invalid(result.problems));
    case 'duplicate':
      return problem('conflict', 'duplicate', OFFICE_TEXTS.duplicate(result.field));
    case 'not-found':
      return problem('not-found', 'not-found', OFFICE_TEXTS.officeNotFound);
  }
}
