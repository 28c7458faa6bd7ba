import type { Ctx as KernelCtx } from '../../kernel/context';
import type { Store } from '../../store/port';
import type { InboxCollections } from '../inbox';
import type { PeopleCollections } from '../people';
import type { SignupCollections } from '../signup';
import type { ActivityCollections } from './collections';

/** What activities touch: their own collections, the sign-up engine's, the roster and the inbox. */
export type ActivityWorld = ActivityCollections & SignupCollections & PeopleCollections & InboxCollections;
export type ActivityStore = Store<ActivityWorld>;
export type Ctx = KernelCtx<ActivityWorld>;
