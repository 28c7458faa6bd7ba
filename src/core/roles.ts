export const ROLES = ['staff', 'secretary', 'organizer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  staff: '职工',
  secretary: '支部书记',
  organizer: '活动组织者',
  admin: '管理员',
};

/** Every bound member is staff; the other roles add to it (DESIGN.md §1). */
export function normalizeRoles(roles: readonly Role[]): Role[] {
  const set = new Set<Role>(roles);
  set.add('staff');
  return ROLES.filter((r) => set.has(r));
}

/** `admin` may do everything; otherwise one of the required roles must be held. */
export function hasAnyRole(held: readonly Role[], required: readonly Role[]): boolean {
  if (required.length === 0) return true;
  if (held.includes('admin')) return true;
  return required.some((r) => held.includes(r));
}
