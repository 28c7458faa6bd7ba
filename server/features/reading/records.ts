import type { CheckinView, ReadingSummary, ReadingView } from '../../../src/core/reading/contract';
import type { CheckinMark } from '../../../src/core/reading/rules';
import { streakOf } from '../../../src/core/reading/streak';
import type { DayKey } from '../../../src/core/time';
import type { ReadingStore } from './ctx';
import type { CheckinDoc, ReadingDoc } from './collections';
import { monthDocId } from './counters';
import { workdaysBetween } from './days';

/** Reads of one member's records and the views handed out. */

export async function readingOn(store: ReadingStore, date: DayKey): Promise<ReadingDoc | null> {
  const [doc] = await store.collection('readings').find({ date }, { limit: 1 });
  return doc ?? null;
}

/** The days of a month that have a reading (at most 31 documents). */
export async function readingDates(store: ReadingStore, month: string): Promise<Set<DayKey>> {
  const docs = await store.collection('readings').find({ month }, { limit: 31 });
  return new Set(docs.map((d) => d.date));
}

export async function checkinOn(store: ReadingStore, staffId: string, date: DayKey): Promise<CheckinDoc | null> {
  const [doc] = await store.collection('checkins').find({ staffId, date }, { limit: 1 });
  return doc ?? null;
}

export async function monthCount(store: ReadingStore, staffId: string, month: string): Promise<number> {
  return (await store.collection('checkinMonths').get(monthDocId(month, staffId)))?.checkins ?? 0;
}

export async function makeupsUsed(store: ReadingStore, staffId: string, month: string): Promise<number> {
  return store.collection('checkins').count({ staffId, month, makeup: true });
}

const STREAK_PAGE = 120;

/**
 * The member's streak, reading their records newest first only as far back as the run goes. At a
 * gap (a workday without check-in) it asks for the latest reading on or before that day: one query
 * tells whether the gap day had a reading and, if not, that every day back to that reading had
 * none. The cost follows the streak and its gaps, not the member's history.
 */
export async function streakFor(store: ReadingStore, staffId: string, today: DayKey): Promise<number> {
  const checked = new Set<DayKey>();
  const withReading = new Set<DayKey>();
  const without: [DayKey, DayKey][] = []; // (after, upTo]: days known to have had no reading
  const hadReading = (day: DayKey) =>
    withReading.has(day) ? true : without.some(([after, upTo]) => day > after && day <= upTo) ? false : undefined;
  let loadedFrom: DayKey | null = null;
  let isWorkday: ((day: DayKey) => boolean) | null = null;
  for (let skip = 0; ;) {
    if (isWorkday === null) {
      const page = await store
        .collection('checkins')
        .find({ staffId, date: { lte: today } }, { sort: { date: -1 }, limit: STREAK_PAGE, skip });
      page.forEach((c) => checked.add(c.date));
      skip += page.length;
      loadedFrom = page.length === STREAK_PAGE ? page[page.length - 1].date : null;
      const from = loadedFrom ?? [...checked].sort()[0] ?? today;
      isWorkday = await workdaysBetween(store, from, today);
    }
    const result = streakOf({ today, checked, isWorkday, loadedFrom, hadReading });
    if (result.complete) return result.streak;
    if (result.need === 'older') {
      isWorkday = null;
      continue;
    }
    const [latest] = await store
      .collection('readings')
      .find({ date: { lte: result.day } }, { sort: { date: -1 }, limit: 1 });
    if (latest) withReading.add(latest.date);
    if (latest?.date !== result.day) without.push([latest?.date ?? '0000-00-00', result.day]);
  }
}

export function readingView(doc: ReadingDoc): ReadingView {
  const view: ReadingView = {
    id: doc._id,
    date: doc.date,
    title: doc.title,
    body: doc.body,
    publishedAt: doc.publishedAt,
    updatedAt: doc.updatedAt,
  };
  if (doc.source) view.source = doc.source;
  return view;
}

export function readingSummary(doc: ReadingDoc, mine: CheckinMark | null, checkins?: number): ReadingSummary {
  const summary: ReadingSummary = { id: doc._id, date: doc.date, title: doc.title, mine };
  if (doc.source) summary.source = doc.source;
  if (checkins !== undefined) summary.checkins = checkins;
  return summary;
}

export function checkinView(doc: CheckinDoc): CheckinView {
  const view: CheckinView = {
    id: doc._id,
    date: doc.date,
    readingId: doc.readingId,
    at: doc.at,
    makeup: doc.makeup,
    minutes: doc.minutes,
  };
  if (doc.note) view.note = doc.note;
  if (doc.reason) view.reason = doc.reason;
  return view;
}

export function markOf(doc: CheckinDoc): CheckinMark {
  return doc.makeup ? 'makeup' : 'checked';
}
