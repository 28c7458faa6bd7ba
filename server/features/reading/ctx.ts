import type { Ctx as KernelCtx } from '../../kernel/context';
import type { Store } from '../../store/port';
import type { PeopleCollections } from '../people';
import type { SettingsCollections } from '../settings';
import type { ReadingCollections } from './collections';

/** What the morning reading touches: its own collections, the roster and the workday calendar. */
export type ReadingWorld = ReadingCollections & PeopleCollections & SettingsCollections;
export type ReadingStore = Store<ReadingWorld>;
export type Ctx = KernelCtx<ReadingWorld>;
