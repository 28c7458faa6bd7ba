import type { CollectionSpecs } from '../../kernel/feature';

export interface InboxDoc {
  _id: string;
  staffId: string;
  kind: string;
  title: string;
  body: string;
  link?: string;
  createdAt: string;
  /** Null while unread: the unread count is an indexed count on (staffId, readAt). */
  readAt: string | null;
}

export interface InboxCollections {
  inbox: InboxDoc;
}

export const INBOX_COLLECTIONS: CollectionSpecs<InboxCollections> = {
  inbox: {
    indexes: [
      ['staffId', 'createdAt'],
      ['staffId', 'readAt'],
    ],
  },
};
