import type { CollectionSpec } from './port';
import { ACTIVITY_SPECS, type ActivityCollections } from './collections/activity';
import { HONOR_SPECS, type HonorCollections } from './collections/honor';
import { INBOX_SPECS, type InboxCollections } from './collections/inbox';
import { READING_SPECS, type ReadingCollections } from './collections/reading';
import { ROSTER_SPECS, type RosterCollections } from './collections/roster';
import { SIGNUP_SPECS, type SignupCollections } from './collections/signup';
import { VOLUNTEER_SPECS, type VolunteerCollections } from './collections/volunteer';

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

export type * from './collections/activity';
export type * from './collections/honor';
export type * from './collections/inbox';
export type * from './collections/reading';
export type * from './collections/roster';
export type * from './collections/signup';
export type * from './collections/volunteer';
