import { localMonthKey } from '../../../src/core/time';
import type { RecountScope } from '../../kernel/feature';
import { forEachPage } from '../../kernel/paging';
import { repairCounters as repair } from '../../kernel/counters';
import { loadSettings } from '../settings';
import type { Collection, Filter } from '../../store/port';
import type { CheckinDayDoc, CheckinDeptMonthDoc, CheckinDoc, CheckinMonthDoc } from './collections';
import {
  DAY_FIELDS,
  dayDocId,
  dayKey,
  DEPT_MONTH_FIELDS,
  deptMonthDocId,
  deptMonthKey,
  monthDocId,
  type Place,
  placeOf,
} from './counters';
import type { ReadingStore } from './ctx';

/**
 * Proves the counters kept on write (counters.ts) against the check-in records and repairs every one
 * that differs, one line per repair. The records are the truth: the counters are only a way not to
 * scan them. From `fromMonth` on (all history without it); the nightly job on the cloud recounts the
 * current and the previous month, the only ones a check-in or a make-up can still change.
 *
 * A check-in committed while the recount runs may be counted twice or not at all in what it sets;
 * the next run sets it right. The cloud job runs at 03:00, when no window is open.
 */
export async function recountReading(store: ReadingStore, fromMonth?: string): Promise<string[]> {
  const expected = await countRecords(store.collection('checkins'), fromMonth);
  const inRange = (fromMonth ? { month: { gte: fromMonth } } : {}) as Filter<never>;
  return [
    ...(await repair(store.collection('checkinMonths'), inRange, expected.months, MONTH_FIELDS, async (month) => ({
      ...month,
      name: (await store.collection('staff').get(month.staffId))?.name ?? '',
    }))),
    ...(await repair(store.collection('checkinDays'), inRange, expected.days, DAY_FIELDS, undefined, dayKey)),
    ...(await repair(
      store.collection('checkinDeptMonths'),
      inRange,
      expected.deptMonths,
      DEPT_MONTH_FIELDS,
      undefined,
      deptMonthKey,
    )),
  ];
}

/** All history, or (the nightly job) this month and the last in the unit's time zone. */
export async function recountReadingCounters(store: ReadingStore, { now, all }: RecountScope): Promise<string[]> {
  if (all) return recountReading(store);
  const { timeZone } = await loadSettings(store);
  const month = localMonthKey(now, timeZone);
  const [year, m] = month.split('-').map(Number);
  return recountReading(store, m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`);
}

const MONTH_FIELDS = ['checkins', 'makeups', 'minutes'] as const;

interface Expected {
  months: Map<string, CheckinMonthDoc>;
  days: Map<string, CheckinDayDoc>;
  deptMonths: Map<string, CheckinDeptMonthDoc>;
}

/**
 * What the counters must say, from one pass over the records. As on write, a member's month and
 * their place among a department's participants belong to the department of their first check-in
 * of the month (by `at`), so a move mid-month counts them once.
 */
async function countRecords(checkins: Collection<CheckinDoc>, fromMonth?: string): Promise<Expected> {
  const months = new Map<string, CheckinMonthDoc>();
  const firstAt = new Map<string, string>();
  const days = new Map<string, CheckinDayDoc>();
  const deptMonths = new Map<string, CheckinDeptMonthDoc>();
  const filter: Filter<CheckinDoc> = fromMonth ? { month: { gte: fromMonth } } : {};
  await forEachPage(checkins, filter, (page) => {
    for (const c of page) {
      const makeups = c.makeup ? 1 : 0;
      const monthId = monthDocId(c.month, c.staffId);
      const month = months.get(monthId);
      if (month) {
        month.checkins += 1;
        month.makeups += makeups;
        month.minutes += c.minutes;
        if (c.at < (firstAt.get(monthId) ?? '')) {
          firstAt.set(monthId, c.at);
          month.department = c.department;
          if (c.branch) month.branch = c.branch;
          else delete month.branch;
        }
      } else {
        firstAt.set(monthId, c.at);
        months.set(monthId, {
          _id: monthId,
          staffId: c.staffId,
          staffNo: c.staffNo,
          name: '',
          ...placeOf(c),
          month: c.month,
          year: c.year,
          checkins: 1,
          makeups,
          minutes: c.minutes,
        });
      }
      const place = placeOf(c);
      const dayId = dayDocId(c.date, place);
      const day = days.get(dayId) ?? { _id: dayId, date: c.date, month: c.month, ...place, checkins: 0, makeups: 0 };
      day.checkins += 1;
      day.makeups += makeups;
      days.set(dayId, day);
      const deptId = deptMonthDocId(c.month, place);
      const dept = deptMonths.get(deptId) ?? emptyDeptMonth(c.month, place);
      dept.checkins += 1;
      dept.makeups += makeups;
      deptMonths.set(deptId, dept);
    }
  });
  for (const month of months.values()) {
    const place = placeOf(month);
    const deptId = deptMonthDocId(month.month, place);
    const dept = deptMonths.get(deptId) ?? emptyDeptMonth(month.month, place);
    dept.participants += 1;
    deptMonths.set(deptId, dept);
  }
  return { months, days, deptMonths };
}

function emptyDeptMonth(month: string, place: Place): CheckinDeptMonthDoc {
  return { _id: deptMonthDocId(month, place), month, ...place, checkins: 0, makeups: 0, participants: 0 };
}
