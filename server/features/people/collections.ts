import type { Role } from '../../../src/core/roles';
import type { Settings } from '../../../src/core/settings/schema';
import type { CollectionSpec } from '../../store/port';

/** Roster, settings, calendar, audit and session documents, with their unique keys. */

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

export interface SettingsDoc extends Settings {
  _id: 'unit';
  updatedAt: string;
}

export interface CalendarDoc {
  /** The day itself ('YYYY-MM-DD'): one override per day. */
  _id: string;
  date: string;
  month: string;
  workday: boolean;
  note?: string;
  updatedAt: string;
  updatedBy: string;
}

export interface AuditDoc {
  _id: string;
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  target?: string;
}

export interface BindFailureDoc {
  _id: string;
  openid: string;
  at: string;
}

/** Small server-side values such as the session signing secret. */
export interface MetaDoc {
  _id: string;
  value: string;
}

export interface RosterCollections {
  staff: StaffDoc;
  settings: SettingsDoc;
  calendar: CalendarDoc;
  audit: AuditDoc;
  bindFailures: BindFailureDoc;
  meta: MetaDoc;
}

export const ROSTER_SPECS: Record<keyof RosterCollections, CollectionSpec> = {
  staff: { unique: [['staffNo'], ['openid']], indexes: [['department'], ['active']] },
  settings: {},
  calendar: { indexes: [['month']] },
  audit: { indexes: [['at']] },
  bindFailures: { indexes: [['openid', 'at']] },
  meta: {},
};
