import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { AppError } from '../../../../src/core/errors';
import type { Ctx } from '../ctx';
import { limitedLookup } from '../lookup-limit';
import { receiptHash } from '../receipt';
import { senderView } from '../views';

/** The anonymous sender reads their message and its replies with the receipt code (rate-limited). */
export async function mailboxLookup(
  input: ParsedInput<'mailbox.lookup'>,
  ctx: Ctx,
): Promise<ActionOutput<'mailbox.lookup'>> {
  return limitedLookup(ctx, async (failed) => {
    const codeHash = receiptHash(input.code);
    const [doc] = await ctx.store.collection('mailbox').find({ codeHash, anonymous: true }, { limit: 1 });
    if (!doc) {
      const remaining = failed();
      throw new AppError(
        'NOT_FOUND',
        remaining > 0
          ? `回执码不正确，请核对后重试（还可尝试 ${remaining} 次）`
          : '回执码不正确，尝试次数已用完，请 1 小时后再试',
        { remaining },
      );
    }
    return { message: senderView(doc) };
  });
}
