import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { HONOR_ROLL_PAGE } from '../../../../src/core/reading/contract';
import { countedWorkdays, honorRollNeeded, windowState } from '../../../../src/core/reading/rules';
import { localDayKey, localMonthKey } from '../../../../src/core/time';
import { findAll } from '../../../kernel/paging';
import { ruleError } from '../../../../src/core/errors';
import { branchCounts } from '../../people';
import type { Filter } from '../../../store/port';
import type { CheckinMonthDoc } from '../collections';
import type { Ctx } from '../ctx';
import { monthDays } from '../days';

/**
 * The month's 学习标兵, a page at a time in staff-number order, from the members' month counters:
 * a unit of ten thousand where everyone qualifies reads one page of them, not ten thousand. There
 * is no total: on SQLite a count reads every matching document (the type check of each filter
 * needs the document), which is the cost paging removes.
 *
 * Each member is judged on their own reading days: the unit's, and their branch's own (recorded on
 * their month as the branch of its first check-in). `branch` reads one branch's roll.
 */
export async function checkinHonorRoll(
  input: ParsedInput<'checkin.honorRoll'>,
  ctx: Ctx,
): Promise<ActionOutput<'checkin.honorRoll'>> {
  const settings = await ctx.settings();
  const now = ctx.clock.now();
  const current = localMonthKey(now, settings.timeZone);
  const branch = input.branch || null;
  const base = {
    month: input.month,
    threshold: settings.honorRollThreshold,
    provisional: input.month === current,
    ...(branch ? { branch } : {}),
  };
  const none = { workdays: 0, needed: 0, items: [], next: null };
  if (settings.rankingMode === 'off') return { ...base, enabled: false, ...none };
  if (branch && !(await branchCounts(ctx.store)).has(branch)) {
    throw ruleError('unknownBranch', `花名册中没有“${branch}”这个支部`, { field: 'branch' });
  }
  if (input.month > current) return { ...base, enabled: true, ...none };

  // A past month counts all its workdays with a reading; the current one those that have passed.
  const today = input.month === current ? localDayKey(now, settings.timeZone) : '9999-12-31';
  const window = windowState(now, settings);
  const [days, unit, ofBranches] = await Promise.all([
    monthDays(ctx.store, input.month),
    ctx.store.collection('readings').find({ month: input.month }, { limit: 31 }),
    findAll(ctx.store.collection('branchReadings'), { month: input.month }),
  ]);
  const unitDates = unit.map((r) => r.date);
  const countedFor = (b: string | null) =>
    countedWorkdays(
      days,
      today,
      window,
      new Set([...unitDates, ...ofBranches.filter((r) => r.branch === b).map((r) => r.date)]),
    );
  const neededFor = (b: string | null) => honorRollNeeded(settings.honorRollThreshold, countedFor(b).length);
  const needed = new Map<string | null, number>([[null, neededFor(null)]]);
  for (const r of ofBranches) if (r.branch && !needed.has(r.branch)) needed.set(r.branch, neededFor(r.branch));
  const neededOf = (doc: Pick<CheckinMonthDoc, 'branch'>) => needed.get(doc.branch ?? null) ?? needed.get(null) ?? 0;
  const shown = branch ? neededOf({ branch }) : (needed.get(null) ?? 0);
  const workdays = countedFor(branch).length;
  const lines = branch ? [shown] : [...needed.values()];
  if (Math.max(...lines) === 0) return { ...base, enabled: true, ...none, workdays };
  const lowest = Math.min(...lines.filter((n) => n > 0));

  // Readings of days that are no counted workday (today while its window is open, a day made a
  // holiday later): their check-ins come off the month's counter. A check-in is always on a
  // reading its member may read, so whether its day counts does not depend on whose it was.
  const workday = new Set(countedWorkdays(days, today, window));
  const uncounted = [...unit, ...ofBranches].filter((r) => !workday.has(r.date)).map((r) => r._id);
  const scope: Filter<CheckinMonthDoc> = { month: input.month, ...(branch ? { branch } : {}) };
  const qualifies: Filter<CheckinMonthDoc> = { ...scope, checkins: { gte: lowest } };
  const band = { gte: lowest, lt: Math.max(...lines) + uncounted.length };
  const dropped = await droppedBelow(ctx, { ...scope, checkins: band }, uncounted, neededOf);
  const page = await pageAfter(
    ctx,
    qualifies,
    input.after ?? null,
    (d) => neededOf(d) > 0 && d.checkins >= neededOf(d) && !dropped.has(d.staffId),
  );
  return {
    ...base,
    enabled: true,
    workdays,
    needed: shown,
    items: page.items.map((d) => ({ staffNo: d.staffNo, name: d.name, department: d.department })),
    next: page.next,
  };
}

/**
 * Members whose counter reaches their line only with check-ins of uncounted days. One check-in a
 * day at most, so only those (`near`) fewer than that many days above the highest line can fall
 * below theirs, and only they need a look at those days' records.
 */
async function droppedBelow(
  ctx: Ctx,
  near: Filter<CheckinMonthDoc>,
  uncounted: string[],
  neededOf: (doc: CheckinMonthDoc) => number,
): Promise<Set<string>> {
  if (uncounted.length === 0) return new Set();
  const band = await findAll(ctx.store.collection('checkinMonths'), near);
  if (band.length === 0) return new Set();
  const off = new Map<string, number>();
  for (const c of await findAll(ctx.store.collection('checkins'), { readingId: { in: uncounted } })) {
    off.set(c.staffId, (off.get(c.staffId) ?? 0) + 1);
  }
  return new Set(band.filter((d) => d.checkins - (off.get(d.staffId) ?? 0) < neededOf(d)).map((d) => d.staffId));
}

/** One page after `after` of those kept; `next` is where the following page starts, if any. */
async function pageAfter(
  ctx: Ctx,
  qualifies: Filter<CheckinMonthDoc>,
  after: string | null,
  keep: (doc: CheckinMonthDoc) => boolean,
): Promise<{ items: CheckinMonthDoc[]; next: string | null }> {
  const items: CheckinMonthDoc[] = [];
  for (let cursor = after; ;) {
    const batch = await ctx.store
      .collection('checkinMonths')
      .find(cursor === null ? qualifies : { ...qualifies, staffNo: { gt: cursor } }, {
        sort: { staffNo: 1 },
        limit: HONOR_ROLL_PAGE + 1,
      });
    for (const d of batch) {
      if (!keep(d)) continue;
      if (items.length === HONOR_ROLL_PAGE) return { items, next: items[items.length - 1].staffNo };
      items.push(d);
    }
    if (batch.length <= HONOR_ROLL_PAGE) return { items, next: null };
    cursor = batch[batch.length - 1].staffNo;
  }
}
