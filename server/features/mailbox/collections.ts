import type { CollectionSpecs } from '../../kernel/feature';
import type { MailCategory, MailStatus } from '../../../src/core/mailbox/rules';

/** A reply of the office to a message. */
export interface MailReply {
  body: string;
  at: string;
  /** The admin who answered (staff see "办公室", never who). */
  byId: string;
  byName: string;
}

/**
 * One message to the 投诉建议 / 局长信箱. A named message carries its sender; an anonymous one carries
 * nothing that leads back to them: no staffId, openid, name or department, a random `_id`, the day
 * alone as its time, and only a hash of the receipt code the sender keeps.
 */
export interface MailDoc {
  _id: string;
  subject: string;
  body: string;
  category: MailCategory;
  anonymous: boolean;
  staffId: string | null;
  staffName: string | null;
  department: string | null;
  /** sha-256 of the receipt code, anonymous messages only. */
  codeHash: string | null;
  status: MailStatus;
  replies: MailReply[];
  createdAt: string;
  updatedAt: string;
}

/** A wrong receipt code, for the per-openid limit on guessing (no link to any message). */
export interface MailLookupFailureDoc {
  _id: string;
  openid: string;
  at: string;
}

export interface MailboxCollections {
  mailbox: MailDoc;
  mailLookupFailures: MailLookupFailureDoc;
}

export const MAILBOX_COLLECTIONS: CollectionSpecs<MailboxCollections> = {
  // Secret: no rowid order at rest that would line an anonymous message up with its sender's other writes.
  mailbox: { indexes: [['codeHash'], ['status', 'createdAt'], ['staffId', 'createdAt']], secret: true },
  // Secret too: a right code's try is removed at once, and must not linger in the log or in row order,
  // where it would show which openid holds a receipt code (and so, with few anonymous letters, who wrote).
  mailLookupFailures: { indexes: [['openid', 'at']], secret: true },
};
