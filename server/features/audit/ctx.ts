import type { Ctx as KernelCtx } from '../../kernel/context';
import type { AuditCollections } from './collections';

/** What the audit feature touches: the log alone. */
export type Ctx = KernelCtx<AuditCollections>;
