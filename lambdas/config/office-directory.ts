/**
 * The offices as every function reads them: the seed office (the default) and the registry's, each checked
 * again when read, kept in memory for a short while per container. A change made on the admin page or
 * with `npm run office` reaches every container within `ttlMs`; a fresh start with an empty registry is
 * exactly the one seed office.
 */
import type { Office } from '../domain/offices';
import type { OfficeRegistry } from '../ports';
import { checkOfficeBody, officeFromBody } from './offices';

export const OFFICE_CACHE_MS = 60_000;

export interface OfficeDirectory {
  readonly defaultOffice: Office;
  /** The default office first, then the registry's by id; disabled ones included. */
  all(): Promise<Office[]>;
  byId(id: string): Promise<Office | undefined>;
  /** The enabled office a WhatsApp phone number id belongs to. */
  byPhoneNumberId(phoneNumberId: string): Promise<Office | undefined>;
  /** Forget the cached list (after this container saved an office). */
  invalidate(): void;
}

export function officeDirectory(parts: {
  readonly seed: Office;
  readonly registry?: Pick<OfficeRegistry, 'list'>;
  readonly nowMs?: () => number;
  readonly ttlMs?: number;
  readonly onInvalidBody?: (id: string, problems: readonly string[]) => void;
}): OfficeDirectory {
  const nowMs = parts.nowMs ?? Date.now;
  const ttlMs = parts.ttlMs ?? OFFICE_CACHE_MS;
  let cached: { at: number; offices: Promise<Office[]> } | undefined;
  const load = async (): Promise<Office[]> => {
    const bodies = parts.registry ? await parts.registry.list() : [];
    const offices = bodies.flatMap((stored) => {
      // The seed is the default office: a stored entry of its id does not replace it.
      if (stored.id === parts.seed.id) return [];
      const checked = checkOfficeBody(stored);
      if (!checked.ok) {
        parts.onInvalidBody?.(stored.id, checked.problems);
        return [];
      }
      return [officeFromBody(checked.body, parts.seed)];
    });
    return [parts.seed, ...offices.sort((a, b) => a.id.localeCompare(b.id))];
  };
  const all = () => {
    if (!cached || nowMs() - cached.at >= ttlMs) {
      const offices = load();
      cached = { at: nowMs(), offices };
      // A failed read is not kept: the next call tries again.
      offices.catch(() => (cached = undefined));
    }
    return cached.offices;
  };
  return {
    defaultOffice: parts.seed,
    all,
    byId: async (id) => (await all()).find((office) => office.id === id),
    byPhoneNumberId: async (phoneNumberId) => (await all()).find((office) => office.phoneNumberId === phoneNumberId && !office.disabled),
    invalidate: () => (cached = undefined),
  };
}
