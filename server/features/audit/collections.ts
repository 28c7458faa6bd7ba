import type { CollectionSpecs } from '../../kernel/feature';

/** Who did what to which record, for every privileged write (DESIGN.md §5). */
export interface AuditDoc {
  _id: string;
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  target?: string;
}

export interface AuditCollections {
  audit: AuditDoc;
}

export const AUDIT_COLLECTIONS: CollectionSpecs<AuditCollections> = {
  // The page reads newest first: the whole log, one action's lines, or one person's.
  audit: { indexes: [['at'], ['action', 'at'], ['actorId', 'at']] },
};
