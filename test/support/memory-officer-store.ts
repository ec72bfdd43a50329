/** An in-memory OfficerStore with the DynamoDB store's semantics (conditional create, counters), for unit tests. */
import type { OfficerRecord, OfficerStore, SessionRecord } from '../../lambdas/admin/auth';
import type { OfficerRole } from '../../lambdas/admin/officer-api';
import { hashPassword } from '../../lambdas/admin/passwords';

export async function officerRecord(username: string, role: OfficerRole, password: string): Promise<OfficerRecord> {
  return { username, role, passwordHash: await hashPassword(password), disabled: false, failedLogins: 0, createdAt: '2026-11-01T00:00:00.000Z' };
}

export class MemoryOfficerStore implements OfficerStore {
  private readonly officers = new Map<string, OfficerRecord>();
  private readonly sessions = new Map<string, SessionRecord>();

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

  async addFailedLogin(username: string) {
    const officer = this.required(username);
    this.officers.set(username, { ...officer, failedLogins: officer.failedLogins + 1 });
    return officer.failedLogins + 1;
  }

  async lock(username: string, until: Date) {
    this.update(username, { lockedUntil: until.toISOString(), failedLogins: 0 });
  }

  async recordLogin(username: string, at: Date) {
    const { lockedUntil: _lifted, ...officer } = this.required(username);
    this.officers.set(username, { ...officer, failedLogins: 0, lastLoginAt: at.toISOString() });
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

  private required(username: string): OfficerRecord {
    const officer = this.officers.get(username);
    if (!officer) throw new Error(`no officer ${username}`);
    return officer;
  }
}
