import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { STAFF_PAGE_SIZE } from '../../../../src/core/people/contract';
import type { Ctx } from '../ctx';
import { bindCodeExpiries } from '../bind-codes';
import { matchesQuery, rosterWhere } from '../roster';
import { staffAdminView, staffPick } from '../views';

const SEARCH_LIMIT = 20;

export async function staffSearch(input: ParsedInput<'staff.search'>, ctx: Ctx): Promise<ActionOutput<'staff.search'>> {
  const active = await rosterWhere(ctx.store, { active: true });
  return {
    items: active
      .filter((s) => matchesQuery(s, input.q))
      .slice(0, SEARCH_LIMIT)
      .map(staffPick),
  };
}

export async function staffList(input: ParsedInput<'staff.list'>, ctx: Ctx): Promise<ActionOutput<'staff.list'>> {
  const status = input.status ?? 'active';
  const everyone = await rosterWhere(ctx.store, status === 'all' ? {} : { active: status === 'active' });
  const departments = [...new Set(everyone.map((s) => s.department))].sort((a, b) => a.localeCompare(b, 'zh'));
  const matching = everyone.filter(
    (s) => matchesQuery(s, input.q ?? '') && (!input.department || s.department === input.department),
  );
  const page = input.page ?? 1;
  const shown = matching.slice((page - 1) * STAFF_PAGE_SIZE, page * STAFF_PAGE_SIZE);
  const codes = await bindCodeExpiries(
    ctx.store,
    shown.filter((s) => s.openid === null).map((s) => s._id),
    ctx.clock.now(),
  );
  const items = shown.map((s) => {
    const view = staffAdminView(s);
    const expiresAt = codes.get(s._id);
    return expiresAt ? { ...view, bindCodeExpiresAt: expiresAt } : view;
  });
  return { items, total: matching.length, page, pageSize: STAFF_PAGE_SIZE, departments };
}
