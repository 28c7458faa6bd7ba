import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { ballotProblem } from '../../../../src/core/honor/rules';
import { AppError, ruleError } from '../../../../src/core/errors';
import { member } from '../../../kernel/context';
import type { Ctx } from '../ctx';
import { ensureTally, loadRound } from '../rounds';
import { newId } from '../../../kernel/ids';
import { isDuplicate } from '../../../store/port';
import type { HonorRoundDoc } from '../collections';
import { findAll } from '../../../kernel/paging';
import { randomInt } from 'node:crypto';
import { roundView } from '../views';

/**
 * The secret ballot (DESIGN.md §5). What is stored:
 * - `honorVoters`: { random _id, roundId, staffId } — that this person voted; no time, no ballot id,
 *   no choice. Its unique key (roundId, staffId) makes the ballot final under any concurrency.
 * - `honorTallies`: counters per candidate, incremented in place; no time, no voter, no list of
 *   increments. Each candidate has TALLY_SHARDS of them and a ballot adds to one chosen at random,
 *   so that simultaneous ballots seldom meet on one document; counts sum the shards. The round
 *   itself is not touched (its updatedAt would date the ballot).
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

/** One counter (a random shard) of each chosen candidate; created at approval, made here if missing. */
async function talliesFor(ctx: Ctx, round: HonorRoundDoc, nominationIds: readonly string[]): Promise<string[]> {
  const read = async () => {
    const byNomination = new Map<string, string[]>();
    for (const t of await findAll(ctx.store.collection('honorTallies'), { roundId: round._id })) {
      byNomination.set(t.nominationId, [...(byNomination.get(t.nominationId) ?? []), t._id]);
    }
    return byNomination;
  };
  let byNomination = await read();
  const missing = nominationIds.filter((id) => !byNomination.has(id));
  if (missing.length > 0) {
    const nominations = ctx.store.collection('honorNominations');
    for (const id of missing) {
      const doc = await nominations.get(id);
      if (doc) await ensureTally(ctx.store, doc);
    }
    byNomination = await read();
  }
  return nominationIds.map((id) => {
    const shards = byNomination.get(id);
    if (!shards) throw new Error(`no tally for nomination ${id}`);
    return shards[randomInt(shards.length)];
  });
}

/** Votes per nomination of a round: the sum of its shards. */
export async function tallyMap(ctx: Ctx, roundId: string): Promise<Map<string, number>> {
  const votes = new Map<string, number>();
  for (const t of await findAll(ctx.store.collection('honorTallies'), { roundId })) {
    votes.set(t.nominationId, (votes.get(t.nominationId) ?? 0) + t.votes);
  }
  return votes;
}
