import type { z } from 'zod';
import type { Role } from '../roles';
import type { Settings } from '../settings';
import type {
  AuditEntry,
  CalendarDay,
  ImportResult,
  Paged,
  SessionMe,
  StaffAdminView,
  StaffPick,
  StaffView,
} from '../models';
import * as dev from './dev';
import * as roster from './roster';

/**
 * Who may call an action:
 * - `public`: anyone (the local server's dev login only);
 * - `identity`: a caller with an openid, bound or not (session.me, staff.bind);
 * - `staff`: an active, bound member holding one of `roles` (empty = any member).
 */
export type Access = 'public' | 'identity' | 'staff';

export interface ActionDef<S extends z.ZodType = z.ZodType> {
  input: S;
  access: Access;
  roles: readonly Role[];
  /** Writes by privileged roles are audited (DESIGN.md §5). */
  write: boolean;
  /** Present on the local server only, never in the cloud bundle. */
  local?: 'demo' | 'dev';
}

function def<S extends z.ZodType>(
  input: S,
  access: Access,
  roles: readonly Role[] = [],
  write = false,
  local?: 'demo' | 'dev',
): ActionDef<S> {
  return { input, access, roles, write, local };
}

const ADMIN = ['admin'] as const;

/** The action registry: one action = one schema. Names are part of the public contract. */
export const contract = {
  'session.me': def(roster.sessionMeInput, 'identity'),
  'staff.bind': def(roster.staffBindInput, 'identity'),
  'staff.search': def(roster.staffSearchInput, 'staff'),
  'staff.import': def(roster.staffImportInput, 'staff', ADMIN, true),
  'staff.list': def(roster.staffListInput, 'staff', ADMIN),
  'staff.setRoles': def(roster.staffSetRolesInput, 'staff', ADMIN, true),
  'staff.unbind': def(roster.staffIdInput, 'staff', ADMIN, true),
  'staff.deactivate': def(roster.staffIdInput, 'staff', ADMIN, true),
  'staff.activate': def(roster.staffIdInput, 'staff', ADMIN, true),
  'settings.get': def(roster.settingsGetInput, 'staff', ADMIN),
  'settings.update': def(roster.settingsUpdateInput, 'staff', ADMIN, true),
  'calendar.set': def(roster.calendarSetInput, 'staff', ADMIN, true),
  'calendar.month': def(roster.calendarMonthInput, 'staff'),
  'audit.list': def(roster.auditListInput, 'staff', ADMIN),
  'dev.login': def(dev.devLoginInput, 'public', [], false, 'demo'),
  'dev.identities': def(dev.devIdentitiesInput, 'public', [], false, 'demo'),
  'dev.clock.set': def(dev.devClockSetInput, 'public', [], false, 'dev'),
  'dev.clock.reset': def(dev.devClockResetInput, 'public', [], false, 'dev'),
} as const;

export type Contract = typeof contract;
export type ActionName = keyof Contract;
export type ActionInput<A extends ActionName> = z.input<Contract[A]['input']>;
export type ParsedInput<A extends ActionName> = z.output<Contract[A]['input']>;

export interface DemoIdentity {
  openid: string;
  staffNo: string;
  name: string;
  department: string;
  roles: Role[];
  bound: boolean;
}

/** What each action answers with in `data`. */
export interface ActionOutputs {
  'session.me': SessionMe;
  'staff.bind': { staff: StaffView; already?: boolean };
  'staff.search': { items: StaffPick[] };
  'staff.import': ImportResult;
  'staff.list': Paged<StaffAdminView> & { departments: string[] };
  'staff.setRoles': { staff: StaffAdminView };
  'staff.unbind': { staff: StaffAdminView; already?: boolean };
  'staff.deactivate': { staff: StaffAdminView; already?: boolean };
  'staff.activate': { staff: StaffAdminView; already?: boolean };
  'settings.get': Settings;
  'settings.update': Settings;
  'calendar.set': CalendarDay;
  'calendar.month': { month: string; days: CalendarDay[] };
  'audit.list': Paged<AuditEntry>;
  'dev.login': { token: string };
  'dev.identities': { items: DemoIdentity[] };
  'dev.clock.set': { now: string; frozen: boolean };
  'dev.clock.reset': { now: string };
}

export type ActionOutput<A extends ActionName> = ActionOutputs[A];

export function isActionName(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export { dev, roster };
export * from './fields';
