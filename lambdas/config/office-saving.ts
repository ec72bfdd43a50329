/**
 * Adding or changing an office, the same for the admin page, `api/offices` and `npm run office`: the body
 * is checked (422 with the fields), must not take the default office's id, number or prefix, and is saved
 * with the registry's own uniqueness guards (409 naming the field). `update` replaces the stored body (the
 * command's file is the whole office); `change` keeps every stored field the body does not name (the admin
 * page's form shows a few fields: saving it must not reset the office's hours, services or state).
 */
import type { OfficeRegistry } from '../ports';
import type { OfficeDirectory } from './office-directory';
import { checkOfficeBody, type OfficeBody } from './offices';

export type OfficeSaveResult =
  | { readonly kind: 'saved'; readonly body: OfficeBody }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] }
  | { readonly kind: 'duplicate'; readonly field: 'id' | 'phoneNumberId' | 'queuePrefix' }
  | { readonly kind: 'not-found' };

export async function saveOffice(
  mode: 'add' | 'update' | 'change',
  value: unknown,
  parts: { readonly registry: OfficeRegistry; readonly directory: Pick<OfficeDirectory, 'defaultOffice' | 'invalidate'> },
): Promise<OfficeSaveResult> {
  let named = value;
  if (mode === 'change' && typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string') {
    const stored = await parts.registry.get((value as { id: string }).id);
    if (!stored) return { kind: 'not-found' };
    named = { ...stored, ...value };
  }
  const checked = checkOfficeBody(named);
  if (!checked.ok) return { kind: 'invalid', problems: checked.problems };
  const body = checked.body;
  const seed = parts.directory.defaultOffice;
  // The default office is the seed (config/office.json + environment): its values are taken.
  if (body.id === seed.id) return mode === 'add' ? { kind: 'duplicate', field: 'id' } : { kind: 'not-found' };
  if (body.phoneNumberId === seed.phoneNumberId) return { kind: 'duplicate', field: 'phoneNumberId' };
  if (body.queuePrefix === seed.queuePrefix) return { kind: 'duplicate', field: 'queuePrefix' };
  const outcome = mode === 'add' ? await parts.registry.add(body) : await parts.registry.replace(body);
  if (!outcome.saved) return outcome.reason === 'duplicate' ? { kind: 'duplicate', field: outcome.field } : { kind: 'not-found' };
  parts.directory.invalidate();
  return { kind: 'saved', body };
}

/** The registry's enabled offices by phone number id, for the webhook's routing (the default office is not in it). */
export async function otherOfficeRoutes(directory: OfficeDirectory): Promise<ReadonlyMap<string, string>> {
  const offices = await directory.all();
  return new Map(offices.filter((office) => office.id !== directory.defaultOffice.id && !office.disabled).map((office) => [office.phoneNumberId, office.id]));
}
