import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { importRowSchema } from '../../../../src/core/people/contract';
import type { ImportRowResult } from '../../../../src/core/people/views';
import { normalizeRoles } from '../../../../src/core/roles';
import type { Ctx } from '../ctx';
import { newId } from '../../../kernel/ids';
import { isDuplicate } from '../../../store/port';
import type { StaffDoc } from '../../../kernel/member';
import { writeKeepingAnAdmin } from '../roster';
import { moveHeadcount } from '../headcount';

export async function staffImport(input: ParsedInput<'staff.import'>, ctx: Ctx): Promise<ActionOutput<'staff.import'>> {
  const staff = ctx.store.collection('staff');
  const results: ImportRowResult[] = [];
  const seen = new Map<string, number>();
  const at = ctx.clock.now().toISOString();
  for (const [index, raw] of input.rows.entries()) {
    const line = index + 1;
    const parsed = importRowSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.map(String).join('.');
      const reason = issue.code === 'unrecognized_keys' ? `不支持的列：${issue.keys.join('、')}` : issue.message;
      results.push({ line, status: 'error', message: field ? `${reason}（${field}）` : reason, ...staffNoOf(raw) });
      continue;
    }
    const row = parsed.data;
    const firstLine = seen.get(row.staffNo);
    if (firstLine !== undefined) {
      results.push({ line, staffNo: row.staffNo, status: 'error', message: `工号与第 ${firstLine} 行重复` });
      continue;
    }
    seen.set(row.staffNo, line);
    const [existing] = await staff.find({ staffNo: row.staffNo }, { limit: 1 });
    const fields = {
      name: row.name,
      department: row.department,
      ...(row.branch !== undefined ? { branch: row.branch } : {}),
      ...(row.phone !== undefined ? { phone: row.phone } : {}),
      ...(row.gender !== undefined ? { gender: row.gender } : {}),
    };
    if (existing) {
      const roles = row.roles ? normalizeRoles(row.roles) : existing.roles;
      const written = await writeKeepingAnAdmin(ctx.store, existing, { roles, active: existing.active }, async () => {
        await ctx.store.transaction(async (tx) => {
          await tx.collection('staff').update({ _id: existing._id }, { set: { ...fields, roles, updatedAt: at } });
          await moveHeadcount(tx, existing, { ...existing, ...fields, roles });
        });
      });
      results.push(
        written
          ? { line, staffNo: row.staffNo, status: 'updated' }
          : { line, staffNo: row.staffNo, status: 'error', message: '至少需要保留一名在职管理员' },
      );
      continue;
    }
    const doc: StaffDoc = {
      _id: newId(),
      staffNo: row.staffNo,
      ...fields,
      roles: normalizeRoles(row.roles ?? []),
      active: true,
      openid: null,
      boundAt: null,
      createdAt: at,
      updatedAt: at,
    };
    try {
      await ctx.store.transaction(async (tx) => {
        await tx.collection('staff').insert(doc);
        await moveHeadcount(tx, null, doc);
      });
      results.push({ line, staffNo: row.staffNo, status: 'created' });
    } catch (error) {
      if (!isDuplicate(error)) throw error;
      results.push({ line, staffNo: row.staffNo, status: 'error', message: '工号已存在（同时有其他导入）' });
    }
  }
  ctx.auditTarget(`rows:${input.rows.length}`);
  const count = (s: ImportRowResult['status']) => results.filter((r) => r.status === s).length;
  return { results, created: count('created'), updated: count('updated'), failed: count('error') };
}

function staffNoOf(raw: unknown): { staffNo?: string } {
  if (typeof raw !== 'object' || raw === null) return {};
  const value = (raw as { staffNo?: unknown }).staffNo;
  return typeof value === 'string' && value.length <= 32 ? { staffNo: value } : {};
}
