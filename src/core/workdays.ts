import { type DayKey, weekdayOf } from './time';

/** A calendar override set by `calendar.set`: a holiday off, or a 调休 Saturday on. */
export interface CalendarOverride {
  date: DayKey;
  workday: boolean;
  note?: string;
}

/** Monday–Friday, unless the unit's calendar says otherwise (DESIGN.md §5). */
export function isWorkday(day: DayKey, override?: Pick<CalendarOverride, 'workday'> | null): boolean {
  if (override) return override.workday;
  const wd = weekdayOf(day);
  return wd >= 1 && wd <= 5;
}

export function defaultWorkday(day: DayKey): boolean {
  return isWorkday(day, null);
}
