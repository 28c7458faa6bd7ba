import type { ReadingStore } from './ctx';
import { type Collection, type Doc, type Filter, isDuplicate, type UpdateOps } from '../../store/port';
import type { CheckinDoc, CheckinMonthDoc } from './collections';

/**
 * Check-ins and the counters that archives, the honor roll and participation read, so that none of
 * them scans history. The record is written first (its unique key decides whether it exists); the
 * counters follow with atomic increments, so after any burst they equal a recount of the records.
 */
export async function recordCheckin(store: ReadingStore, doc: CheckinDoc, name: string): Promise<void> {
  await store.collection('checkins').insert(doc);
  const makeups = doc.makeup ? 1 : 0;
  const month: CheckinMonthDoc = {
    _id: monthDocId(doc.month, doc.staffId),
    staffId: doc.staffId,
    staffNo: doc.staffNo,
    name,
    department: doc.department,
    month: doc.month,
    year: doc.year,
    checkins: 1,
    makeups,
    minutes: doc.minutes,
  };
  const firstThisMonth = await bump(store.collection('checkinMonths'), month, {
    checkins: 1,
    makeups,
    minutes: doc.minutes,
  });
  await bump(
    store.collection('checkinDays'),
    {
      _id: `${doc.date}:${doc.department}`,
      date: doc.date,
      month: doc.month,
      department: doc.department,
      checkins: 1,
      makeups,
    },
    { checkins: 1, makeups },
  );
  const participants = firstThisMonth ? 1 : 0;
  await bump(
    store.collection('checkinDeptMonths'),
    {
      _id: `${doc.month}:${doc.department}`,
      month: doc.month,
      department: doc.department,
      checkins: 1,
      makeups,
      participants,
    },
    { checkins: 1, makeups, participants },
  );
}

/**
 * Adds `inc` to the counter document, creating it as `fresh` (which already holds the first
 * increment) when missing. Resolves to true when this call created it. Two callers racing to create
 * it: one insert wins, the other's duplicate falls back to the increment.
 */
async function bump<T extends Doc>(collection: Collection<T>, fresh: T, inc: UpdateOps<T>['inc']): Promise<boolean> {
  const byId = { _id: fresh._id } as Filter<T>;
  if ((await collection.update(byId, { inc })) > 0) return false;
  try {
    await collection.insert(fresh);
    return true;
  } catch (error) {
    if (!isDuplicate(error)) throw error;
    await collection.update(byId, { inc });
    return false;
  }
}

export function monthDocId(month: string, staffId: string): string {
  return `${month}:${staffId}`;
}
