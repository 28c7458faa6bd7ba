import { AppError, ruleError } from '../../../../src/core/errors';
import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import type { Ctx } from '../ctx';
import { newId } from '../../../kernel/ids';
import { isDuplicate } from '../../../store/port';
import type { StaffDoc } from '../../../kernel/member';
import { needsBindCode } from '../../../../src/core/people/rules';
import { isPrivileged, rolesText, tellAdmins } from '../admin-notices';
import { bindCodeMatches, spendBindCode } from '../bind-codes';
import { rosterWhere } from '../roster';
import { staffView } from '../views';

/** DESIGN.md §4: wrong staffNo/name pairs are limited per openid to 5 failures an hour. */
export const BIND_MAX_FAILURES = 5;
export const BIND_WINDOW_MS = 60 * 60 * 1000;

/** Names are compared without any white space, so '王 芳' and '王芳' are the same person. */
function sameName(a: string, b: string): boolean {
  return a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
}

export async function staffBind(input: ParsedInput<'staff.bind'>, ctx: Ctx): Promise<ActionOutput<'staff.bind'>> {
  const openid = ctx.caller.openid;
  if (!openid) throw new AppError('UNAUTHENTICATED', '请先登录');
  const now = ctx.clock.now();
  const failures = ctx.store.collection('bindFailures');
  const since = new Date(now.getTime() - BIND_WINDOW_MS).toISOString();
  const inWindow = { openid, at: { gte: since } };
  const rateLimited = async () => {
    const [oldest] = await failures.find(inWindow, { sort: { at: 1 }, limit: 1 });
    const retryAt = new Date(Date.parse(oldest?.at ?? now.toISOString()) + BIND_WINDOW_MS);
    const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60000));
    return new AppError('RATE_LIMITED', `绑定失败次数过多，请 ${minutes} 分钟后再试`, {
      retryAfterSeconds: Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000)),
    });
  };
  if ((await failures.count(inWindow)) >= BIND_MAX_FAILURES) throw await rateLimited();

  const own = ctx.caller.staff;
  if (own) {
    if (own.staffNo === input.staffNo && sameName(own.name, input.name))
      return { staff: staffView(own), already: true };
    throw new AppError('CONFLICT', `您已绑定工号 ${own.staffNo}，如需更换请联系办公室`);
  }

  // The attempt is counted before the pair is compared, and kept only if it fails: simultaneous
  // guesses (which interleave on CloudBase) then cannot all pass the check above together.
  const attempt = { _id: newId(), openid, at: now.toISOString() };
  await failures.insert(attempt);
  const used = await failures.count(inWindow);
  if (used > BIND_MAX_FAILURES) {
    await failures.remove({ _id: attempt._id });
    throw await rateLimited();
  }
  let failed = false;
  try {
    return await bindPair(input, ctx, openid, now, () => {
      failed = true;
      return BIND_MAX_FAILURES - used;
    });
  } finally {
    if (!failed) await failures.remove({ _id: attempt._id });
  }
}

/** Binds the caller to the member named by the pair; `mismatch()` records a failure and says how many remain. */
async function bindPair(
  input: ParsedInput<'staff.bind'>,
  ctx: Ctx,
  openid: string,
  now: Date,
  mismatch: () => number,
): Promise<ActionOutput<'staff.bind'>> {
  const staff = ctx.store.collection('staff');
  const [target] = await staff.find({ staffNo: input.staffNo }, { limit: 1 });
  if (!target || !sameName(target.name, input.name)) {
    const remaining = mismatch();
    throw new AppError(
      'NOT_FOUND',
      remaining > 0
        ? `工号与姓名不匹配，请核对后重试（还可尝试 ${remaining} 次）`
        : '工号与姓名不匹配，尝试次数已用完，请 1 小时后再试',
      { remaining },
    );
  }
  if (!target.active) throw ruleError('staffInactive', '该工号已停用，请联系办公室');
  if (target.openid !== null) throw new AppError('CONFLICT', '该工号已被其他微信号绑定，如有疑问请联系办公室');
  // An entry that holds a role (and, with the unit's setting, every entry) binds only with the code an
  // admin issued for it: 工号 are sequential and names are known, so they alone are no proof.
  const needsCode = needsBindCode(target.roles, (await ctx.settings()).bindCodeRequired);
  if (needsCode && !input.code) {
    mismatch();
    throw ruleError('bindCode', `该工号需凭绑定码绑定，请向单位管理员（${await adminNames(ctx)}）领取`);
  }
  if (needsCode && !(await bindCodeMatches(ctx.store, target._id, input.code ?? '', now))) {
    const remaining = mismatch();
    throw ruleError(
      'bindCode',
      remaining > 0
        ? `绑定码不正确或已过期（还可尝试 ${remaining} 次）`
        : '绑定码不正确，尝试次数已用完，请 1 小时后再试',
      { remaining },
    );
  }

  const at = now.toISOString();
  let matched: number;
  try {
    // Conditional on still being unbound, so that two phones racing for one number bind once.
    matched = await staff.update({ _id: target._id, openid: null }, { set: { openid, boundAt: at, updatedAt: at } });
  } catch (error) {
    if (isDuplicate(error)) throw new AppError('CONFLICT', '您的微信号已绑定其他工号');
    throw error;
  }
  const bound = (await staff.get(target._id)) as StaffDoc;
  if (matched === 0) {
    if (bound.openid === openid) return { staff: staffView(bound), already: true };
    throw new AppError('CONFLICT', '该工号已被其他微信号绑定，如有疑问请联系办公室');
  }
  if (needsCode) await spendBindCode(ctx.store, target._id);
  if (isPrivileged(bound.roles)) {
    await tellAdmins(
      ctx.store,
      {
        title: `${bound.name}已绑定微信`,
        body: `${bound.name}（${bound.staffNo}，${rolesText(bound.roles)}）的工号刚刚绑定了一个微信号。如非本人操作，请立即在人员名册中解除绑定。`,
        exceptId: bound._id,
      },
      now,
    );
  }
  return { staff: staffView(bound) };
}

/** Whom to ask for a code: the unit's active admins, by name (a few at most). */
async function adminNames(ctx: Ctx): Promise<string> {
  const admins = (await rosterWhere(ctx.store, { active: true })).filter((s) => s.roles.includes('admin'));
  return (
    admins
      .slice(0, 3)
      .map((a) => a.name)
      .join('、') || '办公室'
  );
}
