import type { Role } from '../roles';
import type { Settings } from '../settings';

/** What any bound member sees of themselves and of colleagues they manage. */
export interface StaffView {
  id: string;
  staffNo: string;
  name: string;
  department: string;
  branch?: string;
  roles: Role[];
  active: boolean;
}

/** What an admin sees in the roster. */
export interface StaffAdminView extends StaffView {
  phone?: string;
  bound: boolean;
  boundAt?: string;
  /** A bind code waits for this entry until then. */
  bindCodeExpiresAt?: string;
}

/** What pickers show of a colleague: nothing more than needed to tell people apart. */
export interface StaffPick {
  id: string;
  name: string;
  department: string;
}

/** A party branch as the roster names it: its active members and its secretaries. */
export interface BranchView {
  name: string;
  members: number;
  secretaries: StaffPick[];
}

export interface SessionMe {
  staff: StaffView | null;
  roles: Role[];
  settings: PublicSettings;
  /** The server's clock when it answered: what "today" means, whatever the phone's clock says. */
  now?: string;
}

/** Settings every member may read (the same fields; none is secret today). */
export type PublicSettings = Settings;

export type ImportRowStatus = 'created' | 'updated' | 'error';

export interface ImportRowResult {
  /** 1-based position of the row in the submitted list. */
  line: number;
  staffNo?: string;
  status: ImportRowStatus;
  message?: string;
}

export interface ImportResult {
  results: ImportRowResult[];
  created: number;
  updated: number;
  failed: number;
}

/** The template workbook, inline (as report exports are). */
export interface ImportTemplate {
  fileName: string;
  mime: string;
  base64: string;
}

/** A bind code, shown once to the admin who issued it (only a hash of it is kept). */
export interface BindCodeIssued {
  staff: StaffAdminView;
  code: string;
  expiresAt: string;
}

/** One line of a printable code sheet: to be cut out and handed to the person. */
export interface BindCodeSheetRow {
  staffId: string;
  staffNo: string;
  name: string;
  department: string;
  code: string;
}
