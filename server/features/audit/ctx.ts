import type { Ctx as KernelCtx } from '../../kernel/context';
import type { Store } from '../../store/port';
import type { AuditCollections } from './collections';

/** What the audit feature touches: the log alone. */
export type AuditWorld = AuditCollections;
export type AuditStore = Store<AuditWorld>;
export type Ctx = KernelCtx<AuditWorld>;
