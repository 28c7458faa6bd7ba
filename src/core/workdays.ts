import { type DayKey, weekdayOf } from './time';

/**
 * Workdays (DESIGN.md §5), in three layers, the upper one winning:
 * 1. the unit's own `calendar.set` entries (its overrides);
 * 2. the State Council's schedule (节假日 off, 调休上班日 on) for the years it is known;
 * 3. Monday–Friday.
 * The core stays pure: the server reads the schedule (chinese-days) and hands each day's official
 * entry in, so the client and the server apply one rule.
 */

/** A calendar override set by `calendar.set`: a holiday off, or a 调休 Saturday on. */
export interface CalendarOverride {
  date: DayKey;
  workday: boolean;
  note?: string;
}

/** A day of the official schedule: a 法定 holiday (off) or a 调休 working day (on). */
export interface OfficialDay {
  workday: boolean;
  /** The holiday it belongs to, e.g. 国庆节. */
  name: string;
}

/** Which layer decided a day. */
export type DaySource = 'unit' | 'official' | 'weekday';

export interface ResolvedDay {
  workday: boolean;
  source: DaySource;
  /** What the day would be without the unit's entry: the official schedule, else Monday–Friday. */
  baseWorkday: boolean;
}

/** Monday–Friday, the layer under everything. */
export function weekdayWorkday(day: DayKey): boolean {
  const wd = weekdayOf(day);
  return wd >= 1 && wd <= 5;
}

/** The day as the official schedule (or, outside it, Monday–Friday) has it. */
export function baseWorkday(day: DayKey, official?: Pick<OfficialDay, 'workday'> | null): boolean {
  return official ? official.workday : weekdayWorkday(day);
}

export function resolveDay(
  day: DayKey,
  override?: Pick<CalendarOverride, 'workday'> | null,
  official?: Pick<OfficialDay, 'workday'> | null,
): ResolvedDay {
  const base = baseWorkday(day, official);
  if (override) return { workday: override.workday, source: 'unit', baseWorkday: base };
  return { workday: base, source: official ? 'official' : 'weekday', baseWorkday: base };
}

/** The unit's entry if it has one, else the official schedule, else Monday–Friday. */
export function isWorkday(
  day: DayKey,
  override?: Pick<CalendarOverride, 'workday'> | null,
  official?: Pick<OfficialDay, 'workday'> | null,
): boolean {
  return resolveDay(day, override, official).workday;
}
