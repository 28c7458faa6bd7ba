import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { AppError } from '../../../../src/core/errors';
import { member } from '../../../kernel/context';
import type { Ctx } from '../ctx';
import { inboxItem } from '../notify';

const PAGE_SIZE = 20;

export async function inboxList(input: ParsedInput<'inbox.list'>, ctx: Ctx): Promise<ActionOutput<'inbox.list'>> {
  const staffId = member(ctx)._id;
  const inbox = ctx.store.collection('inbox');
  const page = input.page ?? 1;
  const filter = input.unreadOnly ? { staffId, readAt: null } : { staffId };
  const [docs, total, unread] = await Promise.all([
    inbox.find(filter, { sort: { createdAt: -1 }, skip: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    inbox.count(filter),
    inbox.count({ staffId, readAt: null }),
  ]);
  return { items: docs.map(inboxItem), total, unread, page, pageSize: PAGE_SIZE };
}

export async function inboxRead(input: ParsedInput<'inbox.read'>, ctx: Ctx): Promise<ActionOutput<'inbox.read'>> {
  const inbox = ctx.store.collection('inbox');
  const doc = await inbox.get(input.messageId);
  // Someone else's notice is reported as missing: ids must not confirm what others receive.
  if (!doc || doc.staffId !== member(ctx)._id) throw new AppError('NOT_FOUND', '找不到该消息');
  if (doc.readAt !== null) return { message: inboxItem(doc), already: true };
  const readAt = ctx.clock.now().toISOString();
  await inbox.update({ _id: doc._id, readAt: null }, { set: { readAt } });
  return { message: inboxItem({ ...doc, readAt }) };
}
