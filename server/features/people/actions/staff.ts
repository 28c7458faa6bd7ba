import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { importRowSchema, STAFF_PAGE_SIZE } from '../../../../src/core/people/contract';
import { AppError, ruleError } from '../../../../src/core/errors';
import type { ImportRowResult } from '../../../../src/core/people/views';
import { normalizeRoles } from '../../../../src/core/roles';
import { type Ctx, member } from '../../../kernel/context';
import { newId } from '../../../kernel/ids';
import { isDuplicate } from '../../../store/port';
import type { StaffDoc } from '../../schema';
import { matchesQuery, rosterWhere, writeKeepingAnAdmin } from '../roster';
import { staffAdminView, staffPick } from '../views';

const SEARCH_LIMIT = 20;

export async function staffSearch(input: ParsedInput<'staff.search'>, ctx: Ctx): Promise<ActionOutput<'staff.search'>> {
  const active = await rosterWhere(ctx.store, { active: true });
  return { items: active.filter((s) => matchesQuery(s, input.q)).slice(0, SEARCH_LIMIT).map(staffPick) };
}

export async function staffList(input: ParsedInput<'staff.list'>, ctx: Ctx): Promise<ActionOutput<'staff.list'>> {
  const status = input.status ?? 'active';
  const everyone = await rosterWhere(ctx.store, status === 'all' ? {} : { active: status === 'active' });
  const departments = [...new Set(everyone.map((s) => s.department))].sort((a, b) => a.localeCompare(b, 'zh'));
  const matching = everyone.filter(
    (s) => matchesQuery(s, input.q ?? '') && (!input.department || s.department === input.department),
  );
  const page = input.page ?? 1;
  const items = matching.slice((page - 1) * STAFF_PAGE_SIZE, page * STAFF_PAGE_SIZE).map(staffAdminView);
  return { items, total: matching.length, page, pageSize: STAFF_PAGE_SIZE, departments };
}

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
        await staff.update({ _id: existing._id }, { set: { ...fields, roles, updatedAt: at } });
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
      await staff.insert(doc);
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

const lastAdmin = () => ruleError('lastAdmin', '至少需要保留一名在职管理员');

async function loadStaff(ctx: Ctx, staffId: string): Promise<StaffDoc> {
  const doc = await ctx.store.collection('staff').get(staffId);
  if (!doc) throw new AppError('NOT_FOUND', '找不到该人员');
  return doc;
}

async function save(ctx: Ctx, doc: StaffDoc, set: Partial<StaffDoc>): Promise<StaffDoc> {
  const next = { ...doc, ...set, updatedAt: ctx.clock.now().toISOString() };
  await ctx.store.collection('staff').update({ _id: doc._id }, { set: { ...set, updatedAt: next.updatedAt } });
  ctx.auditTarget(`staff:${doc.staffNo}`);
  return next;
}

export async function staffSetRoles(
  input: ParsedInput<'staff.setRoles'>,
  ctx: Ctx,
): Promise<ActionOutput<'staff.setRoles'>> {
  const doc = await loadStaff(ctx, input.staffId);
  const roles = normalizeRoles(input.roles);
  let saved = doc;
  const written = await writeKeepingAnAdmin(ctx.store, doc, { roles, active: doc.active }, async () => {
    saved = await save(ctx, doc, { roles });
  });
  if (!written) throw lastAdmin();
  return { staff: staffAdminView(saved) };
}

export async function staffUnbind(input: ParsedInput<'staff.unbind'>, ctx: Ctx): Promise<ActionOutput<'staff.unbind'>> {
  const doc = await loadStaff(ctx, input.staffId);
  if (doc.openid === null) return { staff: staffAdminView(doc), already: true };
  return { staff: staffAdminView(await save(ctx, doc, { openid: null, boundAt: null })) };
}

export async function staffDeactivate(
  input: ParsedInput<'staff.deactivate'>,
  ctx: Ctx,
): Promise<ActionOutput<'staff.deactivate'>> {
  const doc = await loadStaff(ctx, input.staffId);
  if (!doc.active) return { staff: staffAdminView(doc), already: true };
  if (doc._id === member(ctx)._id) throw ruleError('self', '不能停用自己的账号');
  let saved = doc;
  const written = await writeKeepingAnAdmin(ctx.store, doc, { roles: doc.roles, active: false }, async () => {
    saved = await save(ctx, doc, { active: false });
  });
  if (!written) throw lastAdmin();
  return { staff: staffAdminView(saved) };
}

export async function staffActivate(
  input: ParsedInput<'staff.activate'>,
  ctx: Ctx,
): Promise<ActionOutput<'staff.activate'>> {
  const doc = await loadStaff(ctx, input.staffId);
  if (doc.active) return { staff: staffAdminView(doc), already: true };
  return { staff: staffAdminView(await save(ctx, doc, { active: true })) };
}
