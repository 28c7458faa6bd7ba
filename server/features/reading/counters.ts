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
    ...placeOf(doc),
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
    const place = placeOf(doc);
    await bump(
      tx.collection('checkinDays'),
      {
        _id: dayDocId(doc.date, place, randomInt(DEPT_SHARDS)),
        date: doc.date,
        month: doc.month,
        ...place,
        checkins: 1,
        makeups,
      },
      { checkins: 1, makeups },
    );
    const participants = firstThisMonth ? 1 : 0;
    await bump(
      tx.collection('checkinDeptMonths'),
      {
        _id: deptMonthDocId(doc.month, place, randomInt(DEPT_SHARDS)),
        month: doc.month,
        ...place,
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

/** Where a check-in counts: its department, and its branch when the member is in one. */
export interface Place {
  department: string;
  branch?: string;
}

export function placeOf(p: Place): Place {
  return p.branch ? { department: p.department, branch: p.branch } : { department: p.department };
}

/**
 * No branch: the id counters had before branches, so older stores read the same. With a branch
 * (or an '@' in the department's name), both names encoded around one '@', so that no department
 * name can stand for a department and a branch.
 */
const placeId = (p: Place) =>
  !p.branch && !p.department.includes('@')
    ? p.department
    : `${encodeURIComponent(p.department)}@${encodeURIComponent(p.branch ?? '')}`;

export function dayDocId(date: string, place: Place, shard = 0): string {
  return shardId(`${date}:${placeId(place)}`, shard);
}

export function deptMonthDocId(month: string, place: Place, shard = 0): string {
  return shardId(`${month}:${placeId(place)}`, shard);
}

/** The counter a shard belongs to (department and branch): what the recount compares. */
export const dayKey = (d: CheckinDayDoc) => dayDocId(d.date, d);
export const deptMonthKey = (d: CheckinDeptMonthDoc) => deptMonthDocId(d.month, d);
export const DAY_FIELDS = ['checkins', 'makeups'] as const;
export const DEPT_MONTH_FIELDS = ['checkins', 'makeups', 'participants'] as const;

const withoutBranch = <T extends Place>({ branch: _b, ...doc }: T) => doc;

/** One document per department and day (its branches summed), out of the shards read. */
export function departmentDays(docs: readonly CheckinDayDoc[]): CheckinDayDoc[] {
  return sumShards(docs.map(withoutBranch), (d) => dayDocId(d.date, d), DAY_FIELDS);
}

/** One document per department and month (its branches summed), out of the shards read. */
export function departmentMonths(docs: readonly CheckinDeptMonthDoc[]): CheckinDeptMonthDoc[] {
  return sumShards(docs.map(withoutBranch), (d) => deptMonthDocId(d.month, d), DEPT_MONTH_FIELDS);
}

/** Per branch and day (its departments summed), members of no branch left out. */
export function branchDays(docs: readonly CheckinDayDoc[]): (CheckinDayDoc & { branch: string })[] {
  const inBranch = docs.filter((d): d is CheckinDayDoc & { branch: string } => !!d.branch);
  return sumShards(inBranch, (d) => `${d.date}:@${d.branch}`, DAY_FIELDS);
}

/** Per branch and month (its departments summed), members of no branch left out. */
export function branchMonths(docs: readonly CheckinDeptMonthDoc[]): (CheckinDeptMonthDoc & { branch: string })[] {
  const inBranch = docs.filter((d): d is CheckinDeptMonthDoc & { branch: string } => !!d.branch);
  return sumShards(inBranch, (d) => `${d.month}:@${d.branch}`, DEPT_MONTH_FIELDS);
}

export function monthDocId(month: string, staffId: string): string {
  return `${month}:${staffId}`;
}
