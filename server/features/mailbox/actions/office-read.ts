import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { AppError } from '../../../../src/core/errors';
import { MAIL_PAGE_SIZE } from '../../../../src/core/mailbox/rules';
import type { MailDoc } from '../collections';
import type { Ctx } from '../ctx';
import { adminView, summaryView } from '../views';

/** The office's list, newest first, by status; anonymous rows read 匿名. */
export async function mailboxList(input: ParsedInput<'mailbox.list'>, ctx: Ctx): Promise<ActionOutput<'mailbox.list'>> {
  const mailbox = ctx.store.collection('mailbox');
  const page = input.page ?? 1;
  const filter = input.status ? { status: input.status } : {};
  const [docs, total] = await Promise.all([
    // `_id` breaks ties: anonymous messages of one day share a time, and random ids keep their order meaningless.
    mailbox.find(filter, { sort: { createdAt: -1, _id: 1 }, skip: (page - 1) * MAIL_PAGE_SIZE, limit: MAIL_PAGE_SIZE }),
    mailbox.count(filter),
  ]);
  return { items: docs.map(summaryView), total, page, pageSize: MAIL_PAGE_SIZE };
}

export async function mailboxGet(input: ParsedInput<'mailbox.get'>, ctx: Ctx): Promise<ActionOutput<'mailbox.get'>> {
  return { message: adminView(await loadMail(ctx, input.messageId)) };
}

export async function loadMail(ctx: Ctx, messageId: string): Promise<MailDoc> {
  const doc = await ctx.store.collection('mailbox').get(messageId);
  if (!doc) throw new AppError('NOT_FOUND', '找不到该来信');
  return doc;
}
