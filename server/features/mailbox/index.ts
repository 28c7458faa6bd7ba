/**
 * 投诉建议 / 局长信箱 (DESIGN.md §4, §6): every member writes to the office, named or anonymously; an
 * anonymous message keeps no link to its sender, who reads replies with a receipt code.
 *
 * Where the rules live:
 * - actions/send.ts: what an anonymous message leaves out (sender, precise time, the code itself) —
 *   the mailbox collection is `secret`, so neither row order nor the WAL lines it up with other writes;
 * - actions/lookup.ts + lookup-limit.ts: receipt-code reads, 5 wrong codes an hour per openid, counted
 *   before comparing (the bind limit's rule); a failure record names no message;
 * - actions/office-*.ts: the admins' list, reply (never to a closed message: RULE `closed`; a named
 *   sender gets an inbox notice) and 办结 (repeat: `already`). Members only ever see 办公室 as the author.
 * Other features read `category` and `status` (the dashboard's open count, the ledger's counts).
 */
import { defineFeature } from '../../kernel/feature';
import { mailboxLookup } from './actions/lookup';
import { mailboxMine } from './actions/mine';
import { mailboxGet, mailboxList } from './actions/office-read';
import { mailboxClose, mailboxReply } from './actions/office-write';
import { mailboxSend } from './actions/send';
import { MAILBOX_COLLECTIONS } from './collections';

export const mailbox = defineFeature({
  name: 'mailbox',
  collections: MAILBOX_COLLECTIONS,
  handlers: {
    'mailbox.send': mailboxSend,
    'mailbox.lookup': mailboxLookup,
    'mailbox.mine': mailboxMine,
    'mailbox.list': mailboxList,
    'mailbox.get': mailboxGet,
    'mailbox.reply': mailboxReply,
    'mailbox.close': mailboxClose,
  },
});

export type { MailboxCollections, MailDoc } from './collections';
