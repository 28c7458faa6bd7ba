import * as z from 'zod/mini';
import { member } from '../contract/define';
import { id, page } from '../contract/fields';

/** In-app notices (DESIGN.md §4): waitlist promotion, review results, confirmed hours … */
export interface InboxItem {
  id: string;
  /** What the notice is about, e.g. 'volunteer.promoted', 'honor.reviewed'. */
  kind: string;
  title: string;
  body: string;
  /** A page of the app to open, e.g. '/pages/volunteer/event?id=…'. */
  link?: string;
  createdAt: string;
  read: boolean;
}

export const inboxListInput = z.strictObject({ page, unreadOnly: z.optional(z.boolean()) });
export const inboxReadInput = z.strictObject({ messageId: id('消息编号') });

export const inboxActions = {
  'inbox.list': member(inboxListInput),
  'inbox.read': member(inboxReadInput),
} as const;

export interface InboxOutputs {
  'inbox.list': { items: InboxItem[]; total: number; unread: number; page: number; pageSize: number };
  'inbox.read': { message: InboxItem; already?: boolean };
}
