import type { HonorKind, HonorPhase, RoundStage } from './rules';
import type { StaffPick } from '../people';
import type { DayKey } from '../time';

/** What the 好人榜 actions answer with (DESIGN.md §4–§5). */

export type HonorStatus = 'pending' | 'approved' | 'rejected';
export type HonorRelation = 'nominator' | 'nominee' | 'seconder';

export interface HonorRound {
  id: string;
  title: string;
  categories: string[];
  ballotSize: number;
  publicityDays: number;
  nominateUntil: string;
  voteUntil: string;
  phase: HonorPhase;
  createdAt: string;
  /** First and last workday of publicity, and the instant it ends (local midnight after the last). */
  publicityStart?: DayKey;
  publicityEnd?: DayKey;
  publicityEndsAt?: string;
  publishedAt?: string;
  /** The year of publication in the unit's time zone: the board's grouping. */
  year?: number;
  nominationCount: number;
  candidateCount: number;
  /** How many have voted (never who chose whom); from voting on. */
  ballotCount?: number;
  /** Whether the caller has cast a ballot in this round. */
  voted: boolean;
  /** The selected honorees, from publicity on. */
  winnerIds?: string[];
  /** What the caller can do now, by the server's clock (a phone's own clock may be off). */
  stage: RoundStage;
}

export interface HonorObjection {
  id: string;
  nominationId: string;
  by: StaffPick;
  text: string;
  createdAt: string;
}

export interface HonorNomination {
  id: string;
  roundId: string;
  nominee: StaffPick;
  kind: HonorKind;
  category: string;
  deeds: string;
  photos: string[];
  /** Colleagues who seconded (附议), not counting the nominator. */
  seconders: number;
  createdAt: string;
  /** The caller's own links to this nomination. */
  relation: HonorRelation[];
  /** Shown to admins and to the nominator, nominee and seconders. */
  status?: HonorStatus;
  /** The reviewer's comment: admins and the nominator. */
  reviewComment?: string;
  /** Admins, the nominator themself, and organisation nominations (the organisation acts openly). */
  nominator?: StaffPick;
  /** From publicity on. */
  winner?: boolean;
  /** Admins only, from publicity on. */
  objections?: HonorObjection[];
}

export interface HonorResultRow {
  nomination: HonorNomination;
  votes: number;
  winner: boolean;
}

export interface HonorBoardRound {
  round: Pick<HonorRound, 'id' | 'title' | 'publishedAt' | 'year' | 'publicityStart' | 'publicityEnd'>;
  honorees: HonorNomination[];
}
