import { bump, repairCounters } from '../../kernel/counters';
import type { StaffDoc } from '../../kernel/member';
import { findAll } from '../../kernel/paging';
import type { Store } from '../../store/port';
import type { HeadcountDoc, PeopleCollections } from './collections';

/**
 * Active members per department, moved in the same transaction as every roster write that changes
 * who is active where (an import, an activation or deactivation, a change put back), so that
 * participation and the dashboard need not read the roster: 10,000 documents in a large unit, ten
 * requests on CloudBase, on every call. The recount proves them against the roster; a store from
 * before they were kept gets them on first read.
 */
type HeadcountStore = Store<PeopleCollections>;
type Place = Pick<StaffDoc, 'department' | 'active'>;

/** Moves the counts from where a member was (`from`, null when new) to where they are (`to`). */
export async function moveHeadcount(tx: HeadcountStore, from: Place | null, to: Place): Promise<void> {
  if (from?.active && to.active && from.department === to.department) return;
  const counts = tx.collection('headcounts');
  if (from?.active)
    await bump(counts, { _id: from.department, department: from.department, active: -1 }, { active: -1 });
  if (to.active) await bump(counts, { _id: to.department, department: to.department, active: 1 }, { active: 1 });
}

/** Active members by department (departments with none left are omitted). */
export async function headcounts(store: HeadcountStore): Promise<Map<string, number>> {
  let docs = await findAll(store.collection('headcounts'), {});
  if (docs.length === 0 && (await store.collection('staff').count({ active: true })) > 0) {
    await recountHeadcounts(store);
    docs = await findAll(store.collection('headcounts'), {});
  }
  return new Map(docs.filter((d) => d.active > 0).map((d) => [d.department, d.active]));
}

/** Sets every department's count to what the roster says; one line per repair. */
export async function recountHeadcounts(store: HeadcountStore): Promise<string[]> {
  const expected = new Map<string, HeadcountDoc>();
  for (const s of await findAll(store.collection('staff'), { active: true })) {
    const doc = expected.get(s.department) ?? { _id: s.department, department: s.department, active: 0 };
    doc.active += 1;
    expected.set(s.department, doc);
  }
  return repairCounters(store.collection('headcounts'), {}, expected, ['active']);
}
