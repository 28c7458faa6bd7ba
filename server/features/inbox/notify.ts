import type { InboxItem } from '../../../src/core/inbox/contract';
import type { InboxStore } from './ctx';
import { newId } from '../../kernel/ids';
import type { InboxDoc } from './collections';

export interface Notice {
  staffId: string;
  kind: string;
  title: string;
  body: string;
  link?: string;
}

/** Puts a notice in a member's inbox. Features call this; they never write the collection. */
export async function notify(store: InboxStore, notice: Notice, now: Date): Promise<InboxDoc> {
  const doc: InboxDoc = { _id: newId(), ...notice, createdAt: now.toISOString(), readAt: null };
  return store.collection('inbox').insert(doc);
}

export async function notifyAll(store: InboxStore, notices: readonly Notice[], now: Date): Promise<void> {
  for (const notice of notices) await notify(store, notice, now);
}

export function inboxItem(doc: InboxDoc): InboxItem {
  const item: InboxItem = {
    id: doc._id,
    kind: doc.kind,
    title: doc.title,
    body: doc.body,
    createdAt: doc.createdAt,
    read: doc.readAt !== null,
  };
  if (doc.link) item.link = doc.link;
  return item;
}
