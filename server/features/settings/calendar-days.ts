import type { CalendarDay } from '../../../src/core/settings/views';
import { daysOfMonth, type DayKey, type MonthKey } from '../../../src/core/time';
import { resolveDay } from '../../../src/core/workdays';
import type { CalendarDoc } from './collections';
import type { SettingsStore } from './ctx';
import { officialDay } from './official';

/**
 * The merged workday calendar every rule reads: the unit's `calendar.set` entries over the official
 * schedule over Monday–Friday (src/core/workdays.ts). The unit's entries are the only stored part
 * and they are few (a holiday season's days), so each read is one small indexed query; the official
 * part comes from the process's lookup (official.ts).
 */

/** One day of the calendar from the unit's entry for it (if any) and the official schedule. */
export function calendarDay(date: DayKey, doc: CalendarDoc | null | undefined): CalendarDay {
  const official = officialDay(date);
  const resolved = resolveDay(date, doc, official);
  const day: CalendarDay = {
    date,
    workday: resolved.workday,
    override: resolved.source === 'unit',
    source: resolved.source,
  };
  if (official) day.official = official;
  if (doc?.note) day.note = doc.note;
  return day;
}

/** What the day is called on a member's screen: the unit's note, else the official holiday's name. */
export function dayLabel(day: CalendarDay): string | undefined {
  if (day.note) return day.note;
  if (!day.official || day.override) return undefined;
  return day.official.workday ? `${day.official.name}调休上班` : day.official.name;
}

export async function readCalendarDay(store: SettingsStore, date: DayKey): Promise<CalendarDay> {
  // An entry's _id is its day.
  return calendarDay(date, await store.collection('calendar').get(date));
}

export async function readCalendarMonth(store: SettingsStore, month: MonthKey): Promise<CalendarDay[]> {
  const entries = await store.collection('calendar').find({ month }, { limit: 31 });
  const byDate = new Map(entries.map((d) => [d.date, d]));
  return daysOfMonth(month).map((date) => calendarDay(date, byDate.get(date)));
}

const PAGE = 1000;

/**
 * A workday test for every day in [from, to] (the unit's entries in that span read once); a day
 * outside the span still gets the official schedule and Monday–Friday, only not the unit's entries.
 */
export async function readWorkdays(store: SettingsStore, from: DayKey, to: DayKey): Promise<(day: DayKey) => boolean> {
  const byDate = new Map<DayKey, CalendarDoc>();
  for (let skip = 0; ; skip += PAGE) {
    const page = await store
      .collection('calendar')
      .find({ date: { gte: from, lte: to } }, { sort: { date: 1 }, limit: PAGE, skip });
    page.forEach((d) => byDate.set(d.date, d));
    if (page.length < PAGE) break;
  }
  return (day) => resolveDay(day, byDate.get(day), officialDay(day)).workday;
}
