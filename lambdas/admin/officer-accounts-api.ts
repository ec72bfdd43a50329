/**
 * The officer-accounts part of the JSON API (`admin` only; the router has checked the role): list, add
 * and disable, each a typed result (lambdas/admin/results.ts) with an Indonesian `message` when refused.
 */
import { addOfficer, disableOfficer, listOfficers, type AuthDeps, type NewOfficerProblem } from './auth';
import type { Officer } from './officer-api';
import { created, ok, problem, type AdminResult } from './results';
import { ADMIN_TEXTS as TEXTS } from '../domain/texts/officer';

export type OfficerAccountsRoute =
  { readonly name: 'list-officers' } | { readonly name: 'add-officer' } | { readonly name: 'disable-officer'; readonly username: string };

export interface OfficerAccountsDeps extends Pick<AuthDeps, 'officers' | 'clock'> {
  readonly log: { info(message: string, fields: Record<string, unknown>): void };
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
): Promise<AdminResult<unknown>> {
  switch (route.name) {
    case 'list-officers':
      return ok(await listOfficers(deps));
    case 'add-officer': {
      const input = asNewOfficer(body);
      if (!input) return problem('malformed', 'bad-request', TEXTS.badRequest);
      const result = await addOfficer(deps, input, actor.username);
      if (result.kind === 'exists') return problem('conflict', 'officer-exists', TEXTS.officerExists);
      if (result.kind === 'invalid') return problem('refused', result.problem, PROBLEM_TEXTS[result.problem]);
      deps.log.info('officer added', { officer: actor.username, added: result.officer.username, role: result.officer.role });
      return created(result.officer);
    }
    case 'disable-officer': {
      const result = await disableOfficer(deps, route.username, actor.username);
      if (result === 'not-found') return problem('not-found', 'not-found', TEXTS.officerNotFound);
      if (result === 'self') return problem('refused', 'self', TEXTS.officerCannotDisableSelf);
      deps.log.info('officer disabled', { officer: actor.username, disabled: route.username });
      return ok({ username: route.username, disabled: true });
    }
  }
}

function asNewOfficer(value: unknown): { username: string; password: string; role: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { username, password, role } = value as Record<string, unknown>;
  if (typeof username !== 'string' || typeof password !== 'string' || typeof role !== 'string') return undefined;
  return { username, password, role };
}
