import type { StaffDoc } from '../../kernel/member';
import type { CollectionSpecs } from '../../kernel/feature';

/** The roster and what binding a WeChat identity to it leaves behind. */

export type { StaffDoc };

export interface BindFailureDoc {
  _id: string;
  openid: string;
  at: string;
}

/** Small server-side values such as the session signing secret. */
export interface MetaDoc {
  _id: string;
  value: string;
}

/**
 * The bind code waiting for a roster entry (`_id` is the staff id: one live code per entry). Only a
 * hash of the code is kept; the admin saw the code once when issuing it.
 */
export interface BindCodeDoc {
  _id: string;
  hash: string;
  expiresAt: string;
  issuedBy: string;
  issuedAt: string;
}

/** Active members of one department (headcount.ts): `_id` is the department's name. */
export interface HeadcountDoc {
  _id: string;
  department: string;
  active: number;
}

/** Active members of one party branch (headcount.ts): `_id` is the branch's name. */
export interface BranchCountDoc {
  _id: string;
  branch: string;
  active: number;
  /** Staff ids of its members holding the secretary role, sorted (absent: none). */
  secretaries?: string[];
}

export interface PeopleCollections {
  staff: StaffDoc;
  headcounts: HeadcountDoc;
  branchCounts: BranchCountDoc;
  bindFailures: BindFailureDoc;
  bindCodes: BindCodeDoc;
  meta: MetaDoc;
}

export const PEOPLE_COLLECTIONS: CollectionSpecs<PeopleCollections> = {
  staff: { unique: [['staffNo'], ['openid']], indexes: [['department'], ['active']] },
  headcounts: {},
  branchCounts: {},
  bindFailures: { indexes: [['openid', 'at']] },
  bindCodes: {},
  meta: {},
};
