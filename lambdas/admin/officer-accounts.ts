/** The officer accounts: what officers see of them, adding, disabling, listing, and the first account. */
import type { OfficerRecord } from '../ports';
import { ConfigurationError } from '../errors';
import type { AuthDeps } from './auth';
import type { OfficerRole } from './officer-api';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, USERNAME_PATTERN } from './passwords';
import { OFFICER_ROLES } from './session-tokens';

/** Failed logins of one account within the current and the previous hour that mark it as being guessed. */
export const GUESSING_THRESHOLD = 10;

export interface OfficerView {
  readonly username: string;
  readonly role: OfficerRole;
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly createdBy?: string;
  readonly lastLoginAt?: string;
  readonly disabledAt?: string;
  readonly office?: string;
  readonly superadmin?: boolean;
  /** Failed logins (and their distinct sources) of the last one to two hours, when the account is being guessed. */
  readonly guessing?: { readonly failures: number; readonly sources: number };
}

/** What officers may see of an account: never the hash. */
export function officerView(officer: OfficerRecord, failures?: { failures: number; sources: number }): OfficerView {
  return {
    username: officer.username,
    role: officer.role,
    disabled: officer.disabled,
    createdAt: officer.createdAt,
    ...(officer.createdBy ? { createdBy: officer.createdBy } : {}),
    ...(officer.lastLoginAt ? { lastLoginAt: officer.lastLoginAt } : {}),
    ...(failures && failures.failures >= GUESSING_THRESHOLD ? { guessing: failures } : {}),
    ...(officer.disabledAt ? { disabledAt: officer.disabledAt } : {}),
    ...(officer.office ? { office: officer.office } : {}),
    ...(officer.superadmin ? { superadmin: true } : {}),
  };
}

export type NewOfficerProblem = 'invalid-username' | 'password-too-short' | 'password-too-long' | 'invalid-role';

/** Why these account details cannot be used, or nothing when they can. */
export function newOfficerProblem(input: { username: string; password: string; role: string }): NewOfficerProblem | undefined {
  if (!USERNAME_PATTERN.test(input.username)) return 'invalid-username';
  if (input.password.length < PASSWORD_MIN_LENGTH) return 'password-too-short';
  if (input.password.length > PASSWORD_MAX_LENGTH) return 'password-too-long';
  if (!OFFICER_ROLES.includes(input.role as OfficerRole)) return 'invalid-role';
  return undefined;
}

export type AddOfficerResult =
  { readonly kind: 'created'; readonly officer: OfficerView } | { readonly kind: 'exists' } | { readonly kind: 'invalid'; readonly problem: NewOfficerProblem };

export async function addOfficer(
  deps: Pick<AuthDeps, 'officers' | 'clock'>,
  input: { username: string; password: string; role: string; office?: string; superadmin?: boolean },
  createdBy: string,
): Promise<AddOfficerResult> {
  const problem = newOfficerProblem(input);
  if (problem) return { kind: 'invalid', problem };
  const now = deps.clock.now();
  const record: OfficerRecord = {
    username: input.username,
    role: input.role as OfficerRole,
    passwordHash: await hashPassword(input.password),
    disabled: false,
    createdAt: now.toISOString(),
    createdBy,
    ...(input.office ? { office: input.office } : {}),
    ...(input.superadmin ? { superadmin: true } : {}),
  };
  return (await deps.officers.create(record)) ? { kind: 'created', officer: officerView(record) } : { kind: 'exists' };
}

export type DisableOfficerResult = 'disabled' | 'not-found' | 'self';

/** Disables an account: its sessions stop working at their next request. */
export async function disableOfficer(deps: Pick<AuthDeps, 'officers' | 'clock'>, username: string, by: string): Promise<DisableOfficerResult> {
  if (username === by) return 'self';
  return (await deps.officers.disable(username, by, deps.clock.now())) ? 'disabled' : 'not-found';
}

export async function listOfficers(deps: Pick<AuthDeps, 'officers' | 'clock'>): Promise<OfficerView[]> {
  const officers = await deps.officers.list();
  const failures = await deps.officers.accountFailures(
    officers.map((officer) => officer.username),
    deps.clock.now(),
  );
  return officers.map((officer) => officerView(officer, failures.get(officer.username))).sort((a, b) => a.username.localeCompare(b.username));
}

export interface FirstOfficer {
  readonly username: string;
  readonly password: string;
}

/**
 * Creates the first account (role `admin` of the default office, and superadmin) when there is no officer at all. The put is conditional, so
 * two cold starts racing each other create it once.
 */
export async function ensureFirstOfficer(deps: Pick<AuthDeps, 'officers' | 'clock'>, first: FirstOfficer): Promise<'created' | 'exists'> {
  if (await deps.officers.anyExists()) return 'exists';
  const problem = newOfficerProblem({ ...first, role: 'admin' });
  if (problem) throw new ConfigurationError(`ADMIN_USERNAME/ADMIN_PASSWORD cannot create the first officer: ${problem}`);
  const result = await addOfficer(deps, { ...first, role: 'admin', superadmin: true }, 'system');
  return result.kind === 'created' ? 'created' : 'exists';
}
