import { AppError } from '../../../src/core/errors';
import { addDays, type DayKey } from '../../../src/core/time';
import { readWorkdays } from '../settings';
import type { HonorStore, Ctx } from './ctx';
import { isDuplicate } from '../../store/port';
import { type HonorNominationDoc, type HonorRoundDoc, TALLY_SHARDS } from './collections';
import { isAdmin } from './views';

/** A round the caller may see: drafts are the admins' own work in progress. */
export async function loadRound(ctx: Ctx, roundId: string): Promise<HonorRoundDoc> {
  const round = await ctx.store.collection('honorRounds').get(roundId);
  if (!round || (round.phase === 'draft' && !isAdmin(ctx))) throw new AppError('NOT_FOUND', '找不到该评选');
  return round;
}

export async function loadNomination(ctx: Ctx, nominationId: string): Promise<HonorNominationDoc> {
  const doc = await ctx.store.collection('honorNominations').get(nominationId);
  if (!doc) throw new AppError('NOT_FOUND', '找不到该推荐');
  return doc;
}

/** Every nomination of a round: bounded by the roster (a nominee appears once per round). */
export function roundNominations(store: HonorStore, roundId: string): Promise<HonorNominationDoc[]> {
  return store.collection('honorNominations').find({ roundId }, { sort: { createdAt: 1 }, limit: 1000 });
}

/**
 * The counters a candidate's votes go to (TALLY_SHARDS of them). Created when a nomination is
 * approved, so that during voting the set of counters is fixed and a ballot only ever increments
 * existing documents. A candidate with a tally from before shards keeps it.
 */
export async function ensureTally(store: HonorStore, nomination: HonorNominationDoc): Promise<void> {
  const tallies = store.collection('honorTallies');
  const existing = await tallies.find({ nominationId: nomination._id }, { limit: TALLY_SHARDS + 1 });
  if (existing.some((t) => t.shard === undefined)) return;
  const made = new Set(existing.map((t) => t.shard));
  for (let shard = 0; shard < TALLY_SHARDS; shard += 1) {
    if (made.has(shard)) continue;
    try {
      await tallies.insert({
        _id: `${nomination._id}:${shard}`,
        roundId: nomination.roundId,
        nominationId: nomination._id,
        shard,
        votes: 0,
      });
    } catch (error) {
      if (!isDuplicate(error)) throw error;
    }
  }
}

/**
 * Workdays from the unit's calendar (its entries over the official schedule over Monday–Friday), for
 * the months from `from` on: enough for the longest publicity (30 workdays) around any holiday season.
 */
export function workdayLookup(store: HonorStore, from: DayKey, months = 7): Promise<(day: DayKey) => boolean> {
  return readWorkdays(store, from, addDays(from, months * 31));
}

/**
 * Moves a round from the phase it was read in: a concurrent move by another admin wins, and this one
 * then reports the round as it now is rather than overwriting it.
 */
export async function movePhase(
  ctx: Ctx,
  round: HonorRoundDoc,
  set: Partial<Omit<HonorRoundDoc, '_id'>> & Pick<HonorRoundDoc, 'phase'>,
): Promise<HonorRoundDoc> {
  const updatedAt = ctx.clock.now().toISOString();
  const rounds = ctx.store.collection('honorRounds');
  const matched = await rounds.update({ _id: round._id, phase: round.phase }, { set: { ...set, updatedAt } });
  if (matched === 0) throw new AppError('CONFLICT', '评选状态刚被其他管理员更改，请刷新后重试');
  ctx.auditTarget(`honorRound:${round._id}:${round.phase}->${set.phase}`);
  return { ...round, ...set, updatedAt };
}
