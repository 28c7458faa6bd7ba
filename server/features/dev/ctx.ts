import type { Ctx as KernelCtx } from '../../kernel/context';
import type { Store } from '../../store/port';
import type { PeopleCollections } from '../people';

/** What the local server's dev actions touch: the roster. */
export type DevWorld = PeopleCollections;
export type DevStore = Store<DevWorld>;
export type Ctx = KernelCtx<DevWorld>;
