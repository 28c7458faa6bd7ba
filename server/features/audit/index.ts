/**
 * Audit log (审计日志): every write by a secretary, organizer or admin is recorded — who, action,
 * target, when (DESIGN.md §5). The router writes the lines (`recordAudit`, after the handler
 * succeeds, never for `honor.vote`'s secret ballot, which is no privileged write); `audit.list`
 * reads them, newest first, 50 a page, for admins, filtered by action and by actor on indexes of
 * their own (collections.ts). Labels for the page live in src/core/audit/views.ts.
 */
import { defineFeature } from '../../kernel/feature';
import { auditList } from './actions/audit-list';
import { AUDIT_COLLECTIONS } from './collections';

export const audit = defineFeature({
  name: 'audit',
  collections: AUDIT_COLLECTIONS,
  handlers: { 'audit.list': auditList },
});

export { recordAudit } from './record';
export type { AuditCollections, AuditDoc } from './collections';
