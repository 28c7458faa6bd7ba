import { z } from 'zod';
import { ADMIN, def } from '../contract/define';
import { type Paged, page } from '../contract/fields';
import type { AuditEntry } from './views';

export const auditListInput = z.object({ page }).strict();

export const auditActions = {
  'audit.list': def(auditListInput, 'staff', ADMIN),
} as const;

export interface AuditOutputs {
  'audit.list': Paged<AuditEntry>;
}
