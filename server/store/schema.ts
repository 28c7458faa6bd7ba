import type { CollectionSpec } from './port';
import { INBOX_SPECS, type InboxCollections } from './collections/inbox';
import { ROSTER_SPECS, type RosterCollections } from './collections/roster';

/**
 * Every collection of the store and the unique keys and indexes declared on it. Each feature keeps
 * its documents in `collections/<feature>.ts` and joins them here.
 */
export interface Collections extends RosterCollections, InboxCollections {}

export type CollectionName = keyof Collections;

export const COLLECTION_SPECS: Record<CollectionName, CollectionSpec> = {
  ...ROSTER_SPECS,
  ...INBOX_SPECS,
};

export type * from './collections/inbox';
export type * from './collections/roster';
