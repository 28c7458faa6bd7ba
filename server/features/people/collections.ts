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

export interface PeopleCollections {
  staff: StaffDoc;
  bindFailures: BindFailureDoc;
  meta: MetaDoc;
}

export const PEOPLE_COLLECTIONS: CollectionSpecs<PeopleCollections> = {
  staff: { unique: [['staffNo'], ['openid']], indexes: [['department'], ['active']] },
  bindFailures: { indexes: [['openid', 'at']] },
  meta: {},
};
