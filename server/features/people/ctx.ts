import type { Ctx as KernelCtx } from '../../kernel/context';
import type { Store } from '../../store/port';
import type { InboxCollections } from '../inbox';
import type { PeopleCollections } from './collections';

/** What the people feature touches: the roster, its bind records and codes, and notices to admins. */
export type PeopleWorld = PeopleCollections & InboxCollections;
export type PeopleStore = Store<PeopleWorld>;
export type Ctx = KernelCtx<PeopleWorld>;
