import { localDayKey, localTimeKey } from '../time';

/** One line of the audit log. */
export interface AuditEntry {
  id: string;
  at: string;
  actorId: string;
  actorName: string;
  /** The actor's 工号, from the roster (one read per page, not per line); absent if the entry is gone. */
  actorStaffNo?: string;
  action: string;
  target?: string;
}

/**
 * What each audited action is called on the audit page: every privileged write of the contract
 * (`write: true`; tests/unit/audit holds the map to the contract). A name not here (an action since
 * renamed) shows as itself.
 */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'staff.import': '导入人员名册',
  'staff.setRoles': '设置角色',
  'staff.unbind': '解除绑定',
  'staff.deactivate': '停用人员',
  'staff.activate': '启用人员',
  'staff.bindCode.issue': '签发绑定码',
  'staff.bindCode.sheet': '批量签发绑定码',
  'settings.update': '修改单位设置',
  'calendar.set': '设置工作日历',
  'calendar.clear': '恢复法定日历',
  'reading.publish': '发布晨读',
  'reading.update': '修改晨读',
  'honor.round.create': '创建好人榜评选',
  'honor.round.advance': '推进评选阶段',
  'honor.round.update': '修改评选',
  'honor.review': '审核推荐',
  'honor.select': '确定入选人',
  'honor.unselect': '撤销入选',
  'honor.nominate': '推荐好人',
  'honor.second': '附议推荐',
  'honor.object': '提出异议',
  'volunteer.event.create': '创建志愿活动',
  'volunteer.event.update': '修改志愿活动',
  'volunteer.event.cancel': '取消志愿活动',
  'volunteer.confirm': '确认志愿时长',
  'activity.create': '创建文体活动',
  'activity.update': '修改文体活动',
  'activity.cancel': '取消文体活动',
  'activity.results': '录入活动成绩',
  'report.export': '导出台账',
  'mailbox.reply': '回复信箱来信',
  'mailbox.close': '办结信箱来信',
};

export function actionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** The choices of the page's action filter, in the order of the map (grouped by feature). */
export const AUDIT_ACTION_OPTIONS: readonly { value: string; label: string }[] = Object.entries(
  AUDIT_ACTION_LABELS,
).map(([value, label]) => ({ value, label }));

const TARGET_KINDS: Readonly<Record<string, string>> = {
  activity: '活动',
  reading: '晨读',
  report: '报表',
  volunteerEvent: '志愿活动',
  settings: '设置项',
  date: '日期',
  honorRound: '评选',
  honorNomination: '推荐',
  staff: '工号',
  staffId: '人员',
  department: '部门',
  rows: '导入行数',
  unit: '全单位',
};

/** A target such as `date:2026-10-01` as 日期 2026-10-01; an unknown kind shows as written. */
export function targetText(target: string | undefined): string {
  if (!target) return '—';
  const cut = target.indexOf(':');
  const kind = cut < 0 ? target : target.slice(0, cut);
  const label = TARGET_KINDS[kind];
  if (!label) return target;
  return cut < 0 ? label : `${label} ${target.slice(cut + 1)}`;
}

/** 'YYYY-MM-DD HH:mm' on the unit's clock, whatever the phone's or the server's zone. */
export function auditWhen(iso: string, timeZone: string): string {
  const at = new Date(iso);
  return `${localDayKey(at, timeZone)} ${localTimeKey(at, timeZone)}`;
}
