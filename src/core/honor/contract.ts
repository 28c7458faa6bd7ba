import * as z from 'zod/mini';
import {
  DEEDS_MAX,
  DEEDS_MIN,
  HONOR_KINDS,
  HONOR_PHASES,
  isPhotoId,
  MAX_PHOTOS,
  OBJECTION_MAX,
  OBJECTION_MIN,
} from './rules';
import { ADMIN, def, member, privilegedWrite } from '../contract/define';
import { empty, id, instant, longText, optionalText, text } from '../contract/fields';
import type { HonorBoardRound, HonorNomination, HonorObjection, HonorResultRow, HonorRound } from './views';

export type * from './views';

/** The good-person list (好人榜), DESIGN.md §4–§5. */

const distinct = (values: readonly string[]) => new Set(values).size === values.length;

/**
 * Moving the deadlines of a round that has not opened its vote yet: a review that runs late would
 * otherwise leave the admin only cancelling the round and starting over.
 */
export const honorRoundUpdateInput = z.strictObject({
  roundId: id('评选编号'),
  nominateUntil: z.optional(instant('推荐截止时间')),
  voteUntil: z.optional(instant('投票截止时间')),
});

export const honorRoundCreateInput = z
  .strictObject({
    title: text('评选名称', 60, 2),
    categories: z.optional(
      z
        .array(text('评选类别', 12, 2), { message: '评选类别应为列表' })
        .check(
          z.minLength(1, { message: '至少需要 1 个评选类别' }),
          z.maxLength(8, { message: '评选类别最多 8 个' }),
          z.refine(distinct, { message: '评选类别不能重复' }),
        ),
    ),
    ballotSize: z.optional(
      z
        .number({ message: '每票可选人数应为数字' })
        .check(
          z.int({ message: '每票可选人数应为整数' }),
          z.gte(1, { message: '每票至少可选 1 人' }),
          z.lte(10, { message: '每票最多可选 10 人' }),
        ),
    ),
    publicityDays: z.optional(
      z
        .number({ message: '公示天数应为数字' })
        .check(
          z.int({ message: '公示天数应为整数' }),
          z.gte(1, { message: '公示至少 1 个工作日' }),
          z.lte(30, { message: '公示最多 30 个工作日' }),
        ),
    ),
    nominateUntil: instant('推荐截止时间'),
    voteUntil: instant('投票截止时间'),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (Date.parse(v.voteUntil) <= Date.parse(v.nominateUntil)) {
        ctx.addIssue({ code: 'custom', path: ['voteUntil'], message: '投票截止时间应晚于推荐截止时间' });
      }
    }),
  );

export const honorRoundAdvanceInput = z.strictObject({
  roundId: id('评选编号'),
  to: z.enum(HONOR_PHASES, { message: '未知的评选阶段' }),
});

export const honorReviewInput = z
  .strictObject({
    nominationId: id('推荐编号'),
    decision: z.enum(['approve', 'reject'], { message: '审核结论应为通过或不通过' }),
    comment: optionalText('审核意见', 200),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.decision === 'reject' && !v.comment) {
        ctx.addIssue({ code: 'custom', path: ['comment'], message: '不通过时请填写审核意见' });
      }
    }),
  );

const nominationIds = (max: number, tooMany: string) =>
  z
    .array(id('推荐编号'), { message: '人员列表有误' })
    .check(
      z.minLength(1, { message: '请至少选择 1 人' }),
      z.maxLength(max, { message: tooMany }),
      z.refine(distinct, { message: '同一人只能选一次' }),
    );

export const honorSelectInput = z.strictObject({
  roundId: id('评选编号'),
  nominationIds: nominationIds(50, '一次最多选定 50 人'),
});

export const honorRoundIdInput = z.strictObject({ roundId: id('评选编号') });

/** Taking an honoree off the list during publicity, e.g. after an objection was upheld. */
export const honorUnselectInput = z.strictObject({
  roundId: id('评选编号'),
  nominationId: id('推荐编号'),
  reason: text('撤销原因', 200, 2),
});

export const photoId = z
  .string({ message: '照片编号应为文字' })
  .check(z.refine(isPhotoId, { message: '照片无效，请重新上传' }));

export const honorNominateInput = z.strictObject({
  roundId: id('评选编号'),
  nomineeStaffId: id('被推荐人'),
  kind: z.enum(HONOR_KINDS, { message: '推荐方式应为个人自荐、党团组织举荐或民主推荐' }),
  category: text('评选类别', 12),
  deeds: longText('事迹', DEEDS_MAX, DEEDS_MIN),
  photos: z.optional(
    z
      .array(photoId, { message: '照片应为列表' })
      .check(
        z.maxLength(MAX_PHOTOS, { message: `最多上传 ${MAX_PHOTOS} 张照片` }),
        z.refine(distinct, { message: '照片重复' }),
      ),
  ),
});

export const honorSecondInput = z.strictObject({ nominationId: id('推荐编号') });

export const honorVoteInput = z.strictObject({
  roundId: id('评选编号'),
  nominationIds: nominationIds(10, '选择的人数过多'),
});

export const honorObjectInput = z.strictObject({
  roundId: id('评选编号'),
  nominationId: id('推荐编号'),
  text: longText('异议内容', OBJECTION_MAX, OBJECTION_MIN),
});

export const honorBoardInput = z.strictObject({
  year: z.optional(
    z
      .number({ message: '年份应为数字' })
      .check(
        z.int({ message: '年份应为整数' }),
        z.gte(2000, { message: '年份有误' }),
        z.lte(2100, { message: '年份有误' }),
      ),
  ),
});

export const honorActions = {
  'honor.round.create': privilegedWrite(honorRoundCreateInput, ADMIN),
  'honor.round.advance': privilegedWrite(honorRoundAdvanceInput, ADMIN),
  'honor.round.update': privilegedWrite(honorRoundUpdateInput, ADMIN),
  'honor.review': privilegedWrite(honorReviewInput, ADMIN),
  'honor.select': privilegedWrite(honorSelectInput, ADMIN),
  'honor.unselect': privilegedWrite(honorUnselectInput, ADMIN),
  'honor.round.list': member(empty),
  'honor.round.get': member(honorRoundIdInput),
  // Audited when a secretary or admin writes (DESIGN.md §5): nominations are not secret.
  'honor.nominate': def(honorNominateInput, 'staff', [], true),
  'honor.second': def(honorSecondInput, 'staff', [], true),
  'honor.nominations': member(honorRoundIdInput),
  // Never a `write` def: the router would audit an admin's ballot (who, when, round), and the
  // ballot is secret (DESIGN.md §5). The handler logs nothing either.
  'honor.vote': member(honorVoteInput),
  'honor.object': def(honorObjectInput, 'staff', [], true),
  'honor.results': member(honorRoundIdInput),
  'honor.board': member(honorBoardInput),
} as const;

export interface HonorOutputs {
  'honor.round.create': { round: HonorRound };
  'honor.round.advance': { round: HonorRound; already?: boolean };
  'honor.round.update': { round: HonorRound };
  'honor.review': { nomination: HonorNomination; already?: boolean };
  'honor.select': { round: HonorRound; already?: boolean };
  'honor.unselect': { round: HonorRound; already?: boolean };
  'honor.round.list': { items: HonorRound[]; currentId: string | null };
  'honor.round.get': { round: HonorRound };
  'honor.nominate': { nomination: HonorNomination; seconded: boolean; already?: boolean };
  'honor.second': { nomination: HonorNomination; already?: boolean };
  'honor.nominations': { round: HonorRound; items: HonorNomination[] };
  'honor.vote': { round: HonorRound; chosen: number };
  'honor.object': { objection: Omit<HonorObjection, 'by'>; already?: boolean };
  'honor.results': { round: HonorRound; ballots: number; eligible: number; items: HonorResultRow[] };
  'honor.board': { year: number; years: number[]; rounds: HonorBoardRound[] };
}
