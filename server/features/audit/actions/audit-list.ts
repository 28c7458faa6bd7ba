import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import type { Ctx } from '../ctx';

const PAGE_SIZE = 50;

export async function auditList(input: ParsedInput<'audit.list'>, ctx: Ctx): Promise<ActionOutput<'audit.list'>> {
  const pageSize = PAGE_SIZE;
  const page = input.page ?? 1;
  const audit = ctx.store.collection('audit');
  const [docs, total] = await Promise.all([
    audit.find({}, { sort: { at: -1 }, skip: (page - 1) * pageSize, limit: pageSize }),
    audit.count({}),
  ]);
  const items = docs.map((d) => ({
    id: d._id,
    at: d.at,
    actorId: d.actorId,
    actorName: d.actorName,
    action: d.action,
    ...(d.target ? { target: d.target } : {}),
  }));
  return { items, total, page, pageSize };
}
