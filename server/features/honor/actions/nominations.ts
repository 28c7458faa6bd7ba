import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { AppError, ruleError } from '../../../../src/core/errors';
import { hasAnyRole } from '../../../../src/core/roles';
import { assertCleanText } from '../../../kernel/content';
import { member } from '../../../kernel/context';
import type { Ctx } from '../ctx';
import { loadNomination, loadRound, roundNominations, ensureTally } from '../rounds';
import { byStaffNo, canSee, isAdmin, nominationView, roundView, viewerOf } from '../views';
import { newId } from '../../../kernel/ids';
import { notify } from '../../inbox';
import { isDuplicate } from '../../../store/port';
import type { HonorNominationDoc, HonorRoundDoc } from '../collections';
import type { StaffDoc } from '../../../kernel/member';

const HONOR_LINK = '/pages/honor/index';

function assertNominationsOpen(ctx: Ctx, round: HonorRoundDoc): void {
  if (round.phase !== 'nominating') throw ruleError('phase', '当前不在推荐阶段');
  if (ctx.clock.now().getTime() >= Date.parse(round.nominateUntil)) throw ruleError('deadline', '推荐已截止');
}

async function view(ctx: Ctx, round: HonorRoundDoc, doc: HonorNominationDoc) {
  return nominationView(doc, await viewerOf(ctx, round));
}

/**
 * Adds the caller as a seconder (附议). The insert's unique key makes it once per person under any
 * concurrency; the counter follows the insert, so a repeat never counts twice.
 */
async function second(ctx: Ctx, round: HonorRoundDoc, doc: HonorNominationDoc, me: StaffDoc) {
  if (doc.nomineeStaffId === me._id) throw ruleError('self', '不能为自己附议');
  try {
    await ctx.store.collection('honorSeconds').insert({
      _id: newId(),
      roundId: round._id,
      nominationId: doc._id,
      staffId: me._id,
      createdAt: ctx.clock.now().toISOString(),
    });
  } catch (error) {
    if (!isDuplicate(error)) throw error;
    return { nomination: await view(ctx, round, doc), already: true };
  }
  await ctx.store.collection('honorNominations').update({ _id: doc._id }, { inc: { seconderCount: 1 } });
  return { nomination: await view(ctx, round, { ...doc, seconderCount: doc.seconderCount + 1 }) };
}

export async function honorNominate(
  input: ParsedInput<'honor.nominate'>,
  ctx: Ctx,
): Promise<ActionOutput<'honor.nominate'>> {
  const me = member(ctx);
  const round = await loadRound(ctx, input.roundId);
  ctx.auditTarget(`honorRound:${round._id}`);
  assertNominationsOpen(ctx, round);
  if (!round.categories.includes(input.category)) {
    throw new AppError('INVALID_INPUT', '本轮评选没有该类别', {
      fields: [{ field: 'category', message: '本轮评选没有该类别' }],
    });
  }
  const self = input.nomineeStaffId === me._id;
  if (input.kind === 'self' && !self) throw ruleError('kind', '个人自荐只能推荐自己');
  if (input.kind !== 'self' && self) throw ruleError('kind', '推荐自己请选择“个人自荐”');
  if (input.kind === 'org' && !hasAnyRole(ctx.caller.roles, ['secretary'])) {
    throw new AppError('FORBIDDEN', '只有支部书记或管理员可以代表组织举荐');
  }
  const nominee = await ctx.store.collection('staff').get(input.nomineeStaffId);
  if (!nominee) throw new AppError('NOT_FOUND', '找不到被推荐人');
  if (!nominee.active) throw ruleError('nomineeInactive', '该同事的账号已停用，不能被推荐');
  await assertCleanText(ctx, 'deeds', input.deeds);

  const nominations = ctx.store.collection('honorNominations');
  const existing = async () =>
    (await nominations.find({ roundId: round._id, nomineeStaffId: nominee._id }, { limit: 1 }))[0];
  const found = await existing();
  // The nominee is already on the list: one nomination per person, further ones are support.
  const asSecond = async (doc: HonorNominationDoc) => {
    if (doc.nominatorStaffId === me._id)
      return { nomination: await view(ctx, round, doc), seconded: false, already: true };
    if (doc.nomineeStaffId === me._id) throw new AppError('CONFLICT', '您已被推荐，无需重复推荐');
    return { ...(await second(ctx, round, doc, me)), seconded: true };
  };
  if (found) return asSecond(found);

  const at = ctx.clock.now().toISOString();
  const doc: HonorNominationDoc = {
    _id: newId(),
    roundId: round._id,
    nomineeStaffId: nominee._id,
    nomineeName: nominee.name,
    nomineeStaffNo: nominee.staffNo,
    nomineeDepartment: nominee.department,
    nominatorStaffId: me._id,
    nominatorName: me.name,
    nominatorDepartment: me.department,
    kind: input.kind,
    category: input.category,
    deeds: input.deeds,
    photos: input.photos ?? [],
    status: 'pending',
    seconderCount: 0,
    createdAt: at,
    updatedAt: at,
  };
  try {
    await nominations.insert(doc);
  } catch (error) {
    // Someone nominated the same person a moment ago: this becomes their 附议.
    const winner = isDuplicate(error) ? await existing() : undefined;
    if (!winner) throw error;
    return asSecond(winner);
  }
  await ctx.store.collection('honorRounds').update({ _id: round._id }, { inc: { nominationCount: 1 } });
  return { nomination: await view(ctx, round, doc), seconded: false };
}

export async function honorSecond(input: ParsedInput<'honor.second'>, ctx: Ctx): Promise<ActionOutput<'honor.second'>> {
  const doc = await loadNomination(ctx, input.nominationId);
  const round = await loadRound(ctx, doc.roundId);
  ctx.auditTarget(`honorNomination:${doc._id}`);
  assertNominationsOpen(ctx, round);
  const me = member(ctx);
  if (doc.nominatorStaffId === me._id) throw ruleError('ownNomination', '这是您提交的推荐，无需附议');
  return second(ctx, round, doc, me);
}

export async function honorReview(input: ParsedInput<'honor.review'>, ctx: Ctx): Promise<ActionOutput<'honor.review'>> {
  const doc = await loadNomination(ctx, input.nominationId);
  const round = await loadRound(ctx, doc.roundId);
  ctx.auditTarget(`honorNomination:${doc._id}:${input.decision}`);
  if (round.phase !== 'reviewing') throw ruleError('phase', '只能在审核阶段审核推荐');
  const status = input.decision === 'approve' ? 'approved' : 'rejected';
  const comment = input.comment ?? '';
  if (doc.status === status && (doc.reviewComment ?? '') === comment) {
    return { nomination: await view(ctx, round, doc), already: true };
  }
  await assertCleanText(ctx, 'comment', comment);
  const at = ctx.clock.now().toISOString();
  const set = { status, reviewComment: comment, reviewedAt: at, reviewedBy: member(ctx)._id, updatedAt: at } as const;
  // Conditional on the status read: two admins reviewing at once cannot both move the counter.
  const matched = await ctx.store.collection('honorNominations').update({ _id: doc._id, status: doc.status }, { set });
  if (matched === 0) throw new AppError('CONFLICT', '该推荐刚被其他管理员审核，请刷新后重试');
  const delta = (status === 'approved' ? 1 : 0) - (doc.status === 'approved' ? 1 : 0);
  if (delta !== 0)
    await ctx.store.collection('honorRounds').update({ _id: round._id }, { inc: { candidateCount: delta } });
  if (status === 'approved') await ensureTally(ctx.store, doc);

  const next: HonorNominationDoc = { ...doc, ...set };
  if (doc.status !== status) await tellOutcome(ctx, round, next);
  return { nomination: await view(ctx, round, next) };
}

async function tellOutcome(ctx: Ctx, round: HonorRoundDoc, doc: HonorNominationDoc): Promise<void> {
  const now = ctx.clock.now();
  const who = doc.kind === 'self' ? '您的自荐' : `您对${doc.nomineeName}的推荐`;
  const body =
    doc.status === 'approved'
      ? `${who}（${round.title}）已通过审核，将作为候选人参加投票。`
      : `${who}（${round.title}）未通过审核。审核意见：${doc.reviewComment ?? ''}`;
  await notify(
    ctx.store,
    {
      staffId: doc.nominatorStaffId,
      kind: 'honor.reviewed',
      title: '推荐审核结果',
      body,
      link: HONOR_LINK,
      slots: {
        title: `好人榜推荐：${who}`,
        result: doc.status === 'approved' ? '已通过' : '未通过',
        note: doc.status === 'approved' ? '将作为候选人参加投票' : (doc.reviewComment ?? '请查看审核意见'),
      },
    },
    now,
  );
  if (doc.status === 'approved' && doc.nomineeStaffId !== doc.nominatorStaffId) {
    await notify(
      ctx.store,
      {
        staffId: doc.nomineeStaffId,
        kind: 'honor.candidate',
        title: '您已成为好人榜候选人',
        body: `您被推荐参加“${round.title}”，已通过审核，成为候选人。`,
        link: HONOR_LINK,
      },
      now,
    );
  }
}

export async function honorNominations(
  input: ParsedInput<'honor.nominations'>,
  ctx: Ctx,
): Promise<ActionOutput<'honor.nominations'>> {
  const round = await loadRound(ctx, input.roundId);
  const viewer = await viewerOf(ctx, round, true);
  const docs = (await roundNominations(ctx.store, round._id)).filter((d) => canSee(d, viewer));
  // Admins review in the order things came in; everyone else reads the list in roster order.
  if (!isAdmin(ctx)) docs.sort(byStaffNo);
  return { round: await roundView(ctx, round), items: docs.map((d) => nominationView(d, viewer)) };
}
