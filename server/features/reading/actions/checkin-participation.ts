import { findAll } from '../../../kernel/paging';
import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import type { DayParticipation, DepartmentParticipation } from '../../../../src/core/reading/contract';
import { countedWorkdays, windowState } from '../../../../src/core/reading/rules';
import { localDayKey, localMonthKey } from '../../../../src/core/time';
import type { Ctx } from '../ctx';
import { monthDays } from '../days';
import { readingDates } from '../records';
import { branchCounts, headcounts } from '../../people';
import { member } from '../../../kernel/context';
import { hasAnyRole } from '../../../../src/core/roles';
import { branchOf } from '../../../../src/core/people/branch';
import { byBranch } from './branch-participation';
import type { CheckinDayDoc } from '../collections';
import { departmentDays, departmentMonths } from '../counters';

/**
 * Participation by department and by day, for secretaries and admins. Figures come from the
 * counters kept on write; the denominator is the active members per department, from the roster's
 * own counters (people/headcount.ts), so no call reads the roster.
 */
export async function checkinParticipation(
  input: ParsedInput<'checkin.participation'>,
  ctx: Ctx,
): Promise<ActionOutput<'checkin.participation'>> {
  const settings = await ctx.settings();
  const now = ctx.clock.now();
  const current = localMonthKey(now, settings.timeZone);
  // A past month is over, a future one has not begun: only the current one is cut at today.
  const today =
    input.month > current ? '0000-00-00' : input.month < current ? '9999-12-31' : localDayKey(now, settings.timeZone);
  const [days, unitDates, ofBranches, headcount, branchHeads, dayShards, monthShards] = await Promise.all([
    monthDays(ctx.store, input.month),
    readingDates(ctx.store, input.month, null),
    findAll(ctx.store.collection('branchReadings'), { month: input.month }),
    headcounts(ctx.store),
    branchCounts(ctx.store),
    findAll(ctx.store.collection('checkinDays'), { month: input.month }),
    findAll(ctx.store.collection('checkinDeptMonths'), { month: input.month }),
  ]);
  const dayDocs = departmentDays(dayShards);
  const monthDocs = departmentMonths(monthShards);
  const branchDates = new Map<string, Set<string>>();
  for (const r of ofBranches)
    branchDates.set(r.branch ?? '', (branchDates.get(r.branch ?? '') ?? new Set()).add(r.date));
  // The unit's figures count every day someone had a reading for: the unit's or any branch's.
  const published = new Set([...unitDates, ...ofBranches.map((r) => r.date)]);
  const window = windowState(now, settings);
  const counted = new Set(countedWorkdays(days, today, window, published));
  const me = member(ctx);
  const sees = hasAnyRole(ctx.caller.roles, ['admin']) ? null : branchOf(me);

  const names = new Set([...headcount.keys(), ...monthDocs.map((d) => d.department)]);
  const departments = [...names].sort((a, b) => a.localeCompare(b, 'zh'));

  const countedCheckins = new Map<string, number>();
  for (const d of dayDocs) {
    if (counted.has(d.date)) countedCheckins.set(d.department, (countedCheckins.get(d.department) ?? 0) + d.checkins);
  }
  const byDept = new Map(monthDocs.map((d) => [d.department, d]));
  type MonthFigures = { checkins: number; makeups: number; participants: number };
  const none: MonthFigures = { checkins: 0, makeups: 0, participants: 0 };
  const row = (department: string, people: number, onCounted: number, month: MonthFigures) => ({
    department,
    headcount: people,
    participants: month.participants,
    checkins: month.checkins,
    makeups: month.makeups,
    rate: ratio(onCounted, people * counted.size),
  });
  const rows: DepartmentParticipation[] = departments.map((dept) =>
    row(dept, headcount.get(dept) ?? 0, countedCheckins.get(dept) ?? 0, byDept.get(dept) ?? none),
  );
  const sum = (pick: (r: DepartmentParticipation) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const people = [...headcount.values()].reduce((a, b) => a + b, 0);
  const total = row(
    '全部',
    people,
    [...countedCheckins.values()].reduce((a, b) => a + b, 0),
    {
      checkins: sum((r) => r.checkins),
      makeups: sum((r) => r.makeups),
      participants: sum((r) => r.participants),
    },
  );

  return {
    month: input.month,
    workdays: counted.size,
    headcount: people,
    total,
    departments: rows,
    byBranch: byBranch({
      days,
      today,
      window,
      unitDates,
      branchDates,
      counts: branchHeads,
      dayDocs: dayShards,
      monthDocs: monthShards,
      only: sees,
    }),
    days: dayRows(days, published, dayDocs, today, people),
  };
}

/** Reading days up to today, and any other day that has check-ins (e.g. made a holiday afterwards). */
function dayRows(
  days: { date: string; workday: boolean }[],
  published: ReadonlySet<string>,
  docs: CheckinDayDoc[],
  today: string,
  people: number,
): DayParticipation[] {
  const byDate = new Map<string, CheckinDayDoc[]>();
  for (const d of docs) byDate.set(d.date, [...(byDate.get(d.date) ?? []), d]);
  return days
    .filter((d) => (d.workday && published.has(d.date) && d.date <= today) || byDate.has(d.date))
    .map((d) => {
      const list = (byDate.get(d.date) ?? []).sort((a, b) => a.department.localeCompare(b.department, 'zh'));
      const checkins = list.reduce((n, x) => n + x.checkins, 0);
      return {
        date: d.date,
        workday: d.workday,
        checkins,
        makeups: list.reduce((n, x) => n + x.makeups, 0),
        rate: ratio(checkins, people),
        departments: list.map((x) => ({ department: x.department, checkins: x.checkins })),
      };
    });
}

/** A share in 0..1; members who left or moved can push a raw ratio past 1. */
function ratio(part: number, whole: number): number {
  return whole <= 0 ? 0 : Math.min(1, part / whole);
}
