import type { MailAdminView, MailMessageView, MailSummary } from '../../../src/core/mailbox/contract';
import { MAIL_ANONYMOUS, MAIL_OFFICE } from '../../../src/core/mailbox/rules';
import type { MailDoc } from './collections';

/** What the sender sees: every reply signed 办公室, so no admin is named to staff. */
export function senderView(doc: MailDoc): MailMessageView {
  return {
    id: doc._id,
    subject: doc.subject,
    body: doc.body,
    category: doc.category,
    anonymous: doc.anonymous,
    status: doc.status,
    createdAt: doc.createdAt,
    replies: doc.replies.map((r) => ({ body: r.body, at: r.at, by: MAIL_OFFICE })),
  };
}

/** What the office sees: the named sender, and which admin answered. */
export function adminView(doc: MailDoc): MailAdminView {
  return {
    ...senderView(doc),
    replies: doc.replies.map((r) => ({ body: r.body, at: r.at, by: r.byName })),
    sender: doc.anonymous || doc.staffName === null ? null : { name: doc.staffName, department: doc.department ?? '' },
  };
}

export function summaryView(doc: MailDoc): MailSummary {
  const from =
    doc.anonymous || doc.staffName === null
      ? MAIL_ANONYMOUS
      : `${doc.staffName}${doc.department ? `（${doc.department}）` : ''}`;
  return {
    id: doc._id,
    subject: doc.subject,
    category: doc.category,
    anonymous: doc.anonymous,
    from,
    status: doc.status,
    createdAt: doc.createdAt,
    replyCount: doc.replies.length,
  };
}
