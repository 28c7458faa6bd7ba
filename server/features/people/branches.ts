import { branchOf } from '../../../src/core/people/branch';
import { bump, repairCounters } from '../../kernel/counters';
import type { StaffDoc } from '../../kernel/member';
import { findAll } from '../../kernel/paging';
import { isDuplicate, type Store } from '../../store/port';
import type { BranchCountDoc, PeopleCollections } from './collections';

/**
 * The unit's party branches are the ones its roster names (the `branch` column of an import or an
 * edit): per branch its active members and its secretaries (members of it holding the secretary
 * role), moved in the same transaction as each roster write, so that neither the list nor the check
 * of a branch's name reads the roster. A store kept before they existed has no COUNTED mark: its
 * first read counts them from the roster, so roster writes made there before are not taken for
 * the whole.
 */
type BranchStore = Store<PeopleCollections>;
export type Place = Pick<StaffDoc, '_id' | 'department' | 'active' | 'branch' | 'roles'>;

const COUNTED = 'branchCounts:counted';

/** The branch a member counts in (active, in a branch), and whether as its secretary. */
function standing(place: Place | null): { branch: string; secretary: boolean } | null {
  const branch = place?.active ? branchOf(place) : null;
  return branch && place ? { branch, secretary: place.roles.includes('secretary') } : null;
}

/** Moves a member's count and secretaryship from where they stood (`from`) to where they stand. */
export async function moveBranch(tx: BranchStore, from: Place | null, to: Place): Promise<void> {
  const [was, is] = [standing(from), standing(to)];
  const counts = tx.collection('branchCounts');
  if (was?.branch !== is?.branch) {
    if (was) await bump(counts, { _id: was.branch, branch: was.branch, active: -1 }, { active: -1 });
    if (is) await bump(counts, { _id: is.branch, branch: is.branch, active: 1 }, { active: 1 });
  }
  if (was?.secretary && !(is?.secretary && is.branch === was.branch)) {
    await setSecretary(tx, was.branch, to._id, false);
  }
  if (is?.secretary && !(was?.secretary && was.branch === is.branch)) await setSecretary(tx, is.branch, to._id, true);
}

async function setSecretary(tx: BranchStore, branch: string, staffId: string, on: boolean): Promise<void> {
  const counts = tx.collection('branchCounts');
  const doc = await counts.get(branch);
  const before = doc?.secretaries ?? [];
  const secretaries = on ? [...new Set([...before, staffId])].sort() : before.filter((id) => id !== staffId);
  if (doc) await counts.update({ _id: branch }, { set: { secretaries } });
  else await counts.insert({ _id: branch, branch, active: 0, secretaries });
}

/** The branches with active members: name → the count and the secretaries' staff ids. */
export async function branchCounts(store: BranchStore): Promise<Map<string, BranchCountDoc>> {
  if (!(await store.collection('meta').get(COUNTED))) {
    await repairBranches(store, await findAll(store.collection('staff'), { active: true }));
  }
  const docs = await findAll(store.collection('branchCounts'), {});
  return new Map(docs.filter((d) => d.active > 0).map((d) => [d.branch, d]));
}

/** Sets every branch's count and secretaries to what the active roster says; one line per repair. */
export async function repairBranches(store: BranchStore, active: readonly StaffDoc[]): Promise<string[]> {
  const expected = new Map<string, BranchCountDoc>();
  for (const s of active) {
    const at = standing(s);
    if (!at) continue;
    const doc = expected.get(at.branch) ?? { _id: at.branch, branch: at.branch, active: 0, secretaries: [] };
    doc.active += 1;
    if (at.secretary) doc.secretaries = [...(doc.secretaries ?? []), s._id].sort();
    expected.set(at.branch, doc);
  }
  const counts = store.collection('branchCounts');
  const lines = await repairCounters(counts, {}, expected, ['active']);
  for (const stored of await findAll(counts, {})) {
    const want = expected.get(stored._id)?.secretaries ?? [];
    if (JSON.stringify(stored.secretaries ?? []) === JSON.stringify(want)) continue;
    await counts.update({ _id: stored._id }, { set: { secretaries: want } });
    lines.push(`people: branchCounts ${stored._id}: secretaries ${stored.secretaries?.length ?? 0} → ${want.length}`);
  }
  await markBranchesCounted(store);
  return lines;
}

/** From here on the branch counts move with every roster write (a new store, or one just counted). */
export async function markBranchesCounted(store: BranchStore): Promise<void> {
  if (await store.collection('meta').get(COUNTED)) return;
  try {
    await store.collection('meta').insert({ _id: COUNTED, value: 'counted' });
  } catch (error) {
    if (!isDuplicate(error)) throw error; // counted at the same moment by another read
  }
}
