import type { Ctx as KernelCtx } from '../../kernel/context';
import type { Store } from '../../store/port';
import type { InboxCollections } from '../inbox';
import type { PeopleCollections } from '../people';
import type { SignupCollections } from '../signup';
import type { VolunteerCollections } from './collections';

/** What volunteer service touches: its own collections, the sign-up engine's, the roster and the inbox. */
export type VolunteerWorld = VolunteerCollections & SignupCollections & PeopleCollections & InboxCollections;
export type VolunteerStore = Store<VolunteerWorld>;
export type Ctx = KernelCtx<VolunteerWorld>;
