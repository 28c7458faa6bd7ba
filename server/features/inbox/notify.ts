import type { InboxItem } from '../../../src/core/inbox/contract';
import type { InboxStore } from './ctx';
import { newId } from '../../kernel/ids';
import { noticeWritten } from '../../kernel/outbox';
import type { NoticeSlots } from '../../../src/core/notice';
import type { InboxDoc } from './collections';

export interface Notice {
  staffId: string;
  kind: string;
  title: string;
  body: string;
  link?: string;
  /** What a WeChat subscribe message shows when the notice knows more (an event's time and place). */
  slots?: NoticeSlots;
}

/**
 * Puts a notice in a member's inbox. Features call this; they never write the collection. The router
 * (or the job runner) then offers it to WeChat as a subscribe message (server/features/notice).
 */
export async function notify(store: InboxStore, notice: Notice, now: Date): Promise<InboxDoc> {
  const { slots, ...stored } = notice;
  const doc: InboxDoc = { _id: newId(), ...stored, createdAt: now.toISOString(), readAt: null };
  await store.collection('inbox').insert(doc);
  noticeWritten({ inboxId: doc._id, ...stored, ...(slots ? { slots } : {}) });
  return doc;
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
