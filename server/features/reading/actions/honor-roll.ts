import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { HONOR_ROLL_PAGE } from '../../../../src/core/reading/contract';
import { countedWorkdays, honorRollNeeded, onHonorRoll, windowState } from '../../../../src/core/reading/rules';
import { localDayKey, localMonthKey } from '../../../../src/core/time';
import { findAll } from '../../../kernel/paging';
import type { Filter } from '../../../store/port';
import type { CheckinMonthDoc } from '../collections';
import type { Ctx } from '../ctx';
import { monthDays } from '../days';

/**
 * The month's 学习标兵, a page at a time in staff-number order, from the members' month counters:
 * a unit of ten thousand where everyone qualifies reads one page of them, not ten thousand. There
 * is no total: on SQLite a count reads every matching document (the type check of each filter
 * needs the document), which is the cost paging removes.
 */
export async function checkinHonorRoll(
  input: ParsedInput<'checkin.honorRoll'>,
  ctx: Ctx,
): Promise<ActionOutput<'checkin.honorRoll'>> {
  const settings = await ctx.settings();
  const now = ctx.clock.now();
  const current = localMonthKey(now, settings.timeZone);
  const base = { month: input.month, threshold: settings.honorRollThreshold, provisional: input.month === current };
  const none = { workdays: 0, needed: 0, items: [], next: null };
  if (settings.rankingMode === 'off') return { ...base, enabled: false, ...none };
  if (input.month > current) return { ...base, enabled: true, ...none };

  // A past month counts all its workdays with a reading; the current one those that have passed.
  const today = input.month === current ? localDayKey(now, settings.timeZone) : '9999-12-31';
  const [days, readings] = await Promise.all([
    monthDays(ctx.store, input.month),
    ctx.store.collection('readings').find({ month: input.month }, { limit: 31 }),
  ]);
  const published = new Set(readings.map((r) => r.date));
  const counted = countedWorkdays(days, today, windowState(now, settings), published);
  const needed = honorRollNeeded(settings.honorRollThreshold, counted.length);
  if (needed === 0) return { ...base, enabled: true, ...none, workdays: counted.length };

  const countedSet = new Set(counted);
  // Readings of days that do not count (today while its window is open, a day made a holiday later):
  // their check-ins come off the month's counter.
  const uncounted = readings.filter((r) => !countedSet.has(r.date)).map((r) => r._id);
  const qualifies: Filter<CheckinMonthDoc> = { month: input.month, checkins: { gte: needed } };
  const dropped = await droppedBelow(ctx, qualifies, needed, uncounted, (m) =>
    onHonorRoll(m, counted.length, settings.honorRollThreshold),
  );
  const page = await pageAfter(ctx, qualifies, input.after ?? null, dropped);
  return {
    ...base,
    enabled: true,
    workdays: counted.length,
    needed,
    items: page.items.map((d) => ({ staffNo: d.staffNo, name: d.name, department: d.department })),
    next: page.next,
  };
}

/**
 * Members whose counter reaches the line only with check-ins of uncounted days. One check-in a day
 * at most, so only those fewer than that many days above the line can fall below it, and only
 * they need a look at those days' records.
 */
async function droppedBelow(
  ctx: Ctx,
  qualifies: Filter<CheckinMonthDoc>,
  needed: number,
  uncounted: string[],
  stays: (m: { monthCheckins: number; uncountedCheckins: number }) => boolean,
): Promise<Set<string>> {
  if (uncounted.length === 0) return new Set();
  const band = await findAll(ctx.store.collection('checkinMonths'), {
    ...qualifies,
    checkins: { gte: needed, lt: needed + uncounted.length },
  });
  if (band.length === 0) return new Set();
  const off = new Map<string, number>();
  for (const c of await findAll(ctx.store.collection('checkins'), { readingId: { in: uncounted } })) {
    off.set(c.staffId, (off.get(c.staffId) ?? 0) + 1);
  }
  return new Set(
    band
      .filter((d) => !stays({ monthCheckins: d.checkins, uncountedCheckins: off.get(d.staffId) ?? 0 }))
      .map((d) => d.staffId),
  );
}

/** One page after `after`, skipping the dropped; `next` is where the following page starts, if any. */
async function pageAfter(
  ctx: Ctx,
  qualifies: Filter<CheckinMonthDoc>,
  after: string | null,
  dropped: ReadonlySet<string>,
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
      if (dropped.has(d.staffId)) continue;
      if (items.length === HONOR_ROLL_PAGE) return { items, next: items[items.length - 1].staffNo };
      items.push(d);
    }
    if (batch.length <= HONOR_ROLL_PAGE) return { items, next: null };
    cursor = batch[batch.length - 1].staffNo;
  }
}
