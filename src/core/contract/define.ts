import type * as z from 'zod/v4/core';
import type { Role } from '../roles';

/**
 * Who may call an action:
 * - `public`: anyone (the local server's dev login only);
 * - `identity`: a caller with an openid, bound or not (session.me, staff.bind);
 * - `staff`: an active, bound member holding one of `roles` (empty = any member; admin always may).
 */
export type Access = 'public' | 'identity' | 'staff';

export interface ActionDef<S extends z.$ZodType = z.$ZodType> {
  input: S;
  access: Access;
  roles: readonly Role[];
  /** Writes by privileged roles are audited (DESIGN.md §5). */
  write: boolean;
  /** Present on the local server only, never in the cloud bundle. */
  local?: 'demo' | 'dev';
}

export function def<S extends z.$ZodType>(
  input: S,
  access: Access,
  roles: readonly Role[] = [],
  write = false,
  local?: 'demo' | 'dev',
): ActionDef<S> {
  return { input, access, roles, write, local };
}

/** A member action open to everyone bound and active. */
export const member = <S extends z.$ZodType>(input: S) => def(input, 'staff');

/** A privileged write, audited. */
export const privilegedWrite = <S extends z.$ZodType>(input: S, roles: readonly Role[]) =>
  def(input, 'staff', roles, true);

/** A privileged read. */
export const privilegedRead = <S extends z.$ZodType>(input: S, roles: readonly Role[]) => def(input, 'staff', roles);

export const ADMIN = ['admin'] as const;
