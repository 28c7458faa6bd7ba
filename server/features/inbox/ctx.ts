import type { Ctx as KernelCtx } from '../../kernel/context';
import type { Store } from '../../store/port';
import type { InboxCollections } from './collections';

/** What the inbox feature touches: the notices alone. */
export type InboxWorld = InboxCollections;
export type InboxStore = Store<InboxWorld>;
export type Ctx = KernelCtx<InboxWorld>;
