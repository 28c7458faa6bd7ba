import type { CollectionSpec } from '../store/port';
import { ACTIVITY_SPECS, type ActivityCollections } from './activity/collections';
import { HONOR_SPECS, type HonorCollections } from './honor/collections';
import { INBOX_SPECS, type InboxCollections } from './inbox/collections';
import { READING_SPECS, type ReadingCollections } from './reading/collections';
import { ROSTER_SPECS, type RosterCollections } from './people/collections';
import { SIGNUP_SPECS, type SignupCollections } from './signup/collections';
import { VOLUNTEER_SPECS, type VolunteerCollections } from './volunteer/collections';

/**
 * Every collection of the store and the unique keys and indexes declared on it. Each feature keeps
 * its documents in `collections/<feature>.ts` and joins them here.
 */
export interface Collections extends RosterCollections, InboxCollections, HonorCollections, ReadingCollections, SignupCollections, VolunteerCollections, ActivityCollections {}

export type CollectionName = keyof Collections;

export const COLLECTION_SPECS: Record<CollectionName, CollectionSpec> = {
  ...ROSTER_SPECS,
  ...INBOX_SPECS,
  ...HONOR_SPECS,
  ...READING_SPECS,
  ...SIGNUP_SPECS,
  ...VOLUNTEER_SPECS,
  ...ACTIVITY_SPECS,
};

export type * from './activity/collections';
export type * from './honor/collections';
export type * from './inbox/collections';
export type * from './reading/collections';
export type * from './people/collections';
export type * from './signup/collections';
export type * from './volunteer/collections';
