import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { AppError, ruleError } from '../../../../src/core/errors';
import type { Ctx } from '../ctx';
import { loadRound } from '../rounds';
import { roundView } from '../views';

const BEFORE_VOTING = ['draft', 'nominating', 'reviewing'];

/**
 * New deadlines for a round whose vote has not opened. The nomination deadline moves only while
 * nominations are still open; both must lie ahead, and voting must close after nominating does.
 */
export async function honorRoundUpdate(
  input: ParsedInput<'honor.round.update'>,
  ctx: Ctx,
): Promise<ActionOutput<'honor.round.update'>> {
  const round = await loadRound(ctx, input.roundId);
  if (!BEFORE_VOTING.includes(round.phase)) throw ruleError('phase', '投票开始后不能再修改截止时间');
  const now = ctx.clock.now().getTime();
  if (input.nominateUntil !== undefined) {
    if (round.phase === 'reviewing') throw ruleError('phase', '推荐已结束，不能再修改推荐截止时间');
    if (Date.parse(input.nominateUntil) <= now) {
      throw ruleError('deadline', '推荐截止时间应晚于当前时间', { field: 'nominateUntil' });
    }
  }
  if (input.voteUntil !== undefined && Date.parse(input.voteUntil) <= now) {
    throw ruleError('deadline', '投票截止时间应晚于当前时间', { field: 'voteUntil' });
  }
  const nominateUntil = input.nominateUntil ?? round.nominateUntil;
  const voteUntil = input.voteUntil ?? round.voteUntil;
  if (Date.parse(voteUntil) <= Date.parse(nominateUntil)) {
    const message = '投票截止时间应晚于推荐截止时间';
    throw new AppError('INVALID_INPUT', message, { fields: [{ field: 'voteUntil', message }] });
  }
  const updatedAt = ctx.clock.now().toISOString();
  // Conditional on the phase read above: a move that happened meanwhile wins, this change does not.
  const matched = await ctx.store
    .collection('honorRounds')
    .update({ _id: round._id, phase: round.phase }, { set: { nominateUntil, voteUntil, updatedAt } });
  if (matched === 0) throw new AppError('CONFLICT', '评选阶段刚刚发生变化，请刷新后再试');
  ctx.auditTarget(`honorRound:${round._id}`);
  return { round: await roundView(ctx, { ...round, nominateUntil, voteUntil, updatedAt }) };
}
