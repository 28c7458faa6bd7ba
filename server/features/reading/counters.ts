import type { ReadingStore } from './ctx';
import { bump } from '../../kernel/counters';
import type { CheckinDoc, CheckinMonthDoc } from './collections';

/**
 * Check-ins and the counters that archives, the honor roll and participation read, so that none of
 * them scans history. The record and its three counters commit together in one transaction (on
 * SQLite and on CloudBase alike): a crash, a timeout or throttling half-way leaves neither, and the
 * retry finds nothing half-done. A duplicate record (the day is taken) aborts it all the same.
 */
export async function recordCheckin(store: ReadingStore, doc: CheckinDoc, name: string): Promise<void> {
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
  await store.transaction(async (tx) => {
    await tx.collection('checkins').insert(doc);
    const firstThisMonth = await bump(tx.collection('checkinMonths'), month, {
      checkins: 1,
      makeups,
      minutes: doc.minutes,
    });
    await bump(
      tx.collection('checkinDays'),
      {
        _id: dayDocId(doc.date, doc.department),
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
      tx.collection('checkinDeptMonths'),
      {
        _id: deptMonthDocId(doc.month, doc.department),
        month: doc.month,
        department: doc.department,
        checkins: 1,
        makeups,
        participants,
      },
      { checkins: 1, makeups, participants },
    );
  });
}

export function dayDocId(date: string, department: string): string {
  return `${date}:${department}`;
}

export function deptMonthDocId(month: string, department: string): string {
  return `${month}:${department}`;
}

export function monthDocId(month: string, staffId: string): string {
  return `${month}:${staffId}`;
}
