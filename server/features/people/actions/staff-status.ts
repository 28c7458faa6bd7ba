import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { AppError, ruleError } from '../../../../src/core/errors';
import { normalizeRoles } from '../../../../src/core/roles';
import { member } from '../../../kernel/context';
import type { Ctx } from '../ctx';
import type { StaffDoc } from '../../../kernel/member';
import { isPrivileged, rolesText, tellAdmins } from '../admin-notices';
import { unbindKeepingAnAdmin, writeKeepingAnAdmin } from '../roster';
import { moveHeadcount } from '../headcount';
import { staffAdminView } from '../views';

const lastAdmin = () => ruleError('lastAdmin', '至少需要保留一名在职管理员');

async function loadStaff(ctx: Ctx, staffId: string): Promise<StaffDoc> {
  const doc = await ctx.store.collection('staff').get(staffId);
  if (!doc) throw new AppError('NOT_FOUND', '找不到该人员');
  return doc;
}

async function save(ctx: Ctx, doc: StaffDoc, set: Partial<StaffDoc>): Promise<StaffDoc> {
  const next = { ...doc, ...set, updatedAt: ctx.clock.now().toISOString() };
  await ctx.store.transaction(async (tx) => {
    await tx.collection('staff').update({ _id: doc._id }, { set: { ...set, updatedAt: next.updatedAt } });
    await moveHeadcount(tx, doc, next);
  });
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
  if (isPrivileged(doc.roles) || isPrivileged(roles)) {
    if (doc.roles.join() !== saved.roles.join()) {
      await tellAdmins(
        ctx.store,
        {
          title: `${doc.name}的角色已调整`,
          body: `${member(ctx).name}将${doc.name}（${doc.staffNo}）的角色由「${rolesText(doc.roles)}」改为「${rolesText(saved.roles)}」。`,
          exceptId: member(ctx)._id,
        },
        ctx.clock.now(),
      );
    }
  }
  return { staff: staffAdminView(saved) };
}

export async function staffUnbind(input: ParsedInput<'staff.unbind'>, ctx: Ctx): Promise<ActionOutput<'staff.unbind'>> {
  const doc = await loadStaff(ctx, input.staffId);
  if (doc.openid === null) return { staff: staffAdminView(doc), already: true };
  // Unbinding oneself (or the last admin who can sign in) would hand the entry to whoever binds it next.
  if (doc._id === member(ctx)._id) throw ruleError('self', '不能解除自己的绑定');
  let saved = doc;
  const written = await unbindKeepingAnAdmin(ctx.store, doc, async () => {
    saved = await save(ctx, doc, { openid: null, boundAt: null });
  });
  if (!written) throw ruleError('lastAdmin', '至少需要保留一名已绑定的在职管理员');
  if (isPrivileged(doc.roles)) {
    await tellAdmins(
      ctx.store,
      {
        title: `${doc.name}已被解除绑定`,
        body: `${member(ctx).name}解除了${doc.name}（${doc.staffNo}，${rolesText(doc.roles)}）的微信绑定。重新绑定须凭管理员发放的绑定码。`,
        exceptId: member(ctx)._id,
      },
      ctx.clock.now(),
    );
  }
  return { staff: staffAdminView(saved) };
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
