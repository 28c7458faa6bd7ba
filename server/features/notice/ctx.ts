import type { Ctx as KernelCtx } from '../../kernel/context';
import type { Store } from '../../store/port';
import type { InboxCollections } from '../inbox';
import type { PeopleCollections } from '../people';
import type { NoticeCollections } from './collections';

/** What subscribe messages touch: credits and sends, the inbox (to check a notice), the roster (openids). */
export type NoticeWorld = NoticeCollections & InboxCollections & PeopleCollections;
export type NoticeStore = Store<NoticeWorld>;
export type Ctx = KernelCtx<NoticeWorld>;
