import type { DayKey } from '../time';

/** One day of the workday calendar as members see it. */
export interface CalendarDay {
  date: DayKey;
  workday: boolean;
  /** True when `calendar.set` overrides the Monday–Friday default. */
  override: boolean;
  note?: string;
}
