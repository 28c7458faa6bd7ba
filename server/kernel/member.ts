import type { Role } from '../../src/core/roles';

/**
 * A member of the unit's roster as stored. The people feature owns the `staff` collection; the type
 * lives in the kernel because every handler sees the caller as one (`ctx.caller.staff`).
 */
export interface StaffDoc {
  _id: string;
  staffNo: string;
  name: string;
  department: string;
  branch?: string;
  phone?: string;
  /** Recorded by roster import (性别); some activity items admit one gender only. */
  gender?: 'male' | 'female';
  roles: Role[];
  active: boolean;
  /** The WeChat (or dev) identity bound to this member; null while unbound. */
  openid: string | null;
  boundAt: string | null;
  createdAt: string;
  updatedAt: string;
}
