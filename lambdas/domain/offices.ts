/**
 * Many offices in one deployment: an office of the registry is an office profile (what the domain reads)
 * plus what routes to it (its WhatsApp phone number id), its time zone and its own closed days.
 */
import { localDate, localTime, type IsoDate } from './calendar';
import type { OfficeProfile } from './office';
import type { HolidayCalendar } from './schedule';

/** Indonesia's three zones, none with daylight saving: the offset is fixed for each. */
export const OFFICE_TIMEZONES = {
  'Asia/Jakarta': { offsetMinutes: 7 * 60, label: 'WIB' },
  'Asia/Makassar': { offsetMinutes: 8 * 60, label: 'WITA' },
  'Asia/Jayapura': { offsetMinutes: 9 * 60, label: 'WIT' },
} as const;
export type OfficeTimezone = keyof typeof OFFICE_TIMEZONES;
export const OFFICE_TIMEZONE_NAMES = Object.keys(OFFICE_TIMEZONES) as [OfficeTimezone, ...OfficeTimezone[]];

/** Opening hours of one weekday, with its breaks (Friday prayers, lunch). */
export interface OpeningHours {
  readonly from: string;
  readonly to: string;
  readonly breaks: readonly { readonly from: string; readonly to: string }[];
}

/** Keys `0` (Sunday) … `6` (Saturday); a weekday missing is a closed day. */
export type WeeklyHours = Readonly<Partial<Record<'0' | '1' | '2' | '3' | '4' | '5' | '6', OpeningHours>>>;

export interface Office extends OfficeProfile {
  readonly id: string;
  readonly phoneNumberId: string;
  readonly displayPhoneNumber: string;
  readonly timezone: OfficeTimezone;
  /** Closed days of this office on top of the national list (date → reason). */
  readonly localClosedDays: Readonly<Record<IsoDate, string>>;
  /** A disabled office's number is ignored like an unknown one; its data stays. */
  readonly disabled: boolean;
  /** The head of office's WhatsApp number (digits with the country code): the day's summary at closing time; none without it. */
  readonly headOfOfficeWaId?: string;
}

/** The office a registration belongs to, as it is stored with it and shown to officers. */
export interface OfficeRef {
  readonly id: string;
  readonly name: string;
}

export function officeRef(office: Pick<Office, 'id' | 'officeName'>): OfficeRef {
  return { id: office.id, name: office.officeName };
}

/**
 * A session key of the applicant with one office: the default office keeps the bare key (nothing stored
 * before many offices moves); another office's conversation is a separate one under its own key.
 */
export function officeApplicantKey(applicantKey: string, officeId: string | undefined): string {
  return officeId === undefined ? applicantKey : `${officeId}~${applicantKey}`;
}

/** `WIB`, `WITA` or `WIT`: how the office's times are labelled. */
export function zoneLabelOf(office: Pick<OfficeProfile, 'timezone'>): string {
  return OFFICE_TIMEZONES[office.timezone ?? 'Asia/Jakarta'].label;
}

/** The office's offset from UTC in milliseconds (fixed: no daylight saving in Indonesia). */
/** Today's date where the office is (WIB, WITA or WIT). */
export function officeToday(now: Date, office: Pick<OfficeProfile, 'timezone'>): IsoDate {
  return localDate(now, offsetMsOf(office));
}

/** The office's wall-clock time (`HH:MM`) of an instant. */
export function officeTime(now: Date, office: Pick<OfficeProfile, 'timezone'>): string {
  return localTime(now, offsetMsOf(office));
}

export function offsetMsOf(office: Pick<OfficeProfile, 'timezone'>): number {
  return OFFICE_TIMEZONES[office.timezone ?? 'Asia/Jakarta'].offsetMinutes * 60_000;
}

/** The national list with the office's own closed days on top. */
export function holidaysOf(national: HolidayCalendar, office: Pick<Office, 'localClosedDays'>): HolidayCalendar {
  const days = Object.entries(office.localClosedDays);
  return days.length === 0 ? national : new Map([...national, ...days]);
}

/** The profile the domain is given for a registry office: its registrations carry its id and name. */
export function registryProfile(office: Office): Office {
  return { ...office, registryRef: officeRef(office) };
}

/** The registry office of a session key (`<office>~<key>`); undefined for the default office's. */
export function officeOfApplicantKey(applicantKey: string): string | undefined {
  const separator = applicantKey.indexOf('~');
  return separator > 0 ? applicantKey.slice(0, separator) : undefined;
}
