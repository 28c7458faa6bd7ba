import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { AppError, ruleError } from '../../../../src/core/errors';
import { member } from '../../../kernel/context';
import { issueBindCode } from '../bind-codes';
import type { Ctx } from '../ctx';
import { rosterWhere } from '../roster';
import { staffAdminView } from '../views';

/** Most entries one sheet issues codes for: a department, or a whole unit of a few hundred. */
const SHEET_MAX = 500;

/** A one-time code for one unbound entry, shown once to the admin (only its hash is kept). */
export async function staffBindCodeIssue(
  input: ParsedInput<'staff.bindCode.issue'>,
  ctx: Ctx,
): Promise<ActionOutput<'staff.bindCode.issue'>> {
  const staff = await ctx.store.collection('staff').get(input.staffId);
  if (!staff) throw new AppError('NOT_FOUND', '找不到该人员');
  ctx.auditTarget(`staff:${staff.staffNo}`);
  if (!staff.active) throw ruleError('staffInactive', '该人员已停用，请先启用');
  if (staff.openid !== null) throw ruleError('alreadyBound', '该工号已绑定微信，无需绑定码；如需换绑请先解除绑定');
  const { code, expiresAt } = await issueBindCode(ctx.store, staff, member(ctx), ctx.clock.now());
  return { staff: { ...staffAdminView(staff), bindCodeExpiresAt: expiresAt }, code, expiresAt };
}

/**
 * Codes for every active, unbound entry of a department (or of the unit) at once, for a printed sheet
 * to hand out after an import. Each earlier code of those entries stops working.
 */
export async function staffBindCodeSheet(
  input: ParsedInput<'staff.bindCode.sheet'>,
  ctx: Ctx,
): Promise<ActionOutput<'staff.bindCode.sheet'>> {
  const filter = input.department
    ? { active: true, openid: null, department: input.department }
    : { active: true, openid: null };
  const entries = await rosterWhere(ctx.store, filter);
  ctx.auditTarget(input.department ? `department:${input.department}` : 'unit');
  if (entries.length === 0) throw ruleError('nobodyUnbound', '没有需要发放绑定码的人员（都已绑定或已停用）');
  if (entries.length > SHEET_MAX)
    throw ruleError('sheetTooLarge', `一次最多生成 ${SHEET_MAX} 个绑定码，请按部门分别生成`);
  const now = ctx.clock.now();
  const by = member(ctx);
  const items: ActionOutput<'staff.bindCode.sheet'>['items'] = [];
  let expiresAt = '';
  for (const staff of entries) {
    const issued = await issueBindCode(ctx.store, staff, by, now);
    expiresAt = issued.expiresAt;
    items.push({
      staffId: staff._id,
      staffNo: staff.staffNo,
      name: staff.name,
      department: staff.department,
      code: issued.code,
    });
  }
  items.sort((a, b) =>
    a.department === b.department ? a.staffNo.localeCompare(b.staffNo) : a.department.localeCompare(b.department, 'zh'),
  );
  return { items, expiresAt };
}
