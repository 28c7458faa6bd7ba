import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** 'YYYY-MM-DD' of a calendar day, in the unit's time zone. */
export type DayKey = string;
/** 'YYYY-MM' of a calendar month. */
export type MonthKey = string;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** The local calendar day of an instant: servers run in UTC, the unit does not. */
export function localDayKey(now: Date, timeZone: string): DayKey {
  return dayjs(now).tz(timeZone).format('YYYY-MM-DD');
}

export function localMonthKey(now: Date, timeZone: string): MonthKey {
  return dayjs(now).tz(timeZone).format('YYYY-MM');
}

/** 'HH:mm' of an instant on the unit's clock, e.g. to fill a time picker. */
export function localTimeKey(now: Date, timeZone: string): string {
  return dayjs(now).tz(timeZone).format('HH:mm');
}

/** Minutes since local midnight, for window checks. */
export function localMinuteOfDay(now: Date, timeZone: string): number {
  const t = dayjs(now).tz(timeZone);
  return t.hour() * 60 + t.minute() + t.second() / 60 + t.millisecond() / 60000;
}

export function isDayKey(value: string): boolean {
  const m = DAY_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function isMonthKey(value: string): boolean {
  const m = MONTH_RE.exec(value);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** Day of week of a calendar day (0 = Sunday), independent of any time zone. */
export function weekdayOf(day: DayKey): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function addDays(day: DayKey, n: number): DayKey {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + n));
  return date.toISOString().slice(0, 10);
}

/** Every day of a month, in order. */
export function daysOfMonth(month: MonthKey): DayKey[] {
  const [y, m] = month.split('-').map(Number);
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/** The instant a local 'HH:mm' falls on, on a local day. */
export function localInstant(day: DayKey, hhmm: string, timeZone: string): Date {
  return dayjs.tz(`${day}T${hhmm}:00`, timeZone).toDate();
}
