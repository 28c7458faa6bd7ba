import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { MAIL_PAGE_SIZE } from '../../../../src/core/mailbox/rules';
import { member } from '../../../kernel/context';
import type { Ctx } from '../ctx';
import { senderView } from '../views';

/** My named messages with their replies, newest first. Anonymous ones carry no staffId: never here. */
export async function mailboxMine(input: ParsedInput<'mailbox.mine'>, ctx: Ctx): Promise<ActionOutput<'mailbox.mine'>> {
  const staffId = member(ctx)._id;
  const mailbox = ctx.store.collection('mailbox');
  const page = input.page ?? 1;
  const [docs, total] = await Promise.all([
    mailbox.find(
      { staffId },
      { sort: { createdAt: -1, _id: 1 }, skip: (page - 1) * MAIL_PAGE_SIZE, limit: MAIL_PAGE_SIZE },
    ),
    mailbox.count({ staffId }),
  ]);
  return { items: docs.map(senderView), total, page, pageSize: MAIL_PAGE_SIZE };
}
