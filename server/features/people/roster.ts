import type { Role } from '../../../src/core/roles';
import type { PeopleStore } from './ctx';
import type { StaffDoc } from '../../kernel/member';
import type { Filter } from '../../store/port';
import { moveHeadcount } from './headcount';

const PAGE = 1000;

/**
 * Every roster member matching a filter, paged through the store's limit. The roster is bounded by
 * the unit's size (hundreds), not by history, so admin search and pickers may read it whole.
 */
export async function rosterWhere(store: PeopleStore, filter: Filter<StaffDoc>): Promise<StaffDoc[]> {
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

async function activeAdmins(store: PeopleStore): Promise<StaffDoc[]> {
  return (await rosterWhere(store, { active: true })).filter((s) => s.roles.includes('admin'));
}

/** True when, after a change to `staffId` leaving it with `roles`/`active`, no active admin would remain. */
export async function wouldLeaveNoAdmin(
  store: PeopleStore,
  staffId: string,
  next: { roles: readonly Role[]; active: boolean },
): Promise<boolean> {
  if (next.active && next.roles.includes('admin')) return false;
  return (await activeAdmins(store)).every((s) => s._id === staffId);
}

/**
 * Writes a change to a member that may take away an active admin, so that at least one remains;
 * resolves to false (nothing changed) when it would not. The check before the write refuses the plain
 * case. Two admins demoting each other at once both pass it, so each looks again after writing and,
 * seeing no admin left, puts its own change back. Changes only ever put admins back, so the last look
 * sees the final state: the unit never ends without an admin.
 */
export async function writeKeepingAnAdmin(
  store: PeopleStore,
  doc: StaffDoc,
  next: { roles: readonly Role[]; active: boolean },
  write: () => Promise<void>,
): Promise<boolean> {
  const losesAdmin = doc.active && doc.roles.includes('admin') && !(next.active && next.roles.includes('admin'));
  if (!losesAdmin) {
    await write();
    return true;
  }
  if (await wouldLeaveNoAdmin(store, doc._id, next)) return false;
  await write();
  if ((await activeAdmins(store)).length > 0) return true;
  await store.transaction(async (tx) => {
    await tx.collection('staff').update({ _id: doc._id }, { set: { roles: doc.roles, active: doc.active } });
    await moveHeadcount(tx, { ...doc, roles: [...next.roles], active: next.active }, doc);
  });
  return false;
}

const isBoundAdmin = (s: StaffDoc) => s.active && s.roles.includes('admin') && s.openid !== null;

/**
 * Unbinds a member unless that would leave no admin who can still sign in; resolves to false
 * (nothing changed) when it would. As with `writeKeepingAnAdmin`, two admins unbinding each other at
 * once both pass the first look, so each looks again after writing and puts its own change back.
 */
export async function unbindKeepingAnAdmin(
  store: PeopleStore,
  doc: StaffDoc,
  write: () => Promise<void>,
): Promise<boolean> {
  if (!isBoundAdmin(doc)) {
    await write();
    return true;
  }
  const others = async () =>
    (await rosterWhere(store, { active: true })).filter((s) => isBoundAdmin(s) && s._id !== doc._id);
  if ((await others()).length === 0) return false;
  await write();
  if ((await rosterWhere(store, { active: true })).some(isBoundAdmin)) return true;
  await store
    .collection('staff')
    .update({ _id: doc._id, openid: null }, { set: { openid: doc.openid, boundAt: doc.boundAt } });
  return false;
}
