/**
 * The officer-accounts part of the JSON API (`admin` only; the router has checked the role): list, add
 * and disable, each a typed result (lambdas/admin/results.ts) with an Indonesian `message` when refused.
 */
import { addOfficer, disableOfficer, listOfficers, type AuthDeps, type NewOfficerProblem } from './auth';
import type { Officer } from './officer-api';
import { created, ok, problem, type AdminResult } from './results';
import { ADMIN_TEXTS as TEXTS } from '../domain/texts/officer';
import { OFFICE_TEXTS } from '../domain/texts/offices';

export type OfficerAccountsRoute =
  { readonly name: 'list-officers' } | { readonly name: 'add-officer' } | { readonly name: 'disable-officer'; readonly username: string };

export interface OfficerAccountsDeps extends Pick<AuthDeps, 'officers' | 'clock'> {
  readonly log: { info(message: string, fields: Record<string, unknown>): void };
  /** Many offices: the default office's id and whether an id is an office; none: one office, as before. */
  readonly offices?: { readonly defaultId: string; isKnown(id: string): Promise<boolean> };
}

/** Whose accounts the actor manages: a superadmin every office's, an office admin their own office's. */
export interface AccountScope {
  readonly office?: string;
  readonly superadmin?: boolean;
}

const PROBLEM_TEXTS: Readonly<Record<NewOfficerProblem, string>> = {
  'invalid-username': TEXTS.officerInvalidUsername,
  'password-too-short': TEXTS.officerPasswordTooShort,
  'password-too-long': TEXTS.officerPasswordTooLong,
  'invalid-role': TEXTS.officerInvalidRole,
};

export async function officerAccountsCall(
  route: OfficerAccountsRoute,
  body: unknown,
  actor: Officer,
  deps: OfficerAccountsDeps,
  scope: AccountScope = {},
): Promise<AdminResult<unknown>> {
  const mine = (office: string | undefined) => scope.superadmin || office === scope.office;
  switch (route.name) {
    case 'list-officers':
      return ok((await listOfficers(deps)).filter((officer) => mine(officer.office)));
    case 'add-officer': {
      const input = asNewOfficer(body);
      if (!input) return problem('malformed', 'bad-request', TEXTS.badRequest);
      // The default office's officers carry no office (as every account before many offices).
      const office =
        input.office === undefined ? (scope.superadmin ? undefined : scope.office) : input.office === deps.offices?.defaultId ? undefined : input.office;
      if (input.office !== undefined && input.office !== deps.offices?.defaultId && !(await deps.offices?.isKnown(input.office)))
        return problem('refused', 'unknown-office', OFFICE_TEXTS.unknownOffice);
      if (!mine(office)) return problem('forbidden', 'forbidden', OFFICE_TEXTS.otherOffice);
      const result = await addOfficer(deps, { ...input, ...(office ? { office } : {}) }, actor.username);
      if (result.kind === 'exists') return problem('conflict', 'officer-exists', TEXTS.officerExists);
      if (result.kind === 'invalid') return problem('refused', result.problem, PROBLEM_TEXTS[result.problem]);
      deps.log.info('officer added', { officer: actor.username, added: result.officer.username, role: result.officer.role });
      return created(result.officer);
    }
    case 'disable-officer': {
      const target = await deps.officers.get(route.username);
      if (target && !mine(target.office)) return problem('not-found', 'not-found', TEXTS.officerNotFound);
      const result = await disableOfficer(deps, route.username, actor.username);
      if (result === 'not-found') return problem('not-found', 'not-found', TEXTS.officerNotFound);
      if (result === 'self') return problem('refused', 'self', TEXTS.officerCannotDisableSelf);
      deps.log.info('officer disabled', { officer: actor.username, disabled: route.username });
      return ok({ username: route.username, disabled: true });
    }
  }
}

function asNewOfficer(value: unknown): { username: string; password: string; role: string; office?: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { username, password, role, office } = value as Record<string, unknown>;
  if (typeof username !== 'string' || typeof password !== 'string' || typeof role !== 'string') return undefined;
  if (office !== undefined && typeof office !== 'string') return undefined;
  return { username, password, role, ...(office !== undefined ? { office } : {}) };
}
