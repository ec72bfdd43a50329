/** A second office for tests of many offices: its body, and a test server seen through its number. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestServer } from './test-server';

/** An office in WITA (Asia/Makassar, UTC+8): Lombok is not in Asia/Jakarta. */
export const MATARAM = {
  id: 'mataram',
  name: 'Kantor Imigrasi Kelas I TPI Mataram',
  shortName: 'Kantor Imigrasi Mataram',
  address: 'Jl. Udayana No. 2, Kota Mataram',
  phoneNumberId: '2233445566778',
  displayPhoneNumber: '0370632520',
  queuePrefix: 'MTR',
  timezone: 'Asia/Makassar',
} as const;

/** Writes `offices` as an OFFICES_FILE in the test's data folder; resolves to the path. */
export function officesFile(dir: string, offices: readonly unknown[]): string {
  const path = join(dir, 'offices.json');
  writeFileSync(path, JSON.stringify(offices));
  return path;
}

/**
 * The server as an applicant of another office sees it: messages go to that office's number, and only
 * the replies sent from that number count (one phone may talk to two offices).
 */
export function throughNumber(server: TestServer, phoneNumberId: string): TestServer {
  const fromThisNumber = Object.create(server.fakeGraph) as TestServer['fakeGraph'];
  fromThisNumber.sentTo = (waId: string) => server.fakeGraph.sentTo(waId).filter((sent) => sent.fromPhoneNumberId === phoneNumberId);
  return {
    ...server,
    fakeGraph: fromThisNumber,
    sendMessage: (waId, message, options = {}) => server.sendMessage(waId, message, { ...options, phoneNumberId }),
  };
}
