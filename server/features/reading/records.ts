import type { CheckinView, ReadingSummary, ReadingView } from '../../../src/core/reading/contract';
import type { CheckinMark } from '../../../src/core/reading/rules';
import { streakOf } from '../../../src/core/reading/streak';
import { addDays, type DayKey } from '../../../src/core/time';
import type { ReadCache } from '../../kernel/cache';
import type { ReadingStore } from './ctx';
import type { CheckinDoc, ReadingDoc } from './collections';
import { monthDocId } from './counters';
import { dayInfoShared, workdaysBetween } from './days';
import { pastRevision } from '../settings';
import { branchOf } from '../../../src/core/people/branch';
import { readingFor } from '../../../src/core/reading/scope';

/** Reads of one member's records and the views handed out. */

/** A store and what the container remembers (kernel/cache.ts): a handler's ctx is one. */
export interface Reads {
  store: ReadingStore;
  cache: ReadCache;
}

/** A member's party branch, whose readings they read beside the unit's: null for none. */
export type Branch = string | null;

/** The reading of exactly this scope on a day: the unit's (branch null) or one branch's. */
export async function readingIn(store: ReadingStore, date: DayKey, branch: Branch): Promise<ReadingDoc | null> {
  const [doc] = branch
    ? await store.collection('branchReadings').find({ date, branch }, { limit: 1 })
    : await store.collection('readings').find({ date }, { limit: 1 });
  return doc ?? null;
}

/** A member's reading of a day: their branch's, else the unit's (core/reading/scope.ts). */
export async function readingOn(store: ReadingStore, date: DayKey, branch: Branch): Promise<ReadingDoc | null> {
  return readingFor(branch ? await readingIn(store, date, branch) : null, await readingIn(store, date, null));
}

/** The day's reading, as every member asks for it in the morning: shared for a few seconds. */
export async function readingOfDay(reads: Reads, date: DayKey, branch: Branch): Promise<ReadingDoc | null> {
  const scoped = (b: Branch) =>
    reads.cache.get(`reading:date:${b ?? ''}:${date}`, () => readingIn(reads.store, date, b));
  return readingFor(branch ? await scoped(branch) : null, await scoped(null));
}

export function readingById(reads: Reads, id: string): Promise<ReadingDoc | null> {
  return reads.cache.get(
    `reading:id:${id}`,
    async () =>
      (await reads.store.collection('readings').get(id)) ?? (await reads.store.collection('branchReadings').get(id)),
  );
}

/** The days of a month with a reading for a member: the unit's and their branch's (≤ 62 documents). */
export async function readingDates(store: ReadingStore, month: string, branch: Branch): Promise<Set<DayKey>> {
  const [unit, own] = await Promise.all([
    store.collection('readings').find({ month }, { limit: 31 }),
    branch ? store.collection('branchReadings').find({ month, branch }, { limit: 31 }) : [],
  ]);
  return new Set([...unit, ...own].map((d) => d.date));
}

export async function checkinOn(store: ReadingStore, staffId: string, date: DayKey): Promise<CheckinDoc | null> {
  const [doc] = await store.collection('checkins').find({ staffId, date }, { limit: 1 });
  return doc ?? null;
}

export async function monthCount(store: ReadingStore, staffId: string, month: string): Promise<number> {
  return (await monthOf(store, staffId, month)).checkins;
}

/** The member's month counters (check-ins, make-ups), zero when none yet. */
async function monthOf(
  store: ReadingStore,
  staffId: string,
  month: string,
): Promise<{ checkins: number; makeups: number }> {
  const doc = await store.collection('checkinMonths').get(monthDocId(month, staffId));
  return { checkins: doc?.checkins ?? 0, makeups: doc?.makeups ?? 0 };
}

export async function makeupsUsed(store: ReadingStore, staffId: string, month: string): Promise<number> {
  return store.collection('checkins').count({ staffId, month, makeup: true });
}

const STREAK_PAGE = 120;
/** The calendar span every member's streak shares (cached once per container and day). */
const SHARED_SPAN_DAYS = 400;

export interface Streak {
  streak: number;
  /** The calendar's revision for the past it was counted at (settings/revision.ts). */
  revision: number;
  /** The member's check-in of `today`, found on the way (or null). */
  todays: CheckinDoc | null;
  /**
   * The month's check-ins and make-ups (of `today`'s month), from the same read: a month has at most
   * 31 records (one per day), all newer than any record of an earlier month.
   */
  month: { checkins: number; makeups: number };
}

/**
 * The member's streak from their latest check-in alone: each check-in stores the run it ends
 * (`run`, counted at `runRevision`), so the cost stays the same however long the run. The run holds
 * unless a workday with a reading lies between that check-in and today (a day missed); today, not
 * yet done, does not break it. A run stored at an older revision of the calendar, or never (records
 * from before runs were stored, make-ups, and the check-ins after a make-up), is counted again by
 * walking the records (`walkStreak`) and stored. `plus` counts a check-in of today that is being
 * written as this runs; it stores nothing, since that check-in will carry the run (and a check-in
 * refused by a later rule must leave the store as it was).
 */
export async function streakFor(
  reads: Reads,
  who: { _id: string; branch?: string },
  today: DayKey,
  plus?: DayKey,
): Promise<Streak> {
  const { store } = reads;
  const staffId = who._id;
  const branch = branchOf(who);
  const [recent, revision] = await Promise.all([
    store.collection('checkins').find({ staffId, date: { lte: today } }, { sort: { date: -1 }, limit: 31 }),
    pastRevision(reads),
  ]);
  const latest = recent[0];
  const month = { checkins: 0, makeups: 0 };
  for (const c of recent.filter((r) => r.month === today.slice(0, 7))) {
    month.checkins += 1;
    if (c.makeup) month.makeups += 1;
  }
  const todays = latest?.date === today ? latest : null;
  const adds = plus === today && !todays && (await dayInfoShared(reads, today)).workday ? 1 : 0;
  if (!latest) return { streak: adds, revision, todays, month };
  const run = await runOf(reads, latest, branch, revision, plus === undefined);
  if (todays) return { streak: run, revision, todays, month };
  const missed = await missedBetween(reads, latest.date, today, branch);
  return { streak: (missed ? 0 : run) + adds, revision, todays, month };
}

/** The run a check-in ends, as stored when counted at this revision, else counted now and stored. */
async function runOf(reads: Reads, doc: CheckinDoc, branch: Branch, revision: number, keep: boolean): Promise<number> {
  if (doc.run !== undefined && doc.runRevision === revision) return doc.run;
  const { streak } = await walkStreak(reads, doc.staffId, branch, doc.date);
  if (!keep) return streak;
  // Only over what was read: a make-up that marked the record meanwhile (runRevision -1) wins.
  const filter = doc.runRevision === undefined ? { _id: doc._id } : { _id: doc._id, runRevision: doc.runRevision };
  await reads.store.collection('checkins').update(filter, { set: { run: streak, runRevision: revision } });
  return streak;
}

/**
 * Whether a workday with a reading lies strictly between `from` and `to`. Asked through the latest
 * reading on or before a day, the same question the walk asks and for the same days (the day before
 * today above all), so a container answers it for the whole unit from what it already holds.
 */
async function missedBetween(reads: Reads, from: DayKey, to: DayKey, branch: Branch): Promise<boolean> {
  let isWorkday: ((day: DayKey) => boolean) | null = null;
  for (let day = addDays(to, -1); day > from;) {
    const latest = await latestReadingOn(reads, day, branch);
    if (latest === null || latest <= from) return false;
    isWorkday ??=
      from >= addDays(to, -SHARED_SPAN_DAYS)
        ? await sharedSpan(reads, to)
        : await workdaysBetween(reads.store, from, to);
    if (isWorkday(latest)) return true;
    day = addDays(latest, -1);
  }
  return false;
}

/** The date of a member's latest reading on or before `day` (the unit's or their branch's), shared by the container. */
async function latestReadingOn(reads: Reads, day: DayKey, branch: Branch): Promise<DayKey | null> {
  const unit = reads.cache.get(`reading:latest::${day}`, async () => {
    const [doc] = await reads.store
      .collection('readings')
      .find({ date: { lte: day } }, { sort: { date: -1 }, limit: 1 });
    return doc?.date ?? null;
  });
  if (!branch) return unit;
  const own = await reads.cache.get(`reading:latest:${branch}:${day}`, async () => {
    const [doc] = await reads.store
      .collection('branchReadings')
      .find({ branch, date: { lte: day } }, { sort: { date: -1 }, limit: 1 });
    return doc?.date ?? null;
  });
  const u = await unit;
  return u === null ? own : own === null || u > own ? u : own;
}

/** Workdays of the SHARED_SPAN_DAYS before `today`, the span every member's streak shares. */
function sharedSpan(reads: Reads, today: DayKey): Promise<(day: DayKey) => boolean> {
  const from = addDays(today, -SHARED_SPAN_DAYS);
  return reads.cache.get(`calendar:span:${today}`, () => workdaysBetween(reads.store, from, today));
}

/**
 * The streak counted from the records: newest first, only as far back as the run goes. At a gap (a
 * workday without check-in) it asks for the latest reading on or before that day: one query tells
 * whether the gap day had a reading and, if not, that every day back to that reading had none. The
 * cost follows the streak and its gaps; the calendar and the gap answers are the same for every
 * member, so a container shares them. Run once per check-in whose stored run is missing or stale.
 */
async function walkStreak(reads: Reads, staffId: string, branch: Branch, today: DayKey): Promise<{ streak: number }> {
  const { store } = reads;
  const checked = new Set<DayKey>();
  const withReading = new Set<DayKey>();
  const without: [DayKey, DayKey][] = []; // (after, upTo]: days known to have had no reading
  const hadReading = (day: DayKey) =>
    withReading.has(day) ? true : without.some(([after, upTo]) => day > after && day <= upTo) ? false : undefined;
  let loadedFrom: DayKey | null = null;
  let isWorkday: ((day: DayKey) => boolean) | null = null;
  const shared = addDays(today, -SHARED_SPAN_DAYS);
  for (let skip = 0; ;) {
    if (isWorkday === null) {
      const page = await store
        .collection('checkins')
        .find({ staffId, date: { lte: today } }, { sort: { date: -1 }, limit: STREAK_PAGE, skip });
      page.forEach((c) => checked.add(c.date));
      skip += page.length;
      loadedFrom = page.length === STREAK_PAGE ? page[page.length - 1].date : null;
      const from = loadedFrom ?? [...checked].sort()[0] ?? today;
      isWorkday = from >= shared ? await sharedSpan(reads, today) : await workdaysBetween(store, from, today);
    }
    const result = streakOf({ today, checked, isWorkday, loadedFrom, hadReading });
    if (result.complete) return { streak: result.streak };
    if (result.need === 'older') {
      isWorkday = null;
      continue;
    }
    const day = result.day;
    const latest = await latestReadingOn(reads, day, branch);
    if (latest) withReading.add(latest);
    if (latest !== day) without.push([latest ?? '0000-00-00', day]);
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
  if (doc.branch) view.branch = doc.branch;
  return view;
}

export function readingSummary(doc: ReadingDoc, mine: CheckinMark | null, checkins?: number): ReadingSummary {
  const summary: ReadingSummary = { id: doc._id, date: doc.date, title: doc.title, mine };
  if (doc.source) summary.source = doc.source;
  if (doc.branch) summary.branch = doc.branch;
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
