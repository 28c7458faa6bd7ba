import { daysOfMonth, type DayKey, type MonthKey, weekdayOf } from '../../../core/time';

/** Week rows starting on Monday (as Chinese calendars do); null pads the first and last week. */
export function monthGrid(month: MonthKey): (DayKey | null)[][] {
  const days = daysOfMonth(month);
  const lead = (weekdayOf(days[0]) + 6) % 7;
  const cells: (DayKey | null)[] = [...Array<null>(lead).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (DayKey | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export function shiftMonth(month: MonthKey, delta: number): MonthKey {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthLabel(month: MonthKey): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
}
