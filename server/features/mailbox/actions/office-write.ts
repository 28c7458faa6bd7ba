import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { ruleError } from '../../../../src/core/errors';
import { mailboxLink, MAIL_REPLIES_MAX } from '../../../../src/core/mailbox/rules';
import { assertCleanText } from '../../../kernel/content';
import { member } from '../../../kernel/context';
import { notify } from '../../inbox';
import type { MailReply } from '../collections';
import type { Ctx } from '../ctx';
import { adminView } from '../views';
import { loadMail } from './office-read';

/**
 * The office answers. The write is conditional on the message not being closed, so a reply racing a
 * 办结 either lands before it or is refused (`closed`). A named sender hears of it in the inbox; an
 * anonymous one has no inbox to reach and reads it with the receipt code.
 */
export async function mailboxReply(
  input: ParsedInput<'mailbox.reply'>,
  ctx: Ctx,
): Promise<ActionOutput<'mailbox.reply'>> {
  const admin = member(ctx);
  ctx.auditTarget(`messageId:${input.messageId}`);
  const doc = await loadMail(ctx, input.messageId);
  if (doc.status === 'closed') throw ruleError('closed', '该来信已办结，不能再答复');
  if (doc.replies.length >= MAIL_REPLIES_MAX) {
    throw ruleError('replyLimit', `每封来信最多答复 ${MAIL_REPLIES_MAX} 次，请办结后另行沟通`);
  }
  await assertCleanText(ctx, 'body', input.body);
  const at = ctx.clock.now().toISOString();
  const reply: MailReply = { body: input.body, at, byId: admin._id, byName: admin.name };
  const mailbox = ctx.store.collection('mailbox');
  const matched = await mailbox.update(
    { _id: doc._id, status: { ne: 'closed' } },
    { set: { status: 'replied', updatedAt: at }, push: { replies: reply } },
  );
  if (matched === 0) throw ruleError('closed', '该来信已办结，不能再答复');
  if (!doc.anonymous && doc.staffId) {
    await notify(
      ctx.store,
      {
        staffId: doc.staffId,
        kind: 'mailbox.replied',
        title: '您的来信已有答复',
        body: `办公室答复了您的来信“${doc.subject}”，请到投诉建议中查看。`,
        link: mailboxLink(),
      },
      ctx.clock.now(),
    );
  }
  return { message: adminView(await loadMail(ctx, doc._id)) };
}

/** 办结: no more replies. Repeating it changes nothing and says `already`. */
export async function mailboxClose(
  input: ParsedInput<'mailbox.close'>,
  ctx: Ctx,
): Promise<ActionOutput<'mailbox.close'>> {
  ctx.auditTarget(`messageId:${input.messageId}`);
  const doc = await loadMail(ctx, input.messageId);
  if (doc.status === 'closed') return { message: adminView(doc), already: true };
  const at = ctx.clock.now().toISOString();
  const matched = await ctx.store
    .collection('mailbox')
    .update({ _id: doc._id, status: { ne: 'closed' } }, { set: { status: 'closed', updatedAt: at } });
  const now = await loadMail(ctx, doc._id);
  return matched === 0 ? { message: adminView(now), already: true } : { message: adminView(now) };
}
