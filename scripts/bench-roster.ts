import type { StaffDoc } from '../server/kernel/member';

/** The benches' generated units: bound staff members spread over 24 departments. */
const DEPARTMENTS = 24;

/** Member `i` of a generated roster; `prefix` keeps two rosters in one store apart. */
export function benchMember(prefix: string, i: number, at: string): StaffDoc {
  return {
    _id: `${prefix}-staff-${i}`,
    staffNo: `${prefix.slice(0, 1).toUpperCase()}${String(i).padStart(5, '0')}`,
    name: `职工${i}`,
    department: `第${(i % DEPARTMENTS) + 1}处`,
    roles: ['staff'],
    active: true,
    openid: `${prefix}-${i}`,
    boundAt: at,
    createdAt: at,
    updatedAt: at,
  };
}
