import { addDays, type DayKey } from '../time';

export interface StreakInput {
  today: DayKey;
  /** Days with a check-in, on time or made up. */
  checked: ReadonlySet<DayKey>;
  isWorkday: (day: DayKey) => boolean;
  /**
   * Whether a workday had a reading; undefined while unknown. A workday without one could not be
   * checked in, so it neither breaks nor extends the streak. Omitted: every workday had one.
   */
  hadReading?: (day: DayKey) => boolean | undefined;
  /**
   * The earliest day whose check-ins are in `checked`; null when all of them are. Walking past it
   * asks for older records.
   */
  loadedFrom: DayKey | null;
}

export type StreakResult =
  | { streak: number; complete: true }
  /** Load check-ins older than `loadedFrom` and ask again. */
  | { streak: number; complete: false; need: 'older' }
  /** Find out whether `day` had a reading and ask again. */
  | { streak: number; complete: false; need: 'reading'; day: DayKey };

/**
 * Consecutive workdays with a check-in, ending today, or on the last workday before today while
 * today is not yet done (DESIGN.md §5). Non-workdays neither break nor extend it, even if a check-in
 * sits on a day the calendar later turned into a holiday.
 */
export function streakOf({ today, checked, isWorkday, hadReading, loadedFrom }: StreakInput): StreakResult {
  let streak = 0;
  if (isWorkday(today) && checked.has(today)) streak = 1;
  const earliest = [...checked].reduce<DayKey | null>((min, d) => (min === null || d < min ? d : min), null);
  for (let day = addDays(today, -1); ; day = addDays(day, -1)) {
    if (loadedFrom !== null && day < loadedFrom) return { streak, complete: false, need: 'older' };
    // Nothing checked this early: the streak cannot grow any further.
    if (earliest === null || day < earliest) return { streak, complete: true };
    if (!isWorkday(day)) continue;
    if (checked.has(day)) {
      streak += 1;
      continue;
    }
    const had = hadReading ? hadReading(day) : true;
    if (had === undefined) return { streak, complete: false, need: 'reading', day };
    if (had) return { streak, complete: true };
  }
}
