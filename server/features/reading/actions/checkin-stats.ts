import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import type { CalendarEntry, StudyTotals } from '../../../../src/core/reading/contract';
import { AppError } from '../../../../src/core/errors';
import { dayState, makeupDateProblem, windowState } from '../../../../src/core/reading/rules';
import { hasAnyRole } from '../../../../src/core/roles';
import { localDayKey } from '../../../../src/core/time';
import { member } from '../../../kernel/context';
import type { Ctx } from '../ctx';
import { monthDays } from '../days';
import { markOf, readingDates } from '../records';
import { branchOf } from '../../../../src/core/people/branch';
import { seesAhead } from './reading';

/** My calendar and archive: each from a bounded read (a month of records, a year of counters). */

export async function checkinCalendar(
  input: ParsedInput<'checkin.calendar'>,
  ctx: Ctx,
): Promise<ActionOutput<'checkin.calendar'>> {
  const settings = await ctx.settings();
  const now = ctx.clock.now();
  const today = localDayKey(now, settings.timeZone);
  const window = windowState(now, settings);
  const me = member(ctx);
  const [days, dates, mine] = await Promise.all([
    monthDays(ctx.store, input.month),
    readingDates(ctx.store, input.month, branchOf(me)),
    ctx.store.collection('checkins').find({ staffId: me._id, month: input.month }, { limit: 31 }),
  ]);
  const ahead = seesAhead(ctx);
  const withReading = new Set([...dates].filter((d) => ahead || d <= today));
  const marks = new Map(mine.map((c) => [c.date, markOf(c)]));
  const totals: StudyTotals = { checkins: 0, makeups: 0, minutes: 0 };
  for (const c of mine) {
    totals.checkins += 1;
    totals.makeups += c.makeup ? 1 : 0;
    totals.minutes += c.minutes;
  }
  const makeupsLeft = Math.max(0, settings.makeupsPerMonth - totals.makeups);
  const entries: CalendarEntry[] = days.map((d) => {
    const state = dayState({
      date: d.date,
      today,
      workday: d.workday,
      hasReading: withReading.has(d.date),
      mark: marks.get(d.date) ?? null,
      window,
    });
    const canMakeup =
      state === 'missed' && makeupsLeft > 0 && !makeupDateProblem(d.date, today, window, settings.makeupDaysBack);
    const entry: CalendarEntry = {
      date: d.date,
      workday: d.workday,
      hasReading: withReading.has(d.date),
      state,
      canMakeup,
    };
    if (d.note) entry.note = d.note;
    return entry;
  });
  return {
    month: input.month,
    today,
    days: entries,
    ...totals,
    makeupsPerMonth: settings.makeupsPerMonth,
    makeupsLeft,
    makeupDaysBack: settings.makeupDaysBack,
  };
}

export async function checkinArchive(
  input: ParsedInput<'checkin.archive'>,
  ctx: Ctx,
): Promise<ActionOutput<'checkin.archive'>> {
  const me = member(ctx);
  let staff = me;
  if (input.staffId !== undefined && input.staffId !== me._id) {
    if (!hasAnyRole(ctx.caller.roles, ['admin'])) throw new AppError('FORBIDDEN', '只能查看自己的学时档案');
    const other = await ctx.store.collection('staff').get(input.staffId);
    if (!other) throw new AppError('NOT_FOUND', '找不到该人员');
    staff = other;
  }
  const docs = await ctx.store
    .collection('checkinMonths')
    .find({ staffId: staff._id, year: input.year }, { limit: 12 });
  const byMonth = new Map(docs.map((d) => [d.month, d]));
  const total: StudyTotals = { checkins: 0, makeups: 0, minutes: 0 };
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = `${input.year}-${String(i + 1).padStart(2, '0')}`;
    const doc = byMonth.get(month);
    const row = { month, checkins: doc?.checkins ?? 0, makeups: doc?.makeups ?? 0, minutes: doc?.minutes ?? 0 };
    total.checkins += row.checkins;
    total.makeups += row.makeups;
    total.minutes += row.minutes;
    return row;
  });
  return {
    year: input.year,
    staff: { id: staff._id, staffNo: staff.staffNo, name: staff.name, department: staff.department },
    months,
    total,
  };
}
