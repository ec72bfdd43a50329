/**
 * The reminder function's three schedules: the daily one reminds the default office (and sweeps), the
 * hourly one reminds each registry office whose hour it is and does the housekeeping, the end of the day
 * closes it. One event, one job: the hourly run never reminds the default office a second time.
 */
import { createReminderHandler } from '../../lambdas/handlers/reminder-handler';
import { officesClosingAt } from '../../lambdas/use-cases/run-office-reminders';
import type { ReminderRun } from '../../lambdas/use-cases/run-reminders';

const NOW = new Date('2026-03-02T00:05:00Z');
const run = (today: string, queued: number): ReminderRun => ({ today, appointmentDate: '2026-03-03', queued, heldBack: 0 }) as ReminderRun;

function handlerWithCalls() {
  const calls: string[] = [];
  const counted: { name: string; value: number | undefined; breakdown: Readonly<Record<string, string>> | undefined }[] = [];
  const handler = createReminderHandler({
    run: async (today) => (calls.push(`default ${today}`), run(today, 2)),
    runOtherOffices: async (at) => (calls.push(`others ${at.toISOString()}`), [{ office: 'mataram', ...run('2026-03-02', 3) }]),
    housekeeping: async () => (calls.push('housekeeping'), { passedOn: 1, queued: 1 }),
    purge: async () => (calls.push('purge'), { cutoff: '', registrations: 0, files: 0 }),
    closeDay: async (date) => (calls.push(`close ${date}`), { date, marked: [] }) as never,
    defaultOfficeId: 'kerinci',
    clock: { now: () => NOW },
    metrics: { count: (name, value, breakdown) => void counted.push({ name, value, breakdown }) },
    log: { info: () => undefined },
  });
  return { handler, calls, counted };
}

it('reminds the default office and sweeps on the daily schedule, without the other offices', async () => {
  const { handler, calls } = handlerWithCalls();
  expect(await handler(undefined)).toEqual({ queued: 2, appointmentDate: '2026-03-03' });
  expect(calls).toEqual(['default 2026-03-02', 'purge']);
});

it("reminds the registry offices whose hour it is and does the housekeeping on the hourly schedule, not the default office's", async () => {
  const { handler, calls } = handlerWithCalls();
  expect(await handler({ job: 'hourly' })).toEqual({ queued: 3, appointmentDate: '2026-03-03' });
  expect(calls).toEqual([`others ${NOW.toISOString()}`, 'housekeeping']);
});

it('closes the day on the end-of-day schedule only', async () => {
  const { handler, calls } = handlerWithCalls();
  await handler({ job: 'close-day' });
  expect(calls).toEqual(['close 2026-03-02']);
});

describe("an office's end of the day on the hourly run", () => {
  const hours = { from: '08:00', to: '16:00', stepMinutes: 15 };
  const jakarta = { id: 'jkt', timezone: 'Asia/Jakarta' as const, reminderHour: 9, arrivalHours: hours };
  const makassar = { id: 'mks', timezone: 'Asia/Makassar' as const, reminderHour: 9, arrivalHours: { ...hours, to: '15:30' } };
  const closing = (iso: string) => officesClosingAt(new Date(iso), [jakarta, makassar]).map(({ office, date }) => `${office.id} ${date}`);

  it('closes each office once, at the first hourly run at or after its own closing time (an hour after the last arrival)', () => {
    // 17:00 WIB is 10:00 UTC; 16:30 WITA is 08:30 UTC.
    expect(closing('2026-03-02T08:05:00Z')).toEqual([]);
    expect(closing('2026-03-02T09:05:00Z')).toEqual(['mks 2026-03-02']);
    expect(closing('2026-03-02T10:05:00Z')).toEqual(['jkt 2026-03-02']);
    expect(closing('2026-03-02T11:05:00Z')).toEqual([]);
    expect(officesClosingAt(new Date('2026-03-02T10:05:00Z'), [{ ...jakarta, disabled: true }])).toEqual([]);
  });
});

it('counts the reminders each run queued under the office it reminded, the default office on the daily schedule', async () => {
  const daily = handlerWithCalls();
  await daily.handler(undefined);
  expect(daily.counted.filter((count) => count.name === 'RemindersQueued')).toEqual([{ name: 'RemindersQueued', value: 2, breakdown: { Office: 'kerinci' } }]);
  const hourly = handlerWithCalls();
  await hourly.handler({ job: 'hourly' });
  expect(hourly.counted).toEqual([{ name: 'RemindersQueued', value: 3, breakdown: { Office: 'mataram' } }]);
});
