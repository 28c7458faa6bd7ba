import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import type { HonorBoardRound } from '../../../../src/core/honor/contract';
import type { HonorPhase } from '../../../../src/core/honor/rules';
import { ruleError } from '../../../../src/core/errors';
import { localDayKey } from '../../../../src/core/time';
import { assertCleanText } from '../../../kernel/content';
import { member } from '../../../kernel/context';
import type { Ctx } from '../ctx';
import { loadRound, roundNominations } from '../rounds';
import { byStaffNo, isAdmin, nominationView, objectionView, roundView, viewerOf } from '../views';
import { newId } from '../../../kernel/ids';
import { notifyAll } from '../../inbox';
import { rosterWhere } from '../../people';
import { isDuplicate } from '../../../store/port';
import type { HonorNominationDoc, HonorObjectionDoc } from '../collections';
import { tallyMap } from './vote';

export async function honorObject(input: ParsedInput<'honor.object'>, ctx: Ctx): Promise<ActionOutput<'honor.object'>> {
  const me = member(ctx);
  const round = await loadRound(ctx, input.roundId);
  ctx.auditTarget(`honorRound:${round._id}`);
  if (round.phase !== 'publicity') throw ruleError('phase', '只能在公示期内提出异议');
  if (!round.publicityEndsAt || ctx.clock.now().getTime() >= Date.parse(round.publicityEndsAt)) {
    throw ruleError('publicityOver', '公示期已结束');
  }
  if (!(round.winnerIds ?? []).includes(input.nominationId)) {
    throw ruleError('notHonoree', '只能对公示名单中的人员提出异议');
  }
  const objections = ctx.store.collection('honorObjections');
  const mine = async () =>
    (await objections.find({ nominationId: input.nominationId, staffId: me._id }, { limit: 1 }))[0];
  const earlier = await mine();
  if (earlier) return { objection: plain(earlier), already: true };
  await assertCleanText(ctx, 'text', input.text);
  const doc: HonorObjectionDoc = {
    _id: newId(),
    roundId: round._id,
    nominationId: input.nominationId,
    staffId: me._id,
    staffName: me.name,
    staffDepartment: me.department,
    text: input.text,
    createdAt: ctx.clock.now().toISOString(),
  };
  try {
    await objections.insert(doc);
  } catch (error) {
    const first = isDuplicate(error) ? await mine() : undefined;
    if (!first) throw error;
    return { objection: plain(first), already: true };
  }
  const admins = (await rosterWhere(ctx.store, { active: true })).filter((s) => s.roles.includes('admin'));
  await notifyAll(
    ctx.store,
    admins.map((a) => ({
      staffId: a._id,
      kind: 'honor.objection',
      title: '收到公示异议',
      body: `“${round.title}”公示期间收到一条异议，请在评选管理中查看。`,
    })),
    ctx.clock.now(),
  );
  return { objection: plain(doc) };
}

function plain(doc: HonorObjectionDoc) {
  const { by: _by, ...rest } = objectionView(doc);
  return rest;
}

const TALLY_PHASES: readonly HonorPhase[] = ['voting', 'publicity', 'published', 'cancelled'];

/** Tallies: for admins once voting has closed, for everyone once the round is published. */
export async function honorResults(
  input: ParsedInput<'honor.results'>,
  ctx: Ctx,
): Promise<ActionOutput<'honor.results'>> {
  const round = await loadRound(ctx, input.roundId);
  const closed = TALLY_PHASES.includes(round.phase) && ctx.clock.now().getTime() >= Date.parse(round.voteUntil);
  if (round.phase !== 'published' && !(isAdmin(ctx) && closed)) {
    throw ruleError('tallyHidden', isAdmin(ctx) ? '投票截止后才能查看计票结果' : '评选结果发布后才能查看计票结果');
  }
  const [nominations, tallies, viewer, ballots, eligible] = await Promise.all([
    roundNominations(ctx.store, round._id),
    tallyMap(ctx, round._id),
    viewerOf(ctx, round),
    ctx.store.collection('honorVoters').count({ roundId: round._id }),
    ctx.store.collection('staff').count({ active: true }),
  ]);
  const winners = new Set(round.winnerIds ?? []);
  const items = nominations
    .filter((n) => n.status === 'approved')
    .sort(byStaffNo)
    .map((n) => ({
      nomination: nominationView(n, viewer),
      votes: tallies.get(n._id) ?? 0,
      winner: winners.has(n._id),
    }))
    .sort((a, b) => b.votes - a.votes);
  return { round: await roundView(ctx, round), ballots, eligible, items };
}

/** The board: published honorees of one year, newest round first, with category and deeds. */
export async function honorBoard(input: ParsedInput<'honor.board'>, ctx: Ctx): Promise<ActionOutput<'honor.board'>> {
  const rounds = ctx.store.collection('honorRounds');
  const published = await rounds.find({ phase: 'published' }, { sort: { publishedAt: -1 }, limit: 1000 });
  const years = [...new Set(published.map((r) => r.year).filter((y): y is number => y !== undefined))].sort(
    (a, b) => b - a,
  );
  const { timeZone } = await ctx.settings();
  const year = input.year ?? years[0] ?? Number(localDayKey(ctx.clock.now(), timeZone).slice(0, 4));
  const nominations = ctx.store.collection('honorNominations');
  const out: HonorBoardRound[] = [];
  for (const round of published.filter((r) => r.year === year)) {
    const viewer = await viewerOf(ctx, round);
    const docs = await Promise.all((round.winnerIds ?? []).map((id) => nominations.get(id)));
    const honorees = docs
      .filter((d): d is HonorNominationDoc => d !== null)
      .sort((a, b) => round.categories.indexOf(a.category) - round.categories.indexOf(b.category) || byStaffNo(a, b))
      .map((d) => nominationView(d, viewer));
    const summary: HonorBoardRound['round'] = { id: round._id, title: round.title };
    if (round.publishedAt) summary.publishedAt = round.publishedAt;
    if (round.year !== undefined) summary.year = round.year;
    if (round.publicityStart) summary.publicityStart = round.publicityStart;
    if (round.publicityEnd) summary.publicityEnd = round.publicityEnd;
    out.push({ round: summary, honorees });
  }
  return { year, years, rounds: out };
}
