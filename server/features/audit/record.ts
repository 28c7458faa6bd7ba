import type { Store } from '../../store/port';
import { newId } from '../../kernel/ids';
import type { AuditCollections } from './collections';

export interface AuditEntryInput {
  at: Date;
  actorId: string;
  actorName: string;
  action: string;
  target?: string;
}

/** One line of the audit log; the router writes it after each privileged write succeeds. */
export async function recordAudit(store: Store<AuditCollections>, entry: AuditEntryInput): Promise<void> {
  await store.collection('audit').insert({
    _id: newId(),
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorName: entry.actorName,
    action: entry.action,
    ...(entry.target ? { target: entry.target } : {}),
  });
}
