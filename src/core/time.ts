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

/**
 * Every instant in the same quarter hour has the same offset from UTC: offsets are whole quarter hours
 * and zones change them at a whole local hour (historical local mean time aside, long before any
 * record here). So one Intl call per zone and quarter hour serves every request in it: the morning
 * peak asks for today's key thousands of times a minute, and formatting through Intl (or dayjs's tz,
 * which does) costs ~100 µs a call.
 */
const OFFSET_SPAN_MS = 15 * 60_000;
const offsets = new Map<string, number>();
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Milliseconds to add to an instant to read its local clock as if it were UTC. */
function offsetAt(ms: number, timeZone: string): number {
  const start = Math.floor(ms / OFFSET_SPAN_MS) * OFFSET_SPAN_MS;
  const key = `${timeZone} ${start}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const part: Record<string, number> = {};
    for (const p of formatterOf(timeZone).formatToParts(new Date(start))) part[p.type] = Number(p.value);
    offset = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second) - start;
    if (offsets.size >= 4096) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** The instant's local clock in the unit's time zone, as a Date whose UTC fields read it. */
function localClock(now: Date, timeZone: string): Date {
  const ms = now.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid time value');
  return new Date(ms + offsetAt(ms, timeZone));
}

/** The local calendar day of an instant: servers run in UTC, the unit does not. */
export function localDayKey(now: Date, timeZone: string): DayKey {
  return localClock(now, timeZone).toISOString().slice(0, 10);
}

export function localMonthKey(now: Date, timeZone: string): MonthKey {
  return localClock(now, timeZone).toISOString().slice(0, 7);
}

/** 'HH:mm' of an instant on the unit's clock, e.g. to fill a time picker. */
export function localTimeKey(now: Date, timeZone: string): string {
  return localClock(now, timeZone).toISOString().slice(11, 16);
}

/** Minutes since local midnight, for window checks. */
export function localMinuteOfDay(now: Date, timeZone: string): number {
  const local = localClock(now, timeZone);
  return (local.getTime() - Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate())) / 60_000;
}

/** Month, day, hour and minute of an instant on the unit's clock, for display. */
export function localFields(now: Date, timeZone: string): { month: number; day: number; hhmm: string } {
  const local = localClock(now, timeZone);
  return { month: local.getUTCMonth() + 1, day: local.getUTCDate(), hhmm: local.toISOString().slice(11, 16) };
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
