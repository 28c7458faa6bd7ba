import { ruleError } from '../../src/core/errors';
import type { Caller, ContentCheck } from './context';

/**
 * Every free text written by staff passes the content check before it is stored (DESIGN.md §5).
 * A refusal is `RULE` with `details.rule = 'content'` and the field, so the form can point at it.
 */
export async function assertCleanText(
  ctx: { contentCheck: ContentCheck; caller: Caller },
  field: string,
  text: string | undefined,
): Promise<void> {
  if (!text || text.trim() === '') return;
  const reason = await ctx.contentCheck.check(text, ctx.caller.openid);
  if (reason) throw ruleError('content', reason, { field });
}
