import { daysOfMonth, type DayKey, type MonthKey } from '../../../src/core/time';
import { isWorkday } from '../../../src/core/workdays';
import type { ReadCache } from '../../kernel/cache';
import type { ReadingStore } from './ctx';
import type { CalendarDoc } from '../settings';

/** Workdays as the unit's calendar says: Monday–Friday unless `calendar.set` overrode the day. */

export interface DayInfo {
  date: DayKey;
  workday: boolean;
  note?: string;
}

function info(date: DayKey, doc: CalendarDoc | null | undefined): DayInfo {
  const day: DayInfo = { date, workday: isWorkday(date, doc) };
  if (doc?.note) day.note = doc.note;
  return day;
}

export async function dayInfo(store: ReadingStore, date: DayKey): Promise<DayInfo> {
  // A calendar override's _id is its day.
  return info(date, await store.collection('calendar').get(date));
}

/** The same, shared by the container for a few seconds (every member asks about today). */
export function dayInfoShared(reads: { store: ReadingStore; cache: ReadCache }, date: DayKey): Promise<DayInfo> {
  return reads.cache.get(`calendar:day:${date}`, () => dayInfo(reads.store, date));
}

export async function monthDays(store: ReadingStore, month: MonthKey): Promise<DayInfo[]> {
  const overrides = await store.collection('calendar').find({ month }, { limit: 31 });
  const byDate = new Map(overrides.map((d) => [d.date, d]));
  return daysOfMonth(month).map((date) => info(date, byDate.get(date)));
}

const PAGE = 1000;

/** A workday test for every day in [from, to]; overrides are few (holidays and 调休 days). */
export async function workdaysBetween(
  store: ReadingStore,
  from: DayKey,
  to: DayKey,
): Promise<(day: DayKey) => boolean> {
  const byDate = new Map<DayKey, CalendarDoc>();
  for (let skip = 0; ; skip += PAGE) {
    const page = await store
      .collection('calendar')
      .find({ date: { gte: from, lte: to } }, { sort: { date: 1 }, limit: PAGE, skip });
    page.forEach((d) => byDate.set(d.date, d));
    if (page.length < PAGE) break;
  }
  return (day) => isWorkday(day, byDate.get(day));
}
