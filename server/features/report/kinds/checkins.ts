import { wholeMonthIn } from '../../../../src/core/report';
import { weekdayOf } from '../../../../src/core/time';
import { findAll } from '../../../kernel/paging';
import type { StaffDoc } from '../../../kernel/member';
import { rosterWhere } from '../../people';
import { departmentDays } from '../../reading';
import type { Ctx } from '../ctx';
import type { Period } from '../period';
import { type Cell, type Column, share, type Table } from '../workbook';

/**
 * 晨读打卡: a row per day (reading, check-ins, participation by department) from the day counters,
 * and a row per member over the period. Per-member figures are exact for the period: whole months
 * come from the month counters, the cut months at either end from that month's check-ins (indexed by
 * month, at most two months of records, however long the period).
 */

export interface CheckinsReport {
  tables: Table[];
  headline: { readings: number; checkins: number; makeups: number; participants: number };
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

interface Figures {
  staffNo: string;
  department: string;
  name: string;
  checkins: number;
  makeups: number;
  minutes: number;
}

export async function checkinsReport(ctx: Ctx, period: Period): Promise<CheckinsReport> {
  const { store } = ctx;
  const { from, to } = period;
  const [readings, dayDocs, roster] = await Promise.all([
    findAll(store.collection('readings'), { date: { gte: from, lte: to } }, { date: 1 }),
    findAll(store.collection('checkinDays'), { month: { in: period.months } }).then(departmentDays),
    rosterWhere(store, {}),
  ]);
  const active = roster.filter((s) => s.active);
  const headcount = new Map<string, number>();
  for (const s of active) headcount.set(s.department, (headcount.get(s.department) ?? 0) + 1);
  const days = dayDocs.filter((d) => d.date >= from && d.date <= to);
  const departments = [...new Set([...headcount.keys(), ...days.map((d) => d.department)])].sort((a, b) =>
    a.localeCompare(b, 'zh'),
  );

  const titles = new Map(readings.map((r) => [r.date, r.title]));
  const byDate = new Map<string, Map<string, { checkins: number; makeups: number }>>();
  for (const d of days) {
    const dept = byDate.get(d.date) ?? new Map<string, { checkins: number; makeups: number }>();
    dept.set(d.department, { checkins: d.checkins, makeups: d.makeups });
    byDate.set(d.date, dept);
  }
  const dates = [...new Set([...titles.keys(), ...byDate.keys()])].sort();
  const dailyRows: Cell[][] = dates.map((date) => {
    const dept = byDate.get(date) ?? new Map<string, { checkins: number; makeups: number }>();
    const checkins = [...dept.values()].reduce((n, x) => n + x.checkins, 0);
    const makeups = [...dept.values()].reduce((n, x) => n + x.makeups, 0);
    return [
      date,
      `星期${WEEKDAYS[weekdayOf(date)]}`,
      titles.get(date) ?? '（无晨读篇目）',
      checkins,
      makeups,
      share(checkins, active.length),
      ...departments.map((name) => share(dept.get(name)?.checkins ?? 0, headcount.get(name) ?? 0)),
    ];
  });
  const dailyColumns: Column[] = [
    { header: '日期', width: 12 },
    { header: '星期', width: 8 },
    { header: '晨读篇目', width: 36 },
    { header: '打卡人次（含补卡）', width: 18 },
    { header: '其中补卡', width: 10 },
    { header: '全单位参与率', width: 14, percent: true },
    ...departments.map((name) => ({
      header: `${name}参与率`,
      width: Math.max(12, name.length * 2 + 8),
      percent: true,
    })),
  ];

  const people = await perPerson(ctx, period, roster);
  const personRows: Cell[][] = people.map((p) => [p.staffNo, p.name, p.department, p.checkins, p.makeups, p.minutes]);
  const sum = (pick: (f: Figures) => number) => people.reduce((n, p) => n + pick(p), 0);

  return {
    tables: [
      {
        title: '按日统计',
        columns: dailyColumns,
        rows: dailyRows,
        notes: [`参与率 = 当日打卡人次 ÷ 在册人数（按现有名册，共 ${active.length} 人）；补卡计入打卡当日。`],
      },
      {
        title: '按人统计',
        columns: [
          { header: '工号', width: 10 },
          { header: '姓名', width: 10 },
          { header: '部门', width: 14 },
          { header: '打卡次数（含补卡）', width: 18 },
          { header: '其中补卡', width: 10 },
          { header: '学习时长（分钟）', width: 16 },
        ],
        rows: personRows,
        notes: ['按所选期间逐日精确统计（整月取月度计数，首末不完整月份逐条统计）；部门为现所在部门，按工号排序。'],
      },
    ],
    headline: {
      readings: readings.length,
      checkins: sum((p) => p.checkins),
      makeups: sum((p) => p.makeups),
      participants: people.filter((p) => p.checkins > 0).length,
    },
  };
}

/** Every active member, and anyone who has left but checked in during the period, by staff number. */
async function perPerson(ctx: Ctx, period: Period, roster: StaffDoc[]): Promise<Figures[]> {
  const { store } = ctx;
  const { from, to } = period;
  const whole = period.months.filter((m) => wholeMonthIn(m, from, to));
  const cut = period.months.filter((m) => !wholeMonthIn(m, from, to));
  const [months, ...cutCheckins] = await Promise.all([
    whole.length > 0 ? findAll(store.collection('checkinMonths'), { month: { in: whole } }) : Promise.resolve([]),
    ...cut.map((month) => findAll(store.collection('checkins'), { month, date: { gte: from, lte: to } })),
  ]);
  const byStaff = new Map<string, Figures>();
  const figuresOf = (staffId: string, staffNo: string, department: string, name: string) => {
    let f = byStaff.get(staffId);
    if (!f) byStaff.set(staffId, (f = { staffNo, department, name, checkins: 0, makeups: 0, minutes: 0 }));
    return f;
  };
  for (const s of roster) if (s.active) figuresOf(s._id, s.staffNo, s.department, s.name);
  const staffById = new Map(roster.map((s) => [s._id, s]));
  const named = (id: string, fallback: string) => staffById.get(id)?.name ?? fallback;
  for (const m of months) {
    const f = figuresOf(m.staffId, m.staffNo, m.department, named(m.staffId, m.name));
    f.checkins += m.checkins;
    f.makeups += m.makeups;
    f.minutes += m.minutes;
  }
  for (const c of cutCheckins.flat()) {
    const f = figuresOf(c.staffId, c.staffNo, c.department, named(c.staffId, ''));
    f.checkins += 1;
    f.makeups += c.makeup ? 1 : 0;
    f.minutes += c.minutes;
  }
  return [...byStaff.values()].sort((a, b) => a.staffNo.localeCompare(b.staffNo));
}
