import type { CalendarDay } from '../../../src/core/settings/views';
import type { DayKey, MonthKey } from '../../../src/core/time';
import type { ReadCache } from '../../kernel/cache';
import type { ReadingStore } from './ctx';
import { dayLabel, readCalendarDay, readCalendarMonth, readWorkdays } from '../settings';

/**
 * Workdays as the unit's calendar says: its own entries over the State Council's schedule over
 * Monday–Friday. The merge is the settings feature's (calendar-days.ts); here only what the morning
 * reading needs of it.
 */

export interface DayInfo {
  date: DayKey;
  workday: boolean;
  /** The unit's note, else the official holiday's name (国庆节, 国庆节调休上班). */
  note?: string;
}

function info(day: CalendarDay): DayInfo {
  const out: DayInfo = { date: day.date, workday: day.workday };
  const note = dayLabel(day);
  if (note) out.note = note;
  return out;
}

export async function dayInfo(store: ReadingStore, date: DayKey): Promise<DayInfo> {
  return info(await readCalendarDay(store, date));
}

/** The same, shared by the container for a few seconds (every member asks about today). */
export function dayInfoShared(reads: { store: ReadingStore; cache: ReadCache }, date: DayKey): Promise<DayInfo> {
  return reads.cache.get(`calendar:day:${date}`, () => dayInfo(reads.store, date));
}

export async function monthDays(store: ReadingStore, month: MonthKey): Promise<DayInfo[]> {
  return (await readCalendarMonth(store, month)).map(info);
}

/** A workday test for every day in [from, to]. */
export function workdaysBetween(store: ReadingStore, from: DayKey, to: DayKey): Promise<(day: DayKey) => boolean> {
  return readWorkdays(store, from, to);
}
