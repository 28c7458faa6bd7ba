import { randomInt } from 'node:crypto';
import type { ReadingStore } from './ctx';
import { bump, sumShards } from '../../kernel/counters';
import type { CheckinDayDoc, CheckinDeptMonthDoc, CheckinDoc, CheckinMonthDoc } from './collections';

/**
 * Check-ins and the counters that archives, the honor roll and participation read, so that none of
 * them scans history. The record and its three counters commit together in one transaction (on
 * SQLite and on CloudBase alike): a crash, a timeout or throttling half-way leaves neither, and the
 * retry finds nothing half-done. A duplicate record (the day is taken) aborts it all the same.
 *
 * The member's month is theirs alone; a department's day and month are shared by everyone in it,
 * who all check in within the same minutes of the morning. On CloudBase two transactions that write
 * one document conflict and one is tried again, so each department counter is DEPT_SHARDS documents
 * and a check-in adds to one chosen at random (as the 好人榜 tallies do): a department's check-ins
 * seldom meet on one document. Readers sum the shards (`departmentDays`, `departmentMonths`).
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
        _id: dayDocId(doc.date, doc.department, randomInt(DEPT_SHARDS)),
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
        _id: deptMonthDocId(doc.month, doc.department, randomInt(DEPT_SHARDS)),
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

/**
 * Four shards cut the chance that two check-ins of a department meet on a document fourfold, while
 * a month's participation or calendar reads at most four documents per department and day.
 */
const DEPT_SHARDS = 4;

/** Shard 0 has the id the counters had before they were sharded, so older stores read the same. */
const shardId = (key: string, shard: number) => (shard === 0 ? key : `${key}#${shard}`);

export function dayDocId(date: string, department: string, shard = 0): string {
  return shardId(`${date}:${department}`, shard);
}

export function deptMonthDocId(month: string, department: string, shard = 0): string {
  return shardId(`${month}:${department}`, shard);
}

export const dayKey = (d: CheckinDayDoc) => dayDocId(d.date, d.department);
export const deptMonthKey = (d: CheckinDeptMonthDoc) => deptMonthDocId(d.month, d.department);
export const DAY_FIELDS = ['checkins', 'makeups'] as const;
export const DEPT_MONTH_FIELDS = ['checkins', 'makeups', 'participants'] as const;

/** One document per department and day, out of the shards read. */
export function departmentDays(docs: readonly CheckinDayDoc[]): CheckinDayDoc[] {
  return sumShards(docs, dayKey, DAY_FIELDS);
}

/** One document per department and month, out of the shards read. */
export function departmentMonths(docs: readonly CheckinDeptMonthDoc[]): CheckinDeptMonthDoc[] {
  return sumShards(docs, deptMonthKey, DEPT_MONTH_FIELDS);
}

export function monthDocId(month: string, staffId: string): string {
  return `${month}:${staffId}`;
}
