import { KIND_LABELS, PHASE_LABELS, type HonorPhase } from '../../../../src/core/honor/rules';
import type { HonorStatus } from '../../../../src/core/honor/contract';
import { findAll } from '../../../kernel/paging';
import { type HonorCollections, tallyMap } from '../../honor';
import type { Ctx } from '../ctx';
import { type Period, stampFormatter } from '../period';
import type { Cell, Table } from '../workbook';

/**
 * 好人榜: the rounds that ran during the period (created before its end, not finished before its
 * start), each nomination with its review, votes, selection and objection count, and the honorees
 * with their deeds. Votes are summed from the sharded tallies by the honor feature's own reader, and
 * only once voting has closed, as `honor.results` shows them. Objections are counted, never quoted.
 */

type RoundDoc = HonorCollections['honorRounds'];
type NominationDoc = HonorCollections['honorNominations'];

export interface HonorReport {
  tables: Table[];
  headline: { rounds: number; nominations: number; honorees: number };
}

/** No round lasts a year: rounds created longer ago than this before the period cannot overlap it. */
const LONGEST_ROUND_MS = 400 * 86_400_000;
const TALLY_PHASES: readonly HonorPhase[] = ['voting', 'publicity', 'published', 'cancelled'];
const STATUS_LABELS: Record<HonorStatus, string> = { pending: '待审核', approved: '已通过', rejected: '未通过' };

interface RoundData {
  round: RoundDoc;
  nominations: NominationDoc[];
  votes: Map<string, number> | null;
  objections: Map<string, number>;
  voters: number;
}

export async function honorReport(ctx: Ctx, period: Period): Promise<HonorReport> {
  const { store } = ctx;
  const since = new Date(Date.parse(period.startAt) - LONGEST_ROUND_MS).toISOString();
  const created = await findAll(
    store.collection('honorRounds'),
    { createdAt: { gte: since, lt: period.endBefore } },
    { createdAt: 1 },
  );
  const rounds = created.filter((r) => {
    const end = r.publishedAt ?? (r.phase === 'cancelled' ? r.updatedAt : undefined);
    return end === undefined || end >= period.startAt;
  });
  const now = ctx.clock.now().getTime();
  const data: RoundData[] = await Promise.all(
    rounds.map(async (round) => {
      const talliesShown = TALLY_PHASES.includes(round.phase) && now >= Date.parse(round.voteUntil);
      const [nominations, votes, objectionDocs, voters] = await Promise.all([
        findAll(store.collection('honorNominations'), { roundId: round._id }, { nomineeStaffNo: 1 }),
        talliesShown ? tallyMap(ctx, round._id) : Promise.resolve(null),
        findAll(store.collection('honorObjections'), { roundId: round._id }),
        store.collection('honorVoters').count({ roundId: round._id }),
      ]);
      const objections = new Map<string, number>();
      for (const o of objectionDocs) objections.set(o.nominationId, (objections.get(o.nominationId) ?? 0) + 1);
      return { round, nominations, votes, objections, voters };
    }),
  );

  const stamp = stampFormatter(period.timeZone);
  const roundRows: Cell[][] = data.map(({ round: r, nominations, voters, objections }) => [
    r.title,
    PHASE_LABELS[r.phase],
    stamp(r.createdAt),
    stamp(r.nominateUntil),
    stamp(r.voteUntil),
    r.publicityStart && r.publicityEnd ? `${r.publicityStart} 至 ${r.publicityEnd}` : '',
    stamp(r.publishedAt),
    nominations.length,
    nominations.filter((n) => n.status === 'approved').length,
    voters,
    (r.winnerIds ?? []).length,
    [...objections.values()].reduce((a, b) => a + b, 0),
  ]);

  const nominationRows: Cell[][] = [];
  const honoreeRows: Cell[][] = [];
  for (const { round, nominations, votes, objections } of data) {
    const winners = new Set(round.winnerIds ?? []);
    const withdrawn = new Set((round.unselected ?? []).map((u) => u.nominationId));
    for (const n of nominations) {
      const outcome = winners.has(n._id) ? '当选' : withdrawn.has(n._id) ? '已撤销' : '';
      nominationRows.push([
        round.title,
        n.nomineeStaffNo,
        n.nomineeName,
        n.nomineeDepartment,
        n.category,
        KIND_LABELS[n.kind],
        n.seconderCount,
        STATUS_LABELS[n.status],
        n.reviewComment ?? '',
        n.status !== 'approved' ? '' : votes ? (votes.get(n._id) ?? 0) : '投票截止后公布',
        outcome,
        objections.get(n._id) ?? 0,
        n.deeds,
      ]);
      // The board's honorees: selected, from publicity on (a cancelled round honors nobody).
      if (winners.has(n._id) && (round.phase === 'publicity' || round.phase === 'published')) {
        honoreeRows.push([round.title, n.nomineeStaffNo, n.nomineeName, n.nomineeDepartment, n.category, n.deeds]);
      }
    }
  }

  const base = [
    { header: '评选名称', width: 24 },
    { header: '工号', width: 10 },
    { header: '姓名', width: 10 },
    { header: '部门', width: 12 },
    { header: '类别', width: 10 },
  ];
  return {
    tables: [
      {
        title: '评选轮次',
        columns: [
          { header: '评选名称', width: 24 },
          { header: '阶段', width: 8 },
          { header: '创建时间', width: 17 },
          { header: '推荐截止', width: 17 },
          { header: '投票截止', width: 17 },
          { header: '公示期', width: 24 },
          { header: '发布时间', width: 17 },
          { header: '提名数', width: 8 },
          { header: '候选人数', width: 10 },
          { header: '投票人数', width: 10 },
          { header: '当选人数', width: 10 },
          { header: '异议数', width: 8 },
        ],
        rows: roundRows,
        notes: ['列出期间内进行的评选（期间结束前创建、期间开始前未结束）；投票仅供参考，当选由办公室确定。'],
      },
      {
        title: '提名与结果',
        columns: [
          ...base,
          { header: '推荐方式', width: 14 },
          { header: '附议人数', width: 10 },
          { header: '审核结果', width: 10 },
          { header: '审核意见', width: 20 },
          { header: '得票', width: 14 },
          { header: '评选结果', width: 10 },
          { header: '异议数', width: 8 },
          { header: '事迹', width: 60 },
        ],
        rows: nominationRows,
      },
      {
        title: '当选名单',
        columns: [...base, { header: '事迹', width: 60 }],
        rows: honoreeRows,
      },
    ],
    headline: { rounds: data.length, nominations: nominationRows.length, honorees: honoreeRows.length },
  };
}
