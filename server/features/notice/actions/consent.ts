import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { MAX_CREDITS, NOTICE_KEYS, type NoticeStatus } from '../../../../src/core/notice';
import { member } from '../../../kernel/context';
import { isDuplicate } from '../../../store/port';
import type { Ctx } from '../ctx';
import { creditId } from '../deliver';

/** Per template: configured or not, and what the caller has left. Two reads of the caller's own credits. */
async function status(ctx: Ctx): Promise<NoticeStatus> {
  const settings = await ctx.settings();
  const staffId = member(ctx)._id;
  const docs = await ctx.store
    .collection('noticeCredits')
    .find({ _id: { in: NOTICE_KEYS.map((key) => creditId(staffId, key)) } }, { limit: NOTICE_KEYS.length });
  return {
    templates: NOTICE_KEYS.map((key) => {
      const templateId = settings.subscribe[key].templateId;
      return {
        key,
        templateId: templateId === '' ? null : templateId,
        credits: docs.find((d) => d.key === key)?.credits ?? 0,
      };
    }),
  };
}

export async function noticeStatus(
  _input: ParsedInput<'notice.status'>,
  ctx: Ctx,
): Promise<ActionOutput<'notice.status'>> {
  return status(ctx);
}

/**
 * What WeChat's consent dialog answered: one credit per accepted template (WeChat's rule: one
 * one-time consent allows one message), up to MAX_CREDITS. Ids the unit has not configured (a
 * template changed since the page loaded) count for nothing.
 */
export async function noticeConsent(
  input: ParsedInput<'notice.consent'>,
  ctx: Ctx,
): Promise<ActionOutput<'notice.consent'>> {
  const settings = await ctx.settings();
  const staffId = member(ctx)._id;
  const at = ctx.clock.now().toISOString();
  const credits = ctx.store.collection('noticeCredits');
  for (const key of NOTICE_KEYS) {
    const templateId = settings.subscribe[key].templateId;
    if (templateId === '' || !input.accepted.includes(templateId)) continue;
    const id = creditId(staffId, key);
    const added = await credits.update(
      { _id: id, credits: { lt: MAX_CREDITS } },
      { inc: { credits: 1 }, set: { updatedAt: at } },
    );
    if (added === 1 || (await credits.get(id))) continue;
    try {
      await credits.insert({ _id: id, staffId, key, credits: 1, updatedAt: at });
    } catch (error) {
      // A second tap of the same dialog got there first: its credit is the one given.
      if (!isDuplicate(error)) throw error;
    }
  }
  return status(ctx);
}
