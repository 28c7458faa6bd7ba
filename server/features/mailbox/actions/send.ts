import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { localDayKey, localInstant } from '../../../../src/core/time';
import { assertCleanText } from '../../../kernel/content';
import { member } from '../../../kernel/context';
import { newId } from '../../../kernel/ids';
import type { MailDoc } from '../collections';
import type { Ctx } from '../ctx';
import { newReceiptCode, receiptHash } from '../receipt';
import { senderView } from '../views';

/**
 * A message to the office. Anonymous: nothing of the caller is written — no staffId, openid, name or
 * department, a random `_id` (kernel/ids.ts), the local day alone as its time (a precise time would
 * line it up with the sender's other writes), only the hash of the receipt code. The action is a
 * member action, so the router writes no audit line for it either, whoever sends.
 */
export async function mailboxSend(input: ParsedInput<'mailbox.send'>, ctx: Ctx): Promise<ActionOutput<'mailbox.send'>> {
  const me = member(ctx);
  await assertCleanText(ctx, 'subject', input.subject);
  await assertCleanText(ctx, 'body', input.body);
  const now = ctx.clock.now();
  const base = { _id: newId(), subject: input.subject, body: input.body, category: input.category, replies: [] };

  if (input.anonymous) {
    const { timeZone } = await ctx.settings();
    // The instant the local day began, in the same UTC form as every other time, so lists sort alike.
    const day = localInstant(localDayKey(now, timeZone), '00:00', timeZone).toISOString();
    const code = newReceiptCode();
    const doc: MailDoc = {
      ...base,
      anonymous: true,
      staffId: null,
      staffName: null,
      department: null,
      codeHash: receiptHash(code),
      status: 'open',
      createdAt: day,
      updatedAt: day,
    };
    await ctx.store.collection('mailbox').insert(doc);
    return { message: senderView(doc), code };
  }

  const at = now.toISOString();
  const doc: MailDoc = {
    ...base,
    anonymous: false,
    staffId: me._id,
    staffName: me.name,
    department: me.department,
    codeHash: null,
    status: 'open',
    createdAt: at,
    updatedAt: at,
  };
  await ctx.store.collection('mailbox').insert(doc);
  return { message: senderView(doc) };
}
