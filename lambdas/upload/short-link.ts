/**
 * The short upload link `<upload root>/u/<code>`: WhatsApp users often tap a link together with the
 * character after it, so a trailing `>` or `.` (raw or percent-encoded) still opens it. Unknown codes
 * are limited per address, so codes cannot be tried in bulk (on top of their 71 bits).
 */
import { SHORT_CODE_LENGTH } from '../adapters/upload-links';
import { pathUnder } from '../http/router';

const SHORT_PATH = new RegExp(`^/u/([A-Za-z0-9]{8,${SHORT_CODE_LENGTH}})(?:>|\\.|%3[Ee]|%2[Ee]|&gt;)*/?$`);

/** The code of a short-link path below `basePath`, or undefined when the path is not one. */
export function shortLinkCode(rawPath: string, basePath: string): string | undefined {
  const path = pathUnder(rawPath, basePath);
  return path === undefined ? undefined : SHORT_PATH.exec(path)?.[1];
}

/**
 * At most `limit` unknown codes per address in any `windowMs`, then every lookup from it waits: guessing
 * is what produces misses, while an applicant's own link always hits. Kept per container, which is what
 * a Lambda can keep; the codes' 71 bits do the rest.
 */
export class LookupLimiter {
  private readonly misses = new Map<string, number[]>();

  constructor(
    private readonly limit = 10,
    private readonly windowMs = 60_000,
  ) {}

  blocked(address: string, now: number): boolean {
    return this.recent(address, now).length >= this.limit;
  }

  recordMiss(address: string, now: number): void {
    if (this.misses.size > 10_000) this.misses.clear();
    this.misses.set(address, [...this.recent(address, now), now]);
  }

  private recent(address: string, now: number): number[] {
    return (this.misses.get(address) ?? []).filter((at) => now - at < this.windowMs);
  }
}
