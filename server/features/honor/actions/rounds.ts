import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import {
  DEFAULT_BALLOT_SIZE,
  DEFAULT_CATEGORIES,
  DEFAULT_PUBLICITY_DAYS,
  phaseMoveProblem,
  publicityWindow,
} from '../../../../src/core/honor/rules';
import { ruleError } from '../../../../src/core/errors';
import { addDays, localDayKey, localInstant } from '../../../../src/core/time';
import { assertCleanText } from '../../../kernel/content';
import { member } from '../../../kernel/context';
import type { Ctx } from '../ctx';
import { loadRound, movePhase, roundNominations, ensureTally, workdayLookup } from '../rounds';
import { isAdmin, roundView } from '../views';
import { newId } from '../../../kernel/ids';
import { notifyAll } from '../../inbox';
import type { HonorRoundDoc } from '../collections';

const HONOR_LINK = '/pages/honor/index';
const ACTIVE = ['nominating', 'reviewing', 'voting', 'publicity'];
const LIST_LIMIT = 50;

export async function honorRoundCreate(
  input: ParsedInput<'honor.round.create'>,
  ctx: Ctx,
): Promise<ActionOutput<'honor.round.create'>> {
  const now = ctx.clock.now();
  if (Date.parse(input.nominateUntil) <= now.getTime()) {
    throw ruleError('deadline', '推荐截止时间应晚于当前时间', { field: 'nominateUntil' });
  }
  // Title and categories are shown to every member: free text like any other (DESIGN.md §5).
  await assertCleanText(ctx, 'title', input.title);
  for (const category of input.categories ?? []) await assertCleanText(ctx, 'categories', category);
  const at = now.toISOString();
  const doc: HonorRoundDoc = {
    _id: newId(),
    title: input.title,
    categories: input.categories ?? [...DEFAULT_CATEGORIES],
    ballotSize: input.ballotSize ?? DEFAULT_BALLOT_SIZE,
    publicityDays: input.publicityDays ?? DEFAULT_PUBLICITY_DAYS,
    nominateUntil: input.nominateUntil,
    voteUntil: input.voteUntil,
    phase: 'draft',
    nominationCount: 0,
    candidateCount: 0,
    createdAt: at,
    createdBy: member(ctx)._id,
    updatedAt: at,
  };
  await ctx.store.collection('honorRounds').insert(doc);
  ctx.auditTarget(`honorRound:${doc._id}`);
  return { round: await roundView(ctx, doc) };
}

/**
 * Explicit, checked moves (DESIGN.md §5). Beyond the order: nominations open only before their
 * deadline; voting opens only with every nomination reviewed, at least one candidate and time left
 * to vote; publication waits for the end of publicity, since cutting it short would take away the
 * days for objections that the announcement promised.
 */
export async function honorRoundAdvance(
  input: ParsedInput<'honor.round.advance'>,
  ctx: Ctx,
): Promise<ActionOutput<'honor.round.advance'>> {
  const round = await loadRound(ctx, input.roundId);
  if (round.phase === input.to) return { round: await roundView(ctx, round), already: true };
  const problem = phaseMoveProblem(round.phase, input.to);
  if (problem) throw ruleError(problem.rule, problem.message, { from: round.phase, to: input.to });
  const now = ctx.clock.now();

  if (input.to === 'nominating' && now.getTime() >= Date.parse(round.nominateUntil)) {
    throw ruleError('deadline', '推荐截止时间已过，无法开始推荐；请取消本轮并重新创建');
  }
  if (input.to === 'voting') {
    const nominations = await roundNominations(ctx.store, round._id);
    const pending = nominations.filter((n) => n.status === 'pending').length;
    if (pending > 0) throw ruleError('pendingReview', `还有 ${pending} 条推荐未审核，审核完毕后才能开始投票`);
    const candidates = nominations.filter((n) => n.status === 'approved');
    if (candidates.length === 0) throw ruleError('noCandidates', '没有审核通过的候选人，无法开始投票');
    if (now.getTime() >= Date.parse(round.voteUntil)) {
      throw ruleError('deadline', '投票截止时间已过，无法开始投票；请取消本轮并重新创建');
    }
    for (const c of candidates) await ensureTally(ctx.store, c);
  }
  if (input.to === 'published') {
    if (!round.publicityEndsAt || now.getTime() < Date.parse(round.publicityEndsAt)) {
      throw ruleError('publicityRunning', `公示期至 ${round.publicityEnd ?? ''} 结束，结束后才能发布`);
    }
    const { timeZone } = await ctx.settings();
    const moved = await movePhase(ctx, round, {
      phase: 'published',
      publishedAt: now.toISOString(),
      year: Number(localDayKey(now, timeZone).slice(0, 4)),
    });
    await notifyAll(
      ctx.store,
      (moved.winnerStaffIds ?? []).map((staffId) => ({
        staffId,
        kind: 'honor.published',
        title: '好人榜发布',
        body: `“${round.title}”评选结果已发布，您已登上好人榜。`,
        link: HONOR_LINK,
      })),
      now,
    );
    return { round: await roundView(ctx, moved) };
  }
  return { round: await roundView(ctx, await movePhase(ctx, round, { phase: input.to })) };
}

export async function honorSelect(input: ParsedInput<'honor.select'>, ctx: Ctx): Promise<ActionOutput<'honor.select'>> {
  const round = await loadRound(ctx, input.roundId);
  const wanted = [...input.nominationIds].sort();
  if (round.phase === 'publicity' && JSON.stringify([...(round.winnerIds ?? [])].sort()) === JSON.stringify(wanted)) {
    return { round: await roundView(ctx, round), already: true };
  }
  if (round.phase !== 'voting') throw ruleError('phase', '只能在投票结束后、公示前确定入选名单');
  const now = ctx.clock.now();
  if (now.getTime() < Date.parse(round.voteUntil)) {
    throw ruleError('votingOpen', '投票尚未截止，截止后才能确定入选名单');
  }
  const nominations = new Map((await roundNominations(ctx.store, round._id)).map((n) => [n._id, n]));
  const winners = input.nominationIds.map((id) => nominations.get(id));
  if (winners.some((n) => n === undefined || n.status !== 'approved')) {
    throw ruleError('notCandidate', '入选人员必须是本轮审核通过的候选人');
  }
  const { timeZone } = await ctx.settings();
  const today = localDayKey(now, timeZone);
  const window = publicityWindow(today, round.publicityDays, await workdayLookup(ctx.store, today));
  const winnerStaffIds = winners.map((n) => n!.nomineeStaffId);
  const moved = await movePhase(ctx, round, {
    phase: 'publicity',
    winnerIds: input.nominationIds,
    winnerStaffIds,
    publicityStart: window.start,
    publicityEnd: window.end,
    publicityEndsAt: localInstant(addDays(window.end, 1), '00:00', timeZone).toISOString(),
  });
  await notifyAll(
    ctx.store,
    winnerStaffIds.map((staffId) => ({
      staffId,
      kind: 'honor.selected',
      title: '入选好人榜公示',
      body: `您已入选“${round.title}”，公示期 ${window.start} 至 ${window.end}。`,
      link: HONOR_LINK,
    })),
    now,
  );
  return { round: await roundView(ctx, moved) };
}

export async function honorRoundList(
  _input: ParsedInput<'honor.round.list'>,
  ctx: Ctx,
): Promise<ActionOutput<'honor.round.list'>> {
  const rounds = ctx.store.collection('honorRounds');
  const docs = await rounds.find(isAdmin(ctx) ? {} : { phase: { ne: 'draft' } }, {
    sort: { createdAt: -1 },
    limit: LIST_LIMIT,
  });
  const items = await Promise.all(docs.map((d) => roundView(ctx, d)));
  const current = docs.find((d) => ACTIVE.includes(d.phase));
  return { items, currentId: current?._id ?? null };
}

export async function honorRoundGet(
  input: ParsedInput<'honor.round.get'>,
  ctx: Ctx,
): Promise<ActionOutput<'honor.round.get'>> {
  return { round: await roundView(ctx, await loadRound(ctx, input.roundId)) };
}
