/**
 * 投诉建议 / 局长信箱 (DESIGN.md §4, §6): every member writes to the office, named or anonymously; an
 * anonymous message keeps no link to its sender, who reads replies with a receipt code.
 */
import { defineFeature } from '../../kernel/feature';
import { MAILBOX_COLLECTIONS } from './collections';

export const mailbox = defineFeature({
  name: 'mailbox',
  collections: MAILBOX_COLLECTIONS,
  handlers: {},
});

export type { MailboxCollections, MailDoc } from './collections';
