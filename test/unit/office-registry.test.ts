/** The office registry's checks and reads: what a body must hold, what it takes from the default office, the zone's hour. */
import { checkOfficeBody, officeDirectory, officeFromBody, seedOffice } from '../../lambdas/config';
import { runOfficeReminders } from '../../lambdas/use-cases/run-office-reminders';
import type { StoredOfficeBody } from '../../lambdas/ports';
import { dayState } from '../../lambdas/domain/schedule';

const seed = seedOffice({ WHATSAPP_PHONE_NUMBER_ID: '1122334455667' });
const MATARAM = {
  id: 'mataram',
  name: 'Kantor Imigrasi Kelas I TPI Mataram',
  address: 'Jl. Udayana No. 2, Kota Mataram',
  phoneNumberId: '2233445566778',
  displayPhoneNumber: '0370632520',
  queuePrefix: 'MTR',
  timezone: 'Asia/Makassar',
};

describe('an office body', () => {
  it('needs its seven fields and takes every other value from the default office', () => {
    const checked = checkOfficeBody(MATARAM);
    if (!checked.ok) throw new Error(checked.problems.join('; '));
    const office = officeFromBody(checked.body, seed);
    expect(office).toMatchObject({
      officeName: MATARAM.name,
      whatsappNumber: MATARAM.displayPhoneNumber,
      queuePrefix: 'MTR',
      timezone: 'Asia/Makassar',
      dayCapacity: seed.dayCapacity,
      reminderHour: seed.reminderHour,
      arrivalHours: seed.arrivalHours,
      services: seed.services,
      disabled: false,
    });
  });

  it('names each invalid or unknown field', () => {
    const checked = checkOfficeBody({ ...MATARAM, timezone: 'Asia/Bangkok', queuePrefix: 'mt' });
    expect(checked.ok).toBe(false);
    const problems = checked.ok ? [] : checked.problems.join('\n');
    expect(problems).toContain('timezone');
    expect(problems).toContain('queuePrefix: must be 2–6 capital letters');
    const unknown = checkOfficeBody({ ...MATARAM, colour: 'biru' });
    expect(unknown.ok ? '' : unknown.problems.join('\n')).toContain('colour');
  });

  it('takes its arrival hours from its opening hours when it gives no arrival hours', () => {
    const checked = checkOfficeBody({
      ...MATARAM,
      openingHours: { '1': { from: '07:30', to: '15:00', breaks: [] }, '5': { from: '07:30', to: '11:00', breaks: [] } },
    });
    if (!checked.ok) throw new Error(checked.problems.join('; '));
    expect(officeFromBody(checked.body, seed).arrivalHours).toEqual({ from: '07:30', to: '15:00', stepMinutes: 15 });
  });
});

describe("the head of office's number", () => {
  it("is its own office's: a registry office never takes the default office's, and a bad one is refused by name", () => {
    const withHead = seedOffice({ WHATSAPP_PHONE_NUMBER_ID: '1122334455667', HEAD_OF_OFFICE_WA_ID: '6281200000001' });
    expect(withHead.headOfOfficeWaId).toBe('6281200000001');
    const plain = checkOfficeBody(MATARAM);
    if (!plain.ok) throw new Error(plain.problems.join('; '));
    expect(officeFromBody(plain.body, withHead)).not.toHaveProperty('headOfOfficeWaId');
    const own = checkOfficeBody({ ...MATARAM, headOfOfficeWaId: '6281200000002' });
    if (!own.ok) throw new Error(own.problems.join('; '));
    expect(officeFromBody(own.body, withHead).headOfOfficeWaId).toBe('6281200000002');

    for (const wrong of ['+6281200000002', '081200000002', '62812']) {
      const refused = checkOfficeBody({ ...MATARAM, headOfOfficeWaId: wrong });
      expect(refused.ok ? '' : refused.problems.join('\n')).toContain('headOfOfficeWaId: must be digits with the country code');
    }
    expect(() => seedOffice({ HEAD_OF_OFFICE_WA_ID: '0812-3456' })).toThrow('Invalid HEAD_OF_OFFICE_WA_ID');
  });
});

describe('the office directory', () => {
  it('is the seed alone on a fresh start, and skips a stored body of the default id or one that no longer checks', async () => {
    expect((await officeDirectory({ seed, registry: { list: async () => [] } }).all()).map((office) => office.id)).toEqual(['kerinci']);
    const skipped: string[] = [];
    const stored: StoredOfficeBody[] = [MATARAM, { ...MATARAM, id: 'kerinci' }, { ...MATARAM, id: 'rusak', queuePrefix: 'x' }];
    const directory = officeDirectory({ seed, registry: { list: async () => stored }, onInvalidBody: (id) => skipped.push(id) });
    expect((await directory.all()).map((office) => office.id)).toEqual(['kerinci', 'mataram']);
    expect(skipped).toEqual(['rusak']);
    expect((await directory.byPhoneNumberId(MATARAM.phoneNumberId))?.id).toBe('mataram');
    expect((await directory.byPhoneNumberId('1122334455667'))?.id).toBe('kerinci');
  });
});

describe('the hourly reminder run', () => {
  it('picks each office at its reminder hour in its own zone, for its own tomorrow', async () => {
    const offices = [
      { id: 'kerinci', timezone: 'Asia/Jakarta' as const, reminderHour: 8 },
      { id: 'mataram', timezone: 'Asia/Makassar' as const, reminderHour: 8 },
      { id: 'jayapura', timezone: 'Asia/Jayapura' as const, reminderHour: 0 },
    ];
    const ran: string[] = [];
    const run = async (at: string) => {
      ran.length = 0;
      await runOfficeReminders(new Date(at), offices, async (office, today) => {
        ran.push(`${office.id} ${today}`);
        return { today, appointmentDate: '', queued: 0, heldBack: 0, finishedAt: at };
      });
      return [...ran];
    };
    // 00:30 UTC: 07:30 WIB, 08:30 WITA, 09:30 WIT.
    expect(await run('2026-12-07T00:30:00Z')).toEqual(['mataram 2026-12-07']);
    expect(await run('2026-12-07T01:30:00Z')).toEqual(['kerinci 2026-12-07']);
    // 15:10 UTC on the 6th is 00:10 on the 7th in Jayapura.
    expect(await run('2026-12-06T15:10:00Z')).toEqual(['jayapura 2026-12-07']);
  });
});

describe('an office with its own opening hours', () => {
  it('is closed on the weekdays it does not open, and open on a Saturday it does', () => {
    const checked = checkOfficeBody({
      ...MATARAM,
      openingHours: {
        '1': { from: '08:00', to: '15:00', breaks: [] },
        '5': { from: '08:00', to: '15:00', breaks: [{ from: '11:30', to: '13:00' }] },
        '6': { from: '08:00', to: '12:00' },
      },
    });
    if (!checked.ok) throw new Error(checked.problems.join('; '));
    const office = officeFromBody(checked.body, seed);
    // 2026-12-07 is a Monday, the 8th a Tuesday, the 12th a Saturday.
    expect(dayState('2026-12-07', 0, undefined, office, new Map()).closed).toBe(false);
    expect(dayState('2026-12-08', 0, undefined, office, new Map())).toMatchObject({ closed: true, closedReason: 'Kantor tidak buka pada hari ini' });
    expect(dayState('2026-12-12', 0, undefined, office, new Map()).closed).toBe(false);
    expect(dayState('2026-12-08', 0, undefined, seed, new Map()).closed).toBe(false);
  });
});
