import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { ballotProblem } from '../../../../src/core/honor/rules';
import { AppError, ruleError } from '../../../../src/core/errors';
import { member } from '../../../kernel/context';
import type { Ctx } from '../ctx';
import { ensureTally, loadRound } from '../rounds';
import { newId } from '../../../kernel/ids';
import { isDuplicate } from '../../../store/port';
import type { HonorRoundDoc, HonorTallyDoc } from '../collections';
import { roundView } from '../views';

/**
 * The secret ballot (DESIGN.md §5). What is stored:
 * - `honorVoters`: { random _id, roundId, staffId } — that this person voted; no time, no ballot id,
 *   no choice. Its unique key (roundId, staffId) makes the ballot final under any concurrency.
 * - `honorTallies`: one counter per candidate, incremented in place; no time, no voter, no list of
 *   increments. The round itself is not touched (its updatedAt would date the ballot).
 * Nothing joins the two: no ballot document, no audit entry (`honor.vote` is not an audited def), no
 * notice, no log line, and the answer carries only how many were chosen.
 *
 * Marker and counters are written in one transaction, the marker first: a second ballot fails on the
 * marker's unique key before any counter moves, and a crash or failed commit leaves neither, so the
 * voter may simply try again. Were the engine to give up atomicity (e.g. a commit lost half-way), the
 * order still means the worst outcome is a ballot not counted, never a person counted twice — a
 * trade chosen on purpose, because a double vote is undetectable afterwards while the tallies' total
 * can always be checked against the number of voters times the choices they were allowed.
 *
 * What no document-level design can hide: the engine's own write log (SQLite's WAL until it is
 * checkpointed, the database service's oplog) sees the marker and the counters in one commit. Neither
 * is readable through the app, and neither is part of the stored documents.
 */
export async function honorVote(input: ParsedInput<'honor.vote'>, ctx: Ctx): Promise<ActionOutput<'honor.vote'>> {
  const me = member(ctx);
  const round = await loadRound(ctx, input.roundId);
  if (round.phase !== 'voting') throw ruleError('phase', '当前不在投票阶段');
  if (ctx.clock.now().getTime() >= Date.parse(round.voteUntil)) throw ruleError('voteClosed', '投票已截止');
  const candidates = await ctx.store
    .collection('honorNominations')
    .find({ roundId: round._id, status: 'approved' }, { limit: 1000 });
  const problem = ballotProblem(input.nominationIds, {
    ballotSize: round.ballotSize,
    candidates: candidates.map((c) => ({ id: c._id, nomineeStaffId: c.nomineeStaffId })),
    selfStaffId: me._id,
  });
  if (problem) throw ruleError(problem.rule, problem.message);
  const voters = ctx.store.collection('honorVoters');
  if ((await voters.count({ roundId: round._id, staffId: me._id })) > 0) throw alreadyVoted();

  const tallyIds = await talliesFor(ctx, round, input.nominationIds);
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.collection('honorVoters').insert({ _id: newId(), roundId: round._id, staffId: me._id });
      for (const _id of tallyIds) {
        if ((await tx.collection('honorTallies').update({ _id }, { inc: { votes: 1 } })) !== 1) {
          throw new Error('a tally counter vanished during a ballot');
        }
      }
    });
  } catch (error) {
    if (isDuplicate(error)) throw alreadyVoted();
    throw error;
  }
  return { round: await roundView(ctx, round), chosen: input.nominationIds.length };
}

function alreadyVoted(): AppError {
  return new AppError('CONFLICT', '您已投过票，选票提交后不可更改');
}

/** The counters of the chosen candidates; created at approval, made here if one is missing. */
async function talliesFor(ctx: Ctx, round: HonorRoundDoc, nominationIds: readonly string[]): Promise<string[]> {
  const read = () => ctx.store.collection('honorTallies').find({ roundId: round._id }, { limit: 1000 });
  let byNomination = new Map((await read()).map((t) => [t.nominationId, t._id]));
  const missing = nominationIds.filter((id) => !byNomination.has(id));
  if (missing.length > 0) {
    const nominations = ctx.store.collection('honorNominations');
    for (const id of missing) {
      const doc = await nominations.get(id);
      if (doc) await ensureTally(ctx.store, doc);
    }
    byNomination = new Map((await read()).map((t) => [t.nominationId, t._id]));
  }
  return nominationIds.map((id) => {
    const tally = byNomination.get(id);
    if (!tally) throw new Error(`no tally for nomination ${id}`);
    return tally;
  });
}

export async function tallyMap(ctx: Ctx, roundId: string): Promise<Map<string, HonorTallyDoc>> {
  const docs = await ctx.store.collection('honorTallies').find({ roundId }, { limit: 1000 });
  return new Map(docs.map((t) => [t.nominationId, t]));
}
