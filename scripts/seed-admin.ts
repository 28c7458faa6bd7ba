// `npm run seed:admin -- --env ID --staff-no T0001 --name 李明 [--department 办公室] [--dry-run]`:
// the first administrator of a fresh environment. A unit's roster is imported by an admin in the
// app, so the first one comes from here: a roster entry holding the admin role, unbound, and a
// one-time bind code for it, issued by the people feature's own issuing (a privileged entry binds
// only with a code), written through the CloudBase Store adapter as the cloud function writes. The
// code is printed once (only its hash is stored); the person binds in the app with 工号 + 姓名 + code.
//
// Refused, with nothing changed, once the environment has an active admin: later admins are given
// the role in the app, where it is audited. One exception keeps a fresh environment from locking
// itself out: `--reissue` gives a new code to that same admin while nobody has bound the entry yet.
import { importRowSchema } from '../src/core/people';
import { AppError } from '../src/core/errors';
import { normalizeRoles } from '../src/core/roles';
import type { AppStore } from '../server/features';
import { recordAudit } from '../server/features/audit';
import { issueBindCode, rosterWhere, type StaffDoc } from '../server/features/people';
import { newId } from '../server/kernel/ids';
import { isDuplicate } from '../server/store/port';
import { cloudArgs, runCli, stringOption } from './cloud/args';
import type { Log } from './cloud/manager';
import { openRemoteStore } from './cloud/store';

const ACTOR = { actorId: 'seed:admin', actorName: 'npm run seed:admin' };

export interface SeedAdminResult {
  staffNo: string;
  /** Null in a dry run. */
  code: string | null;
  expiresAt: string | null;
}

const OPTION_OF: Record<string, string> = { staffNo: 'staff-no', name: 'name', department: 'department' };

/** The roster import's own row rules (工号 upper-cased, 姓名 and 部门 cleaned), so the entry is one the app could have made. */
function rowOf(staffNo: string | undefined, name: string | undefined, department: string) {
  const parsed = importRowSchema.safeParse({ staffNo, name, department });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('INVALID_INPUT', `${issue.message}（--${OPTION_OF[String(issue.path[0])] ?? ''}）`);
  }
  return parsed.data;
}

async function issue(store: AppStore, staff: StaffDoc, log: Log): Promise<SeedAdminResult> {
  const now = new Date();
  const { code, expiresAt } = await issueBindCode(store, staff, staff, now);
  await recordAudit(store, { at: now, ...ACTOR, action: 'staff.bindCode.issue', target: `staff:${staff.staffNo}` });
  const until = new Date(expiresAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  log(`绑定码：${code}（北京时间 ${until} 前有效，只显示这一次）`);
  log(`请 ${staff.name} 在小程序的「绑定工号」页输入工号 ${staff.staffNo}、姓名 ${staff.name} 和这个绑定码完成绑定。`);
  return { staffNo: staff.staffNo, code, expiresAt };
}

export async function seedAdmin(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  log: Log = console.log,
): Promise<SeedAdminResult> {
  const args = cloudArgs(argv, env, {
    'staff-no': { type: 'string' },
    name: { type: 'string' },
    department: { type: 'string' },
    reissue: { type: 'boolean' },
  });
  const row = rowOf(
    stringOption(args, 'staff-no'),
    stringOption(args, 'name'),
    stringOption(args, 'department') ?? '办公室',
  );
  if (args.dryRun || args.credentials === null) {
    log(
      `试运行：将在环境 ${args.envId} 的名单中加入管理员 ${row.staffNo} ${row.name}（${row.department}），未绑定，并签发绑定码`,
    );
    return { staffNo: row.staffNo, code: null, expiresAt: null };
  }
  const store = openRemoteStore(args.envId, args.credentials);
  try {
    const admins = (await rosterWhere(store, { active: true })).filter((s) => s.roles.includes('admin'));
    if (admins.length > 0) {
      const same = admins.find((a) => a.staffNo === row.staffNo && a.openid === null);
      if (args.values.reissue === true && same && admins.every((a) => a.openid === null)) {
        log(`管理员 ${same.staffNo} ${same.name} 尚未绑定：重新签发绑定码，此前的绑定码作废`);
        return await issue(store, same, log);
      }
      const names = admins.map((a) => `${a.staffNo} ${a.name}${a.openid === null ? '（未绑定）' : ''}`).join('、');
      const hint = same
        ? '；如绑定码已过期，加 --reissue 重新签发'
        : '；其他管理员请由现有管理员在小程序「管理 → 人员」中设置';
      throw new AppError('CONFLICT', `该环境已有管理员：${names}，未做改动${hint}`);
    }
    const [existing] = await store.collection('staff').find({ staffNo: row.staffNo }, { limit: 1 });
    if (existing) throw new AppError('CONFLICT', `工号 ${row.staffNo} 已在名单中（${existing.name}），未做改动`);
    const at = new Date().toISOString();
    const staff: StaffDoc = {
      _id: newId(),
      staffNo: row.staffNo,
      name: row.name,
      department: row.department,
      roles: normalizeRoles(['admin']),
      active: true,
      openid: null,
      boundAt: null,
      createdAt: at,
      updatedAt: at,
    };
    try {
      await store.collection('staff').insert(staff);
    } catch (error) {
      if (isDuplicate(error)) throw new AppError('CONFLICT', `工号 ${row.staffNo} 已在名单中，未做改动`);
      throw error;
    }
    await recordAudit(store, { at: new Date(at), ...ACTOR, action: 'staff.import', target: `staff:${staff.staffNo}` });
    log(`已在环境 ${args.envId} 创建管理员 ${staff.staffNo} ${staff.name}（${staff.department}），尚未绑定微信`);
    return await issue(store, staff, log);
  } finally {
    await store.close();
  }
}

if (require.main === module) runCli(() => seedAdmin(process.argv.slice(2), process.env));
