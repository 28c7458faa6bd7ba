import type { Ctx as KernelCtx } from '../../kernel/context';
import type { Store } from '../../store/port';
import type { InboxCollections } from '../inbox';
import type { PeopleCollections } from '../people';
import type { SettingsCollections } from '../settings';
import type { HonorCollections } from './collections';

/** What the good-person list touches: its own collections, the roster, the workday calendar and the inbox. */
export type HonorWorld = HonorCollections & PeopleCollections & SettingsCollections & InboxCollections;
export type HonorStore = Store<HonorWorld>;
export type Ctx = KernelCtx<HonorWorld>;
