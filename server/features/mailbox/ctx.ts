import type { Ctx as KernelCtx } from '../../kernel/context';
import type { InboxCollections } from '../inbox';
import type { MailboxCollections } from './collections';

/** What the mailbox touches: its messages, and the inbox for reply notices. */
export type MailboxWorld = MailboxCollections & InboxCollections;
export type Ctx = KernelCtx<MailboxWorld>;
