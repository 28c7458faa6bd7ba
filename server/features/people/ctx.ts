import type { Ctx as KernelCtx } from '../../kernel/context';
import type { Store } from '../../store/port';
import type { PeopleCollections } from './collections';

/** What the people feature touches: the roster and its bind records. */
export type PeopleWorld = PeopleCollections;
export type PeopleStore = Store<PeopleWorld>;
export type Ctx = KernelCtx<PeopleWorld>;
