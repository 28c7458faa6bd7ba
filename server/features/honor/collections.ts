import type { HonorKind, HonorPhase } from '../../../src/core/honor/rules';
import type { HonorStatus } from '../../../src/core/honor/contract';
import type { CollectionSpecs } from '../../kernel/feature';

/** The good-person list (好人榜): rounds, nominations, seconds, objections and the secret ballot. */

export interface HonorRoundDoc {
  _id: string;
  title: string;
  categories: string[];
  ballotSize: number;
  publicityDays: number;
  nominateUntil: string;
  voteUntil: string;
  phase: HonorPhase;
  /** Counters kept on write, so that lists never count documents. */
  nominationCount: number;
  candidateCount: number;
  /** The selected nominations, and their nominees (for notices). */
  winnerIds?: string[];
  winnerStaffIds?: string[];
  /** Honorees taken off the list during publicity (an upheld objection), with the admin's reason. */
  unselected?: { nominationId: string; reason: string; at: string; by: string }[];
  publicityStart?: string;
  publicityEnd?: string;
  publicityEndsAt?: string;
  publishedAt?: string;
  year?: number;
  createdAt: string;
  createdBy: string;
  /** Phase changes only: ballots never touch the round (no write whose time could be matched). */
  updatedAt: string;
}

export interface HonorNominationDoc {
  _id: string;
  roundId: string;
  nomineeStaffId: string;
  /** Snapshots, so that lists show the nominee without reading the roster per row. */
  nomineeName: string;
  nomineeStaffNo: string;
  nomineeDepartment: string;
  nominatorStaffId: string;
  nominatorName: string;
  nominatorDepartment: string;
  kind: HonorKind;
  category: string;
  deeds: string;
  photos: string[];
  status: HonorStatus;
  seconderCount: number;
  reviewComment?: string;
  reviewedAt?: string;
  reviewedBy?: string;
  createdAt: string;
  updatedAt: string;
}

/** A colleague's 附议 of a nomination. Not secret: it is a public show of support. */
export interface HonorSecondDoc {
  _id: string;
  roundId: string;
  nominationId: string;
  staffId: string;
  createdAt: string;
}

/** An objection during publicity, seen by admins only. Given under one's name, like a 公示 asks. */
export interface HonorObjectionDoc {
  _id: string;
  roundId: string;
  nominationId: string;
  staffId: string;
  staffName: string;
  staffDepartment: string;
  text: string;
  createdAt: string;
}

/**
 * That a member voted in a round, and nothing else: no time, no choice, no ballot id. Its unique
 * key is what makes a ballot final under any concurrency.
 */
export interface HonorVoterDoc {
  _id: string;
  roundId: string;
  staffId: string;
}

/** The count of votes for one candidate: incremented by ballots, with no time and no voter. */
/**
 * One of a candidate's TALLY_SHARDS vote counters (`_id` `<nominationId>:<shard>`): a ballot adds
 * to one shard chosen at random, a count sums them, so that simultaneous ballots from many
 * containers seldom write the same document (docs/cloudbase.md). A tally made before shards has none.
 */
export interface HonorTallyDoc {
  _id: string;
  roundId: string;
  nominationId: string;
  shard?: number;
  votes: number;
}

export const TALLY_SHARDS = 8;

/** One uploaded deeds photo: who, when, how big. Kept so that upload limits outlive a restart. */
export interface PhotoUploadDoc {
  /** The stored file's name. */
  _id: string;
  staffId: string;
  at: string;
  bytes: number;
}

/** The unit's upload totals (`_id` 'unit'), kept on write: the per-unit quota never counts files. */
export interface PhotoQuotaDoc {
  _id: string;
  count: number;
  bytes: number;
}

export interface HonorCollections {
  honorRounds: HonorRoundDoc;
  honorNominations: HonorNominationDoc;
  honorSeconds: HonorSecondDoc;
  honorObjections: HonorObjectionDoc;
  honorVoters: HonorVoterDoc;
  honorTallies: HonorTallyDoc;
  photoUploads: PhotoUploadDoc;
  photoQuota: PhotoQuotaDoc;
}

export const HONOR_COLLECTIONS: CollectionSpecs<HonorCollections> = {
  honorRounds: { indexes: [['phase'], ['year'], ['createdAt']] },
  // A nominee appears once per round: a second nomination becomes a 附议.
  honorNominations: {
    unique: [['roundId', 'nomineeStaffId']],
    indexes: [
      ['roundId', 'status'],
      ['roundId', 'nominatorStaffId'],
    ],
  },
  honorSeconds: { unique: [['nominationId', 'staffId']], indexes: [['roundId', 'staffId']] },
  honorObjections: { unique: [['nominationId', 'staffId']], indexes: [['roundId']] },
  // The secret ballot: neither the markers nor the counters keep an order or a log at rest.
  honorVoters: { unique: [['roundId', 'staffId']], secret: true },
  honorTallies: { unique: [['nominationId', 'shard']], indexes: [['roundId']], secret: true },
  photoUploads: { indexes: [['staffId', 'at']] },
  photoQuota: {},
};
