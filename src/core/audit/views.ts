/** One line of the audit log. */
export interface AuditEntry {
  id: string;
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  target?: string;
}
