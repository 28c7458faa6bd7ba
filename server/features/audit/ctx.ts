import type { Ctx as KernelCtx } from '../../kernel/context';
import type { PeopleCollections } from '../people';
import type { AuditCollections } from './collections';

/** What the audit feature touches: the log, and the roster for the actors' 工号. */
export type Ctx = KernelCtx<AuditCollections & PeopleCollections>;
