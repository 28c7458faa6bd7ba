import type { CollectionSpecs } from '../../kernel/feature';

/**
 * The shared sign-up machinery (server/signup): seats, waitlist and entries of anything with a
 * capacity — a volunteer event, an activity's item. Features never write these collections directly.
 */

/** One capacity: its counters change only inside the module's transactions, so they always agree. */
export interface SignupSlotDoc {
  /** Chosen by the feature, e.g. 'volunteer:<eventId>' or 'activity:<activityId>:<itemId>'. */
  _id: string;
  /** The feature that owns the slot ('volunteer', 'activity'). */
  scope: string;
  capacity: number;
  /** seatsLeft + confirmed = capacity, always. */
  seatsLeft: number;
  confirmed: number;
  /** Entries on the waitlist now. */
  waiting: number;
  /** Waitlist tickets handed out so far (the last ticket number). */
  tickets: number;
  /** No more sign-ups or promotions (the event was cancelled). */
  closed: boolean;
  createdAt: string;
  updatedAt: string;
}

/** `pending` lives only between an entry's insert and its allocation (a moment, or a crash). */
export type SignupEntryStatus = 'pending' | 'confirmed' | 'waitlisted' | 'cancelled';

/** One sign-up of a holder (a person or a team) to a slot. A cancel is a status change, never a delete. */
export interface SignupEntryDoc {
  _id: string;
  slotId: string;
  scope: string;
  /** A staff id, or a team id chosen by the feature. */
  holderId: string;
  /** Who hears about this entry (promotion notices): the person, or every member of the team. */
  members: string[];
  status: SignupEntryStatus;
  /** The waitlist ticket (increasing per slot); the queue is in ticket order. Null if never waitlisted. */
  ticket: number | null;
  /** `slotId|holderId` while the entry is not cancelled, else null: one live entry per holder and slot. */
  live: string | null;
  createdAt: string;
  /** When it became confirmed (directly or by promotion). */
  confirmedAt: string | null;
  promotedAt: string | null;
  cancelledAt: string | null;
  /** Staff id of whoever cancelled it (the holder, or an organizer). */
  cancelledBy: string | null;
}

export interface SignupCollections {
  signupSlots: SignupSlotDoc;
  signupEntries: SignupEntryDoc;
}

export const SIGNUP_COLLECTIONS: CollectionSpecs<SignupCollections> = {
  signupSlots: { indexes: [['scope']] },
  signupEntries: {
    unique: [['live']],
    indexes: [
      ['slotId', 'status', 'ticket'],
      ['holderId', 'scope', 'createdAt'],
      ['slotId', 'holderId'],
    ],
  },
};
