import * as z from 'zod/mini';
import { ADMIN, member, privilegedRead, privilegedWrite } from '../contract/define';
import { id, longText, page, type Paged, text } from '../contract/fields';
import {
  MAIL_BODY_MAX,
  MAIL_BODY_MIN,
  MAIL_CATEGORIES,
  MAIL_DEFAULT_CATEGORY,
  MAIL_REPLY_MAX,
  MAIL_STATUSES,
  MAIL_SUBJECT_MAX,
  type MailCategory,
  type MailStatus,
  normalizeReceiptCode,
  RECEIPT_CODE_ALPHABET,
  RECEIPT_CODE_LENGTH,
} from './rules';

/** An answer of the office. `by` is 办公室 for members; admins see which admin wrote it. */
export interface MailReplyView {
  body: string;
  at: string;
  by: string;
}

/** A message as its sender sees it (named: `mailbox.mine`; anonymous: `mailbox.lookup`). */
export interface MailMessageView {
  id: string;
  subject: string;
  body: string;
  category: MailCategory;
  anonymous: boolean;
  status: MailStatus;
  /** Anonymous messages: the start of the local day they were sent, nothing finer. */
  createdAt: string;
  replies: MailReplyView[];
}

/** A message as the office sees it: the sender, or null for an anonymous message (shown as 匿名). */
export interface MailAdminView extends MailMessageView {
  sender: { name: string; department: string } | null;
}

/** One row of the office's list. `from` is the sender's name and department, or 匿名. */
export interface MailSummary {
  id: string;
  subject: string;
  category: MailCategory;
  anonymous: boolean;
  from: string;
  status: MailStatus;
  createdAt: string;
  replyCount: number;
}

const category = z._default(
  z.enum(MAIL_CATEGORIES, { message: `类别应为${MAIL_CATEGORIES.join('、')}之一` }),
  MAIL_DEFAULT_CATEGORY,
);

export const mailboxSendInput = z.strictObject({
  subject: text('标题', MAIL_SUBJECT_MAX),
  body: longText('内容', MAIL_BODY_MAX, MAIL_BODY_MIN),
  anonymous: z.boolean({ message: '请选择是否匿名' }),
  category,
});

const CODE_SHAPE = new RegExp(`^[${RECEIPT_CODE_ALPHABET}]{${RECEIPT_CODE_LENGTH}}$`);

/** Typed back as shown ('abcd-efgh-jkmn' is fine); a code of the wrong shape is refused before any lookup. */
export const receiptCode = z.pipe(
  z.pipe(
    z.string({ message: '回执码应为文字' }).check(z.maxLength(64, { message: '回执码格式不正确' })),
    z.transform(normalizeReceiptCode),
  ),
  z
    .string()
    .check(
      z.minLength(1, { message: '请填写回执码' }),
      z.regex(CODE_SHAPE, { message: `回执码应为 ${RECEIPT_CODE_LENGTH} 位字母和数字` }),
    ),
);

export const mailboxLookupInput = z.strictObject({ code: receiptCode });
export const mailboxMineInput = z.strictObject({ page });
export const mailboxListInput = z.strictObject({
  status: z.optional(z.enum(MAIL_STATUSES, { message: '未知的状态' })),
  page,
});
export const mailboxGetInput = z.strictObject({ messageId: id('来信编号') });
export const mailboxReplyInput = z.strictObject({
  messageId: id('来信编号'),
  body: longText('答复内容', MAIL_REPLY_MAX),
});
export const mailboxCloseInput = z.strictObject({ messageId: id('来信编号') });

export const mailboxActions = {
  // Member actions, never audited: an audit line of an anonymous send would name its sender.
  'mailbox.send': member(mailboxSendInput),
  'mailbox.lookup': member(mailboxLookupInput),
  'mailbox.mine': member(mailboxMineInput),
  'mailbox.list': privilegedRead(mailboxListInput, ADMIN),
  'mailbox.get': privilegedRead(mailboxGetInput, ADMIN),
  'mailbox.reply': privilegedWrite(mailboxReplyInput, ADMIN),
  'mailbox.close': privilegedWrite(mailboxCloseInput, ADMIN),
} as const;

export interface MailboxOutputs {
  /** `code` only for an anonymous message, and only in this answer: the store keeps its hash alone. */
  'mailbox.send': { message: MailMessageView; code?: string };
  'mailbox.lookup': { message: MailMessageView };
  'mailbox.mine': Paged<MailMessageView>;
  'mailbox.list': Paged<MailSummary>;
  'mailbox.get': { message: MailAdminView };
  'mailbox.reply': { message: MailAdminView };
  'mailbox.close': { message: MailAdminView; already?: boolean };
}
