import type { PeopleCollections } from '../people';

/** What the local server's dev actions touch: the roster. */
export type DevWorld = PeopleCollections;
