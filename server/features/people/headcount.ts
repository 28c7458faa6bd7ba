import { bump, repairCounters } from '../../kernel/counters';
import { findAll } from '../../kernel/paging';
import type { Store } from '../../store/port';
import { moveBranch, type Place, repairBranches } from './branches';
import type { HeadcountDoc, PeopleCollections } from './collections';

/**
 * Active members per department, moved in the same transaction as every roster write that changes
 * who is active where (an import, an activation or deactivation, a change put back), so that
 * participation and the dashboard need not read the roster: 10,000 documents in a large unit, ten
 * requests on CloudBase, on every call. The recount proves them against the roster, and each read
 * checks their sum against a count of the active roster (one cheap query): a store from before they
 * were kept, or one written past the API, gets them counted again on the spot.
 */
type HeadcountStore = Store<PeopleCollections>;

/**
 * Moves the counts from where a member was (`from`, null when new) to where they are (`to`): their
 * department's, and their party branch's (branches.ts).
 */
export async function moveHeadcount(tx: HeadcountStore, from: Place | null, to: Place): Promise<void> {
  const was = from?.active ? from : null;
  const is = to.active ? to : null;
  if (was?.department !== is?.department) {
    const counts = tx.collection('headcounts');
    if (was) await bump(counts, { _id: was.department, department: was.department, active: -1 }, { active: -1 });
    if (is) await bump(counts, { _id: is.department, department: is.department, active: 1 }, { active: 1 });
  }
  await moveBranch(tx, from, to);
}

/** Active members by department (departments with none left are omitted). */
export async function headcounts(store: HeadcountStore): Promise<Map<string, number>> {
  const read = () => findAll(store.collection('headcounts'), {});
  const [first, active] = await Promise.all([read(), store.collection('staff').count({ active: true })]);
  let docs = first;
  if (docs.reduce((sum, d) => sum + d.active, 0) !== active) {
    await recountHeadcounts(store);
    docs = await read();
  }
  return new Map(docs.filter((d) => d.active > 0).map((d) => [d.department, d.active]));
}

/** Sets every department's and branch's count to what the roster says; one line per repair. */
export async function recountHeadcounts(store: HeadcountStore): Promise<string[]> {
  const active = await findAll(store.collection('staff'), { active: true });
  const depts = new Map<string, HeadcountDoc>();
  for (const s of active) {
    const doc = depts.get(s.department) ?? { _id: s.department, department: s.department, active: 0 };
    doc.active += 1;
    depts.set(s.department, doc);
  }
  return [
    ...(await repairCounters(store.collection('headcounts'), {}, depts, ['active'])),
    ...(await repairBranches(store, active)),
  ];
}
