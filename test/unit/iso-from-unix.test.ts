/** Meta's Unix-seconds timestamps become the same ISO text `Date#toISOString` writes, on every path of the fast formatter. */
import { isoFromUnix } from '../../lambdas/adapters/iso-from-unix';

const viaDate = (seconds: number) => new Date(seconds * 1000).toISOString();

describe('isoFromUnix', () => {
  it('writes every whole second of a day as toISOString does, midnight and the last second included', () => {
    const dayStart = 1_765_065_600; // 2025-12-07T00:00:00Z
    const seconds: number[] = [];
    for (let second = dayStart - 3601; second <= dayStart + 3601; second += 1) seconds.push(second);
    for (let second = dayStart; second <= dayStart + 86_400; second += 37) seconds.push(second);
    expect(seconds.map((second) => isoFromUnix(String(second)))).toEqual(seconds.map(viaDate));
  });

  it('writes the same text over many different days, leap days and years far ahead included (its kept days refill)', () => {
    const samples = [1, 59, 60, 3599, 3600, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_399, 253_402_300_799];
    for (let second = 1; second < 4_102_444_800; second += 7_777_777) samples.push(second);
    expect(samples.map((second) => isoFromUnix(String(second)))).toEqual(samples.map(viaDate));
  });

  it('keeps the old answers for what is not a whole second of years 1970 to 9999', () => {
    expect(isoFromUnix(undefined)).toBe('1970-01-01T00:00:00.000Z');
    expect(isoFromUnix('')).toBe('1970-01-01T00:00:00.000Z');
    expect(isoFromUnix('not a time')).toBe('1970-01-01T00:00:00.000Z');
    expect(isoFromUnix('0')).toBe('1970-01-01T00:00:00.000Z');
    expect(isoFromUnix('-5')).toBe('1970-01-01T00:00:00.000Z');
    expect(isoFromUnix('1712345678.25')).toBe('2024-04-05T19:34:38.250Z');
    expect(isoFromUnix('253402300800')).toBe('+010000-01-01T00:00:00.000Z');
  });
});
