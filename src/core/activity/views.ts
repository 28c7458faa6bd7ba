import type { ActivityKind, ActivityPhase, Gender, ItemMode } from './rules';

/** What the activity actions answer with (DESIGN.md §4, 活动报名). */

/** As the shared sign-up machinery names them: a withdrawal is a cancelled entry, kept. */
export type EntryStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export interface ActivityItemView {
  id: string;
  name: string;
  mode: ItemMode;
  teamMin?: number;
  teamMax?: number;
  /** Entries (people or teams) that can be confirmed. */
  capacity: number;
  gender?: Gender;
  confirmed: number;
  waitlisted: number;
  seatsLeft: number;
}

export interface ActivitySummary {
  id: string;
  title: string;
  kind: ActivityKind;
  place: string;
  startAt: string;
  endAt: string;
  signupDeadline: string;
  phase: ActivityPhase;
  maxItemsPerPerson: number;
  items: ActivityItemView[];
  /** How many items of this activity the caller is in (as a person or a team member). */
  myItemCount: number;
}

export interface TeamMemberView {
  staffId: string;
  staffNo: string;
  name: string;
  department: string;
  captain: boolean;
}

/** The caller's own entry in one item. */
export interface MyEntryView {
  entryId: string;
  itemId: string;
  status: EntryStatus;
  /** 1-based place on the waitlist. */
  position?: number;
  captain: boolean;
  team?: { name: string; members: TeamMemberView[]; complete: boolean };
  place?: number;
}

export interface ItemResult {
  entryId: string;
  place: number;
  /** The team's name, or the person's name for an individual item. */
  label: string;
  members: string[];
}

export interface ActivityItemDetail extends ActivityItemView {
  results: ItemResult[];
}

export interface ActivityDetail extends Omit<ActivitySummary, 'items'> {
  description: string;
  organizerName: string;
  cancelReason?: string;
  items: ActivityItemDetail[];
  mine: MyEntryView[];
  /** The caller may edit, cancel, see the roster and record results. */
  canManage: boolean;
}

export interface RosterEntry {
  entryId: string;
  status: EntryStatus;
  position?: number;
  teamName?: string;
  members: TeamMemberView[];
  /** A team below its minimum size (always true for individual entries). */
  complete: boolean;
  place?: number;
  registeredAt: string;
}

export interface ActivityRoster {
  activity: ActivitySummary;
  items: { item: ActivityItemView; entries: RosterEntry[] }[];
}

export interface RegisterResult {
  entryId: string;
  status: 'confirmed' | 'waitlisted';
  position?: number;
  already?: boolean;
}
