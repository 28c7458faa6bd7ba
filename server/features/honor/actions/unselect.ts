import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { AppError, ruleError } from '../../../../src/core/errors';
import { assertCleanText } from '../../../kernel/content';
import { member } from '../../../kernel/context';
import type { Ctx } from '../ctx';
import { loadRound } from '../rounds';
import { roundView } from '../views';
import { notify } from '../../inbox';
import type { HonorRoundDoc } from '../collections';

/**
 * Takes an honoree off the list during publicity — what an upheld objection calls for — so that the
 * published board never carries someone the unit withdrew. The last honoree cannot be taken off:
 * a list with nobody left is a cancelled round. The reason stays on the round for the admins.
 */
export async function honorUnselect(
  input: ParsedInput<'honor.unselect'>,
  ctx: Ctx,
): Promise<ActionOutput<'honor.unselect'>> {
  const round = await loadRound(ctx, input.roundId);
  ctx.auditTarget(`honorRound:${round._id}:${input.nominationId}`);
  if ((round.unselected ?? []).some((u) => u.nominationId === input.nominationId)) {
    return { round: await roundView(ctx, round), already: true };
  }
  if (round.phase !== 'publicity') throw ruleError('phase', '只能在公示期内撤销入选');
  if (!(round.winnerIds ?? []).includes(input.nominationId)) throw ruleError('notHonoree', '该推荐不在公示名单中');
  await assertCleanText(ctx, 'reason', input.reason);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const me = member(ctx);

  // Read and written in one transaction on the round, so that two withdrawals at once both stand.
  const outcome = await ctx.store.transaction(async (tx) => {
    const rounds = tx.collection('honorRounds');
    const current = await rounds.get(round._id);
    if (!current || current.phase !== 'publicity') return 'phase' as const;
    const ids = current.winnerIds ?? [];
    const index = ids.indexOf(input.nominationId);
    if (index < 0) return 'gone' as const;
    if (ids.length === 1) return 'last' as const;
    const next: Partial<HonorRoundDoc> = {
      winnerIds: ids.filter((_, i) => i !== index),
      winnerStaffIds: (current.winnerStaffIds ?? []).filter((_, i) => i !== index),
      unselected: [
        ...(current.unselected ?? []),
        { nominationId: input.nominationId, reason: input.reason, at, by: me._id },
      ],
      updatedAt: at,
    };
    await rounds.update({ _id: current._id }, { set: next });
    return { ...current, ...next, staffId: (current.winnerStaffIds ?? [])[index] };
  });
  if (outcome === 'phase') throw ruleError('phase', '只能在公示期内撤销入选');
  if (outcome === 'last') throw ruleError('lastHonoree', '这是名单中的最后一人；如需全部撤销，请取消本轮评选');
  if (outcome === 'gone') throw new AppError('CONFLICT', '该人员刚刚已被撤销，请刷新后查看');
  const { staffId, ...updated } = outcome;
  if (staffId) {
    await notify(
      ctx.store,
      {
        staffId,
        kind: 'honor.unselected',
        title: '公示名单调整',
        body: `经研究，您未列入“${round.title}”最终名单。如有疑问请联系办公室。`,
        link: '/pages/honor/index',
      },
      now,
    );
  }
  return { round: await roundView(ctx, updated) };
}
