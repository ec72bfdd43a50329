/** Days in the officers' API: one day with who comes, the next open days for the date buttons, an admin's override. */
import * as z from 'zod/mini';
import { addDays } from '../domain/calendar';
import { officerAnswerTexts } from '../domain/texts/officer-answers';
import { officerInput } from '../domain/officer-input';
import { isOpen, type Registration, type RegistrationStatus } from '../domain/registration';
import { arrivalTimes, dayState, earliestBookableDate } from '../domain/schedule';
import type { Officer, RegistrationsApiDeps } from './officer-api';
import { closeDayRebooking } from '../use-cases/close-day-rebooking';
import { offerFreedPlaces } from '../use-cases/offer-freed-place';
import { RECORD_TEXTS } from '../domain/texts/records';
import { rebookedOn } from './rebooking-views';
import { registrationView } from './registration-view';
import { malformed, ok, problem } from './results';

/** The date buttons of the review screen: a working week and a day, two rows beside the documents. */
const OPEN_DAYS_SHOWN = 6;
const OPEN_DAYS_MAX = 30;
/** Registrations that hold a place on their appointment day. */
const HOLDS_A_PLACE: ReadonlySet<RegistrationStatus> = new Set(['DIKONFIRMASI', 'PERUBAHAN_DIMINTA', 'DILAYANI']);

const { required, isoDate: isoDateString, flag } = officerInput;
const daySchema = z.object({
  capacity: z.optional(
    z.number(required('angka')).check(z.int('harus bilangan bulat'), z.minimum(0, 'paling sedikit 0'), z.maximum(1000, 'paling banyak 1000')),
  ),
  closed: z.optional(flag),
  reason: z.optional(z.string(required('teks')).check(z.trim(), z.maxLength(200, 'paling banyak 200 karakter'))),
});

/** A day as the rules see it: its bookings, an admin's override, the office's week and holidays. */
export async function dayOf(deps: Pick<RegistrationsApiDeps, 'store' | 'office' | 'holidays'>, date: string) {
  const stored = await deps.store.getDay(date);
  return dayState(date, stored.booked, stored.override, deps.office, deps.holidays);
}

/** The next `count` days from `start` an appointment can be on, each with its free places and next free time. */
export async function bookableDays(deps: Pick<RegistrationsApiDeps, 'store' | 'office' | 'holidays'>, start: string, count: number = OPEN_DAYS_SHOWN) {
  // Weekends and holidays are left out by looking at a week more than the days asked for.
  const candidates = Array.from({ length: Math.ceil((count * 7) / 5) + 7 }, (_, index) => addDays(start, index));
  const stored = await deps.store.getDays(candidates);
  const states = candidates.map((date) => {
    const found = stored.get(date) ?? { booked: 0 };
    return dayState(date, found.booked, found.override, deps.office, deps.holidays);
  });
  const open = states.filter((state) => !state.closed).slice(0, count);
  const days = await Promise.all(
    open.map(async (state) => {
      const times = arrivalTimes(deps.office, state.date);
      const free = Math.max(0, state.capacity - state.booked);
      const nextFreeTime = free > 0 ? leastBookedTime(times, state.booked > 0 ? await deps.store.listByDay(state.date) : []) : undefined;
      return {
        date: state.date,
        capacity: state.capacity,
        booked: state.booked,
        free,
        ...(state.holiday ? { holiday: state.holiday } : {}),
        ...(nextFreeTime ? { nextFreeTime } : {}),
      };
    }),
  );
  return days;
}

export function createDaysApi(deps: RegistrationsApiDeps) {
  const now = () => deps.clock.now();
  const view = (registration: Registration) => registrationView(registration, now(), deps.office.services, deps.officeRef);
  const day = (date: string) => dayOf(deps, date);

  async function getDay(date: string) {
    if (!isoDateString.safeParse(date).success) return malformed('tanggal harus YYYY-MM-DD');
    const [state, registrations, stored] = await Promise.all([day(date), deps.store.listByDay(date), deps.store.getDay(date)]);
    const rebooked = await rebookedOn(deps, date, stored.rebooked ?? [], now());
    return ok({
      ...state,
      rebooked,
      registrations: registrations
        .filter((registration) => registration.status !== 'PERLU_JADWAL_ULANG')
        .filter((registration) => isOpen(registration.status) || registration.status === 'SELESAI' || registration.status === 'TIDAK_HADIR')
        .sort((a, b) => `${a.appointmentTime}`.localeCompare(`${b.appointmentTime}`))
        .map(view),
    });
  }

  async function openDays(query: { from?: string; count?: string }) {
    const earliest = earliestBookableDate(now(), deps.office);
    const from = query.from === undefined ? earliest : query.from;
    if (!isoDateString.safeParse(from).success) return malformed('from harus YYYY-MM-DD');
    const count = query.count === undefined ? OPEN_DAYS_SHOWN : Number(query.count);
    if (!Number.isInteger(count) || count < 1 || count > OPEN_DAYS_MAX) return malformed(`count harus 1–${OPEN_DAYS_MAX}`);
    const start = from < earliest ? earliest : from;
    const days = await bookableDays(deps, start, count);
    return ok({ from: start, days });
  }

  async function putDay(date: string, body: unknown, officer: Officer) {
    if (!isoDateString.safeParse(date).success) return malformed('tanggal harus YYYY-MM-DD');
    const parsed = daySchema.safeParse(body);
    if (!parsed.success) return malformed(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
    const override = {
      ...(parsed.data.capacity !== undefined ? { capacity: parsed.data.capacity } : {}),
      ...(parsed.data.closed !== undefined ? { closed: parsed.data.closed } : {}),
      ...(parsed.data.reason ? { reason: parsed.data.reason } : {}),
    };
    const saved = await deps.store.putDayOverride(date, override);
    if (saved === 'below-booked') {
      const current = await day(date);
      return problem('refused', 'capacity', officerAnswerTexts.officer.badCapacity(current.booked));
    }
    deps.log.warn('day settings changed', { date, officer: officer.username, ...override });
    if (!override.closed && override.capacity !== undefined) {
      const current = await day(date);
      await offerFreedPlaces(date, current.capacity - current.booked, deps);
    }
    if (override.closed) await closeDayRebooking(date, override.reason ?? RECORD_TEXTS.closedByAdmin, { ...deps, dayCapacity: () => deps.office.dayCapacity });
    return getDay(date);
  }

  return { getDay, openDays, putDay };
}

/** The earliest arrival time with the fewest people booked on it: the next free slot. */
function leastBookedTime(times: readonly string[], registrations: readonly Registration[]): string | undefined {
  const booked = new Map<string, number>();
  for (const registration of registrations) {
    if (!HOLDS_A_PLACE.has(registration.status) || !registration.appointmentTime) continue;
    booked.set(registration.appointmentTime, (booked.get(registration.appointmentTime) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const time of times) if (best === undefined || (booked.get(time) ?? 0) < (booked.get(best) ?? 0)) best = time;
  return best;
}
