import type { ActivityKind, Gender, ItemMode } from '../../../src/core/activity/rules';
import type { CollectionSpecs } from '../../kernel/feature';

/**
 * Sports and culture activities (活动报名). Seats and the waitlist of each item live in the shared
 * sign-up machinery (server/signup, one slot per item); these documents hold the rest.
 */

export interface ActivityDoc {
  _id: string;
  title: string;
  kind: ActivityKind;
  description: string;
  place: string;
  /** UTC ISO instants: they compare as strings in time order. */
  startAt: string;
  endAt: string;
  signupDeadline: string;
  maxItemsPerPerson: number;
  status: 'active' | 'cancelled';
  cancelReason: string | null;
  cancelledAt: string | null;
  createdBy: string;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
}

export interface ActivityItemDoc {
  _id: string;
  activityId: string;
  /** Position in the activity's list of items. */
  order: number;
  name: string;
  mode: ItemMode;
  teamMin: number | null;
  teamMax: number | null;
  /** Mirrors the sign-up slot's capacity, which is the truth for seats. */
  capacity: number;
  gender: Gender | null;
  /** The sign-up slot holding this item's seats and waitlist. */
  slotId: string;
  /** Removed by an update (only ever while nobody is registered); kept for the record. */
  removed: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface EntryMemberSnapshot {
  staffId: string;
  staffNo: string;
  name: string;
  department: string;
}

/**
 * One registration to an item: a person, or a team led by its captain. Its seat is the sign-up entry
 * whose holder is this document's `_id`. Members are a snapshot, so that rosters need no joins.
 */
export interface ActivityEntryDoc {
  _id: string;
  activityId: string;
  itemId: string;
  mode: ItemMode;
  captainId: string;
  teamName: string | null;
  /** Current members, captain first. Written only inside a single-document transaction. */
  members: EntryMemberSnapshot[];
  /** The sign-up entry (server/signup) that holds the seat or the waitlist place; its status is the truth. */
  signupEntryId: string | null;
  /** Set when the captain (or the person) withdrew. */
  withdrawnAt: string | null;
  /** Placing recorded by the organizer after the activity. */
  place: number | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * A person's place in one item. `live` (`<activityId>|<itemId>|<staffId>` while the person is in the
 * entry, else null) is unique: it keeps a person in one team per item under any concurrency. Leaving
 * or a withdrawal only ends it, so the history stays.
 */
export interface ActivityMemberDoc {
  _id: string;
  activityId: string;
  itemId: string;
  staffId: string;
  entryId: string;
  captain: boolean;
  live: string | null;
  state: 'active' | 'left' | 'withdrawn';
  joinedAt: string;
  endedAt: string | null;
}

/**
 * How many items of an activity a person is in, taken with a conditional `inc` so that the per-person
 * limit holds under concurrency. `_id` is `<activityId>:<staffId>`.
 */
export interface ActivityQuotaDoc {
  _id: string;
  activityId: string;
  staffId: string;
  items: number;
  updatedAt: string;
}

export interface ActivityCollections {
  activities: ActivityDoc;
  activityItems: ActivityItemDoc;
  activityEntries: ActivityEntryDoc;
  activityMembers: ActivityMemberDoc;
  activityQuotas: ActivityQuotaDoc;
}

export const ACTIVITY_COLLECTIONS: CollectionSpecs<ActivityCollections> = {
  activities: { indexes: [['status', 'endAt'], ['startAt']] },
  activityItems: { indexes: [['activityId', 'order']] },
  activityEntries: {
    indexes: [
      ['activityId', 'itemId'],
      ['activityId', 'place'],
    ],
  },
  activityMembers: {
    unique: [['live']],
    indexes: [['activityId', 'staffId'], ['entryId'], ['itemId', 'staffId', 'joinedAt']],
  },
  activityQuotas: { indexes: [['staffId', 'items']] },
};
