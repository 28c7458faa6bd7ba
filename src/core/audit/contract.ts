import * as z from 'zod/mini';
import { ADMIN, def } from '../contract/define';
import { id, type Paged, page } from '../contract/fields';
import type { AuditEntry } from './views';

/**
 * An action name as the log stores it (`calendar.set`, `staff.bindCode.issue`). Any well-formed name
 * is accepted, not only today's: old lines keep the names they were written with.
 */
const actionName = z
  .string({ message: '操作类型应为文字' })
  .check(
    z.maxLength(64, { message: '操作类型无效' }),
    z.regex(/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)+$/, { message: '操作类型无效' }),
  );

export const auditListInput = z.strictObject({
  page,
  action: z.optional(actionName),
  actorId: z.optional(id('操作人')),
});

export const auditActions = {
  'audit.list': def(auditListInput, 'staff', ADMIN),
} as const;

export interface AuditOutputs {
  'audit.list': Paged<AuditEntry>;
}
