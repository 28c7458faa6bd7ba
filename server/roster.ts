import type { Role } from '../src/core/roles';
import type { AppStore } from './context';
import type { StaffDoc } from './store/schema';
import type { Filter } from './store/port';

const PAGE = 1000;

/**
 * Every roster member matching a filter, paged through the store's limit. The roster is bounded by
 * the unit's size (hundreds), not by history, so admin search and pickers may read it whole.
 */
export async function rosterWhere(store: AppStore, filter: Filter<StaffDoc>): Promise<StaffDoc[]> {
  const staff = store.collection('staff');
  const all: StaffDoc[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const page = await staff.find(filter, { sort: { staffNo: 1 }, limit: PAGE, skip });
    all.push(...page);
    if (page.length < PAGE) return all;
  }
}

/** Name contains q, or staff number starts with it (case-insensitive). */
export function matchesQuery(doc: StaffDoc, q: string): boolean {
  const needle = q.trim();
  if (!needle) return true;
  return doc.name.includes(needle) || doc.staffNo.startsWith(needle.toUpperCase());
}

/** True when, after a change to `staffId` leaving it with `roles`/`active`, no active admin would remain. */
export async function wouldLeaveNoAdmin(
  store: AppStore,
  staffId: string,
  next: { roles: readonly Role[]; active: boolean },
): Promise<boolean> {
  if (next.active && next.roles.includes('admin')) return false;
  const admins = (await rosterWhere(store, { active: true })).filter((s) => s.roles.includes('admin'));
  return admins.every((s) => s._id === staffId);
}
