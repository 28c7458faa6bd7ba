import type { HonorNomination, HonorObjection, HonorRelation, HonorRound } from '../../../src/core/honor/contract';
import { type HonorPhase, roundStage } from '../../../src/core/honor/rules';
import { hasAnyRole } from '../../../src/core/roles';
import { member } from '../../kernel/context';
import type { Ctx } from './ctx';
import type { HonorNominationDoc, HonorObjectionDoc, HonorRoundDoc } from './collections';

/** Phases in which ballots exist (a cancelled round may have had some: counted, never shown). */
export const BALLOT_PHASES: readonly HonorPhase[] = ['voting', 'publicity', 'published'];
const WINNER_PHASES: readonly HonorPhase[] = ['publicity', 'published'];

export function isAdmin(ctx: Ctx): boolean {
  return hasAnyRole(ctx.caller.roles, ['admin']);
}

/** A round as the caller sees it: whether they voted, and how many did (never who chose whom). */
export async function roundView(ctx: Ctx, doc: HonorRoundDoc): Promise<HonorRound> {
  const voters = ctx.store.collection('honorVoters');
  const ballots = BALLOT_PHASES.includes(doc.phase);
  const [mine, ballotCount] = ballots
    ? await Promise.all([
        voters.count({ roundId: doc._id, staffId: member(ctx)._id }),
        voters.count({ roundId: doc._id }),
      ])
    : [0, undefined];
  const view: HonorRound = {
    id: doc._id,
    title: doc.title,
    categories: doc.categories,
    ballotSize: doc.ballotSize,
    publicityDays: doc.publicityDays,
    nominateUntil: doc.nominateUntil,
    voteUntil: doc.voteUntil,
    phase: doc.phase,
    createdAt: doc.createdAt,
    nominationCount: doc.nominationCount,
    candidateCount: doc.candidateCount,
    voted: mine > 0,
    stage: roundStage(doc, ctx.clock.now(), mine > 0),
  };
  if (ballotCount !== undefined) view.ballotCount = ballotCount;
  if (doc.publicityStart) view.publicityStart = doc.publicityStart;
  if (doc.publicityEnd) view.publicityEnd = doc.publicityEnd;
  if (doc.publicityEndsAt) view.publicityEndsAt = doc.publicityEndsAt;
  if (doc.publishedAt) view.publishedAt = doc.publishedAt;
  if (doc.year !== undefined) view.year = doc.year;
  if (doc.winnerIds && WINNER_PHASES.includes(doc.phase)) view.winnerIds = doc.winnerIds;
  return view;
}

/** Who is looking at nominations, and what of the round they need to know. */
export interface Viewer {
  staffId: string;
  admin: boolean;
  phase: HonorPhase;
  seconded: ReadonlySet<string>;
  winners: ReadonlySet<string>;
  objections?: ReadonlyMap<string, HonorObjection[]>;
}

export async function viewerOf(ctx: Ctx, round: HonorRoundDoc, withObjections = false): Promise<Viewer> {
  const staffId = member(ctx)._id;
  const seconds = await ctx.store.collection('honorSeconds').find({ roundId: round._id, staffId }, { limit: 1000 });
  const admin = isAdmin(ctx);
  const viewer: Viewer = {
    staffId,
    admin,
    phase: round.phase,
    seconded: new Set(seconds.map((s) => s.nominationId)),
    winners: new Set(WINNER_PHASES.includes(round.phase) ? (round.winnerIds ?? []) : []),
  };
  if (admin && withObjections && WINNER_PHASES.includes(round.phase)) {
    const docs = await ctx.store
      .collection('honorObjections')
      .find({ roundId: round._id }, { sort: { createdAt: 1 }, limit: 1000 });
    const byNomination = new Map<string, HonorObjection[]>();
    for (const d of docs) {
      const list = byNomination.get(d.nominationId) ?? [];
      list.push(objectionView(d));
      byNomination.set(d.nominationId, list);
    }
    viewer.objections = byNomination;
  }
  return viewer;
}

export function relationOf(doc: HonorNominationDoc, viewer: Pick<Viewer, 'staffId' | 'seconded'>): HonorRelation[] {
  const out: HonorRelation[] = [];
  if (doc.nominatorStaffId === viewer.staffId) out.push('nominator');
  if (doc.nomineeStaffId === viewer.staffId) out.push('nominee');
  if (viewer.seconded.has(doc._id)) out.push('seconder');
  return out;
}

/**
 * Who sees a nomination (DESIGN.md §5): admins all; the people linked to it their own; everyone the
 * open list while nominations are collected (so that colleagues can second, 附议); everyone the
 * approved candidates once voting opens. Rejected nominations stay between admins and those linked.
 */
export function canSee(doc: HonorNominationDoc, viewer: Viewer): boolean {
  if (viewer.admin || relationOf(doc, viewer).length > 0) return true;
  if (viewer.phase === 'nominating') return true;
  return BALLOT_PHASES.includes(viewer.phase) && doc.status === 'approved';
}

export function nominationView(doc: HonorNominationDoc, viewer: Viewer): HonorNomination {
  const relation = relationOf(doc, viewer);
  const view: HonorNomination = {
    id: doc._id,
    roundId: doc.roundId,
    nominee: { id: doc.nomineeStaffId, name: doc.nomineeName, department: doc.nomineeDepartment },
    kind: doc.kind,
    category: doc.category,
    deeds: doc.deeds,
    photos: doc.photos,
    seconders: doc.seconderCount,
    createdAt: doc.createdAt,
    relation,
  };
  const candidate = doc.status === 'approved' && BALLOT_PHASES.includes(viewer.phase);
  if (viewer.admin || relation.length > 0 || candidate) view.status = doc.status;
  if ((viewer.admin || relation.includes('nominator')) && doc.reviewComment) view.reviewComment = doc.reviewComment;
  if (viewer.admin || relation.includes('nominator') || doc.kind === 'org') {
    view.nominator = { id: doc.nominatorStaffId, name: doc.nominatorName, department: doc.nominatorDepartment };
  }
  if (WINNER_PHASES.includes(viewer.phase)) view.winner = viewer.winners.has(doc._id);
  if (viewer.admin && viewer.objections) view.objections = viewer.objections.get(doc._id) ?? [];
  return view;
}

export function objectionView(doc: HonorObjectionDoc): HonorObjection {
  return {
    id: doc._id,
    nominationId: doc.nominationId,
    by: { id: doc.staffId, name: doc.staffName, department: doc.staffDepartment },
    text: doc.text,
    createdAt: doc.createdAt,
  };
}

/** Candidates in roster order: no position on the ballot is favoured by when someone was nominated. */
export function byStaffNo(a: HonorNominationDoc, b: HonorNominationDoc): number {
  return a.nomineeStaffNo.localeCompare(b.nomineeStaffNo);
}
