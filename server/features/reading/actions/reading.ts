import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { AppError, ruleError } from '../../../../src/core/errors';
import { windowState } from '../../../../src/core/reading/rules';
import { hasAnyRole } from '../../../../src/core/roles';
import { localDayKey } from '../../../../src/core/time';
import { findAll } from '../../../kernel/paging';
import { member } from '../../../kernel/context';
import type { Ctx } from '../ctx';
import { dayInfoShared } from '../days';
import {
  checkinOn,
  checkinView,
  markOf,
  readingById,
  readingOfDay,
  readingSummary,
  readingView,
  streakFor,
} from '../records';
import { isDuplicate } from '../../../store/port';
import type { ReadingDoc } from '../collections';
import { branchOf, compareBranches } from '../../../../src/core/people/branch';
import { readsScope, type Publisher } from '../../../../src/core/reading/scope';

/** Secretaries and admins see readings published ahead; everyone else from their day on. */
export function seesAhead(ctx: Ctx): boolean {
  return hasAnyRole(ctx.caller.roles, ['secretary']);
}

/** The unit's settings, the clock's now and today's local day. */
export async function localToday(ctx: Ctx) {
  const settings = await ctx.settings();
  const now = ctx.clock.now();
  return { settings, now, today: localDayKey(now, settings.timeZone) };
}

/** The caller as a reader and publisher of branch-scoped readings (core/reading/scope.ts). */
export function readerOf(ctx: Ctx): Publisher {
  return { roles: ctx.caller.roles, branch: branchOf(member(ctx)) };
}

/**
 * A reading the caller may see: one ahead of its day is as good as missing for staff, and so is
 * another branch's.
 */
export async function visibleReading(ctx: Ctx, readingId: string, todayKey: string): Promise<ReadingDoc> {
  const doc = await readingById(ctx, readingId);
  if (!doc || (doc.date > todayKey && !seesAhead(ctx)) || !readsScope(readerOf(ctx), doc.branch ?? null)) {
    throw new AppError('NOT_FOUND', '找不到该晨读');
  }
  return doc;
}

export async function readingToday(
  _input: ParsedInput<'reading.today'>,
  ctx: Ctx,
): Promise<ActionOutput<'reading.today'>> {
  const { settings, now, today: todayKey } = await localToday(ctx);
  const me = member(ctx);
  // The reading, the day and the settings are the container's (kernel/cache.ts); what is the
  // member's own takes two reads: the recent check-ins (today's and the month's among them), the open.
  const [reading, day, recent] = await Promise.all([
    readingOfDay(ctx, todayKey, branchOf(me)),
    dayInfoShared(ctx, todayKey),
    streakFor(ctx, me, todayKey),
  ]);
  const { streak, todays: checkin } = recent;
  const count = recent.month.checkins;
  const used = recent.month.makeups;
  const opened = reading ? await ctx.store.collection('readingOpens').get(openId(reading._id, me._id)) : null;
  const answer: ActionOutput<'reading.today'> = {
    date: todayKey,
    now: now.toISOString(),
    workday: day.workday,
    window: { start: settings.readingWindowStart, end: settings.readingWindowEnd, state: windowState(now, settings) },
    minReadingSeconds: settings.minReadingSeconds,
    reading: reading ? readingView(reading) : null,
    openedAt: opened?.openedAt ?? null,
    checkin: checkin ? checkinView(checkin) : null,
    streak,
    monthCount: count,
    makeupsLeft: Math.max(0, settings.makeupsPerMonth - used),
  };
  if (day.note) answer.calendarNote = day.note;
  return answer;
}

export async function readingGet(input: ParsedInput<'reading.get'>, ctx: Ctx): Promise<ActionOutput<'reading.get'>> {
  const { today: todayKey } = await localToday(ctx);
  const doc = await visibleReading(ctx, input.readingId, todayKey);
  const me = member(ctx);
  const [opened, checkin] = await Promise.all([
    ctx.store.collection('readingOpens').get(openId(doc._id, me._id)),
    checkinOn(ctx.store, me._id, doc.date),
  ]);
  // The day's check-in belongs to this reading only if made on it (not on a branch's of that day).
  const mine = checkin?.readingId === doc._id ? checkin : null;
  return {
    reading: readingView(doc),
    openedAt: opened?.openedAt ?? null,
    checkin: mine ? checkinView(mine) : null,
  };
}

export async function readingList(input: ParsedInput<'reading.list'>, ctx: Ctx): Promise<ActionOutput<'reading.list'>> {
  const { today: todayKey } = await localToday(ctx);
  const me = member(ctx);
  const ahead = seesAhead(ctx);
  const branch = branchOf(me);
  const admin = hasAnyRole(ctx.caller.roles, ['admin']);
  const [unit, ofBranches, mine] = await Promise.all([
    ctx.store.collection('readings').find({ month: input.month }, { limit: 31 }),
    // Secretaries' counts need every branch's readings of the month (checkinCounts); a member's list only their own.
    ahead || branch
      ? findAll(ctx.store.collection('branchReadings'), ahead ? { month: input.month } : { month: input.month, branch })
      : [],
    ctx.store.collection('checkins').find({ staffId: me._id, month: input.month }, { limit: 31 }),
  ]);
  // An admin sees every branch's; anyone else the unit's and their own branch's.
  const branches = admin ? ofBranches : ofBranches.filter((r) => r.branch === branch);
  const docs = [...unit, ...branches].sort(
    (a, b) => a.date.localeCompare(b.date) || compareBranches(a.branch ?? '', b.branch ?? ''),
  );
  // By reading, not by day: a day with the unit's and a branch's reading has one check-in.
  const marks = new Map(mine.map((c) => [c.readingId, markOf(c)]));
  const countOf = ahead ? await checkinCounts(ctx, input.month, ofBranches) : null;
  const items = docs
    .filter((d) => ahead || d.date <= todayKey)
    .map((d) => readingSummary(d, marks.get(d._id) ?? null, countOf?.(d)));
  return { month: input.month, items };
}

/**
 * Check-ins per reading, from the day counters (a few shards per department and branch and day)
 * and every branch's readings of the month:
 * a branch's reading has its members' check-ins of the day; the unit's has the rest, since members
 * of a branch with a reading of its own that day read that one.
 */
async function checkinCounts(
  ctx: Ctx,
  month: string,
  ofBranches: readonly ReadingDoc[],
): Promise<(doc: ReadingDoc) => number> {
  const days = await findAll(ctx.store.collection('checkinDays'), { month });
  const total = new Map<string, number>();
  const inBranch = new Map<string, number>();
  for (const d of days) {
    total.set(d.date, (total.get(d.date) ?? 0) + d.checkins);
    if (d.branch) inBranch.set(`${d.date}@${d.branch}`, (inBranch.get(`${d.date}@${d.branch}`) ?? 0) + d.checkins);
  }
  const ownReading = new Map<string, number>();
  for (const r of ofBranches) {
    ownReading.set(r.date, (ownReading.get(r.date) ?? 0) + (inBranch.get(`${r.date}@${r.branch}`) ?? 0));
  }
  return (doc) =>
    doc.branch
      ? (inBranch.get(`${doc.date}@${doc.branch}`) ?? 0)
      : (total.get(doc.date) ?? 0) - (ownReading.get(doc.date) ?? 0);
}

export function openId(readingId: string, staffId: string): string {
  return `${readingId}:${staffId}`;
}

export async function readingOpen(input: ParsedInput<'reading.open'>, ctx: Ctx): Promise<ActionOutput<'reading.open'>> {
  const { settings, now, today: todayKey } = await localToday(ctx);
  const doc = await visibleReading(ctx, input.readingId, todayKey);
  if (doc.date > todayKey) throw ruleError('readingDate', '这篇晨读还未到发布日期，暂不计时');
  const me = member(ctx);
  const opens = ctx.store.collection('readingOpens');
  const fresh = { _id: openId(doc._id, me._id), readingId: doc._id, staffId: me._id, openedAt: now.toISOString() };
  let openedAt = fresh.openedAt;
  let already = false;
  try {
    await opens.insert(fresh);
  } catch (error) {
    if (!isDuplicate(error)) throw error;
    const existing = await opens.get(fresh._id);
    if (!existing) throw error;
    openedAt = existing.openedAt;
    already = true;
  }
  const readyAt = new Date(Date.parse(openedAt) + settings.minReadingSeconds * 1000).toISOString();
  return { openedAt, now: now.toISOString(), readyAt, ...(already ? { already } : {}) };
}
