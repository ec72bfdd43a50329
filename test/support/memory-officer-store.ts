/** An in-memory OfficerStore with the DynamoDB store's semantics (conditional create, counters), for unit tests. */
import type { OfficerRecord, OfficerStore, SessionRecord } from '../../lambdas/admin/auth';
import type { OfficerRole } from '../../lambdas/admin/officer-api';
import { hashPassword } from '../../lambdas/admin/passwords';

export async function officerRecord(username: string, role: OfficerRole, password: string): Promise<OfficerRecord> {
  return { username, role, passwordHash: await hashPassword(password), disabled: false, createdAt: '2026-11-01T00:00:00.000Z' };
}

export class MemoryOfficerStore implements OfficerStore {
  private readonly officers = new Map<string, OfficerRecord>();
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly throttles = new Map<string, { failures: number; notBefore: number }>();
  private readonly hourly = new Map<string, { failures: number; sources: Set<string> }>();

  async get(username: string) {
    return this.officers.get(username);
  }

  async list() {
    return [...this.officers.values()];
  }

  async anyExists() {
    return this.officers.size > 0;
  }

  async create(officer: OfficerRecord) {
    if (this.officers.has(officer.username)) return false;
    this.officers.set(officer.username, officer);
    return true;
  }

  async disable(username: string, by: string, at: Date) {
    return this.update(username, { disabled: true, disabledBy: by, disabledAt: at.toISOString() });
  }

  async reserveLoginAttempt(username: string, source: string, now: Date, holdUntil: Date) {
    const key = `${username}|${source}`;
    const current = this.throttles.get(key) ?? { failures: 0, notBefore: 0 };
    if (current.notBefore > now.getTime()) return { reserved: false as const, notBefore: current.notBefore };
    this.throttles.set(key, { ...current, notBefore: holdUntil.getTime() });
    return { reserved: true as const, failures: current.failures };
  }

  async recordLoginFailure(username: string, source: string, failures: number, notBefore: Date) {
    this.throttles.set(`${username}|${source}`, { failures, notBefore: notBefore.getTime() });
  }

  async countAccountFailure(username: string, source: string, now: Date) {
    const key = `${username}|${now.toISOString().slice(0, 13)}`;
    const hour = this.hourly.get(key) ?? { failures: 0, sources: new Set<string>() };
    hour.failures += 1;
    hour.sources.add(source);
    this.hourly.set(key, hour);
    return { failures: hour.failures, sources: hour.sources.size };
  }

  async accountFailures(usernames: readonly string[], now: Date) {
    const hours = [new Date(now.getTime() - 3600_000), now].map((at) => at.toISOString().slice(0, 13));
    const totals = new Map<string, { failures: number; sources: number }>();
    for (const username of usernames) {
      const found = hours.flatMap((hour) => this.hourly.get(`${username}|${hour}`) ?? []);
      if (found.length === 0) continue;
      totals.set(username, {
        failures: found.reduce((sum, hour) => sum + hour.failures, 0),
        sources: new Set(found.flatMap((hour) => [...hour.sources])).size,
      });
    }
    return totals;
  }

  async clearLoginFailures(username: string, source: string) {
    this.throttles.delete(`${username}|${source}`);
  }

  async recordLogin(username: string, at: Date) {
    this.update(username, { lastLoginAt: at.toISOString() });
  }

  async putSession(session: SessionRecord) {
    this.sessions.set(session.id, session);
  }

  async deleteSession(id: string) {
    this.sessions.delete(id);
  }

  async getSession(username: string, sessionId: string) {
    const officer = this.officers.get(username);
    const session = this.sessions.get(sessionId);
    return { ...(officer ? { officer } : {}), ...(session ? { session } : {}) };
  }

  setRole(username: string, role: OfficerRole): void {
    this.update(username, { role });
  }

  private update(username: string, change: Partial<OfficerRecord>): boolean {
    const officer = this.officers.get(username);
    if (!officer) return false;
    this.officers.set(username, { ...officer, ...change });
    return true;
  }
}
