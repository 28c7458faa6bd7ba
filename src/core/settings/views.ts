import type { DayKey } from '../time';
import type { DaySource, OfficialDay } from '../workdays';

/** One day of the workday calendar as members see it. */
export interface CalendarDay {
  date: DayKey;
  workday: boolean;
  /** True when the unit's own `calendar.set` entry decides the day. */
  override: boolean;
  /** Which layer decided: the unit's entry, the official schedule, or Monday–Friday. */
  source: DaySource;
  /** The official schedule's entry for the day (法定 holiday or 调休 working day), even when overridden. */
  official?: OfficialDay;
  /** The unit's note. */
  note?: string;
}
