import { ruleError } from '../../src/core/errors';
import { matchingForm } from '../../src/core/text';
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
  // Checked in its matching form: invisible characters cannot split a word, nor can full-width letters.
  const reason = await ctx.contentCheck.check(matchingForm(text), ctx.caller.openid);
  if (reason) throw ruleError('content', reason, { field });
}
