import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import type { AuditEntry } from '../../../../src/core/audit/views';
import type { Filter } from '../../../store/port';
import type { AuditDoc } from '../collections';
import type { Ctx } from '../ctx';

const PAGE_SIZE = 50;

/**
 * The log newest first, 50 lines a page, filtered by action and/or actor. Each filter with the sort
 * is one of the collection's indexes (collections.ts), so neither store scans the log; the actors'
 * 工号 come from one roster read for the page, however many lines it has.
 */
export async function auditList(input: ParsedInput<'audit.list'>, ctx: Ctx): Promise<ActionOutput<'audit.list'>> {
  const page = input.page ?? 1;
  const filter: Filter<AuditDoc> = {};
  if (input.action) filter.action = input.action;
  if (input.actorId) filter.actorId = input.actorId;
  const audit = ctx.store.collection('audit');
  const [docs, total] = await Promise.all([
    audit.find(filter, { sort: { at: -1 }, skip: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    audit.count(filter),
  ]);
  const actorIds = [...new Set(docs.map((d) => d.actorId))];
  const actors =
    actorIds.length === 0
      ? []
      : await ctx.store.collection('staff').find({ _id: { in: actorIds } }, { limit: actorIds.length });
  const staffNoOf = new Map(actors.map((s) => [s._id, s.staffNo]));
  const items = docs.map((d) => {
    const entry: AuditEntry = { id: d._id, at: d.at, actorId: d.actorId, actorName: d.actorName, action: d.action };
    const staffNo = staffNoOf.get(d.actorId);
    if (staffNo) entry.actorStaffNo = staffNo;
    if (d.target) entry.target = d.target;
    return entry;
  });
  return { items, total, page, pageSize: PAGE_SIZE };
}
