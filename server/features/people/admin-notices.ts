import { ROLE_LABELS, type Role } from '../../../src/core/roles';
import type { StaffDoc } from '../../kernel/member';
import { notifyAll } from '../inbox';
import type { PeopleStore } from './ctx';
import { rosterWhere } from './roster';

/** Whether an entry holds a role beyond staff: binding it, unbinding it, changing it is the admins' news. */
export function isPrivileged(roles: readonly Role[]): boolean {
  return roles.some((r) => r !== 'staff');
}

export function rolesText(roles: readonly Role[]): string {
  return (
    roles
      .filter((r) => r !== 'staff')
      .map((r) => ROLE_LABELS[r])
      .join('、') || ROLE_LABELS.staff
  );
}

/**
 * Tells every active admin but the one who acted that something happened to a privileged entry, so
 * that a takeover (someone binding an admin's 工号, roles handed out) cannot go unseen.
 */
export async function tellAdmins(
  store: PeopleStore,
  notice: { title: string; body: string; exceptId?: string },
  now: Date,
): Promise<void> {
  const admins = (await rosterWhere(store, { active: true })).filter(
    (s: StaffDoc) => s.roles.includes('admin') && s._id !== notice.exceptId,
  );
  await notifyAll(
    store,
    admins.map((a) => ({ staffId: a._id, kind: 'staff.security', title: notice.title, body: notice.body })),
    now,
  );
}
