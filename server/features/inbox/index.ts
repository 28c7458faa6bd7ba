/**
 * Inbox (消息): in-app notices to one member (waitlist promotion, review results, confirmed hours …).
 * Features write notices only through `notify`/`notifyAll` (notify.ts), never the collection itself;
 * members list and read their own (`inbox.list`, `inbox.read`), and someone else's notice is NOT_FOUND.
 */
import { defineFeature } from '../../kernel/feature';
import { inboxList, inboxRead } from './actions/inbox';
import { INBOX_COLLECTIONS } from './collections';

export const inbox = defineFeature({
  name: 'inbox',
  collections: INBOX_COLLECTIONS,
  handlers: { 'inbox.list': inboxList, 'inbox.read': inboxRead },
});

export { notify, notifyAll, type Notice } from './notify';
export type { InboxCollections, InboxDoc } from './collections';
