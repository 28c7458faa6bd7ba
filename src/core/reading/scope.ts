import type { Role } from '../roles';

/**
 * Who publishes where, and which reading a member reads (issue: branches). A reading is for the
 * whole unit (branch null) or for one party branch; each branch's secretary leads their own branch
 * (支部书记领学), a secretary of no branch and every admin publish for the unit, as before branches.
 */

export interface Publisher {
  roles: readonly Role[];
  /** The publisher's own branch, null for none. */
  branch: string | null;
}

export type Scoped =
  | { ok: true; branch: string | null }
  | { ok: false; code: 'FORBIDDEN' | 'RULE'; rule?: 'unknownBranch'; message: string };

const ok = (branch: string | null): Scoped => ({ ok: true, branch });

/**
 * The scope a reading is published for. `asked` is the branch named in the call (null: the unit
 * by name; undefined: none named); `known` the branches the roster names. A branch secretary who
 * names none publishes for their own.
 */
export function publishScope(p: Publisher, asked: string | null | undefined, known: ReadonlySet<string>): Scoped {
  const admin = p.roles.includes('admin');
  const target = asked === undefined ? (admin ? null : p.branch) : asked;
  if (target !== null && !known.has(target)) {
    return { ok: false, code: 'RULE', rule: 'unknownBranch', message: `花名册中没有“${target}”这个支部` };
  }
  if (admin || target === p.branch) return ok(target);
  const message =
    p.branch === null ? '为支部发布晨读需由该支部书记或管理员操作' : `只能为本支部（${p.branch}）发布晨读`;
  return { ok: false, code: 'FORBIDDEN', message };
}

/** Whether a publisher may edit a reading of this scope: the same people who may publish there. */
export function mayEdit(p: Publisher, branch: string | null): boolean {
  return p.roles.includes('admin') || p.branch === branch;
}

/**
 * Whether a member reads (and may check in on) a reading of this scope: the unit's is everyone's,
 * a branch's its members' (and admins', who answer for every branch).
 */
export function readsScope(viewer: Publisher, branch: string | null): boolean {
  return branch === null || viewer.branch === branch || viewer.roles.includes('admin');
}

/** The day's reading a member gets: their branch's, else the unit's. */
export function readingFor<T>(ofBranch: T | null, ofUnit: T | null): T | null {
  return ofBranch ?? ofUnit;
}
